"""clause_tense finds where its clause starts with string searches from the end
(_clause_start): it must answer as _CLAUSE_BREAK.finditer did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tzsched.discourse import _CLAUSE_BREAK, _clause_start

# end marks with and without a blank and a capital after them, line breaks, letters
# outside ASCII, plain words
_PIECES = [
    " ", "  ", "\n", ".", ". ", ". T", ".T", ". t", "!", "?", "a.m. (", "p.m. The", "U.S. ", "A", "Z", "[",
    "is", "IS", "Is", "are", "be", "been", "being", "Being", "was", "held", "fixed", "this", "bees", "\t",
    "İs", "ıs", "ſ", "é", "\u00a0", "\u212a", "x", "said", "mare", "abe",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _by_pattern(text: str, lo: int, pos: int) -> int:
    start = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        start = m.end()
    return start


@settings(max_examples=500)
@given(_TEXTS, st.data())
def test_clause_start_is_where_the_last_break_ends(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, pos))
    assert _clause_start(text, lo, pos) == _by_pattern(text, lo, pos), (text, lo, pos)


def test_examples() -> None:
    text = "It rained. The orders were lifted at"
    assert _clause_start(text, 0, len(text)) == text.index(" The")  # after the dot
    assert _clause_start("closed at 11 a.m. (1500 GMT) at", 0, 30) == 0  # no capital after the dot
    assert _clause_start("Done. T", 0, 7) == 5 and _clause_start("Done. T", 0, 6) == 0  # the capital must be read
