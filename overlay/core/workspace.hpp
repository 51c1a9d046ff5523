#pragma once
// Workspace: one profile's local world on the UI thread: its store connection, identity, the
// folded cases and the user's settings. The sync engine (backend-client) has its own connection
// to the same file and only says "something changed"; refresh() then folds what is new.
//
// Rules:
//  - Owned by the UI thread; not thread-safe.
//  - Never touches the network.

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "core/feed/case_actions.hpp"
#include "core/feed/case_feed.hpp"
#include "core/settings/app_settings.hpp"
#include "sk/model/principal.hpp"
#include "sk/store/store.hpp"
#include "view_models/names.hpp"

namespace sk::app {

class Workspace {
 public:
  using Clock = CaseActions::Clock;

  // Opens (creating) <profile_dir>/store.db and loads settings, identity and cases.
  static Result<std::unique_ptr<Workspace>> open(const std::filesystem::path& profile_dir, Clock clock);
  static std::filesystem::path store_path(const std::filesystem::path& profile_dir);

  // Picks up new cases and folds new events of every case. Returns whether anything changed.
  Result<bool> refresh();
  // Contacts: writes a contact card (display name, reply hours) into each case whose latest card
  // from this contact differs, so the youth sees the name and hours. Returns whether it wrote.
  Result<bool> introduce_to_cases();

  [[nodiscard]] bool has_identity() const { return identity_.has_value(); }
  [[nodiscard]] const store::Identity& identity() const { return *identity_; }
  [[nodiscard]] model::Role role() const { return role_; }
  [[nodiscard]] model::PrincipalId me() const;

  [[nodiscard]] std::vector<CaseFeed>& feeds() { return feeds_; }
  [[nodiscard]] const std::vector<CaseFeed>& feeds() const { return feeds_; }
  [[nodiscard]] CaseFeed* feed(const model::CaseId& id);
  [[nodiscard]] const NameBook& names() const { return names_; }
  // Only once there is an identity.
  [[nodiscard]] CaseActions& actions() { return *actions_; }

  [[nodiscard]] AppSettings& settings() { return settings_; }
  Result<void> save_settings();

  [[nodiscard]] store::Store& store() { return store_; }
  [[nodiscard]] std::int64_t now_ms() const { return clock_(); }
  [[nodiscard]] const std::filesystem::path& profile_dir() const { return profile_dir_; }

 private:
  Workspace(std::filesystem::path dir, store::Store store, Clock clock);
  Result<void> load_identity();
  Result<void> load_cases();

  std::filesystem::path profile_dir_;
  store::Store store_;
  Clock clock_;
  model::EventIdGenerator ids_;
  std::optional<store::Identity> identity_;
  model::Role role_ = model::Role::kYouth;
  std::unique_ptr<CaseActions> actions_;
  std::vector<CaseFeed> feeds_;
  NameBook names_;
  AppSettings settings_;
};

}  // namespace sk::app
