#include "core/help/crisis_lines.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace sk::app {

Result<CrisisTable> parse_crisis_table(std::string_view toml_text, std::string_view source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& err) {
    return fail("crisis.invalid", std::string(source_name) + ":" + std::to_string(err.source().begin.line) +
                                      ": " + std::string(err.description()));
  }
  CrisisTable table;
  table.country = root["country"].value_or(std::string());
  if (table.country.empty())
    return fail("crisis.invalid", std::string(source_name) + ": country is required");
  const toml::array* lines = root["line"].as_array();
  if (!lines || lines->empty())
    return fail("crisis.invalid", std::string(source_name) + ": no [[line]] entries");
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const toml::table* t = (*lines)[i].as_table();
    std::string where = std::string(source_name) + ": line[" + std::to_string(i) + "]";
    if (!t) return fail("crisis.invalid", where + " is not a table");
    CrisisLine line;
    line.number = (*t)["number"].value_or(std::string());
    line.emergency = (*t)["emergency"].value_or(false);
    if (line.number.empty()) return fail("crisis.invalid", where + ".number is required");
    for (Language l : kLanguages) {
      auto idx = static_cast<std::size_t>(l);
      std::string code(language_code(l));
      line.name[idx] = (*t)["name"][code].value_or(std::string());
      line.when[idx] = (*t)["when"][code].value_or(std::string());
      line.hours[idx] = (*t)["hours"][code].value_or(std::string());
      if (line.name[idx].empty() || line.when[idx].empty()) {
        return fail("crisis.invalid", where + ": name." + code + " and when." + code + " are required");
      }
    }
    table.lines.push_back(std::move(line));
  }
  return table;
}

Result<CrisisTable> load_crisis_table(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail("crisis.missing", "cannot read " + file.string());
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_crisis_table(buffer.str(), file.filename().string());
}

}  // namespace sk::app
