// Knowledge articles (DESIGN §2.9): given events, when a command, then the
// events or the named rule that refused it.
#include <gtest/gtest.h>

#include "domain/knowledge/knowledge_article.h"
#include "tests/domain/conventions.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using A = KnowledgeArticleAggregate;
using L = KnowledgeLinkTarget;
using testing::Emits;
using testing::IsRefused;
using testing::Usd;

class KnowledgeArticleTest : public ::testing::Test {
 protected:
  KnowledgeArticleTest() {
    directory_.opportunities["o1"] = {Id{"o1"}, Id{"acme"}, Id{"li"}, std::nullopt, "lost",
                                      Usd(100)};
    directory_.competitors["rival"] = {Id{"rival"}, "Rival Corp"};
    directory_.products["p1"] = {Id{"p1"}, "GTX-500", "GTX Pro", Usd(550000), "GTX", false};
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return testing::GivenWhen<A>(given, command,
                                 DecideContext{testing::TestNow(), Id{"li"}, directory_});
  }

  static KnowledgeArticlePublished Published() {
    return KnowledgeArticlePublished{Id{"k1"},
                                     KnowledgeKind::kLostDealLesson,
                                     "Why we lost Acme",
                                     "Rival undercut us by 20% on the GTX line.",
                                     {"pricing", "gtx"},
                                     {{L::kOpportunity, Id{"o1"}}, {L::kCompetitor, Id{"rival"}}},
                                     Id{"li"}};
  }

  testing::FakeDirectory directory_;
};

TEST_F(KnowledgeArticleTest, CommandsAndEventsFollowTheConventions) {
  testing::ConventionChecker checker;
  checker.CheckAggregate<A>();
}

TEST_F(KnowledgeArticleTest, PublishesWithTagsAndLinks) {
  PublishKnowledgeArticle publish{Id{"k1"}, KnowledgeKind::kLostDealLesson, "Why we lost Acme",
                                  "Rival undercut us by 20% on the GTX line.",
                                  std::vector<std::string>{"pricing", "gtx"},
                                  std::vector<KnowledgeLink>{{L::kOpportunity, Id{"o1"}},
                                                             {L::kCompetitor, Id{"rival"}}}};
  EXPECT_TRUE(Emits(When({}, publish), {Published()}));
  KnowledgeArticleState state = testing::StateAfter<A>({Published()}, testing::TestNow());
  EXPECT_TRUE(state.exists);
  EXPECT_EQ(state.revision, 1);
  EXPECT_EQ(state.author_id, Id{"li"});
  EXPECT_EQ(state.published_at, testing::TestNow());
  EXPECT_EQ(state.links.size(), 2u);
}

TEST_F(KnowledgeArticleTest, PublishingEnforcesItsRules) {
  auto publish = [](std::string title, std::string body) {
    return PublishKnowledgeArticle{Id{"k2"}, KnowledgeKind::kProductAnswer, std::move(title),
                                   std::move(body)};
  };
  PublishKnowledgeArticle no_id = publish("t", "b");
  no_id.id.reset();
  EXPECT_TRUE(IsRefused(When({}, no_id), "id_required", "id"));
  EXPECT_TRUE(IsRefused(When({Published()}, PublishKnowledgeArticle{Id{"k1"},
                                                                     KnowledgeKind::kProductAnswer,
                                                                     "t", "b"}),
                        "article_exists", ""));
  EXPECT_TRUE(IsRefused(When({}, publish(" ", "b")), "title_blank", "title"));
  EXPECT_TRUE(IsRefused(When({}, publish("t", "\n")), "body_blank", "body"));

  PublishKnowledgeArticle tags = publish("t", "b");
  tags.tags = std::vector<std::string>{"ok", "Not-Lower"};
  EXPECT_TRUE(IsRefused(When({}, tags), "tag_invalid", "tags[1]"));
  tags.tags = std::vector<std::string>{"gtx", "gtx"};
  EXPECT_TRUE(IsRefused(When({}, tags), "tag_duplicate", "tags[1]"));
  tags.tags = std::vector<std::string>(kMaxArticleTags + 1, "x");
  EXPECT_TRUE(IsRefused(When({}, tags), "too_many_tags", "tags"));

  PublishKnowledgeArticle links = publish("t", "b");
  links.links = std::vector<KnowledgeLink>{{L::kProduct, Id{"p1"}}, {L::kProduct, Id{"p9"}}};
  EXPECT_TRUE(IsRefused(When({}, links), "product_not_found", "links[1].id"));
  links.links = std::vector<KnowledgeLink>{{L::kOpportunity, Id{"o9"}}};
  EXPECT_TRUE(IsRefused(When({}, links), "opportunity_not_found", "links[0].id"));
  links.links = std::vector<KnowledgeLink>{{L::kProduct, Id{"p1"}}, {L::kProduct, Id{"p1"}}};
  EXPECT_TRUE(IsRefused(When({}, links), "link_duplicate", "links[1]"));
}

TEST_F(KnowledgeArticleTest, RevisesOnlyWhatChangedWithPreviousValues) {
  ReviseKnowledgeArticle revise{Id{"k1"}, "Why we lost Acme (2017)", std::nullopt,
                                std::vector<std::string>{"pricing"}, "added the year"};
  KnowledgeArticleRevised expected{Id{"k1"}, 2};
  expected.title = "Why we lost Acme (2017)";
  expected.previous_title = "Why we lost Acme";
  expected.tags = std::vector<std::string>{"pricing"};
  expected.previous_tags = std::vector<std::string>{"pricing", "gtx"};
  expected.note = "added the year";
  expected.revised_by = Id{"li"};
  EXPECT_TRUE(Emits(When({Published()}, revise), {expected}));

  KnowledgeArticleState state = testing::StateAfter<A>({Published(), expected});
  EXPECT_EQ(state.revision, 2);
  EXPECT_EQ(state.title, "Why we lost Acme (2017)");
  EXPECT_EQ(state.body, Published().body);
  EXPECT_EQ(state.tags, std::vector<std::string>{"pricing"});
  EXPECT_TRUE(state.revised_at.has_value());

  ReviseKnowledgeArticle body_only{Id{"k1"}, std::nullopt, "New body."};
  KnowledgeArticleRevised third{Id{"k1"}, 3};
  third.body = "New body.";
  third.revised_by = Id{"li"};
  EXPECT_TRUE(Emits(When({Published(), expected}, body_only), {third}));
}

TEST_F(KnowledgeArticleTest, RevisionRules) {
  EXPECT_TRUE(IsRefused(When({}, ReviseKnowledgeArticle{Id{"k1"}, "t"}), "article_not_found",
                        "article_id"));
  EXPECT_TRUE(IsRefused(When({Published()}, ReviseKnowledgeArticle{Id{"k1"}, Published().title}),
                        "nothing_to_revise", ""));
  EXPECT_TRUE(IsRefused(When({Published()}, ReviseKnowledgeArticle{Id{"k1"}, " "}), "title_blank",
                        "title"));
  EXPECT_TRUE(IsRefused(When({Published()}, ReviseKnowledgeArticle{Id{"k1"}, std::nullopt, ""}),
                        "body_blank", "body"));
  EXPECT_TRUE(IsRefused(When({Published()}, ReviseKnowledgeArticle{Id{"k1"}, std::nullopt,
                                                                    std::nullopt,
                                                                    std::vector<std::string>{"A"}}),
                        "tag_invalid", "tags[0]"));
  const std::vector<A::Event> withdrawn = {Published(),
                                           KnowledgeArticleWithdrawn{Id{"k1"}, "outdated"}};
  EXPECT_TRUE(IsRefused(When(withdrawn, ReviseKnowledgeArticle{Id{"k1"}, "t"}),
                        "article_withdrawn", "article_id"));
}

TEST_F(KnowledgeArticleTest, LinksAndUnlinks) {
  EXPECT_TRUE(Emits(When({Published()}, LinkKnowledgeArticle{Id{"k1"}, L::kProduct, Id{"p1"}}),
                    {KnowledgeArticleLinked{Id{"k1"}, {L::kProduct, Id{"p1"}}}}));
  EXPECT_TRUE(IsRefused(When({Published()}, LinkKnowledgeArticle{Id{"k1"}, L::kProduct, Id{"p9"}}),
                        "product_not_found", "target_id"));
  EXPECT_TRUE(IsRefused(
      When({Published()}, LinkKnowledgeArticle{Id{"k1"}, L::kCompetitor, Id{"rival"}}),
      "already_linked", "target_id"));
  EXPECT_TRUE(Emits(
      When({Published()}, UnlinkKnowledgeArticle{Id{"k1"}, L::kCompetitor, Id{"rival"}}),
      {KnowledgeArticleUnlinked{Id{"k1"}, {L::kCompetitor, Id{"rival"}}}}));
  EXPECT_TRUE(IsRefused(
      When({Published()}, UnlinkKnowledgeArticle{Id{"k1"}, L::kProduct, Id{"p1"}}),
      "link_not_found", "target_id"));

  KnowledgeArticleState state = testing::StateAfter<A>(
      {Published(), KnowledgeArticleLinked{Id{"k1"}, {L::kProduct, Id{"p1"}}},
       KnowledgeArticleUnlinked{Id{"k1"}, {L::kOpportunity, Id{"o1"}}}});
  EXPECT_EQ(state.links, (std::vector<KnowledgeLink>{{L::kCompetitor, Id{"rival"}},
                                                     {L::kProduct, Id{"p1"}}}));
}

TEST_F(KnowledgeArticleTest, WithdrawsWithAReasonOnce) {
  EXPECT_TRUE(Emits(When({Published()}, WithdrawKnowledgeArticle{Id{"k1"}, "price list changed"}),
                    {KnowledgeArticleWithdrawn{Id{"k1"}, "price list changed"}}));
  EXPECT_TRUE(IsRefused(When({Published()}, WithdrawKnowledgeArticle{Id{"k1"}, " "}),
                        "reason_required", "reason"));
  const std::vector<A::Event> withdrawn = {Published(),
                                           KnowledgeArticleWithdrawn{Id{"k1"}, "outdated"}};
  EXPECT_TRUE(IsRefused(When(withdrawn, WithdrawKnowledgeArticle{Id{"k1"}, "again"}),
                        "article_withdrawn", "article_id"));
  EXPECT_TRUE(IsRefused(
      When(withdrawn, LinkKnowledgeArticle{Id{"k1"}, L::kProduct, Id{"p1"}}),
      "article_withdrawn", "article_id"));
  EXPECT_TRUE(testing::StateAfter<A>(withdrawn).withdrawn);
}

TEST(KnowledgeTagTest, TagsAreLowerCaseWords) {
  EXPECT_TRUE(IsValidArticleTag("gtx-500"));
  EXPECT_TRUE(IsValidArticleTag("win_lesson"));
  EXPECT_TRUE(IsValidArticleTag("2017"));
  EXPECT_FALSE(IsValidArticleTag(""));
  EXPECT_FALSE(IsValidArticleTag("-x"));
  EXPECT_FALSE(IsValidArticleTag("two words"));
  EXPECT_FALSE(IsValidArticleTag("Upper"));
  EXPECT_FALSE(IsValidArticleTag(std::string(kMaxArticleTag + 1, 'a')));
}

}  // namespace
}  // namespace dealstream::domain
