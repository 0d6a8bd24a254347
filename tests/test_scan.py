"""The scanner: the anchor prefilter must find exactly what trying every rule at every
word start finds, and the scanner's output must be well formed on any text."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from tzsched.rules import all_rules
from tzsched.rules.base import Piece
from tzsched.scan import Scanner, scanner

_WORD_START = re.compile(r"(?<![\w'’])[\w'’]")
_ROOT = Path(__file__).resolve().parents[1]

OWN_TEXT = """
WASHINGTON (AP) — Lawmakers will vote at 4:30 p.m. EDT (2030 GMT) on Thursday, the third
day of a session that began last week. The budget for fiscal 1999 passed in the 1990s' last
months; the 2022 budget, 1400 troops and 2022 votes are numbers. Early next week, and again
the following Monday, officials meet from 9 to 11 a.m. PT. About three years ago, in the
spring of 2019, a two-day summit ended at noon ET; a 6-year-old watched. Daily briefings,
every Tuesday night, resume Feb. 24, 2022 or 24 February 2022 or 2022-02-24 at 14:00 UTC.
A couple of weeks later, the year-ago quarter and the past 20 years were recalled recently.
Short numbers: 5.30 pm, 15h30, 9-11 a.m., 3/4/2025, the 24th of May, 24 May, the 21st century,
a 90-minute talk, 5 1/2 hours, 5 ½ hours, 3 times a week, 12 noon, 4 in the morning, 1 to 3 p.m.,
between 2 and 4 p.m. GMT, 8 o'clock, 2 hrs, 30 days, 7pm, 7 PM, 11:45, at 9, 12 pct, 1.5 billion,
$20, 3 x 4, 10 a sign, No. 5, 15-year-old, 2-1 win, 12 to 15 troops, 21:00 local time, 3 this afternoon.
Sales for the full year and the whole week rose; the 2nd half beat the 1st half.
"""


def _brute_force(text: str) -> list[Piece]:
    """Every rule at every word start, in rule order: the slow reference."""
    rules = [(r, re.compile(r.pattern)) for r in all_rules()]
    out: list[Piece] = []
    covered = 0
    for w in _WORD_START.finditer(text):
        pos = w.start()
        if pos < covered:
            continue
        for rule, pattern in rules:
            m = pattern.match(text, pos)
            if m is None:
                continue
            names = tuple(dict.fromkeys(re.findall(r"\(\?P<(\w+)>", rule.pattern)))
            piece = rule.build({n: m.group(n) for n in names}, m.start(), m.end(), text)
            if piece is not None and piece.end > piece.start:
                out.append(piece)
                covered = piece.end
                break
    return out


def _texts(shared: Path | None) -> list[str]:
    texts = [OWN_TEXT]
    if shared is not None:
        path = shared / "corpora" / "tbaq.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line in fh][:120]
    return texts


def test_prefilter_finds_what_brute_force_finds() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared"
    sc = scanner()
    for text in _texts(shared if shared.is_dir() else None):
        fast = [(p.start, p.end, p.rule) for p in sc._match(text)]
        slow = [(p.start, p.end, p.rule) for p in _brute_force(text)]
        assert fast == slow


def test_prefilter_finds_what_brute_force_finds_on_generated_news() -> None:
    """The same on the benchmark's generated news (numbers that are not times, datelines,
    curly quotes and dashes: the fast separator anchor and its fallback both run)."""
    spec = importlib.util.spec_from_file_location("newsgen_for_scan", _ROOT / "benchmarks" / "newsgen.py")
    assert spec is not None and spec.loader is not None
    newsgen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(newsgen)
    sc = scanner()
    texts = [a["text"] for a in newsgen.generate_articles(60, seed=11)]
    texts.append(newsgen.generate_text(20_000, seed=5) + " ✓5 p.m.")  # ✓: not a listed separator
    for text in texts:
        assert [(p.start, p.end, p.rule) for p in sc._match(text)] == \
            [(p.start, p.end, p.rule) for p in _brute_force(text)]


def test_every_rule_declares_start_words() -> None:
    for rule in all_rules():
        assert rule.starts, rule.id
    with pytest.raises(ValueError, match="no start words"):
        Scanner([type(all_rules()[0])("x.empty", "x", lambda g, s, e, t: None)])


@pytest.mark.parametrize(
    "text",
    ["", "   ", "((((((((((", "5 p.m. " * 50, "a.m. " * 50, "9" * 500, "x" * 2000, "\u0301\u200b\U0001f600" * 40],
)
def test_pieces_are_sorted_in_bounds_and_disjoint(text: str) -> None:
    pieces = scanner().pieces(text)
    last_end = 0
    for p in pieces:
        assert 0 <= p.start < p.end <= len(text)
        assert p.start >= last_end
        last_end = p.end


def test_text_whose_lower_case_changes_length_is_scanned_in_place() -> None:
    """"İ" lower-cases to two characters, so the anchor cannot run on the lowered text;
    the case-insensitive anchor must find the same pieces at the original offsets."""
    plain = "Istanbul: talks at 5 p.m. Moscow time on Monday, then MAY 5, 2025."
    dotted = plain.replace("I", "İ", 1)
    assert len(dotted.lower()) != len(dotted)
    found = [(p.start, p.end, p.rule) for p in scanner().pieces(dotted)]
    assert found == [(p.start, p.end, p.rule) for p in scanner().pieces(plain)]
    assert [dotted[s:e] for s, e, _ in found] == ["5 p.m. Moscow time on Monday", "MAY 5, 2025"]


@pytest.mark.parametrize("mark", [" ", "(", "—", "“", "\u202f", "✓", "\u0301", "¤"])
def test_a_word_start_after_any_non_word_character_anchors(mark: str) -> None:
    """Word starts are found after listed separators (the fast anchor) and after any other
    non-word character (the look-behind anchor the scanner falls back to)."""
    text = f"Doors open{mark}5 p.m. Friday, and{mark}Monday too."
    found = [text[p.start:p.end] for p in scanner().pieces(text)]
    assert found == ["5 p.m. Friday", "Monday"]


@pytest.mark.parametrize(("written", "value"), [
    ("twenty-five", 25.0), ("twenty five", 25.0), ("forty-two and a half", 42.5), ("90", 90.0),
    ("1,500", 1500.0), ("twenty--five", None), ("ten-ish", None), ("", None),
])
def test_number_value_reads_counts_split_at_hyphens_and_spaces(written: str, value: float | None) -> None:
    from tzsched.rules.base import number_value

    assert number_value(written) == value
