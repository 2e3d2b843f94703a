#!/usr/bin/env bash
# The Spark job in local mode against the CLI on the same generated corpus: articles/s of
# `newsgraph extract`, of the Python package alone (Pipeline.read, one process), and of
# `python -m newsgraph.spark extract` (whole command, and the job without JVM start-up).
# Usage: bench/spark.sh [ARTICLES] [FILES] (default 20000 articles in 8 JSONL files).
# Uses the virtualenv tests/python/run.sh makes (target/pyvenv); builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-20000}"
files="${2:-8}"
py=target/pyvenv/bin/python
if [ ! -x "$py" ] || ! "$py" -c "import newsgraph, pyspark" 2> /dev/null; then
  echo "bench/spark.sh: no virtualenv with newsgraph and pyspark: run tests/python/run.sh first" >&2
  exit 2
fi
cargo build --release -q -p newsgraph
bin=target/release/newsgraph
cores=$(nproc)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" generate --articles "$n" --copies 0.1 --seed 7 --out "$work/all.jsonl" \
  tests/actors tests/casualties tests/summaries tests/events tests/quotes tests/alignments tests/articles
# a crawl's week: generated articles carry dates spread over years, which would make one
# Parquet file per article and date
"$py" - "$work/all.jsonl" <<'PY'
import datetime, json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    lines = f.readlines()
start = datetime.date(2025, 3, 3)
with open(path, "w", encoding="utf-8") as f:
    for i, line in enumerate(lines):
        article = json.loads(line)
        article["published"] = (start + datetime.timedelta(days=i % 7)).isoformat()
        f.write(json.dumps(article, ensure_ascii=False) + "\n")
PY
mkdir "$work/corpus"
split -n "l/$files" -d --additional-suffix=.jsonl "$work/all.jsonl" "$work/corpus/part-"
rm "$work/all.jsonl"
mb=$(du -sm "$work/corpus" | cut -f1)
now() { date +%s.%N; }
t0=$(now)
"$bin" extract --format jsonl "$work/corpus"/*.jsonl > /dev/null
t1=$(now)
"$py" - "$work/corpus" <<'PY'
import glob, sys
import newsgraph
p = newsgraph.Pipeline()
for path in sorted(glob.glob(sys.argv[1] + "/*.jsonl")):
    for _ in p.read(path, as_json=True):
        pass
PY
t2=$(now)
"$py" -m newsgraph.spark extract --master "local[$cores]" --out "$work/out" "$work/corpus" \
  2> "$work/spark.log" || { cat "$work/spark.log" >&2; exit 1; }
t3=$(now)
job=$("$py" -c "import json,sys; print(json.load(open(sys.argv[1]))['seconds'])" "$work/out/_newsgraph.json")
"$py" - "$n" "$mb" "$files" "$cores" "$t0" "$t1" "$t2" "$t3" "$job" <<'PY'
import sys
n, mb, files, cores = map(int, sys.argv[1:5])
t0, t1, t2, t3, job = map(float, sys.argv[5:10])
cli, one, spark = n / (t1 - t0), n / (t2 - t1), n / (t3 - t2)
print(f"corpus: {n} articles, {mb} MB, in {files} JSONL files; {cores} cores")
print(f"newsgraph extract (rayon, {cores} threads): {cli:7.0f} articles/s")
print(f"Python Pipeline.read (1 process):         {one:7.0f} articles/s")
print(f"Spark local[{cores}], whole command:           {spark:7.0f} articles/s ({spark / cli:.0%} of the CLI)")
print(f"Spark local[{cores}], the job without start-up: {n / job:7.0f} articles/s ({n / job / cli:.0%})")
PY
