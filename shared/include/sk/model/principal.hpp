#pragma once
// Who is who: an organisation has principals (people), each with one role, and each principal
// has one or more devices. Only supervisors may hold admin rights (issue enrolment codes,
// revoke devices).

#include <optional>
#include <string>
#include <string_view>

#include "sk/core/result.hpp"
#include "sk/model/strong_id.hpp"

namespace sk::model {

enum class Role { kYouth, kContact, kSupervisor };

std::string_view to_string(Role role);  // "youth", "contact", "supervisor"
std::optional<Role> role_from_string(std::string_view text);

inline constexpr std::size_t kMaxNameLength = 64;  // code points, names and nicknames

struct Organisation {
  OrganisationId id;
  std::string name;  // 1..64 code points

  friend bool operator==(const Organisation&, const Organisation&) = default;
};

struct Principal {
  PrincipalId id;
  OrganisationId organisation;
  Role role = Role::kYouth;
  std::string display_name;  // youth: the nickname they chose
  bool admin = false;        // supervisors only

  friend bool operator==(const Principal&, const Principal&) = default;
};

struct Device {
  DeviceId id;
  PrincipalId owner;
  std::string label;  // "Home PC"; 0..64 code points

  friend bool operator==(const Device&, const Device&) = default;
};

// Each returns model.invalid naming the field ("principal.admin: only supervisors may be admins").
Result<void> validate(const Organisation& organisation);
Result<void> validate(const Principal& principal);
Result<void> validate(const Device& device);

}  // namespace sk::model
