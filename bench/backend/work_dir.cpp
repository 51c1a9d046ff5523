#include "work_dir.hpp"

#include <cstdlib>
#include <stdexcept>

namespace sk::bench {

std::filesystem::path make_work_dir(const std::filesystem::path& parent, const std::string& prefix) {
  std::string pattern = (parent / (prefix + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
  return pattern;
}

void finish_work_dir(const std::filesystem::path& dir, bool keep, std::ostream& out) {
  if (keep) {
    out << "logs and data kept in " << dir.string() << '\n';
    return;
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

}  // namespace sk::bench
