#pragma once
// Shared helpers for the store tests: a temp directory per test, and sample rows.

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>  // mkdtemp (POSIX)
#include <filesystem>
#include <string>

#include "sk/store/store.hpp"

namespace sk::store::testing {

// A fresh directory under $TMPDIR, removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sk-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path db() const { return path_ / "profile.sqlite"; }

 private:
  std::filesystem::path path_;
};

inline CaseRecord sample_case(const std::string& case_id = "case-1") {
  return CaseRecord{case_id, "org-1", "youth-1",
                    "Mika",  false,   {{"contact-1", "contact"}, {"youth-1", "youth"}}};
}

// An own event as the UI would record it (no server position yet).
inline EventRecord local_event(const std::string& id, const std::string& case_id = "case-1",
                               std::int64_t created_at_ms = 1'700'000'000'000) {
  EventRecord e;
  e.event_id = id;
  e.case_id = case_id;
  e.kind = "chat.message";
  e.author_principal_id = "contact-1";
  e.author_device_id = "device-self";
  e.audience = "case";
  e.created_at_ms = created_at_ms;
  e.body_json = R"({"text":"hei )" + id + R"("})";
  return e;
}

// An event as pulled from the case mailbox.
inline EventRecord remote_event(const std::string& id, std::int64_t server_seq,
                                const std::string& case_id = "case-1") {
  EventRecord e = local_event(id, case_id);
  e.author_principal_id = "youth-1";
  e.author_device_id = "device-youth";
  e.server_seq = server_seq;
  e.received_at_ms = 1'700'000'100'000 + server_seq;
  return e;
}

// A writable store with one case, or the test fails.
inline Store open_with_case(const std::filesystem::path& db) {
  auto store = Store::open(db);
  if (!store) throw std::runtime_error(store.error().code + ": " + store.error().message);
  auto added = store->upsert_case(sample_case());
  if (!added) throw std::runtime_error(added.error().message);
  return std::move(*store);
}

}  // namespace sk::store::testing
