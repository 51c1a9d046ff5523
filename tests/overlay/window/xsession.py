"""A throwaway X display (Xvfb, optionally with the openbox window manager) for the window tests,
and helpers to drive and inspect it with xdotool."""
import os
import shutil
import subprocess
import tempfile
import time


class XSession:
    def __init__(self, window_manager=False, size="1280x800x24"):
        self.size = size
        self.window_manager = window_manager
        self.procs = []

    def __enter__(self):
        r, w = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", self.size, "-nolisten", "tcp"],
                                pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(w)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(r, 16)
            if not chunk:
                raise RuntimeError("Xvfb did not start")
            number += chunk
        os.close(r)
        self.procs.append(xvfb)
        self.env = dict(os.environ, DISPLAY=":" + number.decode().strip())
        self.env.pop("WAYLAND_DISPLAY", None)
        # Under ASan (CI's second build) the app's OpenGL driver (Mesa, loaded with dlopen and
        # unloaded by exit) leaves a few allocations LeakSanitizer cannot attribute to any module.
        # The app's own code is leak-checked by its unit tests; memory errors stay fatal here.
        self.env["ASAN_OPTIONS"] = ":".join(filter(None, [self.env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
        if self.window_manager:
            self.procs.append(subprocess.Popen(["openbox", "--sm-disable"], env=self.env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            self.wait_for(lambda: self.xdotool("search", "--name", ".*", check=False) is not None, 10)
            time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        for p in reversed(self.procs):
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()

    def spawn(self, argv, **kw):
        p = subprocess.Popen(argv, env=self.env, **kw)
        self.procs.append(p)
        return p

    def xdotool(self, *args, check=True):
        r = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True)
        if r.returncode != 0:
            if check:
                raise RuntimeError("xdotool %s failed: %s" % (" ".join(args), r.stderr))
            return None
        return r.stdout.strip()

    def find_window(self, name, timeout=15, by="--name"):
        found = self.wait_for(lambda: self.xdotool("search", "--onlyvisible", by, name, check=False), timeout)
        return found.split()[0]

    def geometry(self, window):
        out = self.xdotool("getwindowgeometry", "--shell", window)
        return {k: int(v) for k, v in (line.split("=") for line in out.splitlines() if "=" in line and k_ok(line))}

    @staticmethod
    def wait_for(probe, timeout):
        end = time.time() + timeout
        while time.time() < end:
            value = probe()
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError("gave up waiting")


def k_ok(line):
    return line.split("=")[0] in ("X", "Y", "WIDTH", "HEIGHT")


def fresh_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def remove(path):
    shutil.rmtree(path, ignore_errors=True)
