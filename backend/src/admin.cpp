#include "admin.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <charconv>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ids.hpp"
#include "sk/core/encoding.hpp"
#include "sk/core/random.hpp"
#include "sk/crypto/one_time_code.hpp"
#include "sk/crypto/primitives.hpp"
#include "sk/protocol/protocol.hpp"
#include "sqlite_storage.hpp"

namespace sk::backend::admin {

namespace {

constexpr int kDefaultCodeHours = 72;

std::unique_ptr<SqliteStorage> open_store(const std::filesystem::path& data_dir) {
  if (data_dir.empty()) {
    std::cerr << "error: --data DIR is required\n";
    return nullptr;
  }
  auto s = SqliteStorage::open(data_dir);
  if (!s) {
    std::cerr << "error: " << s.error().message << " (" << SqliteStorage::database_path(data_dir).string()
              << ")\n";
    return nullptr;
  }
  return std::move(*s);
}

// Writes `text` to a new file only: an existing recovery key is never overwritten.
bool write_new_private_file(const std::filesystem::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool ok = done == text.size() && ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// Issues a code whose confirmation covers the organisation's keys; prints it.
bool issue_and_print(SqliteStorage& store, const Org& org, Role role, int hours) {
  const auto code = crypto::OneTimeCode::generate();
  CodeIssue issue;
  issue.kind = CodeKind::enroll;
  issue.lookup = code.lookup();
  issue.org_id = org.id;
  issue.role = role;
  const auto recovery = crypto::X25519PublicKey::from(org.recovery_x25519);
  if (!recovery) {
    std::cerr << "error: the organisation's recovery key in the database is damaged\n";
    return false;
  }
  issue.confirmation = code.key_confirmation(protocol::org_transcript(org.id, *recovery));
  const auto now = now_ms();
  issue.expires_at = now + std::int64_t{hours} * 3600 * 1000;
  if (auto r = store.issue_code(issue, now); !r) {
    std::cerr << "error: " << r.error().message << " Try again.\n";
    return false;
  }
  if (auto r = store.audit(
          {now, "enroll_code", org.id, "", "", "admin, role " + std::string(model::to_string(role))});
      !r) {
    std::cerr << "warning: the audit log could not be written\n";
  }
  std::cout << "Enrollment code (" << model::to_string(role) << ", valid " << hours
            << " h, single use): " << code.display() << "\n";
  return true;
}

std::optional<std::int64_t> parse_since(const std::string& text) {
  std::int64_t seconds = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec == std::errc{} && ptr == text.data() + text.size()) return seconds * 1000;
  std::tm tm{};
  std::istringstream in(text);
  in >> std::get_time(&tm, text.size() > 10 ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d");
  if (in.fail()) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm)) * 1000;
}

}  // namespace

int init(const std::filesystem::path& data_dir, const std::string& org_name,
         const std::filesystem::path& recovery_key_out) {
  if (org_name.empty() || org_name.size() > 200) {
    std::cerr << "error: --org NAME is required (at most 200 bytes)\n";
    return 2;
  }
  if (std::filesystem::exists(recovery_key_out)) {
    std::cerr << "error: " << recovery_key_out.string() << " exists; refusing to overwrite a recovery key\n";
    return 1;
  }
  auto store = open_store(data_dir);
  if (!store) return 1;

  crypto::Secret<crypto::kKeySize> secret;
  random_bytes(std::span(secret.data(), secret.size()));
  const auto pub = crypto::x25519_public_from_secret(secret);
  auto org = store->create_org(org_name, Bytes(pub.bytes.begin(), pub.bytes.end()));
  if (!org) {
    std::cerr << "error: " << org.error().message << "\n";
    return 1;
  }
  std::string file =
      "# Spillkontakt organisation recovery key. Keep it OFFLINE (printed or on a removable\n"
      "# disk in a safe). Whoever holds it can read the team data of every case.\n";
  file += "org_id = \"" + org->id + "\"\n";
  file += "x25519_public = \"" + base64url_encode(pub.view()) + "\"\n";
  file += "x25519_secret = \"" + base64url_encode(secret.view()) + "\"\n";
  const bool written = write_new_private_file(recovery_key_out, file);
  crypto::wipe(file.data(), file.size());
  if (!written) {
    std::cerr << "error: cannot write the recovery key to " << recovery_key_out.string()
              << "; the organisation was created without a usable recovery key: run init again\n";
    return 1;
  }
  if (auto r = store->audit({now_ms(), "org_created", org->id, "", "", "admin init"}); !r) {
    std::cerr << "warning: the audit log could not be written\n";
  }
  std::cout << "Organisation \"" << org->name << "\" created: " << org->id << "\n";
  std::cout << "Recovery key written to " << recovery_key_out.string()
            << " - move it offline now; the server does not keep it.\n";
  return issue_and_print(*store, *org, Role::kSupervisor, kDefaultCodeHours) ? 0 : 1;
}

int enroll_code(const std::filesystem::path& data_dir, const std::string& role_text,
                const std::optional<std::string>& org_id, int expires_in_hours) {
  const auto role = model::role_from_string(role_text);
  if (!role || *role == Role::kYouth) {
    std::cerr
        << "error: --role must be supervisor or contact (youth join through a contact's pairing code)\n";
    return 2;
  }
  if (expires_in_hours < 1 || expires_in_hours > 24 * 30) {
    std::cerr << "error: --expires-in-hours must be 1..720\n";
    return 2;
  }
  auto store = open_store(data_dir);
  if (!store) return 1;
  auto orgs = store->list_orgs();
  if (!orgs) {
    std::cerr << "error: " << orgs.error().message << "\n";
    return 1;
  }
  const Org* org = nullptr;
  if (org_id) {
    for (const auto& o : *orgs) {
      if (o.id == *org_id) org = &o;
    }
  } else if (orgs->size() == 1) {
    org = &orgs->front();
  }
  if (org == nullptr) {
    std::cerr << "error: no such organisation" << (orgs->size() > 1 ? "; pass --org ID" : "; run admin init")
              << "\n";
    return 1;
  }
  return issue_and_print(*store, *org, *role, expires_in_hours) ? 0 : 1;
}

int devices(const std::filesystem::path& data_dir) {
  auto store = open_store(data_dir);
  if (!store) return 1;
  auto list = store->list_devices();
  if (!list) {
    std::cerr << "error: " << list.error().message << "\n";
    return 1;
  }
  for (const auto& d : *list) {
    std::cout << nlohmann::json{{"device_id", d.id},   {"principal_id", d.principal_id},
                                {"org_id", d.org_id},  {"role", model::to_string(d.role)},
                                {"name", d.name},      {"created_at", d.created_at},
                                {"revoked", d.revoked}}
                     .dump()
              << "\n";
  }
  return 0;
}

int revoke(const std::filesystem::path& data_dir, const std::string& device_id) {
  auto store = open_store(data_dir);
  if (!store) return 1;
  auto device = store->find_device(device_id);
  if (!device || !device->has_value()) {
    std::cerr << "error: no such device\n";
    return 1;
  }
  auto r = store->revoke_device(device_id, now_ms());
  if (!r) {
    std::cerr << "error: " << r.error().message << "\n";
    return 1;
  }
  const auto& d = **device;
  if (auto a = store->audit({now_ms(), "revoke", d.org_id, d.principal_id, d.id, "admin"}); !a) {
    std::cerr << "warning: the audit log could not be written\n";
  }
  std::cout << (*r ? "revoked " : "already revoked ") << device_id << "\n";
  return 0;
}

int audit(const std::filesystem::path& data_dir, const std::string& since) {
  const auto from = parse_since(since);
  if (!from) {
    std::cerr << "error: --since must be Unix seconds, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ\n";
    return 2;
  }
  auto store = open_store(data_dir);
  if (!store) return 1;
  auto entries = store->audit_since(*from);
  if (!entries) {
    std::cerr << "error: " << entries.error().message << "\n";
    return 1;
  }
  for (const auto& e : *entries) {
    std::cout << nlohmann::json{{"at", e.at},
                                {"kind", e.kind},
                                {"org_id", e.org_id},
                                {"principal_id", e.principal_id},
                                {"device_id", e.device_id},
                                {"detail", e.detail}}
                     .dump()
              << "\n";
  }
  return 0;
}

}  // namespace sk::backend::admin
