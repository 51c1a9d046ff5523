#include "support/profile_view.hpp"

#include <fstream>
#include <stdexcept>

#include "sk/client/case_fold.hpp"
#include "sk/client/event_records.hpp"
#include "sk/store/store.hpp"

namespace sk::integration {

namespace {

store::Store open_store(const CliDevice& device) {
  auto s = store::Store::open(device.profile / "store.db");
  if (!s) throw std::runtime_error("cannot open the profile's store: " + s.error().message);
  return std::move(*s);
}

}  // namespace

model::CaseState fold(const CliDevice& device, const std::string& case_id) {
  auto store = open_store(device);
  auto state = client::fold_case(store, case_id);
  if (!state) throw std::runtime_error("cannot fold the case: " + state.error().message);
  return std::move(*state);
}

std::vector<std::string> chat_texts(const CliDevice& device, const std::string& case_id) {
  std::vector<std::string> out;
  const auto state = fold(device, case_id);
  for (const auto& e : state.chat().entries()) out.push_back(e.text);
  return out;
}

std::size_t count_kind(const CliDevice& device, const std::string& case_id, const std::string& kind) {
  auto store = open_store(device);
  std::size_t n = 0;
  std::int64_t cursor = 0;
  for (;;) {
    auto page = store.events_after(case_id, cursor, 1000);
    if (!page) throw std::runtime_error(page.error().message);
    if (page->events.empty()) return n;
    for (const auto& row : page->events) n += row.event.kind == kind ? 1 : 0;
    cursor = page->next_cursor;
  }
}

model::Event record(const CliDevice& device, const std::string& case_id, model::Event::Body body) {
  auto store = open_store(device);
  auto me = store.identity();
  if (!me || !*me) throw std::runtime_error("the profile has no identity");
  static model::EventIdGenerator ids;  // one per test process, as event_id.hpp asks
  auto e =
      client::record_action(store, {(*me)->principal_id, (*me)->device_id, &ids}, case_id, std::move(body));
  if (!e) throw std::runtime_error("record_action: " + e.error().message);
  return *e;
}

std::string numbered_lines(const CliDevice& device, const std::string& prefix, int count) {
  const auto path =
      device.profile.parent_path() / (device.profile.filename().string() + "-" + prefix + ".txt");
  std::ofstream out(path);
  for (int i = 0; i < count; ++i) out << prefix << " " << i << "\n";
  return path.string();
}

}  // namespace sk::integration
