"""The Python package: records equal the CLI's, errors carry the CLI's messages, the type stubs
describe the module."""

from __future__ import annotations

import ast
import datetime
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import newsgraph
from conftest import EXAMPLES, PAGE_ONE, run_cli

STUBS = Path(newsgraph.__file__).with_name("_native.pyi")


def test_read_gives_the_cli_records_line_for_line(pipeline, corpus_paths, reference):
    _, lines, _ = reference
    ours = []
    for path in corpus_paths:
        ours.extend(pipeline.read(path, as_json=True))
    assert ours == lines


def test_read_as_dicts_equals_the_cli_records(pipeline, corpus, reference):
    records, _, _ = reference
    path = str(corpus / "wire.jsonl")
    got = list(pipeline.read(path))
    assert [r["id"] for r in got] == [r["id"] for r in records.values() if r["source"]["path"] == path]
    for record in got:
        assert record == records[record["id"]]


def test_extract_of_a_text_equals_the_cli_but_for_its_source(pipeline, tmp_path):
    text = (EXAMPLES / "broadsheet-ceasefire.txt").read_text(encoding="utf-8")
    path = tmp_path / "ceasefire.txt"
    path.write_text(text, encoding="utf-8")
    done = run_cli("extract", "--format", "jsonl", "--published", "2025-03-08", str(path))
    cli = json.loads(done.stdout)
    record = pipeline.extract(text, published="2025-03-08")
    assert record["schema"] == newsgraph.SCHEMA == "newsgraph.article/1"
    assert record["source"] == {"path": None, "url": None, "format": "text"}
    assert cli["source"]["path"] == str(path)
    assert record["id"] == cli["id"], "the id is the content hash, as the CLI's"
    for key in cli:
        if key != "source":
            assert record[key] == cli[key], key
    assert record["events"], "the ceasefire article has events"


def test_extract_json_is_the_cli_jsonl_line(pipeline, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE_ONE, encoding="utf-8")
    cli_line = run_cli("extract", "--format", "jsonl", str(path)).stdout.strip()
    ours = json.loads(pipeline.extract_json(PAGE_ONE))
    cli = json.loads(cli_line)
    assert ours["source"]["format"] == "html" == cli["source"]["format"]
    assert ours["meta"]["title"] == "Dockworkers in Tema end walkout after pay deal"
    ours.pop("source"), cli.pop("source")
    assert ours == cli


def test_given_id_url_title_and_date_reach_the_record(pipeline):
    record = pipeline.extract(
        "Rebels seized the town of Rutshuru on Sunday, residents said.",
        published=datetime.date(2024, 6, 2),
        url="https://example.net/rutshuru",
        id="rutshuru-1",
        title="Rebels seize Rutshuru",
    )
    assert record["id"] == "rutshuru-1"
    assert record["source"]["url"] == "https://example.net/rutshuru"
    assert record["meta"]["title"] == "Rebels seize Rutshuru"
    assert record["meta"]["published"] == "2024-06-02"
    assert any(e["date"] == "2024-06-02" for e in record["events"]), record["events"]


def test_extract_many_keeps_order_and_equals_one_by_one(pipeline):
    texts = [
        "Protesters marched on parliament in Nairobi on Tuesday.",
        {"text": "Police fired tear gas at students in Dhaka.", "id": "dhaka"},
        {"html": PAGE_ONE, "id": "tema"},
        "The army shelled rebel positions near Goma, officials said.",
    ]
    many = pipeline.extract_many(texts, published="2024-07-09")
    assert [r["id"] for r in many][1:3] == ["dhaka", "tema"]
    one_by_one = [
        pipeline.extract(texts[0], published="2024-07-09"),
        pipeline.extract(texts[1]["text"], published="2024-07-09", id="dhaka"),
        pipeline.extract(PAGE_ONE, published="2024-07-09", id="tema"),
        pipeline.extract(texts[3], published="2024-07-09"),
    ]
    assert many == one_by_one
    as_json = pipeline.extract_many(texts, published="2024-07-09", as_json=True)
    assert [json.loads(s) for s in as_json] == many


def test_threads_share_one_pipeline(pipeline):
    lines = (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines]
    alone = [pipeline.extract_json(a["text"], a["published"], a["url"], a["id"]) for a in articles]
    with ThreadPoolExecutor(max_workers=4) as pool:
        shared = list(pool.map(
            lambda a: pipeline.extract_json(a["text"], a["published"], a["url"], a["id"]),
            articles))
    assert shared == alone


def test_an_empty_article_raises_the_cli_message(pipeline, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n ", encoding="utf-8")
    done = run_cli("extract", str(path))
    assert done.returncode == 1
    cli_message = done.stderr.splitlines()[0].removeprefix("newsgraph: error: ")
    records = pipeline.read(str(path))
    assert list(records) == []
    assert records.errors == [cli_message]
    assert records.skipped == 1
    with pytest.raises(newsgraph.InputError) as caught:
        pipeline.extract("  \n\n ", id=str(path))
    assert str(caught.value) == cli_message
    assert isinstance(caught.value, newsgraph.NewsgraphError)


def test_a_missing_file_raises_the_cli_message(pipeline, tmp_path):
    path = tmp_path / "nowhere.jsonl"
    done = run_cli("extract", str(path))
    cli_message = done.stderr.splitlines()[0].removeprefix("newsgraph: error: ")
    with pytest.raises(newsgraph.InputError) as caught:
        pipeline.read(str(path))
    assert str(caught.value) == cli_message
    assert "no such file" in cli_message


def test_a_malformed_jsonl_line_is_skipped_with_the_cli_message(pipeline, corpus):
    path = corpus / "mixed.jsonl"
    done = run_cli("extract", str(path))
    cli_errors = [line.removeprefix("newsgraph: error: ")
                  for line in done.stderr.splitlines() if line.startswith("newsgraph: error: ")]
    records = pipeline.read(str(path))
    assert [r["id"] for r in records] == ["harbour-fire-20250610"]
    assert records.errors == cli_errors
    assert len(cli_errors) == 2 and f"{path}:2: malformed JSONL record" in cli_errors[0]


def test_a_warc_archive_streams_its_pages(pipeline, corpus):
    records = pipeline.read(str(corpus / "crawl" / "crawl-0001.warc.gz"))
    got = list(records)
    assert [r["source"]["url"] for r in got] == [
        "https://courier.example.net/business/tema-deal",
        "https://sahelwire.example.org/2025/06/13/gao",
    ]
    assert all(r["source"]["format"] == "warc" for r in got)
    assert records.summary and "1 other record(s) skipped" in records.summary


def test_bad_arguments_are_named(pipeline):
    with pytest.raises(ValueError, match="not a valid date: use YYYY-MM-DD"):
        pipeline.extract("Troops withdrew.", published="12/03/2024")
    with pytest.raises(TypeError, match="published must be"):
        pipeline.extract("Troops withdrew.", published=20240312)
    with pytest.raises(ValueError, match="format must be one of"):
        pipeline.extract("Troops withdrew.", format="pdf")
    with pytest.raises(TypeError, match="article 1: an article is a str or a dict"):
        pipeline.extract_many(["Troops withdrew.", 42])
    with pytest.raises(ValueError, match="article 0: an article dict needs a \"text\""):
        pipeline.extract_many([{"title": "no text"}])
    with pytest.raises(newsgraph.InputError, match="article 1: .*empty article"):
        pipeline.extract_many(["Troops withdrew.", "   "])
    kept = pipeline.extract_many(["Troops withdrew.", "   "], errors="none")
    assert kept[1] is None and kept[0]["schema"] == newsgraph.SCHEMA
    with pytest.raises(TypeError, match="not one text: use extract"):
        pipeline.extract_many("Troops withdrew.")


def test_a_missing_user_dictionary_fails_to_load(tmp_path):
    missing = tmp_path / "actors.tsv"
    with pytest.raises(newsgraph.NewsgraphError, match="loading the engine's data files") as e:
        newsgraph.Pipeline(actors=[missing])
    assert str(missing) in str(e.value)


def test_a_user_dictionary_codes_its_actors(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("# our TSV: name, aliases, cameo, from, to, role\n"
                    "Delta Youth Front\tDYF\tNGAREB\t\t\t\n", encoding="utf-8")
    text = "The Delta Youth Front blew up a pipeline near Warri on Monday, police said."
    article = tmp_path / "warri.txt"
    article.write_text(text, encoding="utf-8")
    cli = json.loads(run_cli("extract", "--actors", str(path), str(article)).stdout)
    record = newsgraph.Pipeline(actors=[str(path)]).extract(text)
    codes = {a["name"]: a["cameo"] for a in record["actors"]}
    assert codes.get("Delta Youth Front") == "NGAREB", codes
    assert record["actors"] == cli["actors"]


def test_the_stubs_name_the_parameters_of_the_module():
    """Each stubbed method's parameters, in order, are the runtime's (PyO3 records them)."""
    import inspect

    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    checked = 0
    for cls in ("Pipeline", "Records"):
        runtime = getattr(newsgraph, cls)
        for f in classes[cls].body:
            if not isinstance(f, ast.FunctionDef) or f.name.startswith("__"):
                continue
            if any(isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list):
                continue
            args = f.args
            stubbed = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs][1:]
            got = [p for p in inspect.signature(getattr(runtime, f.name)).parameters
                   if p not in ("self", "slf")]
            assert got == stubbed, f"{cls}.{f.name}: runtime {got}, stub {stubbed}"
            checked += 1
    assert checked >= 5


def test_the_stubs_describe_the_module():
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    for name in ("Pipeline", "Records", "NewsgraphError", "InputError"):
        assert name in classes, name
        runtime = getattr(newsgraph, name)
        stubbed = {f.name for f in classes[name].body if isinstance(f, ast.FunctionDef)}
        public = {m for m in dir(runtime) if not m.startswith("_")} - set(dir(Exception))
        assert public <= stubbed, f"{name}: not in the stubs: {public - stubbed}"
        assert stubbed - {"__init__", "__iter__", "__next__"} <= public | {"__init__"}, name
    assert newsgraph.__version__



def test_arbitrary_text_never_crashes_the_module(pipeline):
    """Random strings from a fixed seed (symbols, scripts, quote marks, tags, control
    characters): each gives a record or a NewsgraphError, never a crash or another error."""
    import random

    rng = random.Random(20261124)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?'\"()[]{}<>/\\-"
        "\n\n\t\r \u00a0\u2019\u201c\u201d\u2014\u00e9\u00fc\u0416\u4e2d\u0627\U0001f600\ufeff\x00\x1b"
    )
    seeds = ["<html><body><p>", "{\"id\": 1}", "WARC/1.0\r\n", "Mr. U.S. $5bn 2.3 million ...",
             "\"He said", "By ", "LONDON, Jan 5 (Reuters) - "]
    for _ in range(300):
        n = rng.choice((0, 1, 5, 40, 300, 2000))
        text = rng.choice(seeds + [""]) + "".join(rng.choice(alphabet) for _ in range(n))
        try:
            record = pipeline.extract(text)
        except newsgraph.NewsgraphError:
            continue
        assert record["schema"] == newsgraph.SCHEMA
        for sentence in record["sentences"]:
            assert 0 <= sentence["start"] <= sentence["end"] <= len(record["text"])
