"""The per-document Discourse: its shortcuts must answer exactly as the plain definitions.

Two shortcuts are checked against straightforward reference versions written here:
- sentence boundaries: one character class leads the end pattern, and an abbreviation is
  looked for only a few characters before its dot;
- tense cues: an ASCII text is scanned lower-cased with a case-sensitive pattern instead
  of with the IGNORECASE pattern.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tzsched.discourse import (
    _abbrev_before,
    Discourse,
    _doubled_dot,
    _meridiem_ends,
    discourse,
    sentence_bounds,
    tense_direction,
)

# The sentence-end rule as first written: a two-way alternation, and the abbreviation
# searched for in the 11 characters before the dot (a line break after the dot ends the
# sentence even after an abbreviation, a rule added since).
_PLAIN_END = re.compile(r"[.!?](?P<q>[\"'”’)\]]*)\s+|\n")


def _plain_boundaries(text: str) -> tuple[list[int], list[int]]:
    ends: list[int] = []
    starts: list[int] = []
    for m in _PLAIN_END.finditer(text):
        if m.group() == "\n":
            ends.append(m.start())
            starts.append(m.end())
        elif "\n" in m.group() or not _abbrev_before().search(text, max(0, m.start() - 11), m.start() + 1) \
                or _meridiem_ends(text, m) or _doubled_dot(text, m.start()):
            ends.append(m.start() + 1 + len(m.group("q")))
            starts.append(m.end())
    return ends, starts


def _plain_bounds(text: str, pos: int, window: int) -> tuple[int, int]:
    ends, starts = _plain_boundaries(text)
    start = max([s for s in starts if s <= pos], default=0)
    end = min([e for e in ends if e >= pos], default=len(text))
    return max(start, pos - window), min(end, pos + window)


def _general_path(text: str) -> Discourse:
    """A Discourse made to scan with the IGNORECASE pattern, as for non-ASCII text."""
    d = Discourse(text)
    d._lowered = ""
    return d


# Pieces that stress the rules: abbreviations of every kind, chains of initials, quotes
# and brackets after a dot, line breaks, "a.m." before a zone or a new sentence, cue words
# in odd cases, apostrophes, and letters that fold to ASCII under IGNORECASE.
_PIECES = [
    " ", "  ", "\n", ". ", ".\n", "! ", "? ", ".) ", '." ', ".’ ", "..", ".", ",", "5", "1998",
    "a", "A", "x.", "a.b.c.", "U.S.", "U.S.A.", "p.m.", "a.m. ", "P.M.", "Mr.", "Gen.", "approx.",
    "Sept.", "etc.", "Time.", "Day.", "Days.", "Eve.", "Year", "Week", "Moscow time", "EDT", "Monday",
    "Feb.", "The", "quake", "struck", "said", "SAID", "Said", "will", "be", "been", "is", "are", "held",
    "scheduled", "Scheduled", "pencilled", "due", "to", " to ", "set", "did", "didn't", "was", "wasn't",
    "rock'ed", "o'clock", "'", "’", "announced", "next", "ſaid", "\u212aept", "İs", "ıs", "é", "talked",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)

_SAMPLES = [
    "The ministers met at 10 a.m. Tuesday. They will meet again on Friday.",
    "Gen. Smith arrived at 6:47 a.m. The storm hit the U.S. coast an hour later.",
    "Prices rose approx. 5 percent.\nThe board is scheduled to vote on Monday.",
    "\"It was over,\" he said. The count resumes Thursday (local time).",
    "A vote is pencilled in for Friday; the results will be announced on Sunday.",
    "Odd words: o'will, rock'ed, 'said, ED-ed, Be HELD on Monday.",
]


@given(_TEXTS, st.data())
@example("Talks open at 5 p.m. Moscow time. Then a.b.c.d.e.f. Next", None)
def test_sentence_bounds_match_the_plain_rule(text: str, data: st.DataObject | None) -> None:
    d = Discourse(text)
    positions = range(len(text) + 1)
    for pos in positions:
        for window in (200, 400):
            assert d.sentence_bounds(pos, window) == _plain_bounds(text, pos, window), (text, pos, window)


@given(_TEXTS)
@example("Xapprox. Then")  # the letter before the searched stretch: no word boundary before "approx"
def test_abbreviations_are_remembered_by_tail_as_searched(text: str) -> None:
    # the remembered answer for the few characters before a dot is the search in the text
    from tzsched.discourse import _ABBREV_REACH, _abbreviation_before

    for dot in range(len(text)):
        searched = _abbrev_before().search(text, max(0, dot - _ABBREV_REACH), dot + 1) is not None
        assert _abbreviation_before(text, dot) == searched, (text, dot)


@pytest.mark.parametrize("text", _SAMPLES)
def test_sample_sentences_match_the_plain_rule(text: str) -> None:
    d = Discourse(text)
    for pos in range(len(text) + 1):
        assert d.sentence_bounds(pos) == _plain_bounds(text, pos, 400)


@given(_TEXTS.filter(str.isascii), st.data())
def test_ascii_texts_find_the_same_tense_as_the_ignorecase_scan(text: str, data: st.DataObject) -> None:
    if not text:
        return
    fast, general = Discourse(text), _general_path(text)
    for _ in range(10):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        assert fast.tense_direction(start, end) == general.tense_direction(start, end), (text, start, end)


@pytest.mark.parametrize("text", _SAMPLES)
def test_sample_tenses_match_the_ignorecase_scan(text: str) -> None:
    fast, general = Discourse(text), _general_path(text)
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 12) + 1):
            assert fast.tense_direction(start, end) == general.tense_direction(start, end), (start, end)


def test_tense_cues_in_a_sample() -> None:
    text = _SAMPLES[0]
    tuesday = text.index("Tuesday")
    friday = text.index("Friday")
    assert tense_direction(text, tuesday, tuesday + 7) == -1  # "met"
    assert tense_direction(text, friday, friday + 6) == 1  # "will meet"


def test_a_non_ascii_text_takes_the_ignorecase_scan() -> None:
    # under IGNORECASE "ſ" is a letter, so "ſwill" is one word and no cue; a case-sensitive
    # scan of the lower-cased text would find "will" in it
    text = "The ferry docks on Monday ſwill."
    monday = text.index("Monday")
    assert Discourse(text).tense_direction(monday, monday + 6) is None
    kept = "The ferry docks on Monday, \u212aept late."  # KELVIN SIGN folds to "k": "kept"
    assert Discourse(kept).tense_direction(monday, monday + 6) == -1


def test_one_text_shares_one_discourse() -> None:
    text = "The fair opens on Friday. It closes on Sunday."
    assert discourse(text) is discourse(text)
    assert sentence_bounds(text, 30) == Discourse(text).sentence_bounds(30) == (26, 46)


@given(_TEXTS)
@example("x" * 70 + " \n" * 40 + "Then. Next")  # no place to start a near scan within reach
def test_near_bounds_match_the_plain_rule(text: str) -> None:
    # a long text asked about one sentence scans only near it: the answer must not change
    from tzsched.discourse import _near_bounds

    for pos in range(len(text) + 1):
        for window in (0, 3, 20):
            near = _near_bounds(text, pos, window)
            assert near is None or near == _plain_bounds(text, pos, window), (text, pos, window)


def test_a_long_text_is_scanned_near_the_sentences_asked_about() -> None:
    text = "Filler words run on. " * 200 + "The vote was held on Friday. " + "More filler here. " * 200
    d = Discourse(text)
    friday = text.index("Friday")
    assert d.sentence_bounds(friday, 200) == _plain_bounds(text, friday, 200)
    assert d._bounds is None  # one sentence asked about: the text was not split whole


def test_boundaries_are_found_only_when_asked() -> None:
    d = Discourse("No sentence is split until someone asks. Then it is.")
    assert d._bounds is None
    d.sentence_bounds(0)
    assert d._bounds is not None


# Resolution reads a sentence's tense only where it can change the answer.

_PUBLISHED = "2025-05-19T10:00:00-04:00"  # a Monday


def _annotate_without_tense(text: str, monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    import tzsched

    def no_tense(self: Discourse, start: int, end: int) -> int | None:
        raise AssertionError(f"tense read for {self.text[start:end]!r}")

    monkeypatch.setattr(Discourse, "tense_direction", no_tense)
    ann = tzsched.annotate(text, tzsched.Context.parse(_PUBLISHED, home="America/New_York"))
    return [m.to_record()["value"] for m in ann.mentions]


@pytest.mark.parametrize(("text", "value"), [
    ("The board meets next Friday.", "2025-05-23"),
    ("The board met last Friday.", "2025-05-16"),
    ("The board meets on Monday.", "2025-05-19"),  # the publication's own weekday
    ("The board met on May 17.", "2025-05-17"),  # two days from publication: this year whatever the tense
])
def test_no_tense_is_read_where_it_cannot_matter(text: str, value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _annotate_without_tense(text, monkeypatch) == [value]


@pytest.mark.parametrize("text", ["The board meets on Friday.", "The board met on Dec. 1."])
def test_the_tense_is_read_where_it_decides(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(AssertionError, match="tense read"):
        _annotate_without_tense(text, monkeypatch)


def _unbounded_boundaries(text: str, stop: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """_boundaries as first written (with the line-break and doubled-dot rules added since): the end
    pattern searched to the end of the text."""
    from tzsched.discourse import _abbreviation_before

    _END = re.compile(r"[.!?\n](?:(?<=\n)|(?P<q>[\"'”’)\]]*)\s+)")  # the end pattern of then
    ends: list[int] = []
    starts: list[int] = []
    for m in _END.finditer(text):
        if m.start() >= stop:
            break
        q = m.group("q")
        if q is None:
            ends.append(m.start())
            starts.append(m.end())
        elif "\n" in m.group() or not _abbreviation_before(text, m.start()) or _meridiem_ends(text, m) \
                or _doubled_dot(text, m.start()):
            ends.append(m.start() + 1 + len(q))
            starts.append(m.end())
    return tuple(ends), tuple(starts)


@pytest.mark.parametrize("text", [
    'He left."' + " " * 50 + "Next one.",  # quotes and spaces run past the limit
    "He left.)’\n\n  \tNext",
    "He left." + "x" * 500,  # no sentence end after the limit: the search stops there
    "a.\nb.\n" * 20,
    "He left" + " " * 30,
    "At 6:47 a.m.  The quake struck. At 5 p.m. Moscow time they met.",
])
def test_a_bounded_scan_finds_the_separators_begun_before_its_limit(text: str) -> None:
    """_boundaries(text, 0, stop) searches only up to where a separator begun before
    ``stop`` must end (text with no sentence end after ``stop`` was searched to its end
    at every call); it finds exactly what the unbounded search found."""
    from tzsched.discourse import _boundaries

    for stop in range(len(text) + 1):
        assert _boundaries(text, 0, stop) == _unbounded_boundaries(text, stop), (text, stop)
