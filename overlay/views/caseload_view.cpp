#include "views/caseload_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "views/widgets.hpp"

namespace sk::app {
namespace {

constexpr CaseloadSort kByColumn[] = {CaseloadSort::kName, CaseloadSort::kNextSession, CaseloadSort::kUnread,
                                      CaseloadSort::kMood, CaseloadSort::kDaysSinceContact};

}  // namespace

namespace {

const char* invitation_key(InvitationView::State s) {
  switch (s) {
    case InvitationView::State::kWaiting:
      return "invite.waiting";
    case InvitationView::State::kJoined:
      return "invite.joined";
    case InvitationView::State::kMismatch:
      return "invite.mismatch";
    case InvitationView::State::kExpired:
      return "invite.expired";
  }
  return "invite.waiting";
}

void draw_invitations(const ViewContext& ctx, const std::vector<InvitationView>& invitations,
                      InviteState& invite) {
  ImGui::Spacing();
  ui::heading(ctx, ctx.t.tr("invite.title"));
  ImGui::SetNextItemWidth(240);
  ImGui::InputTextWithHint("##invite-name", ctx.t.tr("invite.name_hint"), &invite.name);
  ui::tag(ctx, "invite-name");
  ImGui::SameLine();
  ImGui::BeginDisabled(invite.name.empty() || invite.working);
  if (ui::accent_button(ctx, (std::string(ctx.t.tr("invite.go")) + "###invite.go").c_str(), "invite.go")) {
    ctx.sink.send(cmd::Invite{invite.name});
    invite.working = true;
  }
  ImGui::EndDisabled();
  if (invite.working) ui::muted(ctx, ctx.t.tr("first.working"));
  if (!invite.error_key.empty()) ui::muted(ctx, ctx.t.tr(invite.error_key.c_str()));
  for (std::size_t i = 0; i < invitations.size(); ++i) {
    const InvitationView& inv = invitations[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(inv.label.c_str());
    ImGui::SameLine();
    if (inv.state == InvitationView::State::kWaiting) {
      ImGui::PushStyleColor(ImGuiCol_Text, ui::color(ctx.theme.accent));
      ImGui::TextUnformatted(inv.code.c_str());
      ImGui::PopStyleColor();
      ui::tag(ctx, "invite-code-" + std::to_string(i));
      ImGui::SameLine();
      if (ImGui::SmallButton(ctx.t.tr("invite.copy"))) ImGui::SetClipboardText(inv.code.c_str());
      ImGui::SameLine();
      ui::muted(ctx, ctx.t.format("invite.expires", {ui::when_text(ctx, inv.expires_ms)}).c_str());
    } else {
      ui::muted(ctx, ctx.t.tr(invitation_key(inv.state)));
    }
    ImGui::PopID();
  }
}

}  // namespace

void draw_caseload(const ViewContext& ctx, const CaseloadViewModel& vm, CaseloadSort& sort,
                   const std::vector<InvitationView>& invitations, InviteState& invite) {
  ui::heading(ctx, ctx.t.tr("caseload.title"));
  if (vm.rows.empty()) {
    ui::muted(ctx, ctx.t.tr("caseload.empty"));
    draw_invitations(ctx, invitations, invite);
    return;
  }
  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                          ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("caseload", 5, flags)) return;
  ImGui::TableSetupColumn(ctx.t.tr("caseload.name"), ImGuiTableColumnFlags_DefaultSort, 2.0f);
  ImGui::TableSetupColumn(ctx.t.tr("caseload.next"), 0, 2.5f);
  ImGui::TableSetupColumn(ctx.t.tr("caseload.unread"), 0, 1.0f);
  ImGui::TableSetupColumn(ctx.t.tr("caseload.mood"), 0, 1.0f);
  ImGui::TableSetupColumn(ctx.t.tr("caseload.days"), 0, 1.5f);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      sort = kByColumn[specs->Specs[0].ColumnIndex];  // the App re-sorts the view model
    }
    specs->SpecsDirty = false;
  }
  float face = ImGui::GetFontSize() * 0.5f;
  for (const CaseloadRow& row : vm.rows) {
    ImGui::PushID(row.case_id.str().c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::Selectable(row.name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
      ctx.sink.send(cmd::SelectCase{row.case_id});
      ctx.sink.send(cmd::Navigate{Screen::kCase});
    }
    ui::tag(ctx, "caseload-row-" + row.case_id.str());
    ui::tag(ctx, "caseload-index-" + std::to_string(&row - vm.rows.data()));
    ImGui::TableNextColumn();
    if (row.next_session_ms)
      ImGui::TextUnformatted(ui::when_text(ctx, *row.next_session_ms).c_str());
    else
      ui::muted(ctx, "–");
    ImGui::TableNextColumn();
    if (row.unread > 0) ImGui::Text("%zu", row.unread);
    ImGui::TableNextColumn();
    if (row.last_mood) {
      ImVec2 p = ImGui::GetCursorScreenPos();
      ui::draw_face(ImGui::GetWindowDrawList(), ImVec2(p.x + face, p.y + ImGui::GetTextLineHeight() / 2),
                    face, *row.last_mood, IM_COL32(30, 34, 48, 255), ui::mood_fill(*row.last_mood));
      ImGui::Dummy(ImVec2(face * 2, ImGui::GetTextLineHeight()));
    }
    ImGui::TableNextColumn();
    if (row.days_since_contact)
      ImGui::TextUnformatted(
          ctx.t.format("caseload.days_value", {std::to_string(*row.days_since_contact)}).c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
  draw_invitations(ctx, invitations, invite);
}

}  // namespace sk::app
