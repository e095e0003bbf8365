#include "domain/contact/contact.h"

#include <gtest/gtest.h>

#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Day;
using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using A = ContactAggregate;

class ContactTest : public ::testing::Test {
 protected:
  ContactTest() {
    directory_.customers["c1"] = {Id{"c1"}, "Huaxin Steel", Id{"li"}, Id{"east"},
                                  "target", false,          false,    {}};
    directory_.customers["c2"] = {Id{"c2"}, "Baoyu Metals", Id{"li"}, Id{"east"},
                                  "target", false,          false,    {}};
    directory_.customers["archived"] = {Id{"archived"}, "A",  Id{"li"}, Id{"east"},
                                        "target",       true, false,    {}};
    directory_.customers["merged"] = {Id{"merged"}, "M",   Id{"li"}, Id{"east"},
                                      "target",     false, true,     Id{"c1"}};
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"li"}, directory_});
  }

  static ContactAdded Added() {
    return ContactAdded{
        Id{"k1"}, Id{"c1"}, "CIO", "IT",
        ContactPersonalData{"Zhang Wei", "+86 139 0000 0000", "zhang.wei@huaxin.example", "go, tea",
                            Day(1970, 5, 4)}};
  }
  static std::vector<A::Event> Zhang(std::vector<A::Event> more = {}) {
    std::vector<A::Event> events = {Added()};
    events.insert(events.end(), more.begin(), more.end());
    return events;
  }

  FakeDirectory directory_;
};

TEST_F(ContactTest, AddsAContactWithPersonalDataKeptApart) {
  AddContact add{Id{"k1"},
                 Id{"c1"},
                 "Zhang Wei",
                 "CIO",
                 "IT",
                 "+86 139 0000 0000",
                 "zhang.wei@huaxin.example",
                 "go, tea",
                 Day(1970, 5, 4)};
  EXPECT_TRUE(Emits(When({}, add), {Added()}));
  EXPECT_TRUE(Emits(When({}, AddContact{Id{"k2"}, Id{"c1"}, "Li Qiang"}),
                    {ContactAdded{Id{"k2"}, Id{"c1"}, std::nullopt, std::nullopt,
                                  ContactPersonalData{"Li Qiang"}}}));
}

TEST_F(ContactTest, AddRules) {
  EXPECT_TRUE(IsRefused(When({}, AddContact{std::nullopt, Id{"c1"}, "X"}), "id_required", "id"));
  EXPECT_TRUE(IsRefused(When(Zhang(), AddContact{Id{"k1"}, Id{"c1"}, "X"}), "contact_exists", ""));
  EXPECT_TRUE(IsRefused(When({}, AddContact{Id{"k1"}, Id{"nope"}, "X"}), "customer_not_found",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(When({}, AddContact{Id{"k1"}, Id{"archived"}, "X"}), "customer_archived",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(When({}, AddContact{Id{"k1"}, Id{"merged"}, "X"}), "customer_merged",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(When({}, AddContact{Id{"k1"}, Id{"c1"}, " "}), "name_blank", "name"));
  AddContact bad_email{Id{"k1"}, Id{"c1"}, "X"};
  bad_email.email = "13900000000";
  EXPECT_TRUE(IsRefused(When({}, bad_email), "email_invalid", "email"));
  AddContact unborn{Id{"k1"}, Id{"c1"}, "X"};
  unborn.birthday = Day(2017, 3, 16);
  EXPECT_TRUE(IsRefused(When({}, unborn), "birthday_in_future", "birthday"));
}

TEST_F(ContactTest, UpdateListsOnlyChangedFieldsAndKeepsPersonalOnesApart) {
  UpdateContact update{Id{"k1"}};
  update.title = "CTO";
  update.phone = "";                          // cleared
  update.email = "zhang.wei@huaxin.example";  // unchanged
  update.birthday = Day(1970, 5, 5);
  ContactUpdated expected{
      Id{"k1"}, Id{"c1"}, TextChange{"CTO", "CIO"}, std::nullopt,
      ContactPersonalChanges{std::nullopt, TextChange{std::nullopt, "+86 139 0000 0000"},
                             std::nullopt, std::nullopt,
                             DateChange{Day(1970, 5, 5), Day(1970, 5, 4)}}};
  EXPECT_TRUE(Emits(When(Zhang(), update), {expected}));
  // A business-only change carries no personal object at all.
  UpdateContact title_only{Id{"k1"}};
  title_only.department = "Group IT";
  EXPECT_TRUE(Emits(When(Zhang(), title_only),
                    {ContactUpdated{Id{"k1"}, Id{"c1"}, std::nullopt, TextChange{"Group IT", "IT"},
                                    std::nullopt}}));
  UpdateContact forget_birthday{Id{"k1"}};
  forget_birthday.clear_birthday = true;
  ContactPersonalChanges cleared;
  cleared.birthday = DateChange{std::nullopt, Day(1970, 5, 4)};
  EXPECT_TRUE(Emits(When(Zhang(), forget_birthday),
                    {ContactUpdated{Id{"k1"}, Id{"c1"}, std::nullopt, std::nullopt, cleared}}));

  ContactState after = testing::StateAfter<A>(Zhang({expected}));
  EXPECT_EQ(after.title, "CTO");
  EXPECT_EQ(after.personal.phone, std::nullopt);
  EXPECT_EQ(after.personal.birthday, Day(1970, 5, 5));
  EXPECT_EQ(after.personal.email, "zhang.wei@huaxin.example");
}

TEST_F(ContactTest, UpdateRules) {
  EXPECT_TRUE(IsRefused(When({}, UpdateContact{Id{"k1"}, "X"}), "contact_not_found", "contact_id"));
  EXPECT_TRUE(
      IsRefused(When(Zhang(), UpdateContact{Id{"k1"}, "Zhang Wei"}), "nothing_to_update", ""));
  EXPECT_TRUE(IsRefused(When(Zhang(), UpdateContact{Id{"k1"}, ""}), "name_blank", "name"));
  UpdateContact bad{Id{"k1"}};
  bad.email = "zhang@";
  EXPECT_TRUE(IsRefused(When(Zhang(), bad), "email_invalid", "email"));
  UpdateContact both{Id{"k1"}};
  both.birthday = Day(1970, 1, 1);
  both.clear_birthday = true;
  EXPECT_TRUE(IsRefused(When(Zhang(), both), "birthday_conflict", "clear_birthday"));
  UpdateContact future{Id{"k1"}};
  future.birthday = Day(2030, 1, 1);
  EXPECT_TRUE(IsRefused(When(Zhang(), future), "birthday_in_future", "birthday"));
  // Someone who left can still have their details corrected.
  EXPECT_TRUE(
      When(Zhang({ContactLeftCompany{Id{"k1"}, Id{"c1"}}}), UpdateContact{Id{"k1"}, "Zhang W."})
          .ok());
}

TEST_F(ContactTest, RecordsAJobChangeWhichEndsTheirRoles) {
  EXPECT_TRUE(Emits(
      When(Zhang(),
           RecordContactJobChange{Id{"k1"}, Id{"c2"}, "Baoyu Metals", "CEO", "promoted away"}),
      {ContactLeftCompany{Id{"k1"}, Id{"c1"}, Id{"c2"}, "Baoyu Metals", "CEO", "promoted away"}}));
  EXPECT_TRUE(Emits(When(Zhang(), RecordContactJobChange{Id{"k1"}}),
                    {ContactLeftCompany{Id{"k1"}, Id{"c1"}}}));
  ContactState after = testing::StateAfter<A>(
      Zhang({ContactRoleAssigned{Id{"k1"}, Id{"c1"}, std::nullopt, ContactRole::kDecisionMaker, 5,
                                 Stance::kChampion},
             ContactLeftCompany{Id{"k1"}, Id{"c1"}}}));
  EXPECT_TRUE(after.roles.empty());
  EXPECT_TRUE(FactsOf(after)->left_company);
}

TEST_F(ContactTest, JobChangeRules) {
  EXPECT_TRUE(IsRefused(When(Zhang(), RecordContactJobChange{Id{"k1"}, Id{"c1"}}),
                        "new_customer_is_current", "new_customer_id"));
  EXPECT_TRUE(IsRefused(When(Zhang(), RecordContactJobChange{Id{"k1"}, Id{"nope"}}),
                        "customer_not_found", "new_customer_id"));
  EXPECT_TRUE(IsRefused(
      When(Zhang({ContactLeftCompany{Id{"k1"}, Id{"c1"}}}), RecordContactJobChange{Id{"k1"}}),
      "contact_left_company", "contact_id"));
  EXPECT_TRUE(
      IsRefused(When({}, RecordContactJobChange{Id{"k1"}}), "contact_not_found", "contact_id"));
}

}  // namespace
}  // namespace dealstream::domain
