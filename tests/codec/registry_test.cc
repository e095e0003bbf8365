// Every registered command and event: names follow the conventions, the
// schema accepts a full sample and the decoders give it back, and broken
// variants of the sample are refused by schema and decoder alike.
#include "codec/registry.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "codec/command_codec.h"
#include "codec/json_codec.h"
#include "codec/json_schema.h"
#include "codec/schema_validator.h"
#include "domain/organisation/department.h"
#include "sample_values.h"

namespace dealstream::codec {
namespace {

TEST(RegistryTest, HasNoDuplicatesAndFindsTypes) {
  const Registry& r = DomainRegistry();
  ASSERT_TRUE(r.status().ok()) << r.status().ToString();
  ASSERT_FALSE(r.commands().empty());
  ASSERT_FALSE(r.events().empty());
  const CommandType* create = r.FindCommand("CreateDepartment");
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->category, "department");
  EXPECT_TRUE(create->creates);
  const EventType* opened = r.FindEvent("crm.opportunity.opened.v1");
  ASSERT_NE(opened, nullptr);
  EXPECT_EQ(opened->category, "opportunity");
  EXPECT_EQ(r.FindCommand("crm.opportunity.opened.v1"), nullptr);
  EXPECT_EQ(r.FindEvent("NoSuchEvent"), nullptr);
}

TEST(RegistryTest, DuplicateRegistrationIsReported) {
  Registry r;
  r.RegisterAggregate<domain::DepartmentAggregate>();
  EXPECT_TRUE(r.status().ok());
  r.RegisterAggregate<domain::DepartmentAggregate>();
  EXPECT_FALSE(r.status().ok());
  EXPECT_NE(r.status().message().find("CreateDepartment"), std::string::npos);
}

TEST(RegistryTest, NamesFollowTheConventions) {
  const std::regex event_name(R"(crm\.[a-z_]+\.[a-z_]+\.v[0-9]+)");
  const std::regex command_name(R"([A-Z][A-Za-z]+)");
  for (const EventType& e : DomainRegistry().events()) {
    EXPECT_TRUE(std::regex_match(std::string(e.name), event_name)) << e.name;
  }
  for (const CommandType& c : DomainRegistry().commands()) {
    EXPECT_TRUE(std::regex_match(std::string(c.name), command_name)) << c.name;
    if (c.target_field.empty()) {
      EXPECT_FALSE(c.fixed_id.empty()) << c.name << " names no target field and no fixed id";
      continue;
    }
    bool target_found = false;
    for (const FieldInfo& f : c.info->fields) {
      if (f.name != c.target_field) continue;
      target_found = true;
      EXPECT_TRUE(f.value->kind == Kind::kId || f.value->element->kind == Kind::kId) << c.name;
      EXPECT_EQ(!f.required(), c.creates) << c.name << ": creations have an optional id";
    }
    EXPECT_TRUE(target_found) << c.name << " lacks its target field " << c.target_field;
  }
}

// The sample of `info`, encoded.
std::string SampleJson(const StructInfo& info) {
  auto object = info.make();
  testing::FillSample(info, object.get());
  return EncodeJson(info, object.get());
}

void ExpectSchemaAndDecoderAgree(const StructInfo& info, SchemaKind kind) {
  SCOPED_TRACE(std::string(info.type_name));
  auto validator = SchemaValidator::Compile(JsonSchemaFor(info, SchemaOptions{.kind = kind}));
  ASSERT_TRUE(validator.ok()) << validator.error().ToString();
  const std::string sample = SampleJson(info);
  const DecodeOptions options{.allow_negative_money = kind == SchemaKind::kEvent};

  EXPECT_EQ((*validator)->Validate(nlohmann::json::parse(sample)), std::nullopt) << sample;
  auto back = info.make();
  auto error = DecodeJson(sample, info, back.get(), options);
  ASSERT_EQ(error, std::nullopt) << error->message;
  EXPECT_EQ(EncodeJson(info, back.get()), sample);
  auto fast = info.make();
  ASSERT_EQ(DecodeJsonFast(sample, info, fast.get(), options), std::nullopt);
  EXPECT_EQ(EncodeJson(info, fast.get()), sample);

  // Broken variants: an unknown field, and each required field missing.
  nlohmann::json broken = nlohmann::json::parse(sample);
  broken["no_such_field"] = 1;
  EXPECT_NE((*validator)->Validate(broken), std::nullopt);
  EXPECT_NE(DecodeJson(broken.dump(), info, info.make().get(), options), std::nullopt);
  for (const FieldInfo& f : info.fields) {
    if (!f.required()) continue;
    nlohmann::json missing = nlohmann::json::parse(sample);
    missing.erase(std::string(f.name));
    auto schema_error = (*validator)->Validate(missing);
    ASSERT_NE(schema_error, std::nullopt) << f.name;
    EXPECT_EQ(schema_error->path, f.name);
    auto decode_error = DecodeJson(missing.dump(), info, info.make().get(), options);
    ASSERT_NE(decode_error, std::nullopt) << f.name;
    EXPECT_EQ(decode_error->path, f.name);
  }
}

TEST(RegistryTest, EveryCommandSchemaAcceptsItsSampleAndRefusesBrokenOnes) {
  for (const CommandType& c : DomainRegistry().commands()) {
    ExpectSchemaAndDecoderAgree(*c.info, SchemaKind::kCommand);
  }
}

TEST(RegistryTest, EveryEventSchemaAcceptsItsSampleAndRefusesBrokenOnes) {
  for (const EventType& e : DomainRegistry().events()) {
    ExpectSchemaAndDecoderAgree(*e.info, SchemaKind::kEvent);
  }
}

}  // namespace
}  // namespace dealstream::codec
