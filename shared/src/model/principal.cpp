#include "sk/model/principal.hpp"

#include <array>

#include "sk/core/utf8.hpp"

namespace sk::model {
namespace {

constexpr std::array<std::string_view, 3> kRoles{"youth", "contact", "supervisor"};

Result<void> check_name(std::string_view field, const std::string& name, std::size_t min) {
  if (!is_valid_utf8(name)) return fail("model.invalid", std::string(field) + ": is not valid UTF-8");
  const auto n = utf8_length(name);
  if (n < min || n > kMaxNameLength) {
    return fail("model.invalid", std::string(field) + ": must be " + std::to_string(min) + "..64 characters");
  }
  return {};
}

}  // namespace

std::string_view to_string(Role role) {
  return kRoles[static_cast<std::size_t>(role)];
}

std::optional<Role> role_from_string(std::string_view text) {
  for (std::size_t i = 0; i < kRoles.size(); ++i) {
    if (kRoles[i] == text) return static_cast<Role>(i);
  }
  return std::nullopt;
}

Result<void> validate(const Organisation& organisation) {
  if (organisation.id.empty()) return fail("model.invalid", "organisation.id: is required");
  return check_name("organisation.name", organisation.name, 1);
}

Result<void> validate(const Principal& principal) {
  if (principal.id.empty()) return fail("model.invalid", "principal.id: is required");
  if (principal.organisation.empty()) return fail("model.invalid", "principal.organisation: is required");
  if (principal.admin && principal.role != Role::kSupervisor) {
    return fail("model.invalid", "principal.admin: only supervisors may be admins");
  }
  return check_name("principal.display_name", principal.display_name, 1);
}

Result<void> validate(const Device& device) {
  if (device.id.empty()) return fail("model.invalid", "device.id: is required");
  if (device.owner.empty()) return fail("model.invalid", "device.owner: is required");
  return check_name("device.label", device.label, 0);
}

}  // namespace sk::model
