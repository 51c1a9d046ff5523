#pragma once
// Commands: what views ask for. Views never change state themselves; they push a command into
// the CommandSink and the App applies it after the frame (Dear ImGui's "widgets report what
// happened; the caller decides").

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/i18n/translator.hpp"
#include "core/settings/app_settings.hpp"
#include "sk/model/event.hpp"
#include "sk/model/schedule_state.hpp"

namespace sk::app {

enum class Screen {
  kFirstStart,  // youth: code and nickname
  kEnroll,      // contact: enrollment code, name, passphrase
  kLocked,      // PIN (youth) or passphrase (contact)
  kChat,
  kSessions,
  kCheckIn,
  kMe,
  kHelp,
  kSettings,
  kCaseload,  // contact
  kCase,      // contact: one youth
};

namespace cmd {
struct Navigate {
  Screen screen;
};
struct SelectCase {
  model::CaseId case_id;
};
struct SetMode {
  WindowMode mode;
};
struct HideNow {};
struct SendChat {
  std::string text;
};
struct SendWave {
  std::string sticker;
};
struct Answer {
  model::SessionRef ref;
  model::Answer answer;
  std::string kind_message;
};
struct SuggestTime {
  model::SessionRef ref;
  std::int64_t start_ms;
  std::string zone;  // the youth's
};
struct InviteAgain {
  model::CaseId case_id;  // a fresh pairing code for this case's youth (a new device)
};
struct CheckIn {
  int mood;
  std::vector<std::string> tags;
  std::string text;
};
struct WishTopic {
  std::string text;
};
struct SetInterests {
  model::InterestsProfile profile;
};
struct Propose {
  model::SessionProposed session;
};
struct Reschedule {
  model::SessionRef ref;
  model::SessionPlan plan;
};
struct Cancel {
  model::SessionRef ref;
  std::string reason;
};
struct MarkAttended {
  model::SessionRef ref;
};
struct MarkNoShow {
  model::SessionRef ref;
};
struct ExportIcs {};
struct ChangeSettings {
  AppSettings settings;
  std::optional<std::string> new_pin;
};
struct Join {
  std::string code;
  std::string nickname;
};
struct Enroll {
  std::string code;
  std::string name;
  std::string passphrase;
};
struct Unlock {
  std::string secret;
};
struct Invite {
  std::string label;  // what the contact calls the youth
};
}  // namespace cmd

using Command =
    std::variant<cmd::Navigate, cmd::SelectCase, cmd::SetMode, cmd::HideNow, cmd::SendChat, cmd::SendWave,
                 cmd::Answer, cmd::SuggestTime, cmd::CheckIn, cmd::WishTopic, cmd::SetInterests, cmd::Propose,
                 cmd::Reschedule, cmd::Cancel, cmd::MarkAttended, cmd::MarkNoShow, cmd::ExportIcs,
                 cmd::ChangeSettings, cmd::Join, cmd::Enroll, cmd::Unlock, cmd::Invite, cmd::InviteAgain>;

class CommandSink {
 public:
  void send(Command c) { queue_.push_back(std::move(c)); }
  std::vector<Command> take() { return std::exchange(queue_, {}); }

 private:
  std::vector<Command> queue_;
};

}  // namespace sk::app
