#!/usr/bin/env python3
"""The game contact's start in the real app, with the real backend: enroll with a supervisor's
code, a name and a passphrase; invite a youth and show the pairing code; the youth (on
spillkontakt-cli) pairs with that code; the new youth appears in the app's caseload; the case
view's "new device" button makes a fresh code, and the youth's second device pairs with it.

usage: contact_journey_test.py APP CLI BACKEND OUTDIR"""
import os
import re
import sys
import time

from journey_test import CODE, Cli, with_backend
from xsession import XSession

PASS = "correct horse battery staple"


def main():
    app, cli, backend, out = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    with_backend(backend, "sk-contact-", lambda server, root: run(app, cli, server, root, out))


def run(app, cli, server, root, out):
    url = server.url
    supervisor = Cli(cli, url, os.path.join(root, "siri"))
    supervisor.run("enroll", CODE.search(server.init).group(0), "--name", "Siri")
    contact_code = CODE.search(supervisor.run("issue-code", "--role", "contact").stdout).group(0)

    kari = os.path.join(root, "kari")
    os.makedirs(kari)
    script = os.path.join(kari, "contact.script")
    with open(script, "w") as f:
        f.write("""wait-for enroll-code
click enroll-code
type {code}
click enroll-name
type Kari
click enroll-passphrase
type {pw}
click enroll-repeat
type {pw}
click enroll.go
wait-for invite-name
click invite-name
type Yara
click invite.go
wait-for invite-code-0
screenshot {out}/contact-invite.png
wait-for caseload-index-0
screenshot {out}/contact-caseload-joined.png
click caseload-index-0
wait-for case-new_device
click case-new_device
wait-for case.new_code
click case.new_code
wait-for case-new-code 30
screenshot {out}/contact-new-device-code.png
wait-for case-new-code-joined 120
quit
""".format(code=contact_code, pw=PASS, out=out))
    with XSession() as x:
        p = x.spawn([app, "--contact", "--profile", kari, "--server", url, "--script", script, "--lang", "nb"])
        # The supervisor's device confirms the enrollment (as in the CLI integration tests).
        kari_cli = Cli(cli, url, kari)
        # Yara pairs with the first code the app shows; once she is in, her new PC pairs with
        # the fresh code from the case view's "new device" button.
        codes, pairings = [], []
        deadline = time.time() + 200
        t0 = time.time()
        while p.poll() is None and time.time() < deadline:
            supervisor.run("sync", "--once", check=False)
            ready = not pairings or (len(pairings) == 1 and pairings[0].poll() is not None)
            if ready and len(codes) < 2 and os.path.exists(os.path.join(kari, "store.db")):
                status = kari_cli.run("status", check=False).stdout
                fresh = [c for c in re.findall(r"Invitation (\S+) \(Yara\): waiting", status) if c not in codes]
                if fresh:
                    codes.append(fresh[0])
                    device = Cli(cli, url, os.path.join(root, "yara-%d" % len(codes)))
                    pairings.append(device.start("pair", fresh[0], "--nickname", "Yara"))
                    print("code %s shown at %.1f s" % (fresh[0], time.time() - t0), flush=True)
            time.sleep(0.5)
        print("after %.1f s: app exit %s, pairings exit %s" % (time.time() - t0, p.poll(), [q.poll() for q in pairings]),
              flush=True)
        if p.poll() is None:
            p.kill()
        assert p.wait() == 0, "the contact's app failed its script (exit %d)" % p.returncode
    assert len(codes) == 2, "the app showed %d codes, not an invitation and a new-device code" % len(codes)
    for code, pairing in zip(codes, pairings):
        out_, err = pairing.communicate(timeout=60)
        assert pairing.returncode == 0, "pairing with %s (shown by the app) failed: %s %s" % (code, out_, err)
    print("contact journey: enrolled, invited, youth joined with %s, her new PC with %s" % tuple(codes))


if __name__ == "__main__":
    main()
