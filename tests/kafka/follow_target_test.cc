#include "kafka/follow_target.h"

#include <gtest/gtest.h>

namespace dealstream::kafka {
namespace {

TEST(FollowTargetTest, SplitsBrokersAndTopicAtTheLastSlash) {
  auto t = ParseFollowTarget("127.0.0.1:9092/crm.events");
  ASSERT_TRUE(t.ok()) << t.error().message();
  EXPECT_EQ(*t, (FollowTarget{"127.0.0.1:9092", "crm.events"}));
  auto many = ParseFollowTarget("k1:9092,k2:9093/crm_events-v2");
  ASSERT_TRUE(many.ok());
  EXPECT_EQ(many->brokers, "k1:9092,k2:9093");
  EXPECT_EQ(many->topic, "crm_events-v2");
}

TEST(FollowTargetTest, RefusesMalformedTargetsNamingThePart) {
  for (const char* bad : {"127.0.0.1:9092", "127.0.0.1/crm.events", ":9092/t", "h:0/t", "h:70000/t",
                          "h:9092/", "h:9092/a b", "h:9092/..", "h:x/t", "h:9092,/t"}) {
    auto t = ParseFollowTarget(bad);
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_NE(ParseFollowTarget("h:9092/a b").error().message().find("topic"), std::string::npos);
  EXPECT_NE(ParseFollowTarget("h:x/t").error().message().find("port"), std::string::npos);
}

TEST(FollowTargetTest, TopicLengthLimit) {
  EXPECT_TRUE(ValidateTopic(std::string(249, 'a')).ok());
  EXPECT_FALSE(ValidateTopic(std::string(250, 'a')).ok());
}

}  // namespace
}  // namespace dealstream::kafka
