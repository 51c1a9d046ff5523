#include "views/settings_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/platform/key_chord.hpp"
#include "core/theme/theme.hpp"
#include "views/widgets.hpp"

namespace sk::app {
namespace {

void hotkey_field(const ViewContext& ctx, const char* label, const char* id, std::string& text,
                  const std::string& current, std::string& error, AppSettings& next, bool& changed,
                  bool hide) {
  if (text.empty()) text = current;
  ImGui::SetNextItemWidth(180);
  if (ImGui::InputText((std::string(label) + "###" + id).c_str(), &text,
                       ImGuiInputTextFlags_EnterReturnsTrue)) {
    auto chord = parse_key_chord(text);
    if (chord) {
      (hide ? next.hide_hotkey : next.hotkey) = to_string(*chord);
      text = to_string(*chord);
      error.clear();
      changed = true;
    } else {
      error = ctx.t.tr("settings.hotkey_invalid");
    }
  }
  ui::tag(ctx, id);
}

}  // namespace

void draw_settings(const ViewContext& ctx, const AppSettings& settings, bool youth,
                   SettingsViewState& state) {
  AppSettings next = settings;
  bool changed = false;
  ui::heading(ctx, ctx.t.tr("settings.title"));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ctx.t.tr("settings.language"));
  for (Language l : kLanguages) {
    ImGui::SameLine();
    std::string id = "settings-lang-" + std::string(language_code(l));
    if (ImGui::RadioButton((std::string(language_name(l)) + "###" + id).c_str(), settings.language == l)) {
      next.language = l;
      changed = true;
    }
    ui::tag(ctx, id);
  }
  ImGui::SetNextItemWidth(200);
  changed |= ImGui::SliderFloat((std::string(ctx.t.tr("settings.scale")) + "###scale").c_str(),
                                &next.ui_scale, 0.75f, 2.0f, "%.2f");
  ImGui::SetNextItemWidth(200);
  changed |= ImGui::SliderFloat((std::string(ctx.t.tr("settings.opacity")) + "###opacity").c_str(),
                                &next.opacity, kMinOpacity, kMaxOpacity, "%.2f");
  ImGui::SetNextItemWidth(200);
  changed |= ImGui::SliderInt((std::string(ctx.t.tr("settings.reminder")) + "###reminder").c_str(),
                              &next.reminder_minutes, 0, 120);
  ui::muted(ctx, ctx.t.tr("settings.reminder_note"));
  hotkey_field(ctx, ctx.t.tr("settings.hotkey"), "settings.hotkey", state.hotkey_text, settings.hotkey,
               state.hotkey_error, next, changed, false);
  hotkey_field(ctx, ctx.t.tr("settings.hide_hotkey"), "settings.hide_hotkey", state.hide_text,
               settings.hide_hotkey, state.hotkey_error, next, changed, true);
  if (!state.hotkey_error.empty()) ui::muted(ctx, state.hotkey_error.c_str());
  changed |= ImGui::Checkbox((std::string(ctx.t.tr("settings.pinned")) + "###pinned").c_str(), &next.pinned);
  ui::tag(ctx, "settings.pinned");
  changed |= ImGui::Checkbox((std::string(ctx.t.tr("settings.autostart")) + "###autostart").c_str(),
                             &next.autostart);
  ui::tag(ctx, "settings.autostart");
  if (youth) {
    changed |= ImGui::Checkbox((std::string(ctx.t.tr("settings.send_seen")) + "###send_seen").c_str(),
                               &next.send_seen);
    ui::tag(ctx, "settings.send_seen");
    ui::muted(ctx, ctx.t.tr("settings.send_seen_note"));
    ImGui::SetNextItemWidth(120);
    ImGui::InputTextWithHint("###pin", ctx.t.tr("settings.pin_hint"), &state.new_pin,
                             ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    ui::tag(ctx, "settings-pin");
    ImGui::SameLine();
    if (ui::button(ctx, (std::string(ctx.t.tr("settings.pin_set")) + "###pin_set").c_str(),
                   "settings.pin_set")) {
      ctx.sink.send(cmd::ChangeSettings{next, state.new_pin});
      state.new_pin.clear();
      changed = false;
    }
    ui::muted(ctx, settings.pin_hash.empty() ? ctx.t.tr("settings.pin_none") : ctx.t.tr("settings.pin_on"));
  } else {
    ImGui::SetNextItemWidth(200);
    changed |= ImGui::SliderInt((std::string(ctx.t.tr("settings.lock")) + "###lock").c_str(),
                                &next.lock_minutes, 1, 120);
    // Sent to every youth in the caseload (a contact card), so only when saved, not per keystroke.
    if (!state.reply_hours) state.reply_hours = settings.reply_hours;
    ImGui::SetNextItemWidth(240);
    ImGui::InputTextWithHint((std::string(ctx.t.tr("settings.reply_hours")) + "###reply_hours").c_str(),
                             ctx.t.tr("settings.reply_hours_hint"), &*state.reply_hours);
    ui::tag(ctx, "settings-reply_hours");
    ImGui::SameLine();
    if (ui::button(ctx, (std::string(ctx.t.tr("settings.save")) + "###reply_save").c_str(),
                   "settings-reply_hours_save") &&
        *state.reply_hours != settings.reply_hours && state.reply_hours->size() <= 100) {
      next.reply_hours = *state.reply_hours;
      changed = true;
    }
    ui::muted(ctx, ctx.t.tr("settings.reply_hours_note"));
  }
  if (changed) ctx.sink.send(cmd::ChangeSettings{next, std::nullopt});
  ImGui::Spacing();
  ui::muted(ctx, ctx.t.tr("who.settings"));
}

}  // namespace sk::app
