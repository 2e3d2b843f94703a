"""Run newsgraph inside Apache Spark over WARC, JSONL and other article files.

Two jobs::

    python -m newsgraph.spark extract --out OUT [--partitions N] [--aggregate] INPUT...
    python -m newsgraph.spark aggregate --out OUT

``extract`` hands the input files to the executors (one task per file unless ``--partitions``
says otherwise). Each Python worker builds one :class:`newsgraph.Pipeline` (the lexicons load
once per process and are kept while the worker is reused) and streams the records of its files
through it, exactly as ``newsgraph extract FILE`` reads them. It writes four Parquet tables
under OUT, each partitioned by the article's publication date (``date``)::

    OUT/articles/  one row per article, with its whole record as JSON in ``record``
    OUT/events/    one row per event: codes, source and target actors, place, date, evidence
    OUT/quotes/    one row per quote, with its speaker
    OUT/actors/    one row per actor of an article, with its CAMEO code

Each task writes one file per date it holds; an archive that spans years is better written
with ``--partition-by month``.

A record that cannot be read (a malformed JSONL line, an empty article, a corrupt WARC record)
or a file that cannot be opened is skipped, counted in a Spark accumulator and reported at the
end, with the first messages; the run goes on. ``aggregate`` (or ``extract --aggregate``) counts
events per day x source x target x CAMEO root code, GDELT-style, into ``OUT/daily/``.

Input paths must be readable by the executors under the same name: a local path on a one-machine
run, a shared file system (NFS, a mounted bucket) on a cluster.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Iterable, Iterator, Optional

#: File names the job reads; other files in a directory given as input are left alone.
SUFFIXES = (
    ".warc",
    ".warc.gz",
    ".jsonl",
    ".jsonl.gz",
    ".ndjson",
    ".ndjson.gz",
    ".html",
    ".htm",
    ".txt",
)

#: The tables ``extract`` writes, in order.
TABLES = ("articles", "events", "quotes", "actors")

#: How many error messages the driver keeps to show (all are counted).
KEPT_MESSAGES = 20

_PIPELINES: dict = {}


def pipeline(actors: tuple = (), verbs: tuple = ()):
    """The process's Pipeline for these dictionaries, built on first use: once per Python
    worker, which Spark reuses from task to task (``spark.python.worker.reuse``)."""
    key = (tuple(actors), tuple(verbs))
    if key not in _PIPELINES:
        import newsgraph

        _PIPELINES[key] = newsgraph.Pipeline(actors=list(actors), verbs=list(verbs))
    return _PIPELINES[key]


def input_paths(inputs: Iterable[str], listing: Optional[str] = None) -> list:
    """Expands the inputs: files as given (made absolute), directories walked for the article
    files in :data:`SUFFIXES`, and ``listing``: a file of paths, one per line (``#`` comments).
    Raises ``FileNotFoundError`` naming a path that does not exist."""
    wanted = list(inputs)
    if listing:
        with open(listing, encoding="utf-8") as f:
            wanted += [line.strip() for line in f if line.strip() and not line.startswith("#")]
    paths = []
    for given in wanted:
        path = given[len("file://"):] if given.startswith("file://") else given
        if "://" in path:
            raise ValueError(
                f"{given}: only file paths are read (local, or a shared file system that every "
                "executor mounts); copy objects from a store to such a path first"
            )
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                        paths.append(os.path.abspath(os.path.join(root, name)))
        elif os.path.exists(path):
            paths.append(os.path.abspath(path))
        else:
            raise FileNotFoundError(f"{given}: no such file or directory")
    return paths


# --- rows -----------------------------------------------------------------------------------


def _quad_class(root: Optional[str]) -> Optional[int]:
    """CAMEO's quad class of a root code: 1 verbal and 2 material cooperation, 3 verbal and 4
    material conflict (as GDELT's QuadClass)."""
    if not root or not root.isdigit():
        return None
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def _actor(actors: list, index: Optional[int]) -> tuple:
    if index is None or not 0 <= index < len(actors):
        return (None, None, None)
    a = actors[index]
    return (a.get("name"), a.get("cameo"), a.get("country"))


def _date(published: Optional[str]):
    import datetime

    if not published:
        return None
    try:
        return datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _outlet(record: dict) -> Optional[str]:
    """The outlet the page names, else the host of its URL."""
    outlet = record["meta"].get("outlet")
    if outlet:
        return outlet
    url = record["source"].get("url")
    if url:
        from urllib.parse import urlsplit

        host = urlsplit(url).hostname
        if host:
            return host[4:] if host.startswith("www.") else host
    return None


def article_row(record: dict, record_json: str) -> tuple:
    """One article as a row of :func:`article_schema`, its events, quotes and actors nested."""
    meta, source = record["meta"], record["source"]
    text, sentences, actors = record["text"], record["sentences"], record["actors"]
    outlet = _outlet(record)

    def sentence_text(i: Optional[int]) -> Optional[str]:
        if i is None or not 0 <= i < len(sentences):
            return None
        s = sentences[i]
        return text[s["start"]:s["end"]]

    events = []
    for i, e in enumerate(record["events"]):
        cameo = e.get("cameo")
        root = cameo[:2] if cameo else None
        loc = e.get("location") or {}
        trig = e.get("trigger") or {}
        events.append(
            (
                i,
                cameo,
                root,
                _quad_class(root),
                e.get("plover"),
                e.get("goldstein"),
                *_actor(actors, e.get("source")),
                *_actor(actors, e.get("target")),
                e.get("date"),
                e.get("date_text"),
                loc.get("name"),
                loc.get("country"),
                loc.get("lat"),
                loc.get("lon"),
                e.get("negated"),
                e.get("modality"),
                e.get("fatalities"),
                e.get("injured"),
                e.get("confidence"),
                trig.get("text"),
                trig.get("start"),
                trig.get("end"),
                e.get("sentence"),
                sentence_text(e.get("sentence")),
                outlet,
            )
        )
    quotes = [
        (
            i,
            q.get("kind"),
            q.get("text"),
            *_actor(actors, q.get("speaker")),
            q.get("speaker_text"),
            q.get("cue"),
            q.get("start"),
            q.get("end"),
            q.get("sentence"),
        )
        for i, q in enumerate(record["quotes"])
    ]
    actor_rows = [
        (
            a.get("id"),
            a.get("name"),
            a.get("type"),
            a.get("country"),
            a.get("cameo"),
            list(a.get("roles") or []),
            len(a.get("mentions") or []),
            a.get("lat"),
            a.get("lon"),
        )
        for a in actors
    ]
    casualties = record.get("casualties") or {}
    return (
        record["id"],
        _date(meta.get("published")),
        meta.get("published"),
        meta.get("title"),
        outlet,
        list(meta.get("authors") or []),
        meta.get("language"),
        source.get("url"),
        source.get("path"),
        source.get("format"),
        len(text),
        len(sentences),
        casualties.get("killed"),
        casualties.get("injured"),
        (record.get("summary") or {}).get("text"),
        record_json,
        events,
        quotes,
        actor_rows,
    )


def article_schema():
    """The Spark schema of :func:`article_row`."""
    from pyspark.sql import types as T

    s, i, d, b = T.StringType(), T.IntegerType(), T.DoubleType(), T.BooleanType()

    def fields(*pairs):
        return T.StructType([T.StructField(name, kind, True) for name, kind in pairs])

    event = fields(
        ("event", i),
        ("cameo", s),
        ("root", s),
        ("quad_class", i),
        ("plover", s),
        ("goldstein", d),
        ("source", s),
        ("source_code", s),
        ("source_country", s),
        ("target", s),
        ("target_code", s),
        ("target_country", s),
        ("event_date", s),
        ("date_text", s),
        ("location", s),
        ("location_country", s),
        ("lat", d),
        ("lon", d),
        ("negated", b),
        ("modality", s),
        ("fatalities", T.LongType()),
        ("injured", T.LongType()),
        ("confidence", d),
        ("trigger", s),
        ("trigger_start", i),
        ("trigger_end", i),
        ("sentence", i),
        ("sentence_text", s),
        ("outlet", s),
    )
    quote = fields(
        ("quote", i),
        ("kind", s),
        ("text", s),
        ("speaker", s),
        ("speaker_code", s),
        ("speaker_country", s),
        ("speaker_text", s),
        ("cue", s),
        ("start", i),
        ("end", i),
        ("sentence", i),
    )
    actor = fields(
        ("actor", s),
        ("name", s),
        ("type", s),
        ("country", s),
        ("cameo", s),
        ("roles", T.ArrayType(s)),
        ("mentions", i),
        ("lat", d),
        ("lon", d),
    )
    return fields(
        ("id", s),
        ("date", T.DateType()),
        ("published", s),
        ("title", s),
        ("outlet", s),
        ("authors", T.ArrayType(s)),
        ("language", s),
        ("url", s),
        ("path", s),
        ("format", s),
        ("chars", i),
        ("sentences", i),
        ("killed", T.LongType()),
        ("injured", T.LongType()),
        ("summary", s),
        ("record", s),
        ("events", T.ArrayType(event)),
        ("quotes", T.ArrayType(quote)),
        ("actors", T.ArrayType(actor)),
    )


# --- the jobs -------------------------------------------------------------------------------


def _first_messages():
    """An accumulator parameter that keeps the first :data:`KEPT_MESSAGES` error messages."""
    from pyspark.accumulators import AccumulatorParam

    class FirstMessages(AccumulatorParam):
        def zero(self, value):
            return []

        def addInPlace(self, a, b):
            a.extend(b[: max(0, KEPT_MESSAGES - len(a))])
            return a

    return FirstMessages()


def extract_partition(paths: Iterator[str], published, actors, verbs, counters) -> Iterator[tuple]:
    """Streams the rows of the articles in ``paths`` (run on an executor)."""
    import newsgraph

    articles, bad, messages = counters
    engine = pipeline(actors, verbs)
    for path in paths:
        try:
            records = engine.read(path, published, as_json=True)
        except (newsgraph.NewsgraphError, OSError) as e:
            bad.add(1)
            messages.add([str(e)])
            continue
        n = 0
        for record_json in records:
            try:
                row = article_row(json.loads(record_json), record_json)
            except Exception as e:  # a record we cannot turn into a row is skipped, not fatal
                bad.add(1)
                messages.add([f"{path}: a record could not be made a row: {e!r}"])
                continue
            n += 1
            yield row
        articles.add(n)
        if records.skipped:
            bad.add(records.skipped)
            messages.add(records.errors[:KEPT_MESSAGES])


def check_date(text: str) -> str:
    """``text`` if it is a ``YYYY-MM-DD`` date, as the engine takes it; else ValueError."""
    import datetime
    import re

    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            datetime.date.fromisoformat(text)
            return text
    except ValueError:
        pass
    raise ValueError(f"--published {text!r} is not a valid date: use YYYY-MM-DD, e.g. 2024-03-01")


def session(master: Optional[str], conf: list, app: str = "newsgraph", log_level: str = "ERROR"):
    """A SparkSession: ``master`` when given (else what spark-submit or PySpark chooses),
    plus ``KEY=VALUE`` settings; Spark's own log quieted to ``log_level``."""
    from pyspark.sql import SparkSession

    # The executors' Python is the one PySpark reads from PYSPARK_PYTHON when the context
    # starts; spark-submit sets it from spark.pyspark.python, and so do we when run directly.
    executor_python = [v for k, _, v in (c.partition("=") for c in conf)
                       if k.strip() == "spark.pyspark.python"]
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if executor_python and not under_submit:
        os.environ["PYSPARK_PYTHON"] = executor_python[-1].strip()
    elif (master or "local").startswith("local") and not under_submit:
        # local workers run this interpreter, which has newsgraph, not whatever `python3` is
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    for item in conf:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ValueError(f"--conf {item!r}: expected KEY=VALUE")
        builder = builder.config(key.strip(), value.strip())
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(log_level)
    return spark


def run_extract(spark, paths: list, out: str, *, partitions: Optional[int] = None,
                published: Optional[str] = None, actors: tuple = (), verbs: tuple = (),
                mode: str = "errorifexists", partition_by: str = "date") -> dict:
    """Analyses ``paths`` on the cluster and writes the four tables under ``out``; returns the
    counts (articles, bad records, the first messages, events, quotes, actors, seconds)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if published is not None:
        check_date(published)  # a bad date fails here, on the driver, not in every task
    started = time.perf_counter()
    sc = spark.sparkContext
    counters = (sc.accumulator(0), sc.accumulator(0), sc.accumulator([], _first_messages()))
    slices = max(1, min(partitions or len(paths), len(paths))) if paths else 1
    rows = sc.parallelize(paths, slices).mapPartitions(
        lambda it: extract_partition(it, published, tuple(actors), tuple(verbs), counters)
    )
    frame = spark.createDataFrame(rows, article_schema(), verifySchema=False)
    # the analysis runs once, for the first table; the others read the kept rows
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        tables = {
            "articles": frame.drop("events", "quotes", "actors"),
            "events": _explode(frame, "events", F),
            "quotes": _explode(frame, "quotes", F),
            "actors": _explode(frame, "actors", F),
        }
        for name in TABLES:
            writer = tables[name].write.mode(mode)
            if partition_by == "month":
                writer = tables[name].withColumn("month", F.date_format("date", "yyyy-MM")) \
                    .write.mode(mode).partitionBy("month")
            elif partition_by == "date":
                writer = writer.partitionBy("date")
            writer.parquet(os.path.join(out, name))
        sums = frame.agg(*(F.sum(F.size(c)).alias(c) for c in TABLES[1:])).first()
        counts = {c: int(sums[c] or 0) for c in TABLES[1:]}
    finally:
        frame.unpersist()
    return {
        "inputs": len(paths),
        "articles": counters[0].value,
        "bad_records": counters[1].value,
        "messages": counters[2].value,
        **counts,
        "seconds": round(time.perf_counter() - started, 3),
    }


def _explode(frame, column: str, F):
    return (
        frame.select(F.col("id").alias("article_id"), "date", F.explode(column).alias("x"))
        .select("article_id", "date", "x.*")
    )


def run_aggregate(spark, out: str, *, mode: str = "errorifexists") -> int:
    """Events per day x source x target x CAMEO root code (GDELT-style) from ``out/events``
    into ``out/daily``: ``events``, ``articles`` (distinct articles reporting them),
    ``outlets`` (distinct outlets), ``goldstein`` (mean) and ``quad_class``. The day is the
    event's own full date when the text gives one, else the article's publication date.
    Returns the number of rows."""
    from pyspark.sql import functions as F

    events = spark.read.parquet(os.path.join(out, "events"))
    full_day = F.when(F.length("event_date") == 10, F.to_date("event_date"))
    daily = (
        events.where(F.col("root").isNotNull())
        .withColumn("day", F.coalesce(full_day, F.col("date")))
        .groupBy("day", "source_code", "target_code", "root")
        .agg(
            F.count(F.lit(1)).alias("events"),
            F.countDistinct("article_id").alias("articles"),
            F.countDistinct("outlet").alias("outlets"),
            F.round(F.avg("goldstein"), 3).alias("goldstein"),
            F.first("quad_class").alias("quad_class"),
        )
        .orderBy("day", "source_code", "target_code", "root")
    )
    daily.write.mode(mode).parquet(os.path.join(out, "daily"))
    return spark.read.parquet(os.path.join(out, "daily")).count()


# --- the command line -----------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m newsgraph.spark",
        description="Run newsgraph inside Apache Spark: analyse WARC, JSONL, HTML and text "
        "files on the executors and write Parquet tables; count events per day.",
        epilog="Examples:\n"
        "  python -m newsgraph.spark extract --out news/ crawl/*.warc.gz\n"
        "  python -m newsgraph.spark extract --master spark://10.0.0.5:7077 \\\n"
        "      --conf spark.archives=env.tar.gz#environment \\\n"
        "      --conf spark.pyspark.python=./environment/bin/python \\\n"
        "      --conf spark.executor.memory=4g --out /shared/news --aggregate /shared/warc/\n"
        "  python -m newsgraph.spark aggregate --out news/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(q):
        q.add_argument("--out", required=True, metavar="DIR",
                       help="the output directory (a path every executor can write)")
        q.add_argument("--master", metavar="URL",
                       help="Spark master: local[N], spark://HOST:PORT, yarn... (default: what "
                       "spark-submit or PySpark picks, local[*] on its own)")
        q.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                       help="a Spark setting, repeatable (executor memory, spark.archives...)")
        q.add_argument("--overwrite", action="store_true",
                       help="replace tables that exist (default: refuse to touch them)")
        q.add_argument("--log-level", default="ERROR", metavar="LEVEL",
                       help="Spark's log level once started: ERROR (default), WARN, INFO")

    e = sub.add_parser("extract", help="analyse input files into Parquet tables",
                       description="Analyse input files into OUT/articles, events, quotes and "
                       "actors (Parquet, partitioned by publication date).")
    common(e)
    e.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files (.warc, .warc.gz, .jsonl, .jsonl.gz, .ndjson, .html, .txt) or "
                   "directories of them")
    e.add_argument("--input-list", metavar="FILE",
                   help="a file listing input paths, one per line (as cc-pyspark takes them)")
    e.add_argument("--partitions", type=int, metavar="N",
                   help="how many tasks to split the files into (default: one per file)")
    e.add_argument("--partition-by", choices=("date", "month", "none"), default="date",
                   help="the tables' Parquet partitions: one directory per publication date "
                   "(default), per month (for archives that span years: fewer, larger files), "
                   "or none")
    e.add_argument("--published", metavar="YYYY-MM-DD",
                   help="the date of articles whose input gives none")
    e.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="a user actor dictionary, as newsgraph extract --actors (repeatable)")
    e.add_argument("--verbs", action="append", default=[], metavar="FILE",
                   help="a PETRARCH-2 verb dictionary, as newsgraph extract --verbs")
    e.add_argument("--aggregate", action="store_true",
                   help="also count events per day x source x target x root into OUT/daily")

    a = sub.add_parser("aggregate", help="count events per day x source x target x root code",
                       description="Read OUT/events and write OUT/daily: events per day x "
                       "source x target x CAMEO root code, with article and outlet counts.")
    common(a)
    return p


def main(argv: Optional[list] = None) -> int:
    """The command line; returns the exit status (1 when records were skipped)."""
    args = _parser().parse_args(argv)
    say = lambda m: print(f"newsgraph.spark: {m}", file=sys.stderr, flush=True)  # noqa: E731
    mode = "overwrite" if args.overwrite else "errorifexists"
    if not args.overwrite:
        names = TABLES if args.command == "extract" else ()
        names += ("daily",) if args.command == "aggregate" or args.aggregate else ()
        for name in names:
            if os.path.exists(os.path.join(args.out, name)):
                say(f"error: {os.path.join(args.out, name)} exists: pass --overwrite to replace it")
                return 2
    try:
        paths = (input_paths(args.inputs, args.input_list)
                 if args.command == "extract" else [])
        dictionaries = {}
        for kind in ("actors", "verbs"):
            files = [os.path.abspath(f) for f in getattr(args, kind, [])]
            for f in files:
                if not os.path.isfile(f):
                    raise FileNotFoundError(f"--{kind} {f}: no such file")
            dictionaries[kind] = tuple(files)
        if args.command == "extract" and args.published is not None:
            check_date(args.published)
    except (OSError, ValueError) as err:
        say(f"error: {err}")
        return 2
    if args.command == "extract" and not paths:
        say("error: no input files (give files or directories of .warc, .jsonl, .html, .txt)")
        return 2
    try:
        spark = session(args.master, args.conf, log_level=args.log_level)
    except ValueError as err:
        say(f"error: {err}")
        return 2
    status = 0
    try:
        if args.command == "extract":
            try:
                counts = run_extract(spark, paths, args.out, partitions=args.partitions,
                                     partition_by=args.partition_by,
                                     published=args.published,
                                     actors=dictionaries["actors"],
                                     verbs=dictionaries["verbs"], mode=mode)
            except ValueError as err:
                say(f"error: {err}")
                return 2
            rate = counts["articles"] / counts["seconds"] if counts["seconds"] else 0.0
            say(f"{counts['articles']} article(s) from {counts['inputs']} input(s) in "
                f"{counts['seconds']:.1f} s ({rate:.1f} articles/s): {counts['events']} "
                f"event(s), {counts['quotes']} quote(s), {counts['actors']} actor(s) "
                f"under {args.out}")
            if counts["bad_records"]:
                for message in counts["messages"]:
                    say(f"error: {message}")
                say(f"{counts['bad_records']} bad record(s) skipped")
                status = 1
            with open(os.path.join(args.out, "_newsgraph.json"), "w", encoding="utf-8") as f:
                json.dump(counts, f, indent=2)
            stale = os.path.join(args.out, "daily")
            if args.overwrite and not args.aggregate and os.path.isdir(stale):
                import shutil

                shutil.rmtree(stale)  # counted from the replaced events
                say(f"removed {stale}: run `aggregate` to count the new events")
        if args.command == "aggregate" or args.aggregate:
            rows = run_aggregate(spark, args.out, mode=mode)
            say(f"{rows} daily row(s) under {os.path.join(args.out, 'daily')}")
    finally:
        spark.stop()
    return status


if __name__ == "__main__":
    # Run the importable module's main, not this __main__ copy: Spark then ships the task
    # functions by reference, and each Python worker keeps its Pipeline from task to task.
    from newsgraph.spark import main as _main

    sys.exit(_main())
