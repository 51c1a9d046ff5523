// spillkontakt-cli: a small command-line client on the same library as the app, for tests,
// scripts, the demo and operators' smoke checks. See docs/cli.md.
#include <CLI/CLI.hpp>

#include "case_events.hpp"
#include "commands.hpp"

int main(int argc, char** argv) {
  sk::cli::Options o;
  CLI::App app{"spillkontakt-cli: talk to a Spillkontakt backend as one device"};
  app.require_subcommand(1);
  std::string profile;
  app.add_option("--profile", profile, "profile directory (default: the platform's data directory)");
  app.add_option("--server", o.server, "backend address, e.g. https://sk.example.kommune.no");
  app.add_option("--ca-file", o.ca_file, "extra CA certificates (PEM) to trust");
  app.add_option("--pin", o.pinned_key, "pinned server public key, sha256//BASE64");
  app.add_option("--passphrase-env", o.passphrase_env, "environment variable holding a contact's passphrase");
  app.add_flag("--json", o.json, "print JSON instead of text");
  app.add_flag("--weak-kdf-for-tests", o.weak_kdf)->group("");  // hidden: tests only
  app.add_option("--zone", o.zone, "IANA time zone of the times you give and print (default Europe/Oslo)");
  app.add_option(
      "--at", o.at,
      "date the events this run writes at this time, \"YYYY-MM-DD HH:MM\" (demos: a few days of history)");

  std::string code, name, text, case_id;
  bool no_sync = false, follow = false, once = false;
  int wait = 0;
  int retry = 60;

  auto* enroll = app.add_subcommand("enroll", "enroll as a game contact or supervisor with a code");
  enroll->add_option("code", code, "the enrollment code, e.g. KX7F-92QM-4T")->required();
  enroll->add_option("--name", name, "your display name")->required();

  auto* pair = app.add_subcommand("pair", "join as a youth with the code from your game contact");
  pair->add_option("code", code, "the pairing code")->required();
  pair->add_option("--nickname", name, "the nickname you want")->required();

  auto* invite = app.add_subcommand("invite", "create a case for a new youth and print its pairing code");
  invite->add_option("--name", name, "what you call the youth (only on your devices)");
  invite->add_option("--again", case_id, "a fresh code for this existing case's youth (a new device)");

  std::string role = "contact";
  auto* issue = app.add_subcommand(
      "issue-code",
      "supervisor: print an enrollment code for a new contact (codes for supervisors come only from "
      "`spillkontakt-backend admin enroll-code`)");
  issue->add_option("--role", role, "contact (the only role the server issues codes for here)")
      ->check(CLI::IsMember({"contact"}));

  auto* send = app.add_subcommand("send", "send a chat message");
  std::string from_file;
  auto* text_opt = send->add_option("text", text, "the message");
  send->add_option("--from-file", from_file, "send each line of this file as a message, in order")
      ->excludes(text_opt);
  send->add_option("--case", case_id, "the case (default: the only one)");
  send->add_flag("--no-sync", no_sync, "only queue it; the next sync delivers it");

  std::string principal;
  auto* add_contact =
      app.add_subcommand("add-contact", "supervisor: add a second or substitute contact to a case");
  add_contact->add_option("--case", case_id, "the case")->required();
  add_contact->add_option("--principal", principal, "the contact's principal id (from their `status --json`)")
      ->required();

  auto* list = app.add_subcommand("list", "print a case's chat");
  list->add_option("--case", case_id, "the case (default: the only one)");

  auto* sync = app.add_subcommand("sync", "deliver queued changes and fetch new ones");
  auto* once_flag = sync->add_flag("--once", once, "one round until nothing is left (default)");
  sync->add_flag("--follow", follow, "keep syncing and print changes until interrupted")->excludes(once_flag);
  sync->add_option("--wait", wait, "with --once: long-poll up to this many seconds first")
      ->check(CLI::Range(0, 30));
  sync->add_option("--retry-for", retry, "with --once: keep retrying a failing server this many seconds")
      ->check(CLI::Range(0, 3600));

  auto* status = app.add_subcommand("status", "who this profile is, its cases, queue and invitations");

  // Sessions and check-ins (case_events.hpp): each writes one event, then syncs unless --no-sync.
  sk::cli::EventTarget target;
  const auto event_options = [&target](CLI::App* sub) {
    sub->add_option("--case", target.case_id, "the case (default: the only one)");
    sub->add_flag(
        "--no-sync", [&target](std::int64_t) { target.sync_after = false; },
        "only queue it; the next sync delivers it");
  };
  sk::cli::ScheduleArgs plan;
  auto* schedule = app.add_subcommand("schedule", "contact: propose a session (prints its id)");
  schedule->add_option("--start", plan.start, "\"YYYY-MM-DD HH:MM\" in --zone")->required();
  schedule->add_option("--minutes", plan.minutes, "how long")->check(CLI::Range(5, 480));
  schedule->add_flag("--weekly", plan.weekly, "every week at the same local time");
  schedule->add_option("--until", plan.until, "weekly: no meeting at or after this time");
  schedule->add_option("--title", plan.title, "what you'll play, e.g. \"Minecraft\"");
  event_options(schedule);

  std::string session, occurrence, choice;
  const auto session_options = [&](CLI::App* sub) {
    sub->add_option("--session", session, "the session id (from `schedule` or `sessions`)")->required();
    sub->add_option("--occurrence", occurrence,
                    "one meeting of a weekly series: its planned start (from `sessions`)");
    event_options(sub);
  };
  auto* answer = app.add_subcommand("answer", "youth: accept a session, or say \"not today\"");
  answer->add_option("answer", choice, "accept or not-today")
      ->required()
      ->check(CLI::IsMember({"accept", "not-today"}));
  session_options(answer);
  auto* mark = app.add_subcommand("mark", "contact: mark a meeting attended or no-show");
  mark->add_option("what", choice, "attended or no-show")
      ->required()
      ->check(CLI::IsMember({"attended", "no-show"}));
  session_options(mark);

  int mood = 3;
  std::vector<std::string> tags;
  auto* check_in = app.add_subcommand("check-in", "youth: how are you, 1 (worst) to 5 (best)");
  check_in->add_option("mood", mood, "1..5")->required()->check(CLI::Range(1, 5));
  check_in->add_option("--tag", tags,
                       "tired, anxious, lonely, bored, stressed, sad, angry, calm, happy, proud, "
                       "slept_well, went_outside (repeatable)");
  check_in->add_option("--text", text, "one optional line");
  event_options(check_in);

  auto* introduce =
      app.add_subcommand("introduce", "contact: tell the youth your name and when you usually answer");
  introduce->add_option("--hours", text, "reply hours, e.g. \"Hverdager 12-20\"");
  event_options(introduce);

  auto* sessions = app.add_subcommand("sessions", "the case's meetings from a week ago on, with their ids");
  sessions->add_option("--case", case_id, "the case (default: the only one)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? sk::cli::kOk : sk::cli::kUsage;
  }
  o.profile = profile.empty() ? sk::cli::default_profile_dir() : std::filesystem::path(profile);
  if (*enroll) return sk::cli::enroll(o, code, name);
  if (*pair) return sk::cli::pair(o, code, name);
  if (*invite) {
    if (case_id.empty() && name.empty()) {
      std::fprintf(stderr, "invite: give --name for a new youth, or --again CASE for a new device\n");
      return sk::cli::kUsage;
    }
    return sk::cli::invite(o, name, !case_id.empty(), case_id);
  }
  if (*issue) return sk::cli::issue_code(o, role);
  if (*send) {
    if (text.empty() && from_file.empty()) {
      std::fprintf(stderr, "send: give the message text or --from-file FILE\n");
      return sk::cli::kUsage;
    }
    return sk::cli::send(o, case_id, text, from_file, !no_sync);
  }
  if (*add_contact) return sk::cli::add_contact(o, case_id, principal);
  if (*list) return sk::cli::list(o, case_id);
  if (*sync) return sk::cli::sync(o, follow, wait, retry);
  if (*status) return sk::cli::status(o);
  if (*schedule) return sk::cli::schedule(o, target, plan);
  if (*answer) return sk::cli::answer(o, target, session, occurrence, choice);
  if (*mark) return sk::cli::mark(o, target, session, occurrence, choice);
  if (*check_in) return sk::cli::check_in(o, target, mood, tags, text);
  if (*introduce) return sk::cli::introduce(o, target, text);
  if (*sessions) return sk::cli::sessions(o, case_id);
  return sk::cli::kUsage;
}
