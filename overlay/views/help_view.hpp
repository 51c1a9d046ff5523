#pragma once
// Help, one click away on every screen: the organisation's crisis lines with plain words on
// when to use which. After the lowest check-in face it opens with a gentle first line.

#include "core/help/crisis_lines.hpp"
#include "views/view_context.hpp"

namespace sk::app {

void draw_help(const ViewContext& ctx, const CrisisTable& table, const std::string& contact_name,
               bool after_low_check_in);

}  // namespace sk::app
