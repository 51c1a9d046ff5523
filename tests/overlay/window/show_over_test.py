#!/usr/bin/env python3
"""ui.show_over: under Xvfb with openbox, the compact bar with show_over = "game" hides itself
when another app (a "browser") comes to the front, and comes back, without taking the focus,
when the game is in front again.

usage: show_over_test.py APP SEED"""
import sqlite3
import subprocess
import sys
import time

from xsession import XSession, fresh_dir, remove

NOW = "1790000000000"


def main():
    app, seed = sys.argv[1], sys.argv[2]
    profile = fresh_dir("sk-show-over-")
    try:
        subprocess.run([seed, profile, "youth", NOW], check=True)
        db = sqlite3.connect(profile + "/store.db")
        db.execute("INSERT OR REPLACE INTO ui_settings(key, value) VALUES ('ui.show_over', 'game')")
        db.commit()
        db.close()
        with XSession(window_manager=True) as x:
            x.spawn(["xmessage", "-name", "browser", "-geometry", "600x400+500+300", "I am a browser"])
            x.spawn(["xmessage", "-name", "game", "-geometry", "800x600+0+0", "I am the game"])
            game = x.find_window("^game$", by="--classname")
            browser = x.find_window("^browser$", by="--classname")
            x.xdotool("windowactivate", "--sync", game)
            x.spawn([app, "--profile", profile, "--mode", "compact", "--clock-ms", NOW, "--zone", "Europe/Oslo"])
            x.find_window("Spillkontakt")
            visible = lambda: x.xdotool("search", "--onlyvisible", "--name", "Spillkontakt", check=False)

            x.xdotool("windowactivate", "--sync", browser)
            XSession.wait_for(lambda: not visible(), 10)
            print("browser in front: the bar is hidden")

            x.xdotool("windowactivate", "--sync", game)
            XSession.wait_for(visible, 10)
            time.sleep(0.5)
            assert x.xdotool("getactivewindow") == game, "the bar took the focus when it came back"
            print("game in front again: the bar is back and the game kept the focus")
        print("show_over test: ok")
    finally:
        remove(profile)


if __name__ == "__main__":
    main()
