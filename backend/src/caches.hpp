#pragma once
// In-memory caches of the two reads every request makes (its token, and on case routes its
// case), so that requests need not re-read pages that each commit of the append writer evicts
// from the read connections' page caches. Both stay exact: an entry is dropped by every write
// that could change it, and a load that raced with such a write is not kept.

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "storage.hpp"

namespace sk::backend {

// A 64-bit counter in a small file that every process opening the data directory maps, so the
// admin CLI's `revoke` reaches a running server's token cache without a request or a signal.
class SharedCounter {
 public:
  // Creates the file (8 zero bytes, mode 0600) when absent.
  static Result<SharedCounter> open(const std::filesystem::path& file);
  SharedCounter(SharedCounter&& other) noexcept;
  SharedCounter& operator=(SharedCounter&&) = delete;
  SharedCounter(const SharedCounter&) = delete;
  ~SharedCounter();

  std::uint64_t load() const;
  void increment();

 private:
  explicit SharedCounter(std::uint64_t* word) : word_(word) {}
  std::uint64_t* word_;  // the mapped file
};

// Case → organisation, youth, contacts, consent and directory version. Each change by this
// server calls forget() (or clear()) after its COMMIT. The only change another process makes is
// a revocation by the admin CLI (it raises directory versions): like the token cache, a changed
// revocation count empties the cache before the next lookup. A lookup that raced with a change
// is not remembered: changes bump a generation the loader compares.
class CaseCache {
 public:
  explicit CaseCache(const SharedCounter& revocations) : revocations_(revocations) {}
  std::optional<CaseInfo> find(const std::string& case_id);
  std::uint64_t generation();
  // Keeps `c`, read from the database after generation() returned `seen`, unless a case has
  // changed since.
  void remember(const CaseInfo& c, std::uint64_t seen);
  void forget(const std::string& case_id);
  void clear();

 private:
  static constexpr std::size_t kMaxCases = 50'000;  // ~10 MB at most; emptied when full
  // Empties the cache if a revocation happened since it was filled. Takes the lock itself.
  void follow_revocations();

  const SharedCounter& revocations_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, CaseInfo> cases_;
  std::uint64_t generation_ = 0;
  std::uint64_t revocations_seen_ = 0;  // the revocation count `cases_` is valid for
};

// Token hash → caller and expiry. A token stops working when it expires or when its device is
// revoked; every revocation, by this process or another, increments `revocations` after its
// COMMIT, and a changed count empties the cache before the next lookup.
class TokenCache {
 public:
  using Hash = std::array<std::uint8_t, 32>;  // SHA-256 of the token

  explicit TokenCache(const SharedCounter& revocations) : revocations_(revocations) {}
  std::optional<Caller> find(const Hash& hash, std::int64_t now);
  // Read before loading from the database; remember() keeps the load only if no revocation
  // happened since.
  std::uint64_t generation() const { return revocations_.load(); }
  void remember(const Hash& hash, const Caller& caller, std::int64_t expires_at, std::uint64_t seen);

 private:
  struct Entry {
    Caller caller;
    std::int64_t expires_at;
  };
  struct HashOfHash {
    std::size_t operator()(const Hash& h) const;
  };
  static constexpr std::size_t kMaxTokens = 100'000;  // ~20 MB at most; emptied when full

  const SharedCounter& revocations_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<Hash, Entry, HashOfHash> tokens_;
  std::uint64_t generation_ = 0;  // the revocation count `tokens_` is valid for
};

}  // namespace sk::backend
