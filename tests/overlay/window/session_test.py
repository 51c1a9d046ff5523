#!/usr/bin/env python3
"""A weekly session, planned and answered in the two real apps, through the real backend.

Kari (game contact) and Yara (youth) are enrolled and paired with one-time codes on
spillkontakt-cli, as in journey_test.py; then both apps run side by side under one Xvfb, each
driven by its scripted input:
  1. Kari schedules a weekly session in her case view;
  2. Yara's app shows it (checked on her side) and she accepts it;
  3. Kari's app shows "Yara is coming" (checked on her side);
  4. Yara suggests another time for the next meeting (a session_time_suggested event);
  5. Kari's app shows the suggestion and she moves the meeting there with one click;
  6. Yara's app shows the new time waiting for her answer, and Kari's chat message arrives.
Afterwards both profiles are read with spillkontakt-cli `sessions --json`: the same meetings,
the series accepted, the moved meeting rescheduled, on both devices.

usage: session_test.py APP CLI BACKEND OUTDIR"""
import json
import os
import sys

from journey_test import CODE, Cli, with_backend, until_done
from xsession import XSession

PASS = "correct horse battery staple"

CONTACT = """\
wait-for lock-secret 60
click lock-secret
type {pw}
key enter
wait-for caseload-index-0 60
click caseload-index-0
wait-for case-schedule
click case-schedule
wait-for schedule.propose
click schedule.propose
wait-for case-meeting-proposed
wait-for case-meeting-accepted 120
screenshot {out}/session-contact-accepted.png
wait-for case-suggested 120
screenshot {out}/session-contact-suggested.png
click case.take_suggestion
click chat-draft
type Supert, da tar vi det da!
key enter
wait-for chat-delivered-0 60
quit
"""

YOUTH = """\
wait-for nav.sessions 60
click nav.sessions
wait-for session-status-proposed 120
screenshot {out}/session-youth-proposed.png
click session.accept
wait-for session-status-accepted
click session.suggest
wait-for session-suggest-day-2
click session-suggest-day-2
click session-suggest-later
screenshot {out}/session-youth-suggest.png
click session-suggest_send
wait-for session-status-rescheduled 120
screenshot {out}/session-youth-moved.png
click nav.chat
wait-for chat-line-0 60
quit
"""


def meetings(cli):
    return json.loads(cli.run("--json", "sessions").stdout)["meetings"]


def main():
    app, cli, backend, out = sys.argv[1:5]
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    with_backend(backend, "sk-session-", lambda server, root: run(app, cli, server, root, out))


def run(app, cli, server, root, out):
    url = server.url
    kari_dir, yara_dir = os.path.join(root, "kari"), os.path.join(root, "yara")
    supervisor = Cli(cli, url, os.path.join(root, "siri"))
    kari, yara = Cli(cli, url, kari_dir), Cli(cli, url, yara_dir)
    supervisor.run("enroll", CODE.search(server.init).group(0), "--name", "Siri")
    contact_code = CODE.search(supervisor.run("issue-code", "--role", "contact").stdout).group(0)
    until_done(kari.start("enroll", contact_code, "--name", "Kari"), supervisor)
    supervisor.run("sync", "--once")
    code = json.loads(kari.run("--json", "invite", "--name", "Yara").stdout)["code"]
    until_done(yara.start("pair", code, "--nickname", "Yara"), kari)

    scripts = {}
    for who, text in (("kari", CONTACT), ("yara", YOUTH)):
        scripts[who] = os.path.join(root, who + ".script")
        with open(scripts[who], "w") as f:
            f.write(text.format(pw=PASS, out=out))
    common = ["--server", url, "--zone", "Europe/Oslo", "--lang", "nb"]
    with XSession(size="1400x800x24") as x:
        contact = x.spawn([app, "--contact", "--profile", kari_dir, "--mode", "window", "--script",
                           scripts["kari"], *common])
        youth = x.spawn([app, "--profile", yara_dir, "--mode", "expanded", "--script", scripts["yara"],
                         *common])
        assert youth.wait(300) == 0, "the youth's app failed its script (exit %d)" % youth.returncode
        assert contact.wait(120) == 0, "the contact's app failed its script (exit %d)" % contact.returncode

    for c in (kari, yara):
        c.run("sync", "--once")
    seen = {"kari": meetings(kari), "yara": meetings(yara)}
    strip = lambda ms: [(m["session"], m["start"], m["status"], m["weekly"]) for m in ms]
    assert strip(seen["kari"]) == strip(seen["yara"]), seen
    first, second = seen["yara"][0], seen["yara"][1]
    assert first["weekly"] and first["status"] == "rescheduled", first
    assert second["status"] == "accepted" and second["session"] == first["session"], second
    assert "Supert" in yara.run("list").stdout, "the contact's message did not reach the youth"
    print("session: proposed, accepted, another time suggested and taken, on both devices")


if __name__ == "__main__":
    main()
