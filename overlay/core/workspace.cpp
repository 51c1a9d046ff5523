#include "core/workspace.hpp"

#include <algorithm>

#include "core/feed/event_bridge.hpp"

namespace sk::app {

std::filesystem::path Workspace::store_path(const std::filesystem::path& profile_dir) {
  return profile_dir / "store.db";  // the name backend-client's Client uses (client.hpp)
}

Workspace::Workspace(std::filesystem::path dir, store::Store store, Clock clock)
    : profile_dir_(std::move(dir)), store_(std::move(store)), clock_(std::move(clock)) {}

Result<std::unique_ptr<Workspace>> Workspace::open(const std::filesystem::path& profile_dir, Clock clock) {
  std::error_code ec;
  std::filesystem::create_directories(profile_dir, ec);
  if (ec) return fail("app.profile", "cannot create profile folder " + profile_dir.string());
  auto store = store::Store::open(store_path(profile_dir));
  if (!store) return Unexpected{store.error()};
  std::unique_ptr<Workspace> ws(new Workspace(profile_dir, std::move(*store), std::move(clock)));
  ws->settings_ = parse_settings([&ws](std::string_view key) -> std::optional<std::string> {
    auto v = ws->store_.setting(key);
    return v ? *v : std::nullopt;
  });
  if (auto ok = ws->load_identity(); !ok) return Unexpected{ok.error()};
  if (auto ok = ws->refresh(); !ok) return Unexpected{ok.error()};
  return ws;
}

Result<void> Workspace::load_identity() {
  auto identity = store_.identity();
  if (!identity) return Unexpected{identity.error()};
  if (!*identity) return {};
  auto principal = model::PrincipalId::parse((*identity)->principal_id);
  auto device = model::DeviceId::parse((*identity)->device_id);
  auto role = model::role_from_string((*identity)->role);
  if (!principal || !device || !role) return fail("app.identity", "the stored identity is not readable");
  identity_ = **identity;
  role_ = *role;
  names_.set(*principal, identity_->nickname);
  actions_ = std::make_unique<CaseActions>(store_, Author{*principal, *device}, ids_, clock_);
  return {};
}

model::PrincipalId Workspace::me() const {
  return model::PrincipalId(identity_->principal_id);
}

CaseFeed* Workspace::feed(const model::CaseId& id) {
  auto it =
      std::find_if(feeds_.begin(), feeds_.end(), [&](const CaseFeed& f) { return f.members().id == id; });
  return it == feeds_.end() ? nullptr : &*it;
}

Result<void> Workspace::load_cases() {
  auto cases = store_.cases();
  if (!cases) return Unexpected{cases.error()};
  for (const store::CaseRecord& record : *cases) {
    auto c = to_case(record);
    if (!c) continue;  // a case this build can't read stays in the store untouched
    // The label names the other side: the contact on a youth's device, the youth on a contact's.
    if (role_ == model::Role::kYouth) {
      // Empty on a youth's device: the contacts' names come from their cards (refresh()).
      if (!record.label.empty())
        for (const auto& contact : c->contacts) names_.set(contact, record.label);
    } else {
      names_.set(c->youth, record.label);
    }
    if (CaseFeed* existing = feed(c->id)) {
      if (existing->members() == *c) continue;
      *existing = CaseFeed(*c, record.label);  // membership changed: fold again
    } else {
      feeds_.emplace_back(*c, record.label);
    }
  }
  return {};
}

Result<bool> Workspace::refresh() {
  if (!identity_) {
    if (auto ok = load_identity(); !ok) return Unexpected{ok.error()};
    if (!identity_) return false;
  }
  std::size_t before = feeds_.size();
  if (auto ok = load_cases(); !ok) return Unexpected{ok.error()};
  bool changed = feeds_.size() != before;
  for (CaseFeed& f : feeds_) {
    auto folded = f.update(store_);
    if (!folded) return Unexpected{folded.error()};
    changed = changed || *folded;
    // The contacts' own cards name them (the youth's device has no other source: the server
    // never learns names).
    for (const auto& [who, card] : f.state().chat().cards())
      if (who.str() != identity_->principal_id) names_.set(who, card.display_name);
  }
  return changed;
}

Result<bool> Workspace::introduce_to_cases() {
  if (!identity_ || role_ != model::Role::kContact) return false;
  const model::ContactCard mine{identity_->nickname, settings_.reply_hours};
  bool wrote = false;
  for (const CaseFeed& f : feeds_) {
    const auto& cards = f.state().chat().cards();
    const auto it = cards.find(me());
    if (it != cards.end() && it->second == mine) continue;
    auto written = actions_->introduce(f.members().id, mine);
    if (!written) return Unexpected{written.error()};
    wrote = true;
  }
  return wrote;
}

Result<void> Workspace::save_settings() {
  for (const auto& [key, value] : serialize_settings(settings_)) {
    if (auto ok = store_.set_setting(key, value); !ok) return ok;
  }
  return {};
}

}  // namespace sk::app
