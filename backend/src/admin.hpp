#pragma once
// The admin CLI (`spillkontakt-backend admin ...`): works directly on the data directory, also
// while a server runs on it (SQLite WAL allows that). Each returns the process exit code and
// prints results on stdout, errors on stderr.

#include <filesystem>
#include <optional>
#include <string>

namespace sk::backend::admin {

// Creates an organisation with a fresh X25519 recovery key pair. The secret half goes ONCE to
// `recovery_key_out` (0600, never overwritten) and is not stored anywhere else. Prints a
// supervisor enrollment code.
int init(const std::filesystem::path& data_dir, const std::string& org_name,
         const std::filesystem::path& recovery_key_out);
// Prints a one-time enrollment code for a supervisor or a contact.
int enroll_code(const std::filesystem::path& data_dir, const std::string& role,
                const std::optional<std::string>& org_id, int expires_in_hours);
int devices(const std::filesystem::path& data_dir);
int revoke(const std::filesystem::path& data_dir, const std::string& device_id);
// `since`: Unix seconds, or an ISO date "2026-11-23" / time "2026-11-23T08:00:00Z" (UTC).
int audit(const std::filesystem::path& data_dir, const std::string& since);

}  // namespace sk::backend::admin
