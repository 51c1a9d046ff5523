#!/usr/bin/env python3
"""The youth's first start and a chat both ways, with the real backend on loopback.

A backend with a demo organisation; a supervisor and a game contact on spillkontakt-cli (the
lead's client); the youth on the real app under Xvfb, driven by its scripted input. The youth
types the contact's pairing code and a nickname, lands in the chat and sends a message; the
contact's device receives it and answers; the answer reaches the app. Prints the low-threshold
figures from launch to the first sent message (target: <= 3 screens, <= 25 keystrokes).

usage: journey_test.py APP CLI BACKEND OUTDIR"""
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time

from xsession import XSession, fresh_dir, remove

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}\b")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cli:
    def __init__(self, cli, server, profile):
        self.base = [cli, "--profile", profile, "--server", server, "--passphrase-env", "SK_PASS",
                     "--weak-kdf-for-tests"]
        self.env = dict(os.environ, SK_PASS="correct horse battery staple")

    def run(self, *args, check=True):
        r = subprocess.run(self.base + list(args), env=self.env, capture_output=True, text=True, timeout=120)
        if check and r.returncode != 0:
            raise RuntimeError("cli %s: %s %s" % (" ".join(args), r.stdout, r.stderr))
        return r

    def start(self, *args):
        return subprocess.Popen(self.base + list(args), env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)


class Backend:
    """spillkontakt-backend on a free loopback port with a fresh demo organisation in ROOT/data;
    `init` is `admin init`'s output (it holds the first supervisor code)."""

    def __init__(self, binary, root):
        self.binary, self.root, self.process = binary, root, None

    def __enter__(self):
        data = os.path.join(self.root, "data")
        self.init = subprocess.run([self.binary, "admin", "init", "--data", data, "--org", "Demo kommune",
                                    "--recovery-key-out", os.path.join(self.root, "recovery.key")],
                                   capture_output=True, text=True, check=True).stdout
        port = free_port()
        self.url = "http://127.0.0.1:%d" % port
        self.process = subprocess.Popen([self.binary, "serve", "--listen", "127.0.0.1:%d" % port,
                                         "--insecure-http", "--data", data],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        XSession.wait_for(lambda: socket.socket().connect_ex(("127.0.0.1", port)) == 0, 20)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(10)


def with_backend(backend, prefix, body):
    """Runs body(server, root) beside a fresh Backend in a temp folder, removed afterwards."""
    root = fresh_dir(prefix)
    try:
        with Backend(backend, root) as server:
            body(server, root)
    finally:
        remove(root)


def until_done(proc, helper):
    while proc.poll() is None:
        helper.run("sync", "--once", check=False)
        time.sleep(0.3)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError("failed: %s %s" % (out, err))
    return out


def main():
    app, cli, backend, out = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    with_backend(backend, "sk-journey-", lambda server, root: run_journey(app, cli, server, root, out))


def run_journey(app, cli, server, root, out):
    url = server.url
    supervisor_code = CODE.search(server.init).group(0)
    supervisor = Cli(cli, url, os.path.join(root, "siri"))
    contact = Cli(cli, url, os.path.join(root, "kari"))
    supervisor.run("enroll", supervisor_code, "--name", "Siri")
    contact_code = CODE.search(supervisor.run("issue-code", "--role", "contact").stdout).group(0)
    until_done(contact.start("enroll", contact_code, "--name", "Kari"), supervisor)
    supervisor.run("sync", "--once")
    invite = json.loads(contact.run("--json", "invite", "--name", "Yara").stdout)
    code = invite["code"]

    youth = os.path.join(root, "yara")
    os.makedirs(youth)
    script = os.path.join(youth, "journey.script")
    with open(script, "w") as f:
        f.write("""wait-for first.have_code
click first.have_code
wait-for first-code
type {code}
key enter
wait-for first-nickname
type Yara
key enter
wait-for chat-draft
type hei!
key enter
report
wait-for chat-line-1
screenshot {out}/journey-youth-chat.png
quit
""".format(code=code.replace("-", ""), out=out))
    stop = threading.Event()

    def contact_side():
        # Kari's device: confirms the pairing, and answers once Yara's message arrives.
        answered = False
        while not stop.is_set():
            contact.run("sync", "--once", check=False)
            if not answered and "hei!" in contact.run("list", check=False).stdout:
                contact.run("send", "Hei Yara! Velkommen :)")
                answered = True
            time.sleep(0.3)

    helper = threading.Thread(target=contact_side)
    helper.start()
    try:
        with XSession() as x:
            p = x.spawn([app, "--profile", youth, "--server", url, "--script", script],
                        stdout=subprocess.PIPE, text=True)
            stdout, _ = p.communicate(timeout=180)
            if p.returncode != 0:
                print("app output:", stdout)
                print("contact's chat:", contact.run("list", check=False).stdout)
                print("contact's status:", contact.run("status", check=False).stdout)
                yara = Cli(cli, url, youth)
                print("youth's status:", yara.run("status", check=False).stdout)
                print("youth list:", yara.run("list", check=False).stdout, yara.run("list", check=False).stderr)
            assert p.returncode == 0, "the app failed its script (exit %d)" % p.returncode
    finally:
        stop.set()
        helper.join()
    report = json.loads(stdout.strip().splitlines()[-1])
    print("first start to first sent message: %d screens, %d keystrokes, %d clicks" %
          (report["screens"], report["keystrokes"], report["clicks"]))
    assert report["screens"] <= 3 and report["keystrokes"] <= 25, report
    listing = contact.run("list").stdout
    assert "hei!" in listing, "the youth's message did not reach the contact"
    print("journey: ok")


if __name__ == "__main__":
    main()
