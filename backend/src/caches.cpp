#include "caches.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace sk::backend {

namespace {
static_assert(std::atomic_ref<std::uint64_t>::is_always_lock_free,
              "a counter shared between processes must be lock-free");
constexpr auto kCounterBytes = sizeof(std::uint64_t);
}  // namespace

Result<SharedCounter> SharedCounter::open(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 ||
      (st.st_size < static_cast<off_t>(kCounterBytes) && ::ftruncate(fd, kCounterBytes) != 0)) {
    spdlog::error("storage: cannot open {}: {}", file.string(), std::strerror(errno));
    if (fd >= 0) ::close(fd);
    return sk::fail("storage", "The database cannot be opened.");
  }
  void* map = ::mmap(nullptr, kCounterBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (map == MAP_FAILED) {
    spdlog::error("storage: cannot map {}: {}", file.string(), std::strerror(errno));
    return sk::fail("storage", "The database cannot be opened.");
  }
  return SharedCounter(static_cast<std::uint64_t*>(map));
}

SharedCounter::SharedCounter(SharedCounter&& other) noexcept : word_(std::exchange(other.word_, nullptr)) {}

SharedCounter::~SharedCounter() {
  if (word_ != nullptr) ::munmap(word_, kCounterBytes);
}

std::uint64_t SharedCounter::load() const {
  return std::atomic_ref<std::uint64_t>(*word_).load(std::memory_order_acquire);
}

void SharedCounter::increment() {
  std::atomic_ref<std::uint64_t>(*word_).fetch_add(1, std::memory_order_acq_rel);
}

// --- cases

void CaseCache::follow_revocations() {
  const auto revoked = revocations_.load();
  {
    std::shared_lock lock(mutex_);
    if (revoked == revocations_seen_) return;
  }
  std::unique_lock lock(mutex_);
  if (revoked == revocations_seen_) return;
  ++generation_;
  cases_.clear();
  revocations_seen_ = revoked;
}

std::optional<CaseInfo> CaseCache::find(const std::string& case_id) {
  follow_revocations();
  std::shared_lock lock(mutex_);
  auto it = cases_.find(case_id);
  if (it == cases_.end()) return std::nullopt;
  return it->second;
}

std::uint64_t CaseCache::generation() {
  follow_revocations();
  std::shared_lock lock(mutex_);
  return generation_;
}

void CaseCache::remember(const CaseInfo& c, std::uint64_t seen) {
  std::unique_lock lock(mutex_);
  // A revocation committed during the load may have changed what was read.
  if (seen != generation_ || revocations_.load() != revocations_seen_) return;
  if (cases_.size() >= kMaxCases) cases_.clear();
  cases_.insert_or_assign(c.id, c);
}

void CaseCache::forget(const std::string& case_id) {
  std::unique_lock lock(mutex_);
  ++generation_;
  cases_.erase(case_id);
}

void CaseCache::clear() {
  std::unique_lock lock(mutex_);
  ++generation_;
  cases_.clear();
}

// --- tokens

std::size_t TokenCache::HashOfHash::operator()(const Hash& h) const {
  // The key is already a uniformly distributed hash.
  std::size_t v = 0;
  std::memcpy(&v, h.data(), sizeof v);
  return v;
}

std::optional<Caller> TokenCache::find(const Hash& hash, std::int64_t now) {
  const auto revoked = revocations_.load();
  {
    std::shared_lock lock(mutex_);
    if (revoked == generation_) {
      auto it = tokens_.find(hash);
      if (it == tokens_.end() || it->second.expires_at <= now) return std::nullopt;
      return it->second.caller;
    }
  }
  std::unique_lock lock(mutex_);
  if (revoked != generation_) {
    tokens_.clear();
    generation_ = revoked;
  }
  return std::nullopt;
}

void TokenCache::remember(const Hash& hash, const Caller& caller, std::int64_t expires_at,
                          std::uint64_t seen) {
  std::unique_lock lock(mutex_);
  // A revocation since `seen` may have been of this very device: the load may be stale.
  if (seen != revocations_.load() || seen != generation_) return;
  if (tokens_.size() >= kMaxTokens) tokens_.clear();
  tokens_.insert_or_assign(hash, Entry{caller, expires_at});
}

}  // namespace sk::backend
