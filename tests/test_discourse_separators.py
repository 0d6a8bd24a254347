"""_boundaries finds line breaks with str.find, and end marks with a pattern of dots
alone where a text has no "!" or "?" (a literal first character is far cheaper for the
regex engine than a class), and merges them: it must find what the single end pattern
it replaced found, on texts full of every end character, closing quotes and brackets,
abbreviations, line breaks and non-ASCII blank space."""

from __future__ import annotations

import random
import re

import pytest

from tzsched.discourse import (
    _SEPARATOR_TAIL_END,
    _abbreviation_before,
    _boundaries,
    _doubled_dot,
    _meridiem_ends,
    _safe_start,
)

# the single end pattern, line breaks included, that _boundaries searched with before
_END = re.compile(r"[.!?\n](?:(?<=\n)|(?P<q>[\"'”’)\]]*)\s+)")

_PIECES = [
    " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u00a0", "\u2028", "\u3000", "\x0b", ".", ".", ". ", ".\n",
    "!", "?", "...", '"', "'", "”", "’", ")", "]", "(", "[", "“", "Mr.", "Feb.", "U.S.", "Inc.", "a.m.", "p.m.",
    "P.M.", "5", "6:47", "at", "He left", "The quake struck", "Moscow time", "Monday", "EDT", "Eastern", "Time.",
    "Day.", "approx.", "a.b.c.", "café", "Zürich", "x", "é.", "—", "3.25",
]


def _reference(text: str, pos: int = 0, stop: int | None = None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """_boundaries as it was before the split search: _END alone, line breaks included."""
    ends: list[int] = []
    starts: list[int] = []
    limit = len(text) if stop is None else stop
    after = _SEPARATOR_TAIL_END.search(text, limit)
    for m in _END.finditer(text, pos, after.start() if after else len(text)):
        dot = m.start()
        if dot >= limit:
            break
        q = m.group("q")
        if q is None:
            ends.append(dot)
            starts.append(m.end())
            continue
        if "\n" in m.group() or not _abbreviation_before(text, dot) or _meridiem_ends(text, m) \
                or _doubled_dot(text, dot):
            ends.append(dot + 1 + len(q))
            starts.append(m.end())
    return tuple(ends), tuple(starts)


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(1, 40))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_split_search_finds_the_separators_of_the_single_pattern(seed: int) -> None:
    rng = random.Random(1000 + seed)
    for text in _texts(seed, 500):
        assert _boundaries(text) == _reference(text), text
        for _ in range(3):
            first = _safe_start(text, rng.randint(0, len(text)))
            if first is None:
                continue
            stop = rng.randint(first, len(text) + 1)
            assert _boundaries(text, first, stop) == _reference(text, first, stop), (text, first, stop)


@pytest.mark.parametrize("text", [
    "He left.\n\nShe came.\nThen\n\nmore",  # line breaks inside dot separators and alone
    "Title\nNAIROBI (AP) _\n\nIt was 5 p.m.\nMore.",
    "No dot at all\nbut lines\n",
    "Really?\nYes!\n\nOK. Fine.",  # "!" or "?": the single pattern
    "a.\u2028b.\u00a0c",  # blank space outside ASCII
])
def test_examples(text: str) -> None:
    for stop in range(len(text) + 1):
        assert _boundaries(text, 0, stop) == _reference(text, 0, stop), (text, stop)
