#include "commands.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "case_events.hpp"
#include "profile_access.hpp"
#include "sk/client/case_fold.hpp"
#include "sk/client/client.hpp"
#include "sk/client/event_records.hpp"
#include "sk/store/store.hpp"

namespace sk::cli {

namespace {

using nlohmann::json;
constexpr std::string_view kServerSetting = "server.base_url";

int exit_code_for(const Error& e) {
  const auto& c = e.code;
  if (c == "client.offline" || c == "client.tls" || c == "client.server" || c == "client.rate_limited" ||
      c == "client.bad_response")
    return kOffline;
  if (c == "client.key_mismatch") return kKeyMismatch;
  if (c == "client.revoked" || c == "client.unauthorized") return kRevoked;
  if (c.starts_with("client.") && c != "client.profile" && c != "client.device_key" && c != "client.locked")
    return kRefused;
  if (c.starts_with("code.")) return kUsage;
  return kLocal;
}

std::string remembered_server(const std::filesystem::path& profile) {
  const auto path = profile / "store.db";
  if (!std::filesystem::exists(path)) return {};
  auto store = store::Store::open(path);
  if (!store) return {};
  auto url = store->setting(kServerSetting);
  return url && *url ? **url : std::string();
}

Result<void> remember_server(const Options& o, client::Client& c) {
  if (o.server.empty()) return {};
  auto store = store::Store::open(c.store_path());
  if (!store) return Unexpected{store.error()};
  return store->set_setting(kServerSetting, o.server);
}

std::string passphrase_from(const Options& o, Error& why) {
  const char* pass = std::getenv(o.passphrase_env.c_str());
  if (!pass)
    why = Error{"client.locked", "set " + o.passphrase_env + " to the passphrase for the new profile"};
  return pass ? pass : "";
}

void print_profile(const Options& o, const client::ProfileInfo& p) {
  if (o.json) {
    std::cout << json{{"ok", true},
                      {"org_id", p.org_id},
                      {"principal_id", p.principal_id},
                      {"device_id", p.device_id},
                      {"role", p.role},
                      {"nickname", p.nickname}}
                     .dump()
              << "\n";
  } else {
    std::cout << "Enrolled as " << p.role << " \"" << p.nickname << "\" (device " << p.device_id << ")\n";
  }
}

volatile std::sig_atomic_t g_stop = 0;  // set by SIGINT/SIGTERM in `sync --follow`

}  // namespace

int report(const Options& o, const Error& e) {
  if (o.json) {
    std::cout << json{{"ok", false}, {"error", {{"code", e.code}, {"message", e.message}}}}.dump() << "\n";
  } else {
    std::cerr << "spillkontakt-cli: " << e.message << " (" << e.code << ")\n";
  }
  return exit_code_for(e);
}

Result<std::unique_ptr<client::Client>> open(const Options& o, bool need_identity) {
  client::ClientOptions co;
  co.profile_dir = o.profile;
  co.server.base_url = o.server.empty() ? remembered_server(o.profile) : o.server;
  co.server.ca_file = o.ca_file;
  co.server.pinned_public_key = o.pinned_key;
  co.weak_key_file_kdf_for_tests = o.weak_kdf;
  auto c = client::Client::open(std::move(co));
  if (!c) return c;
  if (need_identity && (*c)->state() == client::ProfileState::kEmpty)
    return fail("client.profile", "this profile has no identity yet: run `enroll` or `pair` first");
  if ((*c)->state() == client::ProfileState::kLocked) {
    const char* pass = std::getenv(o.passphrase_env.c_str());
    if (!pass) return fail("client.locked", "set " + o.passphrase_env + " to the profile's passphrase");
    if (auto ok = (*c)->unlock(pass); !ok) return Unexpected{ok.error()};
  }
  return c;
}

Result<std::string> only_case(store::Store& store, std::string case_id) {
  if (!case_id.empty()) return case_id;
  auto cases = store.cases();
  if (!cases) return Unexpected{cases.error()};
  if (cases->size() != 1)
    return fail("client.which_case",
                cases->empty() ? "this profile has no case yet" : "give --case (several cases)");
  return cases->front().case_id;
}

std::filesystem::path default_profile_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "spillkontakt";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : ".") / ".local/share/spillkontakt";
}

int enroll(const Options& o, const std::string& code, const std::string& name) {
  Error why;
  const auto pass = passphrase_from(o, why);
  if (pass.empty()) return report(o, why);
  auto c = open(o, false);
  if (!c) return report(o, c.error());
  auto p = (*c)->enroll(code, name, pass);
  if (!p) return report(o, p.error());
  if (auto r = remember_server(o, **c); !r) return report(o, r.error());
  print_profile(o, *p);
  return kOk;
}

int pair(const Options& o, const std::string& code, const std::string& nickname) {
  auto c = open(o, false);
  if (!c) return report(o, c.error());
  auto p = (*c)->join(code, nickname);
  if (!p) return report(o, p.error());
  if (auto r = remember_server(o, **c); !r) return report(o, r.error());
  print_profile(o, *p);
  return kOk;
}

int invite(const Options& o, const std::string& label, bool again, const std::string& case_id) {
  auto c = open(o, true);
  if (!c) return report(o, c.error());
  auto inv = again ? (*c)->invite_again(case_id) : (*c)->invite(label);
  if (!inv) return report(o, inv.error());
  const auto expires =
      std::chrono::duration_cast<std::chrono::milliseconds>(inv->expires_at.time_since_epoch()).count();
  if (o.json) {
    std::cout
        << json{{"ok", true}, {"case_id", inv->case_id}, {"code", inv->code}, {"expires_at", expires}}.dump()
        << "\n";
  } else {
    std::cout << "Pairing code: " << inv->code << "\nCase: " << inv->case_id
              << "\nGive the code to the youth; it works once. Run `sync` after they have used it.\n";
  }
  return kOk;
}

int issue_code(const Options& o, const std::string& role) {
  auto c = open(o, true);
  if (!c) return report(o, c.error());
  auto code = (*c)->issue_enrollment_code(role);
  if (!code) return report(o, code.error());
  const auto expires =
      std::chrono::duration_cast<std::chrono::milliseconds>(code->expires_at.time_since_epoch()).count();
  if (o.json) {
    std::cout << json{{"ok", true}, {"code", code->code}, {"role", role}, {"expires_at", expires}}.dump()
              << "\n";
  } else {
    std::cout << "Enrollment code (" << role << "): " << code->code
              << "\nIt works once. Run `sync` after it has been used, to confirm the new device's keys.\n";
  }
  return kOk;
}

int add_contact(const Options& o, const std::string& case_id, const std::string& principal_id) {
  auto c = open(o, true);
  if (!c) return report(o, c.error());
  if (auto ok = (*c)->add_contact(case_id, principal_id); !ok) return report(o, ok.error());
  if (o.json) std::cout << json{{"ok", true}}.dump() << "\n";
  return kOk;
}

int send(const Options& o, std::string case_id, const std::string& text, const std::string& from_file,
         bool sync_after) {
  std::vector<std::string> messages;
  if (from_file.empty()) {
    messages.push_back(text);
  } else {
    std::ifstream in(from_file);
    if (!in) return report(o, Error{"client.input", "cannot read " + from_file});
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) messages.push_back(line);
  }
  std::vector<model::Event::Body> bodies;
  for (auto& m : messages) bodies.emplace_back(model::ChatMessage{std::move(m)});
  const auto w = write_events(o, {std::move(case_id), sync_after}, std::move(bodies));
  if (w.exit_code != kOk) return w.exit_code;
  if (!o.json)
    for (const auto& id : w.ids) std::cout << "Queued " << id.str() << "\n";
  if (o.json && sync_after) std::cout << json{{"ok", true}, {"pending", w.pending}}.dump() << "\n";
  return kOk;
}

Result<FoldedCase> fold_only_case(const Options& o, const std::string& case_id) {
  auto c = open(o, true);
  if (!c) return Unexpected{c.error()};
  auto store = store::Store::open((*c)->store_path());
  if (!store) return Unexpected{store.error()};
  auto id = only_case(*store, case_id);
  if (!id) return Unexpected{id.error()};
  auto state = client::fold_case(*store, *id);
  if (!state) return Unexpected{state.error()};
  return FoldedCase{*id, std::move(*state)};
}

int list(const Options& o, std::string case_id) {
  auto folded = fold_only_case(o, case_id);
  if (!folded) return report(o, folded.error());
  const auto& chat = folded->state.chat();
  json out = json::array();
  for (const auto& e : chat.entries()) {
    const std::string delivery(model::to_string(chat.delivery(e)));
    const std::string role(model::to_string(e.author_role));
    if (o.json) {
      out.push_back({{"event_id", e.id.str()},
                     {"seq", e.seq ? json(*e.seq) : json(nullptr)},
                     {"author", e.author.str()},
                     {"role", role},
                     {"kind", e.kind == model::ChatEntry::Kind::kWave ? "wave" : "message"},
                     {"text", e.text},
                     {"delivery", delivery}});
    } else {
      std::cout << (e.seq ? std::to_string(*e.seq) : std::string("-")) << "\t" << role << "\t" << delivery
                << "\t" << (e.kind == model::ChatEntry::Kind::kWave ? "(wave) " : "") << e.text << "\n";
    }
  }
  if (o.json) std::cout << json{{"ok", true}, {"case_id", folded->case_id}, {"messages", out}}.dump() << "\n";
  return kOk;
}

int sync(const Options& o, bool follow, int wait_seconds, int retry_seconds) {
  auto c = open(o, true);
  if (!c) return report(o, c.error());
  if (!follow) {
    auto s = (*c)->sync_once(std::chrono::seconds(wait_seconds), std::chrono::seconds(retry_seconds));
    if (!s) return report(o, s.error());
    if (o.json) {
      std::cout << json{{"ok", true},
                        {"pending", s->pending},
                        {"quarantined", s->quarantined},
                        {"warnings", s->warnings}}
                       .dump()
                << "\n";
    } else {
      std::cout << "In sync. Waiting to be sent: " << s->pending << "\n";
      for (const auto& w : s->warnings) std::cout << "Warning: " << w << "\n";
    }
    return kOk;
  }
  std::signal(SIGINT, [](int) { g_stop = 1; });
  std::signal(SIGTERM, [](int) { g_stop = 1; });
  auto started = (*c)->start_sync([&o](const client::Changes& changes) {
    // Runs on the network thread; printing one line is all it does.
    for (const auto& cc : changes.cases) {
      for (const auto& kind : cc.kinds) {
        if (o.json) {
          std::cout << json{{"case_id", cc.case_id}, {"kind", kind}}.dump() << std::endl;
        } else {
          std::cout << "changed\t" << cc.case_id << "\t" << kind << std::endl;
        }
      }
    }
  });
  if (!started) return report(o, started.error());
  while (!g_stop) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if ((*c)->status().connectivity == client::Connectivity::kRevoked) {
      (*c)->stop_sync();
      return report(o, Error{"client.revoked", "this device has been revoked"});
    }
  }
  (*c)->stop_sync();
  return kOk;
}

int status(const Options& o) {
  auto c = open(o, false);
  if (!c) return report(o, c.error());
  const auto p = (*c)->profile();
  auto store = store::Store::open((*c)->store_path());
  if (!store) return report(o, store.error());
  auto cases = store->cases();
  auto pending = store->next_pending(100000);
  auto quarantined = (*c)->quarantine();
  auto invitations = (*c)->invitations();
  if (!cases || !pending || !quarantined || !invitations)
    return report(o, Error{"store.read", "the profile's store could not be read"});
  if (o.json) {
    json j{{"ok", true},
           {"profile", nullptr},
           {"pending", pending->size()},
           {"quarantined", quarantined->size()}};
    if (p)
      j["profile"] = {{"role", p->role},
                      {"nickname", p->nickname},
                      {"device_id", p->device_id},
                      {"principal_id", p->principal_id},
                      {"org_id", p->org_id}};
    j["cases"] = json::array();
    for (const auto& cs : *cases) j["cases"].push_back({{"case_id", cs.case_id}, {"label", cs.label}});
    j["invitations"] = json::array();
    for (const auto& i : *invitations)
      j["invitations"].push_back({{"case_id", i.invitation.case_id},
                                  {"code", i.invitation.code},
                                  {"state", static_cast<int>(i.state)}});
    std::cout << j.dump() << "\n";
    return kOk;
  }
  if (!p) {
    std::cout << "Empty profile at " << o.profile << ": run `enroll` or `pair`.\n";
    return kOk;
  }
  std::cout << p->role << " \"" << p->nickname << "\", device " << p->device_id << "\n"
            << "Cases: " << cases->size() << "\nWaiting to be sent: " << pending->size()
            << "\nRefused envelopes: " << quarantined->size() << "\n";
  for (const auto& i : *invitations) {
    static constexpr const char* kStates[] = {"waiting", "joined", "KEY MISMATCH", "expired"};
    std::cout << "Invitation " << i.invitation.code << " (" << i.label
              << "): " << kStates[static_cast<int>(i.state)] << "\n";
  }
  return kOk;
}

}  // namespace sk::cli
