#!/usr/bin/env python3
"""The game contact's start in the real app, with the real backend: enroll with a supervisor's
code, a name and a passphrase; invite a youth and show the pairing code; the youth (on
spillkontakt-cli) pairs with that code; the new youth appears in the app's caseload.

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
quit
""".format(code=contact_code, pw=PASS, out=out))
    with XSession() as x:
        p = x.spawn([app, "--contact", "--profile", kari, "--server", url, "--script", script, "--lang", "nb"])
        # The supervisor's device confirms the enrollment (as in the CLI integration tests).
        kari_cli = Cli(cli, url, kari)
        code = None
        deadline = time.time() + 150
        while p.poll() is None and time.time() < deadline:
            supervisor.run("sync", "--once", check=False)
            if code is None and os.path.exists(os.path.join(kari, "store.db")):
                status = kari_cli.run("status", check=False).stdout
                found = re.search(r"Invitation (\S+) \(Yara\): waiting", status)
                if found:
                    code = found.group(1)
                    yara = Cli(cli, url, os.path.join(root, "yara"))
                    pairing = yara.start("pair", code, "--nickname", "Yara")
            time.sleep(0.5)
        if p.poll() is None:
            p.kill()
        assert p.wait() == 0, "the contact's app failed its script (exit %d)" % p.returncode
    assert code, "the app never showed an invitation"
    pairing.communicate(timeout=60)
    assert pairing.returncode == 0, "the youth could not pair with the code the app showed"
    print("contact journey: enrolled, invited, youth joined with %s" % code)


if __name__ == "__main__":
    main()
