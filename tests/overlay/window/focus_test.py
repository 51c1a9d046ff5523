#!/usr/bin/env python3
"""Focus: under Xvfb with a window manager (openbox), showing the bar and clicking it leaves the
previously focused window (the "game") focused, and the click still reaches the app.

usage: focus_test.py APP SEED"""
import subprocess
import sys
import time

from xsession import XSession, fresh_dir, remove

NOW = "1790000000000"


def main():
    app, seed = sys.argv[1], sys.argv[2]
    profile = fresh_dir("sk-focus-")
    try:
        subprocess.run([seed, profile, "youth", NOW], check=True)
        with XSession(window_manager=True) as x:
            x.spawn(["xmessage", "-name", "game", "-geometry", "800x600+0+0", "I am the game"])
            game = x.find_window("Xmessage", by="--class")
            x.xdotool("windowactivate", "--sync", game)
            assert x.xdotool("getactivewindow") == game, "the game could not be focused"

            x.spawn([app, "--profile", profile, "--mode", "compact", "--clock-ms", NOW, "--zone", "Europe/Oslo"])
            bar = x.find_window("Spillkontakt")
            time.sleep(1.0)
            active = x.xdotool("getactivewindow")
            print("after showing the bar: active =", "game" if active == game else "bar" if active == bar else active)
            assert active == game, "showing the bar took the focus from the game"

            before = x.geometry(bar)
            # The bar's rightmost button opens the panel: a click that must reach the app.
            x.xdotool("mousemove", "--window", bar, str(before["WIDTH"] - 26), str(before["HEIGHT"] // 2))
            x.xdotool("click", "1")
            time.sleep(1.0)
            after = x.geometry(bar)
            active = x.xdotool("getactivewindow")
            print("after clicking the bar: active =", "game" if active == game else "bar" if active == bar else active,
                  "; bar", before["WIDTH"], "x", before["HEIGHT"], "->", after["WIDTH"], "x", after["HEIGHT"])
            assert after["HEIGHT"] > before["HEIGHT"], "the click did not reach the bar (the panel did not open)"
            assert active == game, "clicking the bar took the focus from the game"
        print("focus test: ok")
    finally:
        remove(profile)


if __name__ == "__main__":
    main()
