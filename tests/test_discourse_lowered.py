"""Tense cues of a text that is not ASCII: its lowered ASCII copy must find what the
IGNORECASE scan of the text finds, word for word and offset for offset."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tzsched.discourse import _ASCII_FOLDING, Discourse, _cue_pattern, _lowered_ascii

# Cue words and "-ed" words beside characters outside ASCII: letters that IGNORECASE
# does not take for ASCII ones (é, ß, Ω, a ligature, CJK, an emoji), typographic quotes
# and dashes, blank space outside ASCII, and the four letters it does fold to ASCII.
_PIECES = [
    " ", "\n", ". ", "’", "'", "“", "”", "—", "–", "\u00a0", "\u2009", "-", "said", "Said", "SAID",
    "will", "won't", "'ll", "didn't", "was", "be", "held", "is", "ed", "red", "tried", "Expected", "ago",
    "café", "naïve", "Straße", "\ufb01led", "Ωed", "漢字ed", "😀", "éd", "ÉD", "announced", "ahead",
    "İs", "ıs", "ſaid", "\u212aept",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)


def _general_path(text: str) -> Discourse:
    """A Discourse made to scan the text itself with the IGNORECASE pattern."""
    d = Discourse(text)
    d._lowered = ""
    return d


@given(_TEXTS, st.data())
def test_the_lowered_copy_finds_the_words_of_the_ignorecase_scan(text: str, data: st.DataObject) -> None:
    lowered = _lowered_ascii(text)
    if not lowered:
        assert any(c in text for c in _ASCII_FOLDING)
        return
    assert len(lowered) == len(text) and lowered.isascii()
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = [(m.span(), m.group().lower()) for m in _cue_pattern(False).finditer(text, start, end)]
    assert [(m.span(), m.group()) for m in _cue_pattern(True).finditer(lowered, start, end)] == found


@given(_TEXTS, st.data())
def test_texts_find_the_same_tense_as_the_ignorecase_scan(text: str, data: st.DataObject) -> None:
    fast, general = Discourse(text), _general_path(text)
    for _ in range(5):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        assert fast.tense_direction(start, end) == general.tense_direction(start, end), (text, start, end)


@pytest.mark.parametrize("text, expected", [
    ("“We will decide,” she said on Monday.", -1),  # "said", right beside the date
    ("The café’s owners will reopen on Monday — after repairs.", 1),
    ("Talks ended on Monday in Zürich.", -1),
])
def test_typographic_text_takes_the_lowered_copy(text: str, expected: int) -> None:
    d = Discourse(text)
    monday = text.index("Monday")
    assert d.tense_direction(monday, monday + 6) == expected
    assert d._lowered  # scanned as the lowered copy, not with IGNORECASE
    assert _general_path(text).tense_direction(monday, monday + 6) == expected


def test_a_letter_that_folds_to_ascii_keeps_the_ignorecase_scan() -> None:
    text = "The “Aurora” ferry docks on Monday ſwill."  # under IGNORECASE "ſwill" is one word, no cue
    assert _lowered_ascii(text) == ""
    monday = text.index("Monday")
    assert Discourse(text).tense_direction(monday, monday + 6) is None
