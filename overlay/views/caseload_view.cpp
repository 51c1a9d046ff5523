#include "views/caseload_view.hpp"

#include "views/widgets.hpp"

namespace sk::app {
namespace {

constexpr CaseloadSort kByColumn[] = {CaseloadSort::kName, CaseloadSort::kNextSession, CaseloadSort::kUnread,
                                      CaseloadSort::kMood, CaseloadSort::kDaysSinceContact};

}  // namespace

void draw_caseload(const ViewContext& ctx, const CaseloadViewModel& vm, CaseloadSort& sort) {
  ui::heading(ctx, ctx.t.tr("caseload.title"));
  if (vm.rows.empty()) {
    ui::muted(ctx, ctx.t.tr("caseload.empty"));
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
}

}  // namespace sk::app
