#!/usr/bin/env python3
"""Sanity-check the gold quote files in this directory.

Usage: python3 check_gold.py [slug.quotes.tsv ...]   (default: all *.quotes.tsv here)

Checks: 4 tab-separated columns per non-comment line; kind is direct/mixed/indirect;
every ` || `-separated part of `text` occurs verbatim in the article, parts and lines in
increasing text order; every `|`-separated speaker alternative (unless `-`) occurs
verbatim in the article; cue is non-empty. Warns (does not fail) when a direct/mixed
part is not directly preceded by a quote mark.
"""
import glob
import os
import sys

QUOTE_OPENERS = "\"'‘“"


def check(tsv):
    slug = os.path.basename(tsv)[: -len(".quotes.tsv")]
    art_path = os.path.join(os.path.dirname(tsv) or ".", slug + ".txt")
    art = open(art_path, encoding="utf-8").read()
    errors, warnings = [], []
    prev_start = -1
    n = 0
    for lineno, line in enumerate(open(tsv, encoding="utf-8").read().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        n += 1
        cols = line.split("\t")
        if len(cols) != 4:
            errors.append(f"{lineno}: expected 4 columns, got {len(cols)}")
            continue
        kind, text, speaker, cue = cols
        if kind not in ("direct", "mixed", "indirect"):
            errors.append(f"{lineno}: bad kind {kind!r}")
        if not cue:
            errors.append(f"{lineno}: empty cue")
        parts = text.split(" || ")
        # First part: the earliest occurrence after the previous line's start.
        pos = art.find(parts[0], prev_start + 1)
        if pos < 0:
            if parts[0] in art:
                errors.append(f"{lineno}: text found only before previous line (order): {parts[0]!r}")
            else:
                errors.append(f"{lineno}: text not in article: {parts[0]!r}")
            continue
        start = pos
        end = pos + len(parts[0])
        if kind != "indirect" and (pos == 0 or art[pos - 1] not in QUOTE_OPENERS):
            warnings.append(f"{lineno}: {kind} part not preceded by a quote mark: {parts[0][:40]!r}")
        for p in parts[1:]:
            q = art.find(p, end)
            if q < 0:
                errors.append(f"{lineno}: later part not found after previous part: {p!r}")
                break
            if kind != "indirect" and art[q - 1] not in QUOTE_OPENERS:
                warnings.append(f"{lineno}: part not preceded by a quote mark: {p[:40]!r}")
            end = q + len(p)
        prev_start = start
        if speaker != "-":
            for alt in speaker.split("|"):
                if not alt or alt not in art:
                    errors.append(f"{lineno}: speaker alternative not in article: {alt!r}")
    return n, errors, warnings


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.quotes.tsv")))
    bad = False
    for f in files:
        n, errors, warnings = check(f)
        status = "OK" if not errors else "FAIL"
        print(f"{status} {os.path.basename(f)}: {n} quotes")
        for e in errors:
            print("  error:", e)
        for w in warnings:
            print("  warning:", w)
        bad |= bool(errors)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
