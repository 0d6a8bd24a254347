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
