#include "sync_engine.hpp"

#include <algorithm>

#include "code_exchange.hpp"
#include "history.hpp"
#include "opener.hpp"
#include "sk/client/event_records.hpp"
#include "sk/core/encoding.hpp"
#include "sk/model/codec.hpp"
#include "sk/model/limits.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::client {

namespace {

constexpr auto kLongPoll = std::chrono::seconds(25);
constexpr auto kCodePoll = std::chrono::seconds(1);  // while a code exchange waits for the other side
constexpr int kPageLimit = 200;
constexpr auto kMaxBackoff = std::chrono::milliseconds(60'000);

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

CaseChange& change_for(Changes& changes, const std::string& case_id) {
  for (auto& c : changes.cases)
    if (c.case_id == case_id) return c;
  changes.cases.push_back(CaseChange{case_id, {}, false});
  return changes.cases.back();
}

}  // namespace

SyncEngine::SyncEngine(Network& network, Session& session, store::Store store, Self self,
                       std::shared_ptr<const crypto::DeviceIdentity> identity, OnChange on_change)
    : network_(network),
      session_(session),
      store_(std::move(store)),
      self_(std::move(self)),
      identity_(std::move(identity)),
      on_change_(std::move(on_change)) {}

void SyncEngine::start() {
  running_ = true;
  trust_changed_ = true;  // sealed envelopes left from the last run get another look
  publish_due_ = true;
  if (auto r = store_.requeue_in_flight(); !r) return store_failed(r.error());
  auto held = store_.quarantine();
  if (!held) return store_failed(held.error());
  if (std::any_of(held->begin(), held->end(), [](const store::QuarantineEntry& q) { return q.retry; })) {
    auto grants = grants_for(store_, self_.device_id);
    if (!grants) return store_failed(grants.error());
    grants_ = std::move(*grants);
  }
  push_next();
  pull();
}

void SyncEngine::run_once(std::chrono::seconds wait, std::chrono::seconds retry_for, Finished finished) {
  finished_ = std::move(finished);
  once_wait_ = wait;
  once_deadline_ = std::chrono::steady_clock::now() + wait + retry_for;
  once_idle_pull_ = false;
  start();
}

void SyncEngine::nudge() {
  if (running_ && retry_timer_ == 0) push_next();
}

SyncStatus SyncEngine::status() const {
  std::lock_guard lock(status_mutex_);
  return status_;
}

// --- push --------------------------------------------------------------------------------------

void SyncEngine::push_next() {
  if (!running_ || pushing_ || session_.revoked()) return;
  auto pending = store_.next_pending(1000);
  if (!pending) return store_failed(pending.error());
  {
    std::lock_guard lock(status_mutex_);
    status_.pending = static_cast<std::int64_t>(pending->size());
  }
  if (pending->empty()) return maybe_finish();
  const store::EventRecord& ev = pending->front().event;

  auto sealed = [&]() -> Result<Bytes> {
    const auto audience = model::audience_from_string(ev.audience);
    if (!audience) return fail("client.bad_record", "event " + ev.event_id + " has an unknown audience");
    auto c = case_of(store_, ev.case_id);
    if (!c) return Unexpected{c.error()};
    auto to = recipients(store_, self_, *c, *audience);
    if (!to) return Unexpected{to.error()};
    // Re-encoded through the model, so the sealed bytes are the canonical event whatever the row holds.
    auto event = to_event(ev);
    if (!event) return Unexpected{event.error()};
    auto plaintext = model::encode_event(*event);
    if (!plaintext) return Unexpected{plaintext.error()};
    return crypto::seal(*identity_, *to, protocol::envelope_kind_for(*audience),
                        protocol::envelope_context(ev.case_id, ev.event_id, *audience), as_bytes(*plaintext),
                        cache_);
  }();
  if (!sealed) {
    (void)store_.mark_failed(ev.event_id, sealed.error().code);
    add_warning("a message could not be prepared for sending: " + sealed.error().message);
    return failed(ApiError{Failure::kRejected, 0, sealed.error().code, sealed.error().message, {}}, true);
  }
  if (auto m = store_.mark_in_flight(std::vector<std::string>{ev.event_id}); !m)
    return store_failed(m.error());
  pushing_ = true;
  session_.submit(api::append(ev.case_id, ev.event_id, ev.audience, *sealed),
                  [this, id = ev.event_id, case_id = ev.case_id, kind = ev.kind](HttpResponse r) {
                    pushed(id, case_id, kind, r);
                  });
}

void SyncEngine::pushed(const std::string& event_id, const std::string& case_id, const std::string& kind,
                        const HttpResponse& r) {
  pushing_ = false;
  auto ack = api::parse_appended(r);
  if (!ack) {
    if (auto m = store_.mark_failed(event_id, std::string(to_string(ack.error().failure))); !m)
      return store_failed(m.error());
    return failed(ack.error(), true);
  }
  if (auto m = store_.mark_sent(event_id, ack->seq, ack->received_at_ms); !m) return store_failed(m.error());
  succeeded();
  Changes changes;
  change_for(changes, case_id).kinds.insert(kind);
  changes.status = true;
  notify(std::move(changes));
  push_next();
}

// --- pull --------------------------------------------------------------------------------------

void SyncEngine::pull() {
  if (!running_ || pulling_ || session_.revoked()) return;
  auto cases = store_.cases();
  if (!cases) return store_failed(cases.error());
  std::map<std::string, api::Known> known;
  for (const auto& c : *cases) {
    auto cursor = store_.cursor(c.case_id);
    auto directory = store_.directory_version(c.case_id);
    if (!cursor) return store_failed(cursor.error());
    if (!directory) return store_failed(directory.error());
    known[c.case_id] = {*cursor, *directory};
  }
  auto codes = store_.pending_codes();
  if (!codes) return store_failed(codes.error());
  const bool code_waits = std::any_of(codes->begin(), codes->end(), [&](const store::PendingCode& p) {
    return p.state == "waiting" && exchange_soon(p);
  });
  std::chrono::seconds wait = kLongPoll;
  if (finished_) wait = once_wait_;
  if (code_waits) wait = std::min<std::chrono::seconds>(wait, kCodePoll);
  if (pull_again_ || status().connectivity == Connectivity::kStarting) wait = std::chrono::seconds(0);
  once_wait_ = std::chrono::seconds(0);
  pull_again_ = false;
  pulling_ = true;
  session_.submit(api::sync(known, static_cast<int>(wait.count()), kPageLimit),
                  [this](HttpResponse r) { pulled(r); });
}

void SyncEngine::pulled(const HttpResponse& r) {
  auto answer = api::parse_sync(r);
  if (!answer) {
    pulling_ = false;
    return failed(answer.error(), false);
  }
  succeeded();
  refresh_directories(std::make_shared<api::SyncAnswer>(std::move(*answer)), 0);
}

void SyncEngine::refresh_directories(std::shared_ptr<api::SyncAnswer> answer, std::size_t index) {
  for (; index < answer->cases.size(); ++index) {
    const auto& page = answer->cases[index];
    auto seen = store_.directory_version(page.case_id);
    if (!seen) return store_failed(seen.error());
    if (*seen != page.directory) break;
  }
  if (index == answer->cases.size()) return check_codes(std::move(answer), 0);
  const std::string case_id = answer->cases[index].case_id;
  session_.submit(api::key_directory(case_id), [this, answer, index, case_id](HttpResponse r) {
    auto directory = api::parse_key_directory(r);
    if (!directory) {
      pulling_ = false;
      return failed(directory.error(), false);
    }
    auto existing = store_.find_case(case_id);
    if (!existing) return store_failed(existing.error());
    const std::string label = *existing ? (*existing)->label : std::string();
    auto warnings = apply_directory(store_, *directory, label);
    if (!warnings) return store_failed(warnings.error());
    for (auto& w : *warnings) add_warning(std::move(w));
    if (auto v = store_.set_directory_version(case_id, answer->cases[index].directory); !v)
      return store_failed(v.error());
    pull_again_ = true;
    trust_changed_ = true;
    publish_due_ = true;
    directories_changed_ = true;
    Changes changes;
    change_for(changes, case_id).directory = true;
    changes.cases_added_or_removed = !*existing;
    notify(std::move(changes));
    refresh_directories(answer, index + 1);
  });
}

void SyncEngine::check_codes(std::shared_ptr<api::SyncAnswer> answer, std::size_t index) {
  auto codes = store_.pending_codes();
  if (!codes) return store_failed(codes.error());
  for (; index < codes->size(); ++index) {
    auto& code = (*codes)[index];
    if (code.state != "waiting") continue;
    // A code nobody has redeemed yet only changes with a directory (redeeming adds a device).
    if (!directories_changed_ && !exchange_soon(code)) continue;
    if (code.expires_at_ms < now_ms() && code.side == "issuer") {
      (void)store_.set_pending_code_state(code.lookup, "expired");
      continue;
    }
    break;
  }
  if (index >= codes->size()) {
    directories_changed_ = false;
    return apply_pages(*answer);
  }
  const store::PendingCode code = (*codes)[index];
  session_.submit(api::code_status(code.lookup), [this, answer, index, code](HttpResponse r) {
    auto status = api::parse_code_status(r);
    if (!status) {
      if (status.error().failure == Failure::kNotFound)
        (void)store_.set_pending_code_state(code.lookup, "expired");
      return check_codes(answer, index + 1);  // a code's trouble never holds up the events
    }
    auto step = next_code_step(code, *status, self_.role, self_.keys);
    if (!step) {
      (void)store_.set_pending_code_state(code.lookup, "mismatch");
      add_warning("a code could not be checked: " + step.error().message);
      return check_codes(answer, index + 1);
    }
    switch (step->outcome) {
      case CodeStep::Outcome::kWait:
        if (status->redeemer) in_exchange_.insert(code.lookup);
        return check_codes(answer, index + 1);
      case CodeStep::Outcome::kExpired:
        (void)store_.set_pending_code_state(code.lookup, "expired");
        return check_codes(answer, index + 1);
      case CodeStep::Outcome::kMismatch:
        (void)store_.set_pending_code_state(code.lookup, "mismatch");
        add_warning("the keys the server relayed for code " + code.lookup +
                    " are not the ones the code confirms; that device is not trusted");
        return check_codes(answer, index + 1);
      case CodeStep::Outcome::kConfirmed:
        break;
    }
    if (auto t = trust_confirmed(store_, *step->peer, code.peer_role); !t) return store_failed(t.error());
    trust_changed_ = true;
    publish_due_ = true;
    auto done = [this, answer, index, lookup = code.lookup, case_id = code.case_id](HttpResponse) {
      (void)store_.set_pending_code_state(lookup, "confirmed");
      Changes changes;
      if (!case_id.empty()) change_for(changes, case_id).directory = true;
      changes.status = true;
      notify(std::move(changes));
      check_codes(answer, index + 1);
    };
    if (step->confirmation.empty()) return done(HttpResponse{});
    session_.submit(api::put_confirmation(code.lookup, step->confirmation), done);
  });
}

void SyncEngine::apply_pages(const api::SyncAnswer& answer) {
  Changes changes;
  if (trust_changed_) retry_quarantined(changes);
  bool news = false;
  for (const auto& page : answer.cases) {
    if (!apply_page(page, changes)) return;
    news = news || page.more || !page.events.empty();
  }
  if (news) pull_again_ = true;
  if (trust_changed_) retry_quarantined(changes);  // vouches or grants in these pages
  if (!changes.cases.empty()) notify(std::move(changes));
  pulling_ = false;
  if (publish_due_) publish_trust();
  grant_next();
  if (finished_ && !news && !pull_again_) {
    once_idle_pull_ = true;
    return maybe_finish();
  }
  pull();
}

bool SyncEngine::apply_page(const api::CasePage& page, Changes& changes) {
  if (page.events.empty()) return true;
  auto c = case_of(store_, page.case_id);
  if (!c) return true;  // not a whole case yet (no youth): its events wait on the server
  std::vector<store::EventRecord> batch;
  std::vector<std::pair<const api::Envelope*, crypto::Opened>> opened;
  for (const auto& envelope : page.events) {
    auto outcome = open_envelope(store_, self_, *identity_, cache_, *c, page.case_id, envelope);
    switch (outcome.kind) {
      case OpenOutcome::Kind::kStored:
        change_for(changes, page.case_id).kinds.insert(outcome.record->kind);
        batch.push_back(std::move(*outcome.record));
        opened.emplace_back(&envelope, std::move(*outcome.opened));
        break;
      case OpenOutcome::Kind::kNotForMe:
        outcome.reason = "not sealed for this device (yet)";
        [[fallthrough]];  // kept sealed: a history grant may open it later
      case OpenOutcome::Kind::kRetryLater:
      case OpenOutcome::Kind::kRejected: {
        const bool retry = outcome.kind != OpenOutcome::Kind::kRejected;
        store::QuarantineEntry q{page.case_id,      envelope.seq,           envelope.event_id,
                                 envelope.audience, envelope.author_device, envelope.received_at_ms,
                                 envelope.envelope, outcome.reason,         retry,
                                 now_ms()};
        if (auto put = store_.put_quarantine(q); !put) {
          store_failed(put.error());
          return false;
        }
        if (!retry) {
          std::lock_guard lock(status_mutex_);
          ++status_.quarantined;
          changes.status = true;
        }
        break;
      }
    }
  }
  if (auto applied = store_.apply_remote_events(page.case_id, batch, page.next_after); !applied) {
    store_failed(applied.error());
    return false;
  }
  absorb_records(*c, batch);
  grant_missing(*c, page.case_id, opened);
  return true;
}

void SyncEngine::grant_missing(const model::Case& c, const std::string& case_id,
                               const std::vector<std::pair<const api::Envelope*, crypto::Opened>>& opened) {
  if (self_.role != "contact" || opened.empty()) return;
  auto devices = grantees(store_, self_, c);
  if (!devices) return store_failed(devices.error());
  std::map<std::string, GrantJob> jobs;  // by device
  for (const auto& [envelope, o] : opened) {
    const auto audience = model::audience_from_string(envelope->audience);
    auto info = crypto::peek(envelope->envelope);
    if (!audience || !info) continue;
    for (const auto& d : *devices) {
      if (!may_read(c, d.principal_id, *audience)) continue;
      const auto id = crypto::key_id(d.keys.encryption);
      if (std::find(info->recipients.begin(), info->recipients.end(), id) != info->recipients.end()) continue;
      auto grant = crypto::make_grant(o, *identity_, d.keys, cache_);
      auto event_id = model::EventId::parse(envelope->event_id);
      if (!grant || !event_id) continue;
      auto& job = jobs.try_emplace(d.device_id, GrantJob{case_id, d, {}, {}}).first->second;
      (*audience == model::Audience::kTeam ? job.for_team : job.for_case)
          .push_back(model::GrantEntry{*event_id, base64url_encode(*grant)});
    }
  }
  for (auto& [device, job] : jobs) {
    if (!record_grants(job)) return;
  }
  if (!jobs.empty()) push_next();
}

void SyncEngine::absorb_records(const model::Case& c, const std::vector<store::EventRecord>& batch) {
  for (const auto& r : batch) {
    if (r.kind != "case_vouch" && r.kind != "team_vouch" && r.kind != "case_grant" && r.kind != "team_grant")
      continue;
    auto event = to_event(r);
    if (!event) continue;  // it was decoded once already; cannot fail
    if (const auto* v = std::get_if<model::CaseVouch>(&event->body)) {
      std::vector<std::string> warnings;
      auto added = absorb_vouch(store_, c, *v, r.author_device_id, warnings);
      if (!added) return store_failed(added.error());
      for (auto& w : warnings) add_warning(std::move(w));
      if (*added) trust_changed_ = publish_due_ = true;
    } else if (const auto* tv = std::get_if<model::TeamVouch>(&event->body)) {
      std::vector<std::string> warnings;
      auto added = absorb_vouch(store_, c, *tv, r.author_device_id, warnings);
      if (!added) return store_failed(added.error());
      for (auto& w : warnings) add_warning(std::move(w));
      if (*added) trust_changed_ = publish_due_ = true;
    } else {
      const auto* g = std::get_if<model::CaseGrant>(&event->body);
      const auto* t = std::get_if<model::TeamGrant>(&event->body);
      const model::HistoryGrant& grant = g ? static_cast<const model::HistoryGrant&>(*g) : *t;
      if (grant.for_device.str() != self_.device_id) continue;
      for (const auto& e : grant.grants)
        grants_[e.event.str()] = GrantFor{base64url_decode(e.grant).value_or(Bytes{}), r.author_device_id};
      trust_changed_ = true;
    }
  }
}

void SyncEngine::publish_trust() {
  publish_due_ = false;
  auto cases = store_.cases();
  if (!cases) return store_failed(cases.error());
  const Author me{self_.principal_id, self_.device_id, &ids_};
  bool recorded = false;
  for (const auto& record : *cases) {
    auto c = case_of(store_, record.case_id);
    if (!c) continue;  // not whole yet
    auto published = published_by(store_, record.case_id, self_.device_id);
    if (!published) return store_failed(published.error());
    auto plan = plan_vouches(store_, self_, *c, published->vouched_case, published->vouched_team);
    if (!plan) return store_failed(plan.error());
    for (std::size_t i = 0; i < plan->for_case.size(); i += model::kMaxVouchedDevices) {
      const auto end = std::min(plan->for_case.size(), i + model::kMaxVouchedDevices);
      model::CaseVouch v;
      v.devices.assign(plan->for_case.begin() + static_cast<std::ptrdiff_t>(i),
                       plan->for_case.begin() + static_cast<std::ptrdiff_t>(end));
      if (auto e = record_action(store_, me, record.case_id, v); !e) return store_failed(e.error());
      recorded = true;
    }
    for (std::size_t i = 0; i < plan->for_team.size(); i += model::kMaxVouchedDevices) {
      const auto end = std::min(plan->for_team.size(), i + model::kMaxVouchedDevices);
      model::TeamVouch v;
      v.devices.assign(plan->for_team.begin() + static_cast<std::ptrdiff_t>(i),
                       plan->for_team.begin() + static_cast<std::ptrdiff_t>(end));
      if (auto e = record_action(store_, me, record.case_id, v); !e) return store_failed(e.error());
      recorded = true;
    }
    auto newcomers = grantees(store_, self_, *c);
    if (!newcomers) return store_failed(newcomers.error());
    for (auto& n : *newcomers) {
      if (published->granted.contains(n.device_id)) continue;
      if (granted_this_run_.insert(record.case_id + "/" + n.device_id).second)
        grant_jobs_.push_back(GrantJob{record.case_id, std::move(n), {}, {}});
    }
  }
  if (recorded) push_next();
}

void SyncEngine::grant_next() {
  if (granting_ || grant_jobs_.empty() || !running_) return;
  granting_ = true;
  grant_page(0);
}

void SyncEngine::grant_page(std::int64_t after) {
  const std::string case_id = grant_jobs_.front().case_id;
  session_.submit(api::fetch_events(case_id, after, 500), [this, case_id](HttpResponse r) {
    auto page = api::parse_events_page(r);
    if (!page) {
      granting_ = false;  // the job stays queued; the retry's pull starts it again
      return failed(page.error(), false);
    }
    auto c = case_of(store_, case_id);
    if (!c) {  // the case left the store: nothing to grant any more
      grant_jobs_.front().for_case.clear();
      grant_jobs_.front().for_team.clear();
      return finish_grant();
    }
    auto& job = grant_jobs_.front();
    const auto newcomer_key = crypto::key_id(job.newcomer.keys.encryption);
    for (const auto& envelope : page->events) {
      const auto audience = model::audience_from_string(envelope.audience);
      if (!audience || !may_read(*c, job.newcomer.principal_id, *audience)) continue;
      auto info = crypto::peek(envelope.envelope);
      if (!info) continue;
      if (std::find(info->recipients.begin(), info->recipients.end(), newcomer_key) != info->recipients.end())
        continue;
      auto author = trusted(store_, self_, envelope.author_device);
      if (!author || !*author) continue;
      const auto context = protocol::envelope_context(case_id, envelope.event_id, *audience);
      const crypto::Expectation expect{(*author)->keys, protocol::envelope_kind_for(*audience), context};
      auto opened = crypto::open(envelope.envelope, *identity_, expect, cache_);
      if (!opened) continue;  // what this device cannot read, it cannot grant
      auto grant = crypto::make_grant(*opened, *identity_, job.newcomer.keys, cache_);
      if (!grant) continue;
      auto event_id = model::EventId::parse(envelope.event_id);
      if (!event_id) continue;
      model::GrantEntry entry{*event_id, base64url_encode(*grant)};
      (*audience == model::Audience::kTeam ? job.for_team : job.for_case).push_back(std::move(entry));
    }
    if (page->more) return grant_page(page->next_after);
    finish_grant();
  });
}

void SyncEngine::finish_grant() {
  auto job = std::move(grant_jobs_.front());
  grant_jobs_.pop_front();
  granting_ = false;
  if (!record_grants(job)) return;
  push_next();
  grant_next();
  maybe_finish();
}

bool SyncEngine::record_grants(GrantJob& job) {
  const Author me{self_.principal_id, self_.device_id, &ids_};
  auto record_all = [&](std::vector<model::GrantEntry>& entries, bool team) -> bool {
    for (std::size_t i = 0; i < entries.size(); i += model::kMaxGrantsPerEvent) {
      const auto end = std::min(entries.size(), i + model::kMaxGrantsPerEvent);
      model::HistoryGrant g{model::DeviceId(job.newcomer.device_id),
                            {entries.begin() + static_cast<std::ptrdiff_t>(i),
                             entries.begin() + static_cast<std::ptrdiff_t>(end)}};
      auto e = team ? record_action(store_, me, job.case_id, model::TeamGrant{g})
                    : record_action(store_, me, job.case_id, model::CaseGrant{g});
      if (!e) {
        store_failed(e.error());
        return false;
      }
    }
    return true;
  };
  return record_all(job.for_case, false) && record_all(job.for_team, true);
}

void SyncEngine::retry_quarantined(Changes& changes) {
  trust_changed_ = false;
  auto held = store_.quarantine();
  if (!held) return store_failed(held.error());
  for (auto& q : *held) {
    if (!q.retry) continue;
    auto c = case_of(store_, q.case_id);
    if (!c) continue;
    const api::Envelope routed{q.seq, q.event_id, q.audience, q.author_device, q.received_at_ms, q.envelope};
    const auto grant = grants_.find(q.event_id);
    auto outcome = open_envelope(store_, self_, *identity_, cache_, *c, q.case_id, routed,
                                 grant == grants_.end() ? nullptr : &grant->second);
    if (outcome.kind == OpenOutcome::Kind::kRetryLater || outcome.kind == OpenOutcome::Kind::kNotForMe)
      continue;
    if (outcome.kind == OpenOutcome::Kind::kStored) {
      auto cursor = store_.cursor(q.case_id);
      if (!cursor) return store_failed(cursor.error());
      change_for(changes, q.case_id).kinds.insert(outcome.record->kind);
      std::vector<store::EventRecord> one{std::move(*outcome.record)};
      if (auto a = store_.apply_remote_events(q.case_id, one, *cursor); !a) return store_failed(a.error());
      absorb_records(*c, one);
    }
    if (outcome.kind == OpenOutcome::Kind::kRejected) {
      q.retry = false;
      q.reason = outcome.reason;
      if (auto put = store_.put_quarantine(q); !put) return store_failed(put.error());
      continue;
    }
    if (auto rm = store_.remove_quarantine(q.case_id, q.seq); !rm) return store_failed(rm.error());
  }
}

bool SyncEngine::exchange_soon(const store::PendingCode& code) const {
  constexpr std::int64_t kFreshMs = 30 * 60 * 1000;
  return code.side == "redeemer" || in_exchange_.contains(code.lookup) ||
         now_ms() - code.created_at_ms < kFreshMs;
}

// --- state -------------------------------------------------------------------------------------

std::chrono::milliseconds SyncEngine::backoff(const ApiError& error) {
  const auto base = std::min<std::chrono::milliseconds>(
      std::chrono::milliseconds(500LL << std::min(failures_, 7)), kMaxBackoff);
  std::uniform_int_distribution<std::int64_t> spread(base.count() / 2, base.count());
  return std::max<std::chrono::milliseconds>(std::chrono::milliseconds(spread(jitter_)), error.retry_after);
}

void SyncEngine::failed(const ApiError& error, bool /*pushing*/) {
  ++failures_;
  {
    std::lock_guard lock(status_mutex_);
    status_.last_error = error;
    if (error.failure == Failure::kRevoked) {
      status_.connectivity = Connectivity::kRevoked;
    } else if (is_transient(error.failure)) {
      status_.connectivity = Connectivity::kOffline;
    }
  }
  const bool give_up =
      finished_ && (!is_transient(error.failure) || std::chrono::steady_clock::now() > once_deadline_);
  if (give_up || error.failure == Failure::kRevoked) {
    running_ = false;
    Changes changes;
    changes.status = true;
    notify(std::move(changes));
    if (finished_) {
      auto finished = std::move(*finished_);
      finished_.reset();
      finished(Unexpected{to_error(error)});
    }
    return;
  }
  const auto delay = backoff(error);
  {
    std::lock_guard lock(status_mutex_);
    status_.next_retry = std::chrono::system_clock::now() + delay;
  }
  if (retry_timer_ == 0) {
    retry_timer_ = network_.after(delay, [this] {
      retry_timer_ = 0;
      push_next();
      pull();
    });
  }
  Changes changes;
  changes.status = true;
  notify(std::move(changes));
}

void SyncEngine::succeeded() {
  failures_ = 0;
  bool changed = false;
  {
    std::lock_guard lock(status_mutex_);
    if (status_.connectivity != Connectivity::kOnline) {
      status_.connectivity = Connectivity::kOnline;
      status_.last_error.reset();
      changed = true;
    }
  }
  if (changed) {
    Changes changes;
    changes.status = true;
    notify(std::move(changes));
  }
}

void SyncEngine::store_failed(const Error& error) {
  // The local store failing (disk full, corrupt) is not something a retry loop can fix quietly.
  pulling_ = false;
  pushing_ = false;
  add_warning("the local data could not be written: " + error.message);
  failed(ApiError{Failure::kServer, 0, error.code, error.message, {}}, false);
}

void SyncEngine::add_warning(std::string warning) {
  std::lock_guard lock(status_mutex_);
  if (std::find(status_.warnings.begin(), status_.warnings.end(), warning) == status_.warnings.end())
    status_.warnings.push_back(std::move(warning));
}

void SyncEngine::notify(Changes changes) {
  if (on_change_) on_change_(changes);
}

void SyncEngine::maybe_finish() {
  // A round is over when nothing is left to push, to pull or to grant.
  if (!finished_ || pushing_ || pulling_ || granting_ || !grant_jobs_.empty() || !once_idle_pull_) return;
  auto pending = store_.next_pending(1);
  if (!pending || !pending->empty()) return;
  running_ = false;
  auto finished = std::move(*finished_);
  finished_.reset();
  finished(status());
}

}  // namespace sk::client
