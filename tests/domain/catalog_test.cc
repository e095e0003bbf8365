#include <gtest/gtest.h>

#include "domain/catalog/competing_product.h"
#include "domain/catalog/competitor.h"
#include "domain/catalog/product.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using testing::Usd;

class CatalogTest : public ::testing::Test {
 protected:
  CatalogTest() {
    directory_.competitors["rival"] = {Id{"rival"}, "Rival Corp"};
    directory_.products["p1"] = {Id{"p1"}, "GTX-500", "GTX Pro", Usd(550000), "GTX", false};
  }

  template <typename A>
  Decision<typename A::Event> When(const std::vector<typename A::Event>& given,
                                   typename A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"li"}, directory_});
  }

  FakeDirectory directory_;
};

// Competitors.

std::vector<CompetitorAggregate::Event> Rival() {
  return {CompetitorRegistered{Id{"rival"}, "Rival Corp", "price", "service", "mid-market",
                               std::nullopt}};
}

TEST_F(CatalogTest, RegistersACompetitor) {
  EXPECT_TRUE(Emits(
      When<CompetitorAggregate>(
          {}, RegisterCompetitor{Id{"rival"}, "Rival Corp", "price", "service", "mid-market", ""}),
      Rival()));
  EXPECT_TRUE(IsRefused(When<CompetitorAggregate>({}, RegisterCompetitor{std::nullopt, "X"}),
                        "id_required", "id"));
  EXPECT_TRUE(IsRefused(When<CompetitorAggregate>(Rival(), RegisterCompetitor{Id{"rival"}, "X"}),
                        "competitor_exists", ""));
  EXPECT_TRUE(IsRefused(When<CompetitorAggregate>({}, RegisterCompetitor{Id{"x"}, ""}),
                        "name_blank", "name"));
}

TEST_F(CatalogTest, UpdatesACompetitorWithPreviousValues) {
  UpdateCompetitor update{Id{"rival"}, std::nullopt, "price, references",
                          "service",   "",           "https://rival.example"};
  CompetitorProfileUpdated expected{Id{"rival"}};
  expected.strengths = TextChange{"price, references", "price"};
  expected.market_segment = TextChange{std::nullopt, "mid-market"};
  expected.website = TextChange{"https://rival.example", std::nullopt};
  EXPECT_TRUE(Emits(When<CompetitorAggregate>(Rival(), update), {expected}));
  std::vector<CompetitorAggregate::Event> history = Rival();
  history.push_back(expected);
  CompetitorState after = testing::StateAfter<CompetitorAggregate>(history);
  EXPECT_EQ(after.strengths, "price, references");
  EXPECT_EQ(after.market_segment, std::nullopt);
  EXPECT_EQ(FactsOf(after)->name, "Rival Corp");

  EXPECT_TRUE(
      IsRefused(When<CompetitorAggregate>(Rival(), UpdateCompetitor{Id{"rival"}, "Rival Corp"}),
                "nothing_to_update", ""));
  EXPECT_TRUE(IsRefused(When<CompetitorAggregate>(Rival(), UpdateCompetitor{Id{"rival"}, " "}),
                        "name_blank", "name"));
  EXPECT_TRUE(IsRefused(When<CompetitorAggregate>({}, UpdateCompetitor{Id{"rival"}, "X"}),
                        "competitor_not_found", "competitor_id"));
}

// Products.

std::vector<ProductAggregate::Event> Gtx() {
  return {ProductRegistered{Id{"p2"}, "GTX-900", "GTX Plus", Usd(990000), "GTX", std::nullopt}};
}

TEST_F(CatalogTest, RegistersAProductWithAUniqueSku) {
  EXPECT_TRUE(Emits(When<ProductAggregate>(
                        {}, RegisterProduct{Id{"p2"}, "GTX-900", "GTX Plus", Usd(990000), "GTX"}),
                    Gtx()));
  EXPECT_TRUE(
      IsRefused(When<ProductAggregate>({}, RegisterProduct{Id{"p2"}, "GTX-500", "Again", Usd(1)}),
                "sku_taken", ""));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>({}, RegisterProduct{Id{"p2"}, " ", "X", Usd(1)}),
                        "sku_blank", "sku"));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>({}, RegisterProduct{Id{"p2"}, "S", "", Usd(1)}),
                        "name_blank", "name"));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>({}, RegisterProduct{Id{"p2"}, "S", "X", Usd(-1)}),
                        "negative_amount", "list_price"));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>(Gtx(), RegisterProduct{Id{"p2"}, "S", "X", Usd(1)}),
                        "product_exists", ""));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>({}, RegisterProduct{std::nullopt, "S", "X", Usd(1)}),
                        "id_required", "id"));
}

TEST_F(CatalogTest, ChangesAPriceWithThePreviousPrice) {
  EXPECT_TRUE(
      Emits(When<ProductAggregate>(Gtx(), ChangeProductPrice{Id{"p2"}, Usd(950000), "promotion"}),
            {ProductPriceChanged{Id{"p2"}, Usd(950000), Usd(990000), "promotion"}}));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>(Gtx(), ChangeProductPrice{Id{"p2"}, Usd(990000)}),
                        "price_unchanged", "list_price"));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>(Gtx(), ChangeProductPrice{Id{"p2"}, Usd(-5)}),
                        "negative_amount", "list_price"));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>({}, ChangeProductPrice{Id{"p2"}, Usd(5)}),
                        "product_not_found", "product_id"));
}

TEST_F(CatalogTest, UpdatesProductDetails) {
  EXPECT_TRUE(
      Emits(When<ProductAggregate>(Gtx(), UpdateProduct{Id{"p2"}, "GTX Plus 2", "", "faster"}),
            {ProductDetailsUpdated{Id{"p2"}, TextChange{"GTX Plus 2", "GTX Plus"},
                                   TextChange{std::nullopt, "GTX"},
                                   TextChange{"faster", std::nullopt}}}));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>(Gtx(), UpdateProduct{Id{"p2"}, "GTX Plus"}),
                        "nothing_to_update", ""));
  EXPECT_TRUE(
      IsRefused(When<ProductAggregate>(Gtx(), UpdateProduct{Id{"p2"}, " "}), "name_blank", "name"));
}

TEST_F(CatalogTest, DiscontinuesAProductForGood) {
  EXPECT_TRUE(Emits(When<ProductAggregate>(Gtx(), DiscontinueProduct{Id{"p2"}, "replaced"}),
                    {ProductDiscontinued{Id{"p2"}, "replaced"}}));
  std::vector<ProductAggregate::Event> gone = Gtx();
  gone.push_back(ProductDiscontinued{Id{"p2"}, std::nullopt});
  EXPECT_TRUE(IsRefused(When<ProductAggregate>(gone, DiscontinueProduct{Id{"p2"}}),
                        "product_discontinued", "product_id"));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>(gone, ChangeProductPrice{Id{"p2"}, Usd(1)}),
                        "product_discontinued", "product_id"));
  EXPECT_TRUE(IsRefused(When<ProductAggregate>(gone, UpdateProduct{Id{"p2"}, "X"}),
                        "product_discontinued", "product_id"));
  std::optional<ProductFacts> facts = FactsOf(testing::StateAfter<ProductAggregate>(gone));
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->sku, "GTX-900");
  EXPECT_EQ(facts->list_price, Usd(990000));
  EXPECT_EQ(facts->product_line, "GTX");
  EXPECT_TRUE(facts->discontinued);
}

// Competing products.

std::vector<CompetingProductAggregate::Event> RivalBox() {
  return {CompetingProductRegistered{Id{"cp1"}, Id{"rival"}, "RivalBox", Usd(480000), Id{"p1"},
                                     "8 cores"}};
}

TEST_F(CatalogTest, RegistersACompetingProduct) {
  EXPECT_TRUE(Emits(When<CompetingProductAggregate>(
                        {}, RegisterCompetingProduct{Id{"cp1"}, Id{"rival"}, "RivalBox",
                                                     Usd(480000), Id{"p1"}, "8 cores"}),
                    RivalBox()));
  EXPECT_TRUE(IsRefused(
      When<CompetingProductAggregate>({}, RegisterCompetingProduct{Id{"cp1"}, Id{"nope"}, "X"}),
      "competitor_not_found", "competitor_id"));
  EXPECT_TRUE(IsRefused(
      When<CompetingProductAggregate>(
          {}, RegisterCompetingProduct{Id{"cp1"}, Id{"rival"}, "X", std::nullopt, Id{"nope"}}),
      "product_not_found", "compared_to_product_id"));
  EXPECT_TRUE(IsRefused(When<CompetingProductAggregate>(
                            {}, RegisterCompetingProduct{Id{"cp1"}, Id{"rival"}, "X", Usd(-1)}),
                        "negative_amount", "price"));
  EXPECT_TRUE(IsRefused(
      When<CompetingProductAggregate>({}, RegisterCompetingProduct{Id{"cp1"}, Id{"rival"}, " "}),
      "name_blank", "name"));
  EXPECT_TRUE(IsRefused(When<CompetingProductAggregate>(
                            RivalBox(), RegisterCompetingProduct{Id{"cp1"}, Id{"rival"}, "X"}),
                        "competing_product_exists", ""));
  EXPECT_TRUE(IsRefused(
      When<CompetingProductAggregate>({}, RegisterCompetingProduct{std::nullopt, Id{"rival"}, "X"}),
      "id_required", "id"));
}

TEST_F(CatalogTest, UpdatesACompetingProduct) {
  directory_.products["p2"] = {Id{"p2"}, "GTX-900", "GTX Plus", Usd(990000), "GTX", false};
  EXPECT_TRUE(
      Emits(When<CompetingProductAggregate>(
                RivalBox(), UpdateCompetingProduct{Id{"cp1"}, std::nullopt, Id{"p2"}, "16 cores"}),
            {CompetingProductUpdated{Id{"cp1"}, std::nullopt, IdChange{Id{"p2"}, Id{"p1"}},
                                     TextChange{"16 cores", "8 cores"}}}));
  EXPECT_TRUE(IsRefused(
      When<CompetingProductAggregate>(RivalBox(), UpdateCompetingProduct{Id{"cp1"}, "RivalBox"}),
      "nothing_to_update", ""));
  EXPECT_TRUE(
      IsRefused(When<CompetingProductAggregate>(
                    RivalBox(), UpdateCompetingProduct{Id{"cp1"}, std::nullopt, Id{"nope"}}),
                "product_not_found", "compared_to_product_id"));
  EXPECT_TRUE(IsRefused(When<CompetingProductAggregate>({}, UpdateCompetingProduct{Id{"cp1"}, "X"}),
                        "competing_product_not_found", "competing_product_id"));
}

TEST_F(CatalogTest, RecordsACompetingPriceWithThePreviousOne) {
  EXPECT_TRUE(Emits(When<CompetingProductAggregate>(
                        RivalBox(), ChangeCompetingProductPrice{Id{"cp1"}, Usd(450000)}),
                    {CompetingProductPriceChanged{Id{"cp1"}, Usd(450000), Usd(480000)}}));
  std::vector<CompetingProductAggregate::Event> unpriced = {
      CompetingProductRegistered{Id{"cp1"}, Id{"rival"}, "RivalBox"}};
  EXPECT_TRUE(Emits(
      When<CompetingProductAggregate>(unpriced, ChangeCompetingProductPrice{Id{"cp1"}, Usd(1)}),
      {CompetingProductPriceChanged{Id{"cp1"}, Usd(1), std::nullopt}}));
  EXPECT_TRUE(IsRefused(When<CompetingProductAggregate>(
                            RivalBox(), ChangeCompetingProductPrice{Id{"cp1"}, Usd(480000)}),
                        "price_unchanged", "price"));
  EXPECT_TRUE(IsRefused(
      When<CompetingProductAggregate>(RivalBox(), ChangeCompetingProductPrice{Id{"cp1"}, Usd(-1)}),
      "negative_amount", "price"));
  EXPECT_TRUE(
      IsRefused(When<CompetingProductAggregate>({}, ChangeCompetingProductPrice{Id{"cp1"}, Usd(1)}),
                "competing_product_not_found", "competing_product_id"));
  std::vector<CompetingProductAggregate::Event> history = RivalBox();
  history.push_back(CompetingProductPriceChanged{Id{"cp1"}, Usd(450000), Usd(480000)});
  std::optional<CompetingProductFacts> facts =
      FactsOf(testing::StateAfter<CompetingProductAggregate>(history));
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->competitor_id, Id{"rival"});
  EXPECT_EQ(facts->price, Usd(450000));
}

}  // namespace
}  // namespace dealstream::domain
