#!/usr/bin/env python3
"""Every view of the real app, driven by its scripted input mode under Xvfb and captured to PNG
(bokmål, plus the chat in English). The app itself refuses a blank frame; this test also checks
that each file is a PNG of the window's size and that two different views differ.

usage: screenshots_test.py APP SEED OUTDIR"""
import hashlib
import os
import struct
import subprocess
import sys

from xsession import XSession, fresh_dir, remove

NOW = "1790000000000"  # Monday 21 September 2026, 16:13 in Oslo

YOUTH = """\
wait-for bar-countdown
screenshot {out}/youth-bar.png
mode expanded
wait-for nav.chat
click nav.chat
screenshot {out}/youth-chat.png
click nav.sessions
screenshot {out}/youth-sessions.png
click session.suggest
click session-suggest-day-2
screenshot {out}/youth-sessions-suggest.png
click nav.checkin
click checkin-face-4
click checkin-tag-calm
screenshot {out}/youth-checkin.png
click nav.me
screenshot {out}/youth-me.png
click nav.help
screenshot {out}/youth-help.png
click nav.settings
screenshot {out}/youth-settings.png
quit
"""

YOUTH_EN = """\
mode expanded
wait-for nav.chat
click nav.chat
screenshot {out}/youth-chat-en.png
quit
"""

FIRST_START = """\
wait-for first.have_code
screenshot {out}/first-start-1-welcome.png
click first.have_code
wait-for first-code
type kx7f92qm4t
screenshot {out}/first-start-2-code.png
key enter
wait-for first-nickname
type Yara
screenshot {out}/first-start-3-nickname.png
quit
"""

CONTACT = """\
wait-for nav.caseload
screenshot {out}/contact-caseload.png
click caseload-row-case-yara
wait-for case.trend
screenshot {out}/contact-case.png
quit
"""


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path + " is not a PNG"
    return struct.unpack(">II", head[16:24])


def run(x, app, profile, script_text, out, extra=()):
    script = os.path.join(profile, "run.script")
    with open(script, "w") as f:
        f.write(script_text.format(out=out))
    p = x.spawn([app, "--profile", profile, "--clock-ms", NOW, "--zone", "Europe/Oslo", "--script", script, *extra])
    assert p.wait(90) == 0, "the app failed its script (exit %d)" % p.returncode


def main():
    app, seed, out = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    dirs = [fresh_dir("sk-shot-") for _ in range(4)]
    try:
        subprocess.run([seed, dirs[0], "youth", NOW], check=True)
        subprocess.run([seed, dirs[1], "youth", NOW], check=True)
        subprocess.run([seed, dirs[2], "contact", NOW], check=True)
        with XSession() as x:
            run(x, app, dirs[0], YOUTH, out, ["--mode", "compact", "--lang", "nb"])
            run(x, app, dirs[1], YOUTH_EN, out, ["--lang", "en"])
            run(x, app, dirs[2], CONTACT, out, ["--mode", "window", "--lang", "nb"])
            run(x, app, dirs[3], FIRST_START, out, ["--lang", "nb"])
        shots = sorted(f for f in os.listdir(out) if f.endswith(".png"))
        expected = ["contact-case.png", "contact-caseload.png", "first-start-1-welcome.png",
                    "first-start-2-code.png", "first-start-3-nickname.png", "youth-bar.png", "youth-chat-en.png",
                    "youth-chat.png", "youth-checkin.png", "youth-help.png", "youth-me.png", "youth-sessions.png",
                    "youth-sessions-suggest.png",
                    "youth-settings.png"]
        missing = [e for e in expected if e not in shots]
        assert not missing, "missing captures: %s" % missing
        digests = {}
        for name in expected:
            w, h = png_size(os.path.join(out, name))
            assert w >= 300 and h >= 40, "%s is %dx%d" % (name, w, h)
            with open(os.path.join(out, name), "rb") as f:
                digests[hashlib.sha256(f.read()).hexdigest()] = name
        assert len(digests) == len(expected), "two views captured the same picture"
        print("screenshots: %d views in %s" % (len(expected), out))
    finally:
        for d in dirs:
            remove(d)


if __name__ == "__main__":
    main()
