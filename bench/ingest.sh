#!/usr/bin/env bash
# Ingest against extract on a generated corpus: articles/s of each, and ingest's peak memory.
# Usage: bench/ingest.sh [ARTICLES] (default 20000). Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-20000}"
cargo build --release -q -p newsgraph
bin=target/release/newsgraph
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" generate --articles "$n" --copies 0.1 --seed 7 --out "$work/corpus.jsonl" \
  tests/actors tests/casualties tests/summaries tests/events tests/quotes tests/alignments tests/articles
mb=$(du -m "$work/corpus.jsonl" | cut -f1)
t0=$(date +%s.%N)
"$bin" extract --format jsonl "$work/corpus.jsonl" > /dev/null
t1=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/rss" "$bin" ingest --quiet --db "$work/news.db" "$work/corpus.jsonl"
t2=$(date +%s.%N)
"$bin" ingest --quiet --db "$work/news.db" "$work/corpus.jsonl"
t3=$(date +%s.%N)
python3 - "$n" "$mb" "$t0" "$t1" "$t2" "$t3" "$(cat "$work/rss")" <<'PY'
import sys
n, mb = int(sys.argv[1]), int(sys.argv[2])
t0, t1, t2, t3 = map(float, sys.argv[3:7])
rss = int(sys.argv[7]) / 1024
ex, ing = n / (t1 - t0), n / (t2 - t1)
print(f"corpus: {n} articles, {mb} MB")
print(f"extract: {ex:.0f} articles/s ({mb / (t1 - t0):.1f} MB/s)")
print(f"ingest:  {ing:.0f} articles/s ({mb / (t2 - t1):.1f} MB/s), {ing / ex:.0%} of extract; peak memory {rss:.0f} MB")
print(f"re-run:  {t3 - t2:.1f} s (nothing to store)")
PY
