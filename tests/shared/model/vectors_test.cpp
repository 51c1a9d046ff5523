// Golden fold cases, one per file in tests/vectors/model/*.json (as C2SP CCTV does for age):
//   description  what the case shows
//   expect       "success": the events fold to `state` (only the keys listed are compared)
//                "invalid_event": decoding the last event fails with exactly `error`
//   now          UTC ms at which upcoming/next session are computed
//   case         {id, organisation, youth, contacts, supervisors, check_in_consent}
//   events       [{"seq": n, "event": {...}}]; no "seq" = written locally, not yet on the server
// An unknown `expect` fails the test, so a vector is never silently skipped.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sk/model/codec.hpp"
#include "state_summary.hpp"

namespace sk::model {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

fs::path vector_dir() {
  return fs::path(SK_SOURCE_DIR) / "tests" / "vectors" / "model";
}

std::vector<std::string> vector_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(vector_dir())) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Json load(const std::string& name) {
  std::ifstream in(vector_dir() / (name + ".json"));
  std::stringstream ss;
  ss << in.rdbuf();
  return Json::parse(ss.str());
}

Case case_from(const Json& j) {
  Case c;
  c.id = CaseId(j.at("id").get<std::string>());
  c.organisation = OrganisationId(j.at("organisation").get<std::string>());
  c.youth = PrincipalId(j.at("youth").get<std::string>());
  for (const auto& p : j.at("contacts")) c.contacts.emplace_back(p.get<std::string>());
  for (const auto& p : j.at("supervisors")) c.supervisors.emplace_back(p.get<std::string>());
  c.check_in_consent = j.at("check_in_consent").get<bool>();
  return c;
}

struct Folded {
  CaseState state;
  std::optional<Error> error;
};

// Folds the vector's events, stopping at the first that does not decode. `split` folds into a
// copy of the state after that many events, like a view model resuming from its cursor.
Folded fold(const Json& v, std::size_t split) {
  Folded f{CaseState(case_from(v.at("case"))), std::nullopt};
  std::size_t i = 0;
  for (const auto& item : v.at("events")) {
    if (i++ == split) f.state = CaseState(f.state);
    const auto e = decode_event(item.at("event").dump());
    if (!e.ok()) {
      f.error = e.error();
      return f;
    }
    std::optional<std::int64_t> seq;
    if (item.contains("seq")) seq = item.at("seq").get<std::int64_t>();
    f.state.apply(*e, seq);
  }
  return f;
}

class FoldVector : public ::testing::TestWithParam<std::string> {};

TEST_P(FoldVector, MatchesItsExpectation) {
  const Json v = load(GetParam());
  ASSERT_TRUE(v.contains("description")) << "every vector says what it shows";
  const std::string expect = v.at("expect").get<std::string>();
  const Folded whole = fold(v, std::numeric_limits<std::size_t>::max());
  if (expect == "invalid_event") {
    ASSERT_TRUE(whole.error.has_value()) << "an event should have been rejected";
    EXPECT_EQ(whole.error->code, "model.invalid");
    EXPECT_EQ(whole.error->message, v.at("error").get<std::string>());
    return;
  }
  ASSERT_EQ(expect, "success") << "unknown expect value";
  ASSERT_FALSE(whole.error.has_value()) << whole.error->message;
  const Json summary = testing::summarize(whole.state, Timestamp{v.at("now").get<std::int64_t>()});
  for (const auto& [key, expected] : v.at("state").items()) {
    ASSERT_TRUE(summary.contains(key)) << "no such state key: " << key;
    EXPECT_EQ(summary.at(key), expected) << key << "\n got: " << summary.at(key).dump();
  }
  for (std::size_t split = 0; split < v.at("events").size(); ++split) {
    EXPECT_EQ(fold(v, split).state, whole.state) << "split at " << split;
  }
}

INSTANTIATE_TEST_SUITE_P(Model, FoldVector, ::testing::ValuesIn(vector_names()),
                         [](const auto& p) { return p.param; });

}  // namespace
}  // namespace sk::model
