#!/usr/bin/env python3
"""Sanity-check the gold event file coded.tsv in this directory.

Usage: python3 check_coded.py [coded.tsv]

Checks: every non-comment line has exactly 3 tab-separated fields; ids are s001, s002, ...
and unique; every event matches ^[!?]?(0[1-9]|1[0-9]|20):([A-Z]{3}|-)>([A-Z]{3}|-)$ and
events are separated by ' ; '; no event is repeated within a line; comment lines of the
form '# sNNN: ...' name an id that exists. Prints sentence and event counts per CAMEO root.
"""
import collections
import os
import re
import sys

EVENT = re.compile(r"^[!?]?(0[1-9]|1[0-9]|20):([A-Z]{3}|-)>([A-Z]{3}|-)$")
ID = re.compile(r"^s\d{3}$")
NOTE = re.compile(r"^# (s\d{3}):")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__) or ".", "coded.tsv")
    errors = []
    ids = set()
    noted = []
    sent_roots = collections.Counter()
    event_roots = collections.Counter()
    n = n_empty = n_neg = n_hyp = n_events = 0
    for lineno, line in enumerate(open(path, encoding="utf-8").read().splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = NOTE.match(line)
            if m:
                noted.append((lineno, m.group(1)))
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            errors.append(f"line {lineno}: {len(cols)} fields, expected 3")
            continue
        sid, sentence, events = cols
        n += 1
        if not ID.match(sid):
            errors.append(f"line {lineno}: bad id {sid!r}")
        if sid in ids:
            errors.append(f"line {lineno}: duplicate id {sid}")
        ids.add(sid)
        if sid != "s%03d" % n:
            errors.append(f"line {lineno}: id {sid} out of sequence (expected s{n:03d})")
        if not sentence.strip():
            errors.append(f"line {lineno}: empty sentence")
        if not events:
            n_empty += 1
            continue
        evs = events.split(" ; ")
        if len(set(evs)) != len(evs):
            errors.append(f"line {lineno}: repeated event in {events!r}")
        roots = set()
        for ev in evs:
            m = EVENT.match(ev)
            if not m:
                errors.append(f"line {lineno}: bad event {ev!r}")
                continue
            n_events += 1
            n_neg += ev.startswith("!")
            n_hyp += ev.startswith("?")
            event_roots[m.group(1)] += 1
            roots.add(m.group(1))
        for r in roots:
            sent_roots[r] += 1
    for lineno, sid in noted:
        if sid not in ids:
            errors.append(f"line {lineno}: comment names unknown id {sid}")
    print(f"{path}: {n} sentences, {n_events} events ({n_neg} negated, {n_hyp} hypothetical), {n_empty} sentences without events")
    print("root  sentences  events")
    for r in ["%02d" % i for i in range(1, 21)]:
        print(f"{r}    {sent_roots[r]:9d}  {event_roots[r]:6d}")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
