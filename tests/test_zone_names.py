"""Zone names written after a clock time that tzsched does not know: the time is read as
if no zone were written and an ``unknown_zone_name`` note names the text, unless the
words before "time" are common words or time words (a new sentence, "Half time",
"Christmas time")."""

from __future__ import annotations

import pytest

import tzsched

CTX = tzsched.Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")


def clock_notes(text: str) -> tuple[str, list[str]]:
    """The first clock mention's text and its note codes."""
    ann = tzsched.annotate(text, CTX)
    clock = next(m for m in ann.mentions if m.resolution.timex_type == "TIME")
    return clock.text, [n.code for n in clock.resolution.notes]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The rally starts at 3 p.m. Party time.", "Party time"),
        ("Doors open at 19:30 Festival Time, the organisers said.", "Festival Time"),
        ("The draw is at noon Carnival Standard Time.", "Carnival Standard Time"),
    ],
)
def test_unknown_name_is_noted_and_left_out(text: str, name: str) -> None:
    ann = tzsched.annotate(text, CTX)
    clock = ann.mentions[0]
    assert name not in clock.text
    assert clock.resolution.zone == "America/Toronto" and clock.resolution.zone_source == "home"
    notes = [n for n in clock.resolution.notes if n.code == "unknown_zone_name"]
    assert len(notes) == 1 and name in notes[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The final kicked off at 3 p.m. Half time came with no goals.",
        "The match went on past 9 p.m. Extra time settled it.",
        "He left at 3 p.m. Some time later, he came back.",
        "The ministers met at 10 a.m. Next time, they said, it would be in Rome.",
        "The market closes at 5 p.m. Christmas time is busy.",
        "The debate ended at 10 p.m. Question Time followed.",
        "The show starts at 8 p.m. in prime time.",
        "The clocks go forward at 2 a.m. Summer time starts then.",
        "Lunch is served at 1 p.m. lunch time is short.",
    ],
)
def test_common_words_before_time_are_no_zone_names(text: str) -> None:
    _, codes = clock_notes(text)
    assert "unknown_zone_name" not in codes


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Talks resume at 3 p.m. Gulf time.", "Asia/Dubai"),
        ("The vote closes at 6 p.m. Thai time.", "Asia/Bangkok"),
        ("The bank decides at 10 a.m. Korea Standard Time.", "Asia/Seoul"),
    ],
)
def test_known_names_get_no_note(text: str, zone: str) -> None:
    ann = tzsched.annotate(text, CTX)
    clock = ann.mentions[0]
    assert clock.resolution.zone == zone and clock.resolution.zone_source == "explicit"
    assert "unknown_zone_name" not in [n.code for n in clock.resolution.notes]


def test_gulf_alone_is_no_zone() -> None:
    """'Gulf' names a zone only with 'time' after it: a place after a time stays no zone."""
    ann = tzsched.annotate("The tanker was hit at 3 a.m. in Gulf waters.", CTX)
    assert ann.mentions[0].resolution.zone == "America/Toronto"
