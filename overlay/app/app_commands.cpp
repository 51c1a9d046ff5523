// App: applying what the views asked for. Domain actions go to the store (event + outbox in one
// transaction) and the sync engine is nudged; the fold picks them up at once.
#include <GLFW/glfw3.h>

#include <cstdio>
#include <fstream>

#include "app/app.hpp"
#include "core/ics/ics_export.hpp"
#include "core/platform/autostart.hpp"
#include "core/platform/data_dirs.hpp"
#include "sk/model/zone_rules.hpp"

namespace sk::app {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::filesystem::path own_executable() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path("spillkontakt") : p;
}

}  // namespace

void App::record(const Result<model::EventId>& written) {
  if (!written) {
    std::fprintf(stderr, "spillkontakt: %s\n", written.error().message.c_str());
    return;
  }
  connection_->nudge();
  on_store_changed();
}

void App::acknowledge_if_reading() {
  bool reading = visible_ && mode_ != WindowMode::kCompact && !locked_ &&
                 (screen_ == Screen::kChat || screen_ == Screen::kCase);
  if (!reading || !ws_->has_identity() || !models_.current || !models_.current->chat.acknowledge) return;
  const model::EventId& newest = *models_.current->chat.acknowledge;
  // The receipt counts only once the server has numbered it; until then the same newest
  // message is still "to acknowledge", so remember what was sent instead of sending it again.
  if (acked_ == newest) return;
  acked_ = newest;
  // With "send seen" off the contact still sees "delivered", and nothing is written.
  if (ws_->role() == model::Role::kYouth && !ws_->settings().send_seen) return;
  record(ws_->actions().mark_read(models_.current->case_id, newest));
}

void App::apply(const Command& command) {
  std::optional<model::CaseId> case_id =
      models_.current ? std::optional(models_.current->case_id) : std::nullopt;
  auto needs_case = [&]() { return ws_->has_identity() && case_id.has_value(); };
  std::visit(Overloaded{
                 [&](const cmd::Navigate& c) {
                   if (c.screen == Screen::kHelp && screen_ == Screen::kCheckIn)
                     states_.help_after_low = true;
                   else if (c.screen != Screen::kHelp)
                     states_.help_after_low = false;
                   screen_ = c.screen;
                   if (c.screen == Screen::kChat) states_.chat.focus_draft = true;
                   acknowledge_if_reading();
                 },
                 [&](const cmd::SelectCase& c) {
                   selected_case_ = c.case_id;
                   states_.case_view.chat = ChatViewState{};
                   rebuild_models();
                 },
                 [&](const cmd::SetMode& c) { set_mode(c.mode); },
                 [&](const cmd::HideNow&) { hide(); },
                 [&](const cmd::SendChat& c) {
                   if (needs_case()) record(ws_->actions().send_chat(*case_id, c.text));
                 },
                 [&](const cmd::SendWave& c) {
                   if (needs_case()) record(ws_->actions().send_wave(*case_id, c.sticker));
                 },
                 [&](const cmd::Answer& c) {
                   if (!needs_case()) return;
                   record(ws_->actions().answer(*case_id, c.ref, c.answer));
                   if (!c.kind_message.empty()) record(ws_->actions().send_chat(*case_id, c.kind_message));
                 },
                 [&](const cmd::SuggestTime& c) {
                   if (needs_case()) record(ws_->actions().suggest_time(*case_id, c.ref, c.start_ms, c.zone));
                 },
                 [&](const cmd::CheckIn& c) {
                   if (needs_case()) record(ws_->actions().check_in(*case_id, c.mood, c.tags, c.text));
                 },
                 [&](const cmd::WishTopic& c) {
                   if (needs_case()) record(ws_->actions().wish_topic(*case_id, c.text));
                 },
                 [&](const cmd::SetInterests& c) {
                   if (needs_case()) record(ws_->actions().set_interests(*case_id, c.profile));
                 },
                 [&](const cmd::Propose& c) {
                   if (needs_case()) record(ws_->actions().propose(*case_id, c.session));
                 },
                 [&](const cmd::Reschedule& c) {
                   if (needs_case()) record(ws_->actions().reschedule(*case_id, c.ref, c.plan));
                 },
                 [&](const cmd::Cancel& c) {
                   if (needs_case()) record(ws_->actions().cancel(*case_id, c.ref, c.reason));
                 },
                 [&](const cmd::MarkAttended& c) {
                   if (needs_case()) record(ws_->actions().mark_attended(*case_id, c.ref));
                 },
                 [&](const cmd::MarkNoShow& c) {
                   if (needs_case()) record(ws_->actions().mark_no_show(*case_id, c.ref));
                 },
                 [&](const cmd::ExportIcs&) {
                   const CaseFeed* feed = case_id ? ws_->feed(*case_id) : nullptr;
                   if (!feed) return;
                   std::int64_t now = now_ms();
                   auto meetings =
                       feed->state().schedule().meetings_between(model::Timestamp{now - 30 * model::kDayMs},
                                                                 model::Timestamp{now + 365 * model::kDayMs});
                   auto file = options_.profile_dir / ("spillkontakt-" + feed->label() + ".ics");
                   std::ofstream(file, std::ios::binary)
                       << export_ics(meetings, {feed->label(), feed->label(), now});
                   states_.case_view.export_note = file.string();
                 },
                 [&](const cmd::ChangeSettings& c) {
                   AppSettings next = c.settings;
                   if (c.new_pin) set_pin(next, *c.new_pin);
                   apply_settings(next);
                 },
                 [&](const cmd::Join& c) { connection_->join(c.code, c.nickname); },
                 [&](const cmd::Enroll& c) { connection_->enroll(c.code, c.name, c.passphrase); },
                 [&](const cmd::Invite& c) { connection_->invite(c.label); },
                 [&](const cmd::InviteAgain& c) { connection_->invite_again(c.case_id.str()); },
                 [&](const cmd::Unlock& c) {
                   if (ws_->role() == model::Role::kYouth) {
                     if (check_pin(ws_->settings(), c.secret)) {
                       locked_ = false;
                       screen_ = Screen::kChat;
                       connection_->start_sync();
                     } else {
                       states_.lock.wrong = true;
                     }
                   } else {
                     connection_->unlock(c.secret);
                   }
                 },
             },
             command);
}

void App::apply_settings(const AppSettings& next) {
  AppSettings before = ws_->settings();
  ws_->settings() = next;
  if (next.language != before.language) {
    t_->set_language(next.language);
    rebuild_models();  // "who can see this" joins names with the language's "and"
  }
  if (next.ui_scale != before.ui_scale) {
    fonts_dirty_ = true;
    place_window();
  }
  if (next.opacity != before.opacity) glfwSetWindowOpacity(window_, next.opacity);
  if (next.autostart != before.autostart) {
    if (auto dir = autostart_dir(process_env())) {
      (void)set_autostart(*dir, next.autostart, own_executable(), options_.profile_dir);
    }
  }
  if (hotkeys_ && next.hotkey != before.hotkey) {
    if (auto chord = parse_key_chord(next.hotkey)) (void)hotkeys_->bind(1, *chord);
  }
  if (hotkeys_ && next.hide_hotkey != before.hide_hotkey) {
    if (auto chord = parse_key_chord(next.hide_hotkey)) (void)hotkeys_->bind(2, *chord);
  }
  if (auto ok = ws_->save_settings(); !ok)
    std::fprintf(stderr, "spillkontakt: %s\n", ok.error().message.c_str());
  if (next.reply_hours != before.reply_hours) on_store_changed();  // the new card goes out
}

}  // namespace sk::app
