#!/usr/bin/env python3
"""The low threshold, measured: the youth's scripted first start from launch, counting screens and
keystrokes (the code and a nickname included) until the app asks the backend to join.
Target: at most 3 screens and 25 keystrokes.

Without --server the join itself fails calmly (no server address); the integration variant with
a real backend continues to the first sent message (docs/app.md, "First start").

usage: first_start_test.py APP"""
import json
import os
import sys

from xsession import XSession, fresh_dir, remove

SCRIPT = """\
wait-for first.have_code
click first.have_code
wait-for first-code
type KX7F-92QM-4T
key enter
wait-for first-nickname
type Yara
key enter
report
wait-for first-code
quit
"""


def main():
    app = sys.argv[1]
    profile = fresh_dir("sk-first-")
    try:
        script = os.path.join(profile, "first.script")
        with open(script, "w") as f:
            f.write(SCRIPT)
        with XSession() as x:
            import subprocess
            p = x.spawn([app, "--profile", profile, "--script", script], stdout=subprocess.PIPE, text=True)
            out, _ = p.communicate(timeout=90)
            assert p.returncode == 0, "the app failed its script"
        report = json.loads(out.strip().splitlines()[-1])
        print("first start: %d screens, %d keystrokes, %d clicks" %
              (report["screens"], report["keystrokes"], report["clicks"]))
        assert report["screens"] <= 3, report
        assert report["keystrokes"] <= 25, report
    finally:
        remove(profile)


if __name__ == "__main__":
    main()
