#pragma once
// SyncEngine: the offline-first loop between the local store and the backend (docs/sync.md).
//
//   push  outbox entries one at a time, in enqueue order: seal for the audience's trusted
//         devices → append → mark sent with the server's seq (one store transaction)
//   pull  one POST /v1/sync for all cases with their cursors and directory versions (a
//         long-poll when nothing is new) → refresh changed key directories → finish pending
//         code confirmations → open, check and store each case's envelopes and move its
//         cursor, in one transaction per page
//
// Rules:
//  - Runs only on the network thread: every method except status() must be called there.
//  - The store is the truth: after a crash or kill, whatever was in flight is pending again,
//    and the server's idempotent append (event id) turns a resend into the original seq, so
//    every event reaches the server exactly once and every device stores it once.
//  - One push at a time keeps the server's order equal to the outbox order.
//  - An envelope that fails verification is quarantined with its reason and never blocks the
//    ones after it; one whose author is not trusted yet is kept sealed and opened when it is.
//  - Transient failures (offline, rate limited, server trouble) retry with capped exponential
//    backoff and full jitter, honouring Retry-After; a revoked device stops for good.

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>

#include "api.hpp"
#include "network.hpp"
#include "opener.hpp"
#include "session.hpp"
#include "sk/client/sync_status.hpp"
#include "sk/crypto/envelope.hpp"
#include "sk/model/event_id.hpp"
#include "sk/store/store.hpp"
#include "trust.hpp"

namespace sk::client {

class SyncEngine {
 public:
  using OnChange = std::function<void(const Changes&)>;
  using Finished = std::function<void(Result<SyncStatus>)>;

  SyncEngine(Network& network, Session& session, store::Store store, Self self,
             std::shared_ptr<const crypto::DeviceIdentity> identity, OnChange on_change);

  void start();  // keeps syncing until destroyed
  // One round until nothing is left to push or pull (long-polling at most `wait` first), then
  // `finished` with the status. Transient failures are retried as usual for up to `retry_for`;
  // any other failure (or transient ones beyond that) ends it with that error.
  void run_once(std::chrono::seconds wait, std::chrono::seconds retry_for, Finished finished);
  void nudge();
  SyncStatus status() const;  // any thread

 private:
  struct GrantJob {
    std::string case_id;
    TrustedDevice newcomer;
    std::vector<model::GrantEntry> for_case;  // case and youth_consented envelopes
    std::vector<model::GrantEntry> for_team;
  };
  bool record_grants(GrantJob& job);  // as grant events in the outbox; false when the store failed

  // push
  void push_next();
  void pushed(const std::string& event_id, const std::string& case_id, const std::string& kind,
              const HttpResponse& r);
  // pull
  void pull();
  void pulled(const HttpResponse& r);
  void refresh_directories(std::shared_ptr<api::SyncAnswer> answer, std::size_t index);
  void check_codes(std::shared_ptr<api::SyncAnswer> answer, std::size_t index);
  void apply_pages(const api::SyncAnswer& answer);
  // A code exchange whose other side is expected to act soon: polled every second.
  bool exchange_soon(const store::PendingCode& code) const;
  bool apply_page(const api::CasePage& page, Changes& changes);
  void retry_quarantined(Changes& changes);
  // keys and history
  void absorb_records(const model::Case& c, const std::vector<store::EventRecord>& batch);
  void publish_trust();
  void grant_next();
  void grant_page(std::int64_t after);
  void finish_grant();
  // Grants, to the devices this one is the granter for, envelopes just opened that were not
  // sealed to them (the author did not trust them yet when it sealed).
  void grant_missing(const model::Case& c, const std::string& case_id,
                     const std::vector<std::pair<const api::Envelope*, crypto::Opened>>& opened);
  // state
  void failed(const ApiError& error, bool pushing);
  void succeeded();
  void store_failed(const Error& error);
  void notify(Changes changes);
  void maybe_finish();
  std::chrono::milliseconds backoff(const ApiError& error);
  void add_warning(std::string warning);

  Network& network_;
  Session& session_;
  store::Store store_;
  Self self_;
  std::shared_ptr<const crypto::DeviceIdentity> identity_;
  crypto::PairwiseCache cache_;
  OnChange on_change_;

  bool running_ = false;
  bool pushing_ = false;
  bool pulling_ = false;
  bool pull_again_ = false;     // something new may wait: next pull does not long-poll
  bool trust_changed_ = false;  // retry sealed envelopes whose author was not trusted
  bool directories_changed_ = false;
  std::set<std::string> in_exchange_;  // lookups of codes redeemed but not yet confirmed
  bool publish_due_ = false;           // trust changed: vouches or grants may be owed

  // History grants this device received (event id → grant), and the grant job it runs for others.
  std::map<std::string, GrantFor> grants_;
  std::deque<GrantJob> grant_jobs_;
  bool granting_ = false;
  std::set<std::string> granted_this_run_;  // "case/device", so a job is not queued twice
  model::EventIdGenerator ids_;
  std::uint64_t retry_timer_ = 0;
  int failures_ = 0;
  std::mt19937_64 jitter_{std::random_device{}()};

  std::optional<Finished> finished_;
  std::chrono::seconds once_wait_{0};
  std::chrono::steady_clock::time_point once_deadline_{};
  bool once_idle_pull_ = false;  // run_once: a pull found nothing new

  mutable std::mutex status_mutex_;
  SyncStatus status_;
};

}  // namespace sk::client
