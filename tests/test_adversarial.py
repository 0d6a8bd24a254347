"""Untrusted text: inputs built to hurt a regex scanner must come back with the right
(mostly empty) result. How long they take is measured by benchmarks/bench.py --adversarial,
never here."""

from __future__ import annotations

import random

import pytest

import tzsched

CTX = tzsched.Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
SIZE = 20_000


def _random_text(alphabet: str, seed: int) -> str:
    rnd = random.Random(seed)
    return "".join(rnd.choice(alphabet) for _ in range(SIZE))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("digits", _random_text("0123456789", 1)),
        ("a.m. repeated", ("a.m. " * SIZE)[:SIZE]),
        ("nested parentheses", "(" * (SIZE // 2) + ")" * (SIZE // 2)),
        ("one line without spaces", _random_text("abcdefghijklmnopqrstuvwxyz0123456789", 2)),
        ("p.m. without numbers", ("p.m. GMT EST " * SIZE)[:SIZE]),
        ("colons and digits", ("12:" * SIZE)[:SIZE]),
    ],
)
def test_hostile_text_yields_nothing(name: str, text: str) -> None:
    assert tzsched.annotate(text, CTX).mentions == (), name


def test_random_unicode_is_handled() -> None:
    rnd = random.Random(3)
    text = "".join(chr(rnd.randrange(32, 0x2FFF)) for _ in range(SIZE))
    ann = tzsched.annotate(text, CTX)
    last = 0
    for m in ann.mentions:
        assert last <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        last = m.end


def test_many_clock_times_are_each_found() -> None:
    n = 2_000
    ann = tzsched.annotate("5 p.m. " * n, CTX)
    assert len(ann.mentions) == n
    assert {m.to_record()["utc_start"] for m in ann.mentions} == {"2025-05-19T21:00:00Z"}


def test_a_long_line_of_digits_with_one_time_inside() -> None:
    text = "9" * 5_000 + " at 5 p.m. GMT " + "9" * 5_000
    ann = tzsched.annotate(text, CTX)
    assert [m.text for m in ann.mentions] == ["5 p.m. GMT"]
    assert ann.mentions[0].to_record()["utc_start"] == "2025-05-19T17:00:00Z"


@pytest.mark.parametrize("unit", ["5 p.m. ET (2100 GMT), ", "1400 GMT, which is 5 p.m. Moscow time, which is ",
                                  "5 p.m. ET or 2100 GMT or "])
def test_an_endless_chain_of_restatements_is_split_into_links(unit: str) -> None:
    """Every time in the text restates its neighbour: one link of thousands of members
    took time growing with its square (100 KB: 24 s). Links now hold at most 12, in
    order, and each of them agrees."""
    text = unit * 300
    ann = tzsched.annotate(text, CTX)
    members = [i for link in ann.links for i in link.members]
    assert max(len(link.members) for link in ann.links) == 12
    assert members == sorted(set(members))  # each mention in one link at most, in text order
    assert len(members) >= len(ann.mentions) * 11 // 12  # only the pair between two full links is unlinked
    assert all(link.agree for link in ann.links)
    assert {m.to_record()["utc_start"] for m in ann.mentions} == {
        "2025-05-19T21:00:00Z" if "ET" in unit else "2025-05-19T14:00:00Z"}


# Calendar arithmetic past the years 1 to 9999 that Python's dates hold (found by a sweep
# of random token soups: "2025 years ago" raised ValueError from deep in the resolver).

_EDGE_PHRASES = ["2025 years ago", "9999 years ago", "in 9999 years", "9999 centuries ago", "9999 days ago",
                 "9999 weeks later", "9999 months ago", "the next 9999 years", "9,999 years ago", "tomorrow",
                 "yesterday", "next week", "last year", "next Friday", "this weekend", "tonight", "5 p.m.",
                 "the fourth quarter", "this winter", "Christmas", "Easter", "three days ago", "Q1"]


@pytest.mark.parametrize("published", ["2025-05-19T10:00:00-04:00", "9998-12-31T22:00:00Z", "0002-01-01T01:00:00Z",
                                       "9998-12-31", "0002-01-01"])
def test_dates_beyond_the_calendar_are_reported_not_raised(published: str) -> None:
    ctx = tzsched.Context.parse(published, home="America/Toronto")
    for phrase in _EDGE_PHRASES:
        ann = tzsched.annotate(f"They said it happened {phrase}.", ctx)
        for m in ann.mentions:
            codes = [n.code for n in m.resolution.notes]
            if m.resolution.start is None and m.resolution.granularity == "reference" and "out_of_range" in codes:
                assert m.resolution.value == "XXXX"
            else:
                assert "out_of_range" not in codes, (published, phrase)
        ann.to_record("x")  # and the record serialises


def test_two_thousand_years_ago_has_no_instant_and_says_why() -> None:
    (m,) = tzsched.annotate("It began 2025 years ago.", CTX).mentions
    rec = m.to_record()
    assert (rec["text"], rec["type"], rec["value"], rec["utc_start"]) == ("2025 years ago", "DATE", "XXXX", None)
    assert [n["code"] for n in rec["notes"]] == ["out_of_range"]
    # one year less is still a date
    (m,) = tzsched.annotate("It began 2024 years ago.", CTX).mentions
    assert m.to_record()["value"] == "0001"


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-01T00:00:00Z", "9999-12-31", "9999-12-31T23:59:00Z"])
def test_a_sentinel_publication_date_is_a_context_error(published: str) -> None:
    with pytest.raises(tzsched.ContextError, match="outside the years 2 to 9998"):
        tzsched.Context.parse(published)
    out = tzsched.process_record({"id": 7, "text": "at noon ET", "published": published})
    assert out == {"id": 7, "error": {"code": "bad_context", "message": out["error"]["message"]}}


def test_only_calendar_range_errors_are_turned_into_notes() -> None:
    from datetime import date, timedelta

    from tzsched.resolve import _beyond_calendar

    for make in (lambda: date(0, 1, 1), lambda: date(10000, 1, 1), lambda: date(9999, 12, 31) + timedelta(days=1),
                 lambda: date(1, 1, 1) - timedelta(days=1)):
        with pytest.raises((ValueError, OverflowError)) as info:
            make()
        assert _beyond_calendar(info.value), info.value
    assert not _beyond_calendar(ValueError("day is out of range for month"))
    assert not _beyond_calendar(ValueError("invalid literal for int() with base 10: 'x'"))


@pytest.mark.parametrize("unit", ["in 2020 and three years later ", "the third quarter, a year earlier, "])
def test_relative_mentions_after_many_dayless_ones_resolve_as_in_a_short_text(unit: str) -> None:
    """"a year earlier" looks back for a mention naming a day; past 1500 characters it
    stops (it went back to the start of the text through every year and quarter before
    it, so a long run of them was quadratic)."""
    short = [(m.text, m.resolution.value) for m in tzsched.annotate(unit, CTX).mentions]
    long = [(m.text, m.resolution.value) for m in tzsched.annotate(unit * 400, CTX).mentions]
    assert long == short * 400
