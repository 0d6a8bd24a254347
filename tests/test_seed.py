"""The article that started the project: three restatements of one moment."""

from __future__ import annotations

from pathlib import Path

import pytest

import tzsched

SEED_SENTENCE = (
    "Kremlin spokesman Dmitry Peskov confirmed to the media Monday that Putin and Trump will speak "
    "at 5 p.m. Moscow time (1400 GMT), about 10 a.m. Eastern, and called the conversation important."
)
CTX = tzsched.Context.parse("2025-05-19T09:30:00-04:00", home="America/Toronto")


def _by_text(ann: tzsched.Annotation) -> dict[str, tzsched.Mention]:
    return {m.text: m for m in ann.mentions}


def test_three_restatements_are_the_same_utc_instant() -> None:
    found = _by_text(tzsched.annotate(SEED_SENTENCE, CTX))
    for surface in ("5 p.m. Moscow time", "1400 GMT", "about 10 a.m. Eastern"):
        assert found[surface].to_record()["utc_start"] == "2025-05-19T14:00:00Z", surface
    assert found["5 p.m. Moscow time"].resolution.zone == "Europe/Moscow"
    assert found["1400 GMT"].resolution.zone == "UTC"
    assert found["about 10 a.m. Eastern"].resolution.zone == "America/New_York"
    assert found["about 10 a.m. Eastern"].resolution.approximate


def test_monday_is_the_publication_day_in_toronto() -> None:
    monday = _by_text(tzsched.annotate(SEED_SENTENCE, CTX))["Monday"]
    rec = monday.to_record()
    assert rec["value"] == "2025-05-19"
    assert rec["utc_start"] == "2025-05-19T04:00:00Z"
    assert rec["utc_end"] == "2025-05-20T04:00:00Z"
    assert rec["zone_source"] == "home"


def test_seed_file_mentions(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no seed article in ../shared/seeds")
    text = seeds[0].read_text(encoding="utf-8")
    ann = tzsched.annotate(text, CTX)
    values = {(m.text, m.resolution.value) for m in ann.mentions}
    assert ("March 2022", "2022-03") in values
    assert ("February 2022", "2022-02") in values
    assert ("last week", "2025-W20") in values
    utc = {m.text: m.to_record()["utc_start"] for m in ann.mentions}
    assert utc["1400 GMT"] == utc["5 p.m. Moscow time"] == utc["about 10 a.m. Eastern"] == "2025-05-19T14:00:00Z"
    weekend = [m for m in ann.mentions if m.text == "the weekend"]
    assert weekend and all(m.resolution.value == "2025-W20-WE" for m in weekend)
