"""The Spark job in local mode: run as users run it (``python -m newsgraph.spark``), its tables
hold exactly what ``newsgraph extract`` gives on the same files, bad records are counted and
reported, the daily aggregate adds up."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.spark import input_paths


def spark_job(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs ``python -m newsgraph.spark ARGS``."""
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.spark", *args],
        capture_output=True, text=True, timeout=900, env={**os.environ, **(env or {})},
    )


def events_of(record: dict) -> list:
    """A record's events as the events table flattens them: (cameo, source code, target code)."""
    actors = record["actors"]

    def code(i):
        return actors[i]["cameo"] if i is not None else None

    return [(e["cameo"], code(e["source"]), code(e["target"])) for e in record["events"]]


def check_tables(spark, out: Path, reference: dict) -> None:
    """The four tables equal the CLI's records on the same inputs."""
    articles = {r["id"]: r for r in spark.read.parquet(str(out / "articles")).collect()}
    assert set(articles) == set(reference)
    for id_, row in articles.items():
        assert json.loads(row["record"]) == reference[id_], id_
        published = reference[id_]["meta"]["published"]
        assert (row["date"].isoformat() if row["date"] else None) == published, id_
    events = collections.defaultdict(list)
    for row in spark.read.parquet(str(out / "events")).orderBy("article_id", "event").collect():
        events[row["article_id"]].append((row["cameo"], row["source_code"], row["target_code"]))
        record = reference[row["article_id"]]
        assert row["sentence_text"] == (
            record["text"][record["sentences"][row["sentence"]]["start"]:
                           record["sentences"][row["sentence"]]["end"]]
        )
    assert dict(events) == {i: events_of(r) for i, r in reference.items() if r["events"]}
    quotes = spark.read.parquet(str(out / "quotes")).count()
    actors = spark.read.parquet(str(out / "actors")).count()
    assert quotes == sum(len(r["quotes"]) for r in reference.values())
    assert actors == sum(len(r["actors"]) for r in reference.values())


@pytest.fixture(scope="module")
def job(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "out"
    done = spark_job("extract", "--master", "local[2]", "--aggregate", "--out", str(out),
                     str(corpus))
    return out, done


def test_the_job_reports_and_skips_bad_records(job):
    out, done = job
    assert done.returncode == 1, done.stderr  # records were skipped
    log = done.stderr
    assert "newsgraph.spark: 2 bad record(s) skipped" in log, log
    assert "mixed.jsonl:2: malformed JSONL record" in log, log
    assert "empty article" in log, log
    summary = json.loads((out / "_newsgraph.json").read_text())
    assert summary["bad_records"] == 2 and summary["inputs"] == 6
    assert len(summary["messages"]) == 2


def test_the_tables_equal_the_cli_records(job, spark, reference):
    out, done = job
    records, _, cli_errors = reference
    check_tables(spark, out, records)
    summary = json.loads((out / "_newsgraph.json").read_text())
    assert summary["articles"] == len(records) == 14
    assert summary["events"] == sum(len(r["events"]) for r in records.values())
    assert sorted(summary["messages"]) == sorted(
        line.removeprefix("newsgraph: error: ") for line in cli_errors
        if line.startswith("newsgraph: error: ")
    )


def test_tables_are_partitioned_by_publication_date(job, reference):
    out, _ = job
    records, _, _ = reference
    dates = {r["meta"]["published"] or "__HIVE_DEFAULT_PARTITION__" for r in records.values()}
    for table in ("articles", "actors"):
        parts = {p.name.removeprefix("date=") for p in (out / table).glob("date=*")}
        assert parts == dates, table
    assert "2025-06-13" in dates, "the WARC page's date"


def test_the_daily_aggregate_counts_the_events(job, spark, reference):
    out, _ = job
    records, _, _ = reference
    expected = collections.defaultdict(lambda: [0, set()])
    for r in records.values():
        for e in r["events"]:
            day = e["date"] if e["date"] and len(e["date"]) == 10 else r["meta"]["published"]
            actors = r["actors"]
            key = (
                day,
                actors[e["source"]]["cameo"] if e["source"] is not None else None,
                actors[e["target"]]["cameo"] if e["target"] is not None else None,
                e["cameo"][:2],
            )
            expected[key][0] += 1
            expected[key][1].add(r["id"])
    got = {
        (row["day"].isoformat() if row["day"] else None, row["source_code"], row["target_code"],
         row["root"]): [row["events"], row["articles"]]
        for row in spark.read.parquet(str(out / "daily")).collect()
    }
    assert got == {k: [n, len(ids)] for k, (n, ids) in expected.items()}
    assert sum(n for n, _ in got.values()) == sum(len(r["events"]) for r in records.values())


def test_a_second_run_refuses_or_replaces_the_tables(job, corpus, spark, reference):
    out, _ = job
    again = spark_job("extract", "--master", "local[2]", "--out", str(out), str(corpus))
    assert again.returncode == 2
    assert f"{out / 'articles'} exists: pass --overwrite" in again.stderr
    replaced = spark_job("extract", "--master", "local[2]", "--overwrite", "--out", str(out),
                         "--partitions", "1", "--partition-by", "month", str(corpus))
    assert replaced.returncode == 1, replaced.stderr
    check_tables(spark, out, reference[0])
    months = {p.name for p in (out / "events").glob("month=*")}
    assert {"month=2025-03", "month=2025-06"} <= months, months
    assert not list((out / "events").glob("date=*")), "the old partitions are gone"
    daily = spark_job("aggregate", "--master", "local[1]", "--overwrite", "--out", str(out))
    assert daily.returncode == 0, daily.stderr
    assert "daily row(s)" in daily.stderr


def test_bad_arguments_fail_before_spark_starts(tmp_path):
    missing = spark_job("extract", "--out", str(tmp_path / "o"), str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert f"{tmp_path / 'nowhere'}: no such file or directory" in missing.stderr
    remote = spark_job("extract", "--out", str(tmp_path / "o"), "s3://bucket/crawl.warc.gz")
    assert remote.returncode == 2 and "only file paths are read" in remote.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = spark_job("extract", "--out", str(tmp_path / "o"), str(empty))
    assert nothing.returncode == 2 and "no input files" in nothing.stderr
    bad_date = spark_job("extract", "--published", "20240306", "--out", str(tmp_path / "o"),
                         str(tmp_path))
    assert bad_date.returncode == 2 and "is not a valid date: use YYYY-MM-DD" in bad_date.stderr
    no_dict = spark_job("extract", "--actors", "nowhere.tsv", "--out", str(tmp_path / "o"),
                        str(tmp_path))
    assert no_dict.returncode == 2 and "nowhere.tsv: no such file" in no_dict.stderr
    usage = spark_job("extract", "--help")
    assert usage.returncode == 0 and "--partitions" in usage.stdout


def test_input_paths_walk_directories_and_listings(corpus, tmp_path):
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"# crawl files\n{corpus / 'crawl' / 'crawl-0001.warc.gz'}\n\n")
    paths = input_paths([str(corpus / "wire.jsonl")], str(listing))
    assert paths == [str(corpus / "wire.jsonl"), str(corpus / "crawl" / "crawl-0001.warc.gz")]
    walked = input_paths([str(corpus)])
    assert len(walked) == 6 and walked == sorted(walked, key=lambda p: (Path(p).parent != corpus, p))
