#!/usr/bin/env python3
"""Sanity-check the gold alignment file coded.tsv in this directory.

Usage: python3 check_coded.py [coded.tsv]

Checks: every non-comment line has exactly 3 tab-separated fields; ids are s001, s002, ...
and unique; items are separated by ' ; ' and each matches ACTOR>TOWARD:+ or ACTOR>TOWARD:-;
an actor is three capital letters (ISO 3166-1 alpha-3 or IGO) or six (ISO3 + agent code),
and six-letter codes appear only in pairs sharing their country; no actor aligns with
itself; no pair is repeated within a line; comment lines '# sNNN: ...' name an existing id.
Prints counts.
"""
import os
import re
import sys

ITEM = re.compile(r"^([A-Z]{3}(?:[A-Z]{3})?)>([A-Z]{3}(?:[A-Z]{3})?):([+-])$")
ID = re.compile(r"^s\d{3}$")
NOTE = re.compile(r"^# (s\d{3}):")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__) or ".", "coded.tsv")
    errors = []
    ids = set()
    noted = []
    n = n_empty = n_items = n_plus = n_minus = n_domestic = 0
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
        sid, sentence, field = cols
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
        if not field:
            n_empty += 1
            continue
        pairs = set()
        for item in field.split(" ; "):
            m = ITEM.match(item)
            if not m:
                errors.append(f"line {lineno}: bad item {item!r}")
                continue
            a, t, stance = m.groups()
            n_items += 1
            n_plus += stance == "+"
            n_minus += stance == "-"
            if a == t:
                errors.append(f"line {lineno}: actor aligned with itself: {item!r}")
            if len(a) == 6 or len(t) == 6:
                if len(a) != 6 or len(t) != 6 or a[:3] != t[:3]:
                    errors.append(f"line {lineno}: agent codes only for two sides of one country: {item!r}")
                n_domestic += 1
            if (a, t) in pairs:
                errors.append(f"line {lineno}: pair repeated: {item!r}")
            pairs.add((a, t))
    for lineno, sid in noted:
        if sid not in ids:
            errors.append(f"line {lineno}: comment names unknown id {sid}")
    print(f"{path}: {n} sentences, {n_items} alignments ({n_plus} support, {n_minus} oppose, "
          f"{n_domestic} within one country), {n_empty} sentences without alignments")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
