#pragma once
// Crisis lines: the organisation's table of who to call when, read from
// assets/crisis_lines/<COUNTRY>.toml. The table is data an organisation edits (numbers, opening
// hours, plain words on when to use each line, in each language), so its text lives there and
// not in the .po catalogs.
//
// Rules: every line needs a number and, in every language, a name and a "when to use" sentence;
// a table with no lines is an error (an empty help panel would be worse than none).

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/translator.hpp"
#include "sk/core/result.hpp"

namespace sk::app {

struct CrisisLine {
  std::string number;                // as dialled: "116 111"
  std::array<std::string, 3> name;   // per Language
  std::array<std::string, 3> when;   // per Language: plain words on when to call
  std::array<std::string, 3> hours;  // per Language: "always open", may be empty
  bool emergency = false;            // 112/113: shown first, for danger right now
};

struct CrisisTable {
  std::string country;  // "NO"
  std::vector<CrisisLine> lines;
};

Result<CrisisTable> parse_crisis_table(std::string_view toml_text, std::string_view source_name);
Result<CrisisTable> load_crisis_table(const std::filesystem::path& file);

}  // namespace sk::app
