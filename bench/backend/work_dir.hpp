#pragma once
// A run's temporary directory (server data, logs, client profiles), made fresh under `parent`
// and removed at the end unless kept for inspection.

#include <filesystem>
#include <ostream>
#include <string>

namespace sk::bench {

// `parent`/`prefix`-XXXXXX; throws when it cannot be made.
std::filesystem::path make_work_dir(const std::filesystem::path& parent, const std::string& prefix);
// Removes `dir`, or, when `keep`, says on `out` where it is.
void finish_work_dir(const std::filesystem::path& dir, bool keep, std::ostream& out);

}  // namespace sk::bench
