"""The benchmark's news generator: deterministic, sized as asked, well-formed records.

No timing here: benchmarks/bench.py is a script, not a test.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "newsgen.py"


def _load():
    spec = importlib.util.spec_from_file_location("tzsched_bench_newsgen", _PATH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


newsgen = _load()


def test_same_seed_same_text():
    assert newsgen.generate_text(20_000, seed=7) == newsgen.generate_text(20_000, seed=7)
    assert newsgen.generate_articles(15, seed=3) == newsgen.generate_articles(15, seed=3)


def test_different_seeds_differ():
    texts = {newsgen.generate_text(5_000, seed=s) for s in range(5)}
    assert len(texts) == 5
    a = newsgen.generate_articles(10, seed=1)
    b = newsgen.generate_articles(10, seed=2)
    assert [r["text"] for r in a] != [r["text"] for r in b]


def test_articles_are_a_prefix_stream():
    # asking for more articles does not change the first ones
    assert newsgen.generate_articles(12, seed=4)[:5] == newsgen.generate_articles(5, seed=4)


@pytest.mark.parametrize("n_bytes", [1_000, 4_096, 50_000, 333_333, 1_000_000])
def test_requested_size_within_ten_percent(n_bytes):
    size = len(newsgen.generate_text(n_bytes, seed=n_bytes).encode("utf-8"))
    assert 0.9 * n_bytes <= size <= 1.1 * n_bytes


def test_tiny_and_zero_sizes():
    assert newsgen.generate_text(0) == ""
    assert newsgen.generate_text(-5) == ""
    assert len(newsgen.generate_text(40).encode("utf-8")) <= 40
    assert newsgen.generate_articles(0) == []
    with pytest.raises(ValueError):
        newsgen.generate_articles(-1)


def test_records_carry_documented_fields():
    zones = available_timezones()
    records = newsgen.generate_articles(200, seed=11)
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    for rec in records:
        assert set(rec) == {"id", "text", "published", "home"}
        assert isinstance(rec["text"], str) and len(rec["text"]) > 50
        assert rec["home"] in zones
        zone = ZoneInfo(rec["home"])
        published = datetime.fromisoformat(rec["published"])
        assert published.utcoffset() is not None, rec["published"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", rec["published"])
        # the offset is the home zone's offset at that instant
        assert published.astimezone(zone).utcoffset() == published.utcoffset()
        assert 2015 <= published.year <= 2026


def test_city_zones_are_valid():
    zones = available_timezones()
    for _dateline, zone, _name in newsgen.CITIES:
        assert zone in zones, zone


def test_text_mixes_times_numbers_and_plain_prose():
    text = newsgen.generate_text(200_000, seed=0)
    assert "{" not in text and "}" not in text  # every grammar slot was expanded
    # clock times with zones, and GMT restatements
    assert re.search(r"\b\d{1,2}(:\d\d)? [ap]\.m\. (Moscow|Kyiv|Tokyo) time\b", text)
    assert re.search(r"\(\d{4} GMT\)", text)
    assert re.search(r"\b\d{4} (ET|EDT|GMT|CET)\b", text)
    # dates, weekdays and relative expressions
    assert re.search(r"\b(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d{1,2}, \d{4}\b", text)
    assert re.search(r"\b(January|March|May|June|July) \d{4}\b", text)
    assert re.search(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text)
    assert "last week" in text and "over the weekend" in text.lower()
    # numbers that are not times
    assert re.search(r"\b\d+(\.\d+)? pct\b", text)
    assert re.search(r"\b\d+\.\d billion dlrs\b", text)
    assert re.search(r"\$\d+\.\d\d a share\b", text)
    assert re.search(r"\b(1[0-9]|2[0-3])[0-5]\d troops\b", text)
    # datelines
    assert re.search(r"^[A-Z][A-Z .'\u00c3]+(, [A-Za-z ]+)? \((AP|Reuters)\) [\u2014-] ", text, re.M)


def test_most_sentences_hold_no_time():
    text = newsgen.generate_text(100_000, seed=5)
    sentences = [s for s in re.split(r"(?<=[.\u201d])\s+", text) if len(s) > 20]
    timeish = re.compile(r"\b(a\.m\.|p\.m\.|[ap]m\b|GMT|UTC|noon|midnight|local time)", re.I)
    share = sum(1 for s in sentences if timeish.search(s)) / len(sentences)
    assert 0.03 < share < 0.4, share


def test_text_is_varied():
    text = newsgen.generate_text(300_000, seed=9)
    sentences = [s for s in re.split(r"(?<=[.\u201d])\s+", text) if len(s) > 40]
    assert len(set(sentences)) / len(sentences) > 0.6
