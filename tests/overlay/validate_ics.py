#!/usr/bin/env python3
"""Reads an .ics file with python3-icalendar (an independent RFC 5545 parser) and prints what it
understood; exits non-zero on anything it can't read or that breaks RFC 5545's required fields."""
import sys

from icalendar import Calendar

raw = open(sys.argv[1], "rb").read()
if b"\n" in raw.replace(b"\r\n", b""):
    sys.exit("bare LF line ending")
for line in raw.split(b"\r\n"):
    if len(line) > 75:
        sys.exit("line longer than 75 octets: %r" % line[:40])
cal = Calendar.from_ical(raw)
for key in ("VERSION", "PRODID"):
    if key not in cal:
        sys.exit("missing " + key)
events = cal.walk("VEVENT")
uids = set()
for ev in events:
    for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        if key not in ev:
            sys.exit("event without " + key)
    if ev["UID"] in uids:
        sys.exit("duplicate UID")
    uids.add(ev["UID"])
    if ev.decoded("DTEND") <= ev.decoded("DTSTART"):
        sys.exit("event ends before it starts")
cancelled = sum(1 for ev in events if str(ev.get("STATUS")) == "CANCELLED")
first = min(ev.decoded("DTSTART") for ev in events)
print("events=%d cancelled=%d first=%s" % (len(events), cancelled, first.isoformat()))
