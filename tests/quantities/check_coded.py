#!/usr/bin/env python3
"""Sanity-check the gold quantity file coded.tsv in this directory.

Usage: python3 check_coded.py [coded.tsv] [-v]

Checks: every non-comment line has exactly 3 tab-separated fields; ids are s001, s002, ...
and unique; items are separated by ' ; ' and each matches TEXT=VALUE:KIND[:UNIT][@DATE];
KIND is one of the nine kinds; money units are three capital letters, rate units 'percent'
or 'basis point', duration units hours|days|weeks|months|years; every TEXT occurs in the
sentence, in item order (each found after the end of the previous one), on word boundaries;
comment lines of the form '# sNNN: ...' name an id that exists. Prints counts per kind.
With -v, also lists digits in each sentence that no TEXT covers (for review by hand).
"""
import collections
import os
import re
import sys

ITEM = re.compile(
    r"^(?P<text>[^=]+)=(?P<value>\d+(?:\.\d+)?):(?P<kind>[a-z]+)"
    r"(?::(?P<unit>[^:@]+))?(?:@(?P<date>\d{4}(?:-(?:0[1-9]|1[0-2]))?))?$"
)
KINDS = ["killed", "injured", "arrested", "displaced", "crowd", "money", "rate", "duration", "count"]
DURATION_UNITS = {"hours", "days", "weeks", "months", "years"}
RATE_UNITS = {"percent", "basis point"}
ID = re.compile(r"^s\d{3}$")
NOTE = re.compile(r"^# (s\d{3}):")


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    path = args[0] if args else os.path.join(os.path.dirname(__file__) or ".", "coded.tsv")
    errors = []
    ids = set()
    noted = []
    kinds = collections.Counter()
    kind_sents = collections.Counter()
    n = n_empty = n_items = n_dated = 0
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
        covered = [False] * len(sentence)
        if not field:
            n_empty += 1
        else:
            pos = 0
            seen = set()
            for item in field.split(" ; "):
                m = ITEM.match(item)
                if not m:
                    errors.append(f"line {lineno}: bad item {item!r}")
                    continue
                n_items += 1
                text, kind, unit, date = m.group("text"), m.group("kind"), m.group("unit"), m.group("date")
                if kind not in KINDS:
                    errors.append(f"line {lineno}: unknown kind {kind!r}")
                    continue
                kinds[kind] += 1
                seen.add(kind)
                n_dated += date is not None
                if kind == "money" and not (unit and re.fullmatch(r"[A-Z]{3}", unit)):
                    errors.append(f"line {lineno}: money needs an ISO 4217 unit: {item!r}")
                if kind == "rate" and unit not in RATE_UNITS:
                    errors.append(f"line {lineno}: rate unit must be percent or basis point: {item!r}")
                if kind == "duration" and unit not in DURATION_UNITS:
                    errors.append(f"line {lineno}: bad duration unit: {item!r}")
                if unit and kind not in ("money",) and unit != unit.strip():
                    errors.append(f"line {lineno}: unit has spaces at its ends: {item!r}")
                i = sentence.find(text, pos)
                while i >= 0 and not boundary(sentence, i, i + len(text)):
                    i = sentence.find(text, i + 1)
                if i < 0:
                    errors.append(f"line {lineno}: {text!r} not found in order on word boundaries")
                    continue
                for k in range(i, i + len(text)):
                    covered[k] = True
                pos = i + len(text)
            for k in seen:
                kind_sents[k] += 1
        if verbose:
            loose = [m.group() for m in re.finditer(r"\d[\d,.]*", sentence) if not covered[m.start()]]
            if loose:
                print(f"{sid}: uncoded digits {loose}")
    for lineno, sid in noted:
        if sid not in ids:
            errors.append(f"line {lineno}: comment names unknown id {sid}")
    print(f"{path}: {n} sentences, {n_items} quantities ({n_dated} dated), {n_empty} sentences without quantities")
    print("kind       sentences  quantities")
    for k in KINDS:
        print(f"{k:<10} {kind_sents[k]:9d}  {kinds[k]:10d}")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


def boundary(s, i, j):
    before = s[i - 1] if i > 0 else " "
    after = s[j] if j < len(s) else " "
    return not before.isalnum() and not after.isalnum()


if __name__ == "__main__":
    main()
