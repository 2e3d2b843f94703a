"""Shared fixtures of the Python tests: the CLI to compare with, a corpus of our own articles in
every input format (with bad records), and its records as ``newsgraph extract`` gives them.

``tests/python/run.sh`` sets ``NEWSGRAPH_BIN`` (the release binary) and ``NEWSGRAPH_WHEEL``
(the wheel the cluster test ships to executors)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "corpus"


def cli_path() -> Path:
    path = Path(os.environ.get("NEWSGRAPH_BIN", REPO / "target" / "release" / "newsgraph"))
    if not path.is_file():
        pytest.fail(f"{path}: no newsgraph binary; run `cargo build --release -p newsgraph`")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Runs the newsgraph CLI; returns the finished process (text)."""
    return subprocess.run([str(cli_path()), *args], capture_output=True, text=True, timeout=600)


def cli_records(paths: list) -> tuple:
    """``newsgraph extract --format jsonl PATHS``: (records by id, JSON lines, stderr lines)."""
    done = run_cli("extract", "--format", "jsonl", *map(str, paths))
    lines = [line for line in done.stdout.splitlines() if line]
    records = {}
    for line in lines:
        record = json.loads(line)
        records[record["id"]] = record
    return records, lines, done.stderr.splitlines()


# Two pages of our own, for the WARC archive.
PAGE_ONE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Dockworkers in Tema end walkout after pay deal | Gulf Coast Courier</title>
<meta property="og:site_name" content="Gulf Coast Courier">
<meta property="article:published_time" content="2025-06-12T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/business">Business</a></nav>
<article>
<h1>Dockworkers in Tema end walkout after pay deal</h1>
<p class="byline">By Akosua Mensah</p>
<p>TEMA, June 12 - Dockworkers at Ghana's busiest port returned to work on Thursday after
their union signed a pay agreement with the port authority, ending a four-day strike that left
more than 30 ships waiting offshore.</p>
<p>The Maritime and Dockworkers Union said the deal raises basic pay by 18 percent and adds a
hazard allowance for crane operators. "Our members will be back on the quay tonight," the
union's general secretary, Kwabena Ofori, told reporters outside the port gates.</p>
<p>The Ghana Ports and Harbours Authority said it would clear the backlog within a week.
Importers had warned that fuel and medicine shipments were running late.</p>
</article>
<footer>Share this article. Follow us on social media.</footer>
</body></html>
"""

PAGE_TWO = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Troops clash with gunmen near Gao; eight dead | Sahel Wire</title>
<meta property="article:published_time" content="2025-06-13T17:05:00Z">
</head><body><main>
<h1>Troops clash with gunmen near Gao; eight dead</h1>
<p>BAMAKO, June 13 - Malian troops clashed with gunmen near the northern town of Gao on Friday,
and eight people were killed, the army said in a statement.</p>
<p>The army said soldiers repelled an attack on a checkpoint east of the town and arrested
four suspects. Residents said shooting lasted about two hours.</p>
<p>The United Nations condemned the attack and called on all sides to protect civilians.</p>
</main></body></html>
"""


def warc_record(kind: str, uri: str, date: str, record_id: str, block: bytes,
                content_type: str) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + block + b"\r\n\r\n")


def response(page: str) -> bytes:
    body = page.encode()
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


def write_corpus(root: Path) -> Path:
    """The test corpus: the example corpus (JSONL, text, HTML), a gzipped WARC archive of two
    pages with a request record between them, and a JSONL file with one good article, one
    malformed line and one article without text."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("wire.jsonl", "broadsheet-ceasefire.txt", "tabloid-flood.txt", "aid-agency.html"):
        shutil.copy(EXAMPLES / name, root / name)
    crawl = root / "crawl"
    crawl.mkdir()
    with open(crawl / "crawl-0001.warc.gz", "wb") as f:
        f.write(warc_record("response", "https://courier.example.net/business/tema-deal",
                            "2025-06-12T09:00:00Z", "8c7a0a4e-0000-4000-8000-000000000001",
                            response(PAGE_ONE), "application/http; msgtype=response"))
        f.write(warc_record("request", "https://courier.example.net/business/tema-deal",
                            "2025-06-12T09:00:00Z", "8c7a0a4e-0000-4000-8000-000000000002",
                            b"GET /business/tema-deal HTTP/1.1\r\nHost: courier.example.net\r\n\r\n",
                            "application/http; msgtype=request"))
        f.write(warc_record("response", "https://sahelwire.example.org/2025/06/13/gao",
                            "2025-06-13T18:00:00Z", "8c7a0a4e-0000-4000-8000-000000000003",
                            response(PAGE_TWO), "application/http; msgtype=response"))
    good = {
        "id": "harbour-fire-20250610",
        "published": "2025-06-10",
        "title": "Fire guts warehouse at Lomé harbour",
        "text": "Fire guts warehouse at Lomé harbour\n\nLOMÉ, June 10 - A fire destroyed a "
        "warehouse at the port of Lomé on Tuesday, and two workers were injured, the fire "
        "service said. Police arrested a night guard for questioning.",
    }
    with open(root / "mixed.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps(good) + "\n")
        f.write('{"id": "broken", "text": "this line never closes\n')
        f.write(json.dumps({"id": "blank", "text": "   "}) + "\n")
    return root


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news")


@pytest.fixture(scope="session")
def corpus_paths(corpus) -> list:
    from newsgraph.spark import input_paths

    return input_paths([str(corpus)])


@pytest.fixture(scope="session")
def reference(corpus_paths):
    """What the CLI gives on the corpus: (records by id, JSON lines, stderr lines)."""
    return cli_records(corpus_paths)


@pytest.fixture(scope="session")
def pipeline():
    import newsgraph

    return newsgraph.Pipeline()


@pytest.fixture(scope="session")
def spark():
    """A local SparkSession that reads what the jobs wrote."""
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[1]").appName("newsgraph-tests")
               .config("spark.ui.enabled", "false").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
