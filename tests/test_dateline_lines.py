"""find_dateline tries its pattern at line starts alone, and only at lines that may hold
a dateline it takes: it must find what a search of the whole head finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tzsched.discourse import _DATELINE, dateline_of, find_dateline
from tzsched.types import Dateline


def _reference(text: str) -> Dateline | None:
    """find_dateline as it was: _DATELINE.finditer over the whole head, each match read
    by the same dateline_of."""
    return next((d for m in _DATELINE.finditer(text[:600]) if (d := dateline_of(m)) is not None), None)


# dateline parts in capitals and title case, places the lexicon and gazetteer know and do
# not, agencies, dates, dashes, blanks, line breaks, and prose that looks like a head
_PIECES = [
    "\n", "\n\n", " ", "\t", ", ", ",", "NAIROBI", "Nairobi", "PARIS", "Paris", "UNITED NATIONS", "NEW YORK",
    "New York", "PERTH", "SPRINGFIELD", "Kenya", "Scotland", "Ill.", "France", "(AP)", "(AFP)", " (Reuters) ",
    "(", ")", "May 19", "Oct. 3", " — ", " – ", " -- ", " - ", " _ ", ":", "-", "_", "The", "Officials said",
    "Brussels", "ZZYZX", "A", "B.", "O'NEILL", "St. Louis", "Mo.", "1998", "said on Monday", "x" * 40,
]
_HEADS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400)
@given(_HEADS)
def test_line_starts_find_what_the_search_finds(text: str) -> None:
    assert find_dateline(text) == _reference(text)


@given(_HEADS, _HEADS)
def test_a_dateline_past_the_first_line(first: str, second: str) -> None:
    text = first + "\n" + second + "\nNAIROBI, Kenya (AP) _ Bombs exploded."
    assert find_dateline(text) == _reference(text)


def test_heads_of_each_kind() -> None:
    for text in ("\n\nNAIROBI, Kenya (AP) _\n\nBombs exploded.", "Brussels (AFP) - Ministers met.",
                 "The mayor said:\nPARIS, May 19 (Reuters) - Talks resumed.", "Officials said - nothing.",
                 "\tDAR ES SALAAM, Tanzania (AP) _ The blast", "No dateline here.\nNor here."):
        assert find_dateline(text) == _reference(text), text
    assert find_dateline("The mayor said:\nPARIS, May 19 (Reuters) - Talks resumed.") is not None
