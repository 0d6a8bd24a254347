"""Sentence bounds, tense cues and the dateline at the head of an article."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from .lexicon import lexicon
from .types import Dateline
from .zones import city, region_zones, zone_candidates

__all__ = ["Discourse", "discourse", "find_dateline", "sentence_bounds", "tense_direction"]

# A sentence ends at ., ! or ? followed by blank space, unless the word before the dot
# is an abbreviation ("p.m.", "Feb.", "Mr.", "U.S.") and no line break follows it, or at
# a line break. The separator after a sentence is its end mark, the closing quotes and
# brackets after the mark (group 1), and the blank space after those; a line break that
# is not part of such a separator is a separator of its own.
_MARK_END = re.compile(r"[.!?]([\"'”’)\]]*)\s+")
# _MARK_END for dots alone: the engine finds a literal first character several times as
# fast as one of a class, and "!" and "?" are rare in news
_DOT_END = re.compile(r"\.([\"'”’)\]]*)\s+")
# the first character that cannot continue a separator (see _MARK_END) after its first character
_SEPARATOR_TAIL_END = re.compile(r"[^\"'”’)\]\s]")
@cache
def _abbrev_before() -> re.Pattern[str]:
    """The abbreviations whose dot ends no sentence: an initial ("J."), a capitalized one
    of the lexicon's [phrases] short_abbreviations ("Gen.", "Feb.", "Ariz."; not "Kyiv.",
    "July.", "Moscow Time."), initials run together ("U.S.", "a.m."), and a few in lower
    case."""
    short = "|".join(sorted(lexicon().short_abbreviations, key=len, reverse=True))
    return re.compile(rf"(?:\b[A-Za-z]|\b(?:{short})|"
                      r"\b(?:[a-z]\.)+[a-z]?|\b(?:[A-Z]\.)+[A-Z]?|"
                      r"\b(?:sept|approx|gov|gen|sen|rep|est|inc|corp|co|ltd|no|vs|etc|jr|sr|st))\.$")
# How far before its dot an abbreviation may start: none is longer than "approx.", and a
# longer chain of initials ("a.b.c.") also ends in a short one ("b.c.")
_ABBREV_REACH = 6


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the word before the dot at ``dot`` is an abbreviation (see _abbrev_before)."""
    # The search sees only the _ABBREV_REACH characters before the dot, the dot, and the
    # character before them (for its leading \b): those few characters decide it, and the
    # same short tails recur ("p.m.", "said."), so the answer is remembered by tail.
    lo = dot - _ABBREV_REACH
    return _abbreviation_tail(text[lo - 1 : dot + 1] if lo >= 1 else text[: dot + 1])


@lru_cache(maxsize=4096)
def _abbreviation_tail(tail: str) -> bool:
    # a full tail has the character before the searched stretch in front
    return _abbrev_before().search(tail, 1 if len(tail) == _ABBREV_REACH + 2 else 0) is not None


_MERIDIEM_DOT = re.compile(r"\b[aApP]\.\s?[mM]\.$")


@cache
def _next_words() -> re.Pattern[str]:
    """The word after "a.m."/"p.m.", and the rest of a zone name ending in "time" when one
    follows: capitalized words and the lexicon's place-name particles ("Moscow time",
    "Eastern Standard Time", "Rio de Janeiro time", "Kyiv local time"), not a sentence
    ("The talks began at 2350 local time")."""
    from .rules.base import alt

    particle = alt(lexicon().place_particles)
    word = r"[A-Z][\w'’.\-]*"
    return re.compile(rf"({word})(?P<time>(?:\s(?:{word}|{particle})){{0,3}}(?:\slocal)?\s[Tt]ime\b)?")


def _meridiem_ends(text: str, m: re.Match[str]) -> bool:
    """"at 6:47 a.m. The quake struck" ends a sentence; "5 p.m. Moscow time", "9 a.m.
    EDT", "10 a.m. Eastern" and "5 p.m. Monday" do not."""
    if not _MERIDIEM_DOT.search(text, max(0, m.start() - 5), m.start() + 1):
        return False
    nxt = _next_words().match(text, m.end())
    if nxt is None:
        return False
    first = nxt.group(1).rstrip(".,")
    lex = lexicon()
    if nxt.group("time") or first.lower() in lex.weekdays or first.lower().rstrip(".") in lex.months:
        return False
    return not zone_candidates(first)


def _doubled_dot(text: str, mark: int) -> bool:
    """A dot right after an abbreviation's own dot ("closed at 11:50 a.m.. The data"), not
    an ellipsis: the sentence ends there."""
    return text.startswith(".", mark - 1) and not text.startswith("..", mark - 2)


def _boundaries(text: str, pos: int = 0, stop: int | None = None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where sentences end (separator starts) and the next ones begin (separator ends):
    the separators from ``pos`` on, up to the first that begins at ``stop`` or later.
    ``pos`` must not fall inside a separator (see :func:`_safe_start`), so that the
    separators found are those of the whole text."""
    ends: list[int] = []
    starts: list[int] = []
    limit = len(text) if stop is None else stop
    # The search ends where a separator begun before ``limit`` must end (at the first
    # character from ``limit`` on that no separator holds): without that bound, text
    # with no sentence end after ``limit`` was searched to its end at every call.
    after = _SEPARATOR_TAIL_END.search(text, limit)
    endpos = after.start() if after else len(text)
    marks = _MARK_END if text.find("!", pos, endpos) >= 0 or text.find("?", pos, endpos) >= 0 else _DOT_END
    # Line breaks come from str.find and merge in: no end mark lies inside a separator,
    # and a line break is either part of the separator after a mark or one of its own.
    line_break = text.find("\n", pos, endpos)
    for m in marks.finditer(text, pos, endpos):
        mark = m.start()
        if mark >= limit:
            break
        while 0 <= line_break < mark:  # a line break of its own
            ends.append(line_break)
            starts.append(line_break + 1)
            line_break = text.find("\n", line_break + 1, endpos)
        end = m.end()
        if 0 <= line_break < end:
            # a line break after the mark ends the sentence, as one ends it anywhere else
            # ("signed by Acme Inc.\n\nTalks resume Monday.")
            line_break = text.find("\n", end, endpos)
        elif _abbreviation_before(text, mark) and not _meridiem_ends(text, m) and not _doubled_dot(text, mark):
            continue
        ends.append(m.end(1))  # after the closing quotes
        starts.append(end)
    while 0 <= line_break < limit:  # line breaks after the last mark
        ends.append(line_break)
        starts.append(line_break + 1)
        line_break = text.find("\n", line_break + 1, endpos)
    return tuple(ends), tuple(starts)


def _clip(bounds: tuple[tuple[int, ...], tuple[int, ...]], length: int, pos: int, window: int) -> tuple[int, int]:
    """The sentence around ``pos`` from separators ``bounds``, at most ``window`` chars away."""
    ends, starts = bounds
    i = bisect_right(starts, pos)
    start = starts[i - 1] if i > 0 else 0
    j = bisect_right(ends, pos - 1)
    end = ends[j] if j < len(ends) else length
    return max(start, pos - window), min(end, pos + window)


# A separator is a sentence-ending character and the quotes, brackets and blank space
# after it: a position after any other character lies outside every separator.
_IN_SEPARATOR = re.compile(r"[.!?\n\"'”’)\]\s]")
_SAFE_REACH = 64  # how far back a safe place to start scanning is looked for


def _safe_start(text: str, pos: int) -> int | None:
    """A position at or before ``pos`` outside every separator, or None if none is near."""
    for p in range(pos, max(0, pos - _SAFE_REACH) - 1, -1):
        if p == 0 or not _IN_SEPARATOR.match(text, p - 1):
            return p
    return None


def _near_bounds(text: str, pos: int, window: int) -> tuple[int, int] | None:
    """:meth:`Discourse.sentence_bounds` from the separators near ``pos`` alone, or None
    when no safe place to start scanning is near.

    Only separators within ``window`` of ``pos`` can change the answer: an earlier
    sentence start or a later end is clipped to the window anyway."""
    first = _safe_start(text, max(0, pos - window - 1))
    if first is None:
        return None
    return _clip(_boundaries(text, first, pos + window), len(text), pos, window)


# "which is"/"that is" restate a time ("1400 GMT, which is 5 p.m. Friday"): not an announcement
_COPULA_BEFORE = re.compile(
    r"(?<!\bwhich\s)(?<!\bthat\s)\b(?:is|are)\s+(?:on\s+|at\s+|due\s+|set\s+for\s+|planned\s+for\s+|from\s+|between\s+"
    r"|in\s+(?:effect|place|force)\s+(?:from\s+|until\s+|through\s+)?)?$",
    re.IGNORECASE,
)
_CUE_REACH = 200  # characters either side of a mention where a tense cue may sit
# where clause_tense takes a sentence to start: after "!", "?", a line break, or a dot
# followed by a blank and a capital
_CLAUSE_BREAK = re.compile(r"[!?\n]|\.(?= [A-Z])")


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the last _CLAUSE_BREAK between ``lo`` and ``pos`` ends (``lo`` when there is
    none), as ``_CLAUSE_BREAK.finditer(text, lo, pos)`` finds them, with string searches
    from the end (no pattern walking the characters one by one)."""
    start = lo
    for mark in "!?\n":
        found = text.rfind(mark, lo, pos)
        if found >= start:
            start = found + 1
    # a dot, a blank and a capital, all before ``pos`` (the pattern's look-ahead ends there)
    dot = text.rfind(". ", start, max(start, pos - 1))
    while dot >= 0 and not ("A" <= text[dot + 2] <= "Z"):
        dot = text.rfind(". ", start, dot + 1)
    return dot + 1 if dot >= 0 else start


_CLAUSE_REACH = 48  # characters before a mention read for the tense of its own clause (clause_tense)
# what may stand before a date that opens its sentence ("On Friday,", "Late Tuesday night,")
_OPENING_LEAD = re.compile(r"[\s\"'“‘(]*(?:(?i:on|late|early|by|from|until|since)\s+)?")
# after a date that opens its sentence: a comma, or (British copy often drops it) the
# subject of the clause, "On Friday the Bank said ..."
_COMMA_AFTER = re.compile(r"\s*,\s*|\s+(?=(?:the|The|a|A|an|An|he|she|they|it|we|police|officials|[A-Z][a-z]+)\s)")
# what the 12 characters before a date that opens its sentence end with: a sentence's end
# (or the start of those 12 characters), then a lead (see _OPENING_LEAD)
_OPENING_TAIL = re.compile(r"(?:^|[.!?\"'”’)\]\n])[\s\"'“‘(]*(?:(?i:on|late|early|by|from|until|since)\s+)?\Z")
_VERB_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:off\s+)?(?:(?:on|at|from|until|till|through|by|in)\s+)?$")

_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")





@cache
def _day_word() -> re.Pattern[str]:
    """A weekday or month written in full (the day a date was moved from, told before the
    move), from the lexicon: each one's longest name, capitalized; not "May", also a verb."""
    lex = lexicon()
    full = [max((k for k, v in table.items() if v == value), key=len)
            for table in (lex.weekdays, lex.months) for value in set(table.values())]
    return re.compile(r"\b(?:" + "|".join(sorted(w.capitalize() for w in full if w != "may")) + r")\b")
# after a mention, a clause that may tell what happened then ("..., when it passed", "... and lifted off")
_DONE_AFTER = re.compile(r"[^.;!?\n]{0,30}?(?:,\s*(?:when|where|and)\b|\s(?:and|but)\b)", re.IGNORECASE)


@cache
def _postponed_before() -> re.Pattern[str]:
    """A verb of moving a date (lexicon [tense] postponement), perhaps its object ("the
    case"), then "until", "till" or "to" (and "the"), right before a mention."""
    verbs = "|".join(r"\s+".join(map(re.escape, v.split())) for v in lexicon().postponement)
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:the|its|his|her|their)\s+[a-z]+\s+)?(?:until|till|to)\s+(?:the\s+)?\Z",
                      re.IGNORECASE)


@cache
def _schedule_phrase_ends() -> frozenset[str]:
    """The last words of lexicon [tense] schedule_phrases."""
    return frozenset(p.split()[-1] for p in lexicon().schedule_phrases)


@cache
def _untold_future_pattern() -> re.Pattern[str]:
    """The words that look ahead in a sentence with no other cue (lexicon [tense]
    untold_future, schedule, modals and postponement: "Saturday's match has been moved
    to Sunday"), longest first."""
    lex = lexicon()
    words = sorted({*lex.untold_future, *lex.schedule_verbs, *lex.modals, *lex.postponement}, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<![A-Za-z'’-])(?:{body})(?![A-Za-z'’-])", re.IGNORECASE)


# "after the crash on", "over the shooting on", "after a rally on", "following" right
# before a day: the day of an event named before it
_AFTER_EVENT = re.compile(r"\b(?:after|over|following|since)\s(?:(?:the|a|an|his|her|their|its|last)\s)?"
                          r"(?:[a-z]+\s){0,2}?(?:on\s)?\Z", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[,;:()\[\]—–]")  # between an untold_future word and a mention after it: another clause
_SENTENCE_LEAD = " \t\n\"'“‘("  # what may stand between a sentence's start and its first word


_MODAL_REACH = 60  # characters before a mention where a modal that governs it may stand


@cache
def _modal_pattern() -> re.Pattern[str]:
    """A modal (lexicon [tense] modals, lower case) and the word after it, with no clause
    break between them and the end of the text searched (a mention's start)."""
    modals = "|".join(sorted(lexicon().modals))
    return re.compile(rf"\b({modals})\s+([A-Za-z]+)\b(?=[^,;:.!?()\[\]\n]*\Z)")


@cache
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str], str]:
    """Cue word sets, and a trie of the words that may be cues (a regex body)."""
    lex = lexicon()
    words = {w for w in (*lex.future_cues, *lex.past_cues, *lex.reporting_verbs, *lex.before_to, *lex.past_negations)
             if re.fullmatch(r"[A-Za-z']+", w)}
    from .rules.base import trie_regex

    return lex.future_cues, lex.past_cues, lex.reporting_verbs, trie_regex({w.lower() for w in words})


@cache
def _cue_pattern(ascii_lowered: bool) -> re.Pattern[str]:
    """One pattern that finds only words that may be cues, so the sentence is not walked
    word by word in Python: the trie of cue words, and "-ed" words by consuming the word
    and then looking back at its ending (no backtracking inside a word). For any text it
    ignores case; for a lower-cased ASCII copy of the text (see :func:`_lowered_ascii`:
    the same words at the same offsets) it need not, and runs faster."""
    body = _cues()[3]
    if ascii_lowered:
        return re.compile(rf"(?<![a-z'])(?:{body}(?![a-z'])|[a-z]{{3,}}+(?<=ed)(?!'))")
    return re.compile(rf"(?<![A-Za-z'])(?:{body}(?![A-Za-z'])|[A-Za-z]{{3,}}+(?<=ed)(?!'))", re.IGNORECASE)



# The letters besides A-Z and a-z that IGNORECASE matches with ASCII letters (re's documentation)
_ASCII_FOLDING = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin sign)


def _lowered_ascii(text: str) -> str:
    """A copy of ``text`` in which the case-sensitive cue pattern finds the words the
    IGNORECASE one finds in ``text``, at the same offsets; "" when there is none.

    ASCII lower-cases in place. Any other character is a "?" in the copy, as neither
    pattern matches either (both match only ASCII letters and apostrophes), unless it is
    one of the four letters IGNORECASE takes for an ASCII one."""
    if text.isascii():
        return text.lower()
    if any(c in text for c in _ASCII_FOLDING):
        return ""
    return text.encode("ascii", "replace").decode("ascii").lower()


@cache
def _base_form_before() -> re.Pattern[str]:
    """A word after which a verb is in its plain form (lexicon [tense] base_form_after:
    "to", "will", "could"), right before the end of the text searched."""
    words = sorted(lexicon().base_form_after, key=len, reverse=True)
    whole = "|".join(re.escape(w) for w in words if w.isalpha())
    clitics = "|".join(re.escape(w) for w in words if not w.isalpha())  # "n't", "'ll": ends of words
    return re.compile(rf"(?:(?<![A-Za-z])(?:{whole})|{clitics})\s+\Z", re.IGNORECASE)


# before a participle: a passive auxiliary (no tense of its own), or a copula or "stay"/"remain"
# ("is pencilled in for Friday", "will stay closed until Tuesday": a schedule)
_AUX_BEFORE = re.compile(r"\b(be|been|being|is|are|stay|stays|remain|remains)\s+$", re.IGNORECASE)


def _cue_sign(text: str, m: re.Match[str], s: int) -> tuple[int, bool] | None:
    """What a word the cue pattern found says of tense, read as tense_direction reads it
    (its sentence starting at ``s``): +1 or -1, and whether it is a reporting verb; None
    when it is no cue there ("will be held": the auxiliary's tense stands)."""
    m_start, m_end = m.span()
    cue = _cue_word(m.group().lower())
    if cue.inert or (cue.not_before_to and text.startswith(" to ", m_end)) or _in_a_name(text, m_start, s):
        return None
    if cue.future or (cue.before_to and text.startswith(" to ", m_end)):
        return 1, cue.reporting
    if cue.past and not cue.participle and _base_form_before().search(text, max(s, m_start - 7), m_start):
        return None  # "will hit on Tuesday": a past-tense word that is also the plain verb
    aux = _AUX_BEFORE.search(text, max(s, m_start - 8), m_start) if cue.participle or cue.past else None
    if aux is not None and aux.group(1).lower() in lexicon().passive_aux:
        return None
    if aux is not None and cue.participle:
        return 1, cue.reporting  # "a session is pencilled in for Friday": a schedule
    return (-1, cue.reporting) if cue.past_like else None


def _in_a_name(text: str, pos: int, s: int) -> bool:
    """Whether a cue word at ``pos`` is capitalized inside its sentence (which starts at
    ``s``), right after a word: part of a name ("the Met Office", "actor Will Smith")."""
    return pos > s + 1 and text[pos].isupper() and text[pos - 1] == " " and text[pos - 2].isalnum()


class _CueWord(NamedTuple):
    """What a word the cue pattern finds (lower case) may say of tense; see
    :meth:`Discourse.tense_direction`."""

    future: bool  # "will", "expected"
    before_to: bool  # a future cue when " to " follows ("set to", "is to")
    not_before_to: bool  # not a cue when " to " follows ("next to")
    past: bool  # "said", "began": a past cue, unless a passive auxiliary stands before it
    participle: bool  # an "-ed" word of five letters or more
    past_like: bool  # a past cue when nothing before it says otherwise
    reporting: bool  # "said", "told"
    inert: bool  # none of the above can make it a cue


@lru_cache(maxsize=4096)  # bounded: any "-ed" word is a candidate
def _cue_word(word: str) -> _CueWord:
    """The lexicon's view of one lower-cased cue word, looked up once per word."""
    lex = lexicon()
    participle = len(word) > 4 and word.endswith("ed")
    future, before_to, past = word in lex.future_cues, word in lex.before_to, word in lex.past_cues
    past_like = past or word in lex.past_negations or (participle and word not in lex.not_past_ed)
    return _CueWord(future=future, before_to=before_to, not_before_to=word in lex.not_cue_before_to, past=past,
                    participle=participle, past_like=past_like, reporting=word in lex.reporting_verbs,
                    inert=not (future or before_to or past_like or participle))


class Discourse:
    """One text's sentence boundaries and tense cues, found on first need and then kept.

    Resolving a document asks for the sentence around many mentions; its boundaries are
    found in one pass over the text, the first time they are wanted.

    >>> d = Discourse("The vote was held on Friday. It resumes Monday.")
    >>> d.sentence_bounds(40)
    (29, 47)
    >>> d.tense_direction(21, 27), d.tense_direction(40, 46)
    (-1, 1)
    """

    __slots__ = ("_bounds", "_lowered", "_near_scanned", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._bounds: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        self._lowered: str | None = None
        # characters scanned so far for single sentences (see sentence_bounds)
        self._near_scanned = 0

    def sentence_bounds(self, pos: int, window: int = 400) -> tuple[int, int]:
        """The start and end of the sentence around ``pos``, at most ``window`` chars away."""
        if self._bounds is None:
            # A long text asked about a few sentences (a tense here and there) is scanned
            # only around them; once those scans would add up to half the text, it is
            # split once instead. Both ways give the same answer, so the tally need not
            # be exact when threads share this object.
            if window >= 0 and 2 * (self._near_scanned + 2 * window) <= len(self.text):
                self._near_scanned += 2 * window
                near = _near_bounds(self.text, pos, window)
                if near is not None:
                    return near
            self._bounds = _boundaries(self.text)
        return _clip(self._bounds, len(self.text), pos, window)

    def _cue_matches(self, start: int, end: int) -> Iterator[re.Match[str]]:
        """The words between ``start`` and ``end`` that may be tense cues."""
        if self._lowered is None:
            self._lowered = _lowered_ascii(self.text)
        if self._lowered:
            return _cue_pattern(True).finditer(self._lowered, start, end)
        return _cue_pattern(False).finditer(self.text, start, end)

    def tense_direction(self, start: int, end: int, ignore: frozenset[str] = frozenset(),
                        cues_only: bool = False) -> int | None:
        """+1 when the sentence around a mention speaks of the future, -1 of the past,
        None when it gives no cue. The cue nearest to the mention wins; cue words in
        ``ignore`` (lower case) are not cues. With ``cues_only``, only the cue words count,
        not a copula or a schedule verb right before the mention ("the exhibition runs
        from March": now or later, not surely later)."""
        text = self.text
        if cues_only:
            direction = self._cue_direction(start, end, ignore)
            if direction is None and not ignore and self._modal_governs(start) and not self._after_event(start):
                return 1  # "Taxpayers can file until April 15": the modal is the clause's cue
            return direction
        if text.startswith(("'s ", "’s "), end) and text.endswith(lexicon().before_done_possessive, 0, start):
            return -1  # "Test results from Friday's screening will be mailed": a finished event
        copula_lo = max(0, start - 28)  # "is in effect from " fits
        # "is" or "are" must be in the copula's reach; where that stretch is ASCII,
        # lower-casing it shows far more cheaply when neither is
        near = text[copula_lo:start].lower()
        if (not near.isascii() or "is" in near or "are" in near) and _COPULA_BEFORE.search(text, copula_lo, start):
            return 1  # "the vote is Tuesday", "talks are on Monday": a date being announced
        if text.endswith(("to ", "til ", "ll "), 0, start) and self._moved_ahead(start, end):
            return 1  # "the hearing was adjourned until Friday": the new day lies ahead
        prev = _VERB_BEFORE.search(text, max(0, start - 24), start)
        if prev and prev.group(1).lower() in _schedule_phrase_ends() \
                and " ".join(text[max(0, prev.end(1) - 24) : prev.end(1)].lower().split()).endswith(
                    lexicon().schedule_phrases):
            return 1  # "new tariffs come into force at 12:01 a.m.", "the rule takes effect Monday"
        if prev and prev.group(1).lower() in lexicon().schedule_verbs and not (
            ignore and (aux := _WORD_BEFORE.search(text, max(0, prev.start() - 12), prev.start()))
            and aux.group(1).lower() in ignore
        ):
            return 1  # "the trial resumes Monday" (but with ignore={"would"}, not "would open on 14 June")
        direction = self._cue_direction(start, end, ignore)
        if direction is None and not ignore and self._untold_future(start, end) and not self._after_event(start):
            return 1  # "India face Australia in the semi-final in Dubai on Tuesday"
        if direction == -1 and not ignore and self._modal_governs(start) and not self._after_event(start):
            return 1  # "Winds could reach 75 mph by Wednesday, forecasters said"
        return direction

    def _cue_direction(self, start: int, end: int, ignore: frozenset[str]) -> int | None:
        """tense_direction from the cue words alone: the nearest one wins."""
        text = self.text
        s, e = self.sentence_bounds(start, window=_CUE_REACH)
        best: tuple[int, int] | None = None
        for m in self._cue_matches(s, max(e, end)):
            m_start, m_end = m.span()
            if m_end > start:
                # From here on every cue lies at or after the mention, each farther than
                # the last: none can beat a best as near as this one's least distance.
                if best is not None and m_start - end + 8 >= best[0]:
                    break
                if m_start >= start and m_start < end:
                    continue  # inside the mention
            word = m.group().lower()
            cue = _cue_word(word)
            if cue.inert or word in ignore or (cue.not_before_to and text.startswith(" to ", m_end)):
                continue
            if _in_a_name(text, m_start, s):
                continue  # "The Met Office has issued", "Will Smith": a name, no tense
            if word in ("earlier", "later") and text.startswith(" than", m_end):
                continue  # "an hour earlier than usual": a comparison, no tense
            if cue.participle and not cue.past and text.startswith(" by ", m_end) \
                    and text.startswith(", ", max(0, m_start - 2)):
                continue  # "at 2 p.m. on Wednesday, followed by a news conference": no tense
            dist = start - m_end if m_end <= start else m_start - end
            # a cue before the mention in the same clause weighs a little more; a
            # reporting verb ("said") speaks for the mention only when right beside it
            dist = dist if m_end <= start else dist + 8
            if cue.reporting and dist > 12:
                dist += 40
            if best is not None and dist >= best[0]:
                continue  # whatever its sense, it does not win
            if cue.future or (cue.before_to and text.startswith(" to ", m_end)):
                sign = 1  # "set to resume", "is to meet", "due to arrive"
            else:
                if cue.past and not cue.participle \
                        and _base_form_before().search(text, max(s, m_start - 7), m_start):
                    continue  # "is forecast to hit Okinawa on Thursday": the plain verb, no tense
                aux = _AUX_BEFORE.search(text, max(s, m_start - 8), m_start) if cue.participle or cue.past else None
                if aux is not None and aux.group(1).lower() in lexicon().passive_aux:
                    continue  # "will be held": the auxiliary carries the tense, not the participle
                if aux is not None and cue.participle:
                    sign = 1  # "a session is pencilled in for Friday": a schedule
                elif cue.past_like:
                    sign = -1
                else:
                    continue
            best = (dist, sign)
        return None if best is None else best[1]

    def _after_event(self, start: int) -> bool:
        """Whether a mention dates an event named just before it with "after", "over",
        "following" or "since" ("could face charges over the crash on Sunday", "a long
        cleanup after the tornado on Sunday", "more rain after Sunday's flooding"): a
        day already past, whatever the sentence says of what is to come."""
        return _AFTER_EVENT.search(self.text, max(0, start - 40), start) is not None

    def _untold_future(self, start: int, end: int) -> bool:
        """Whether the sentence around a mention holds a word that looks ahead when no cue
        word tells the tense (lexicon [tense] untold_future, schedule): a present-tense
        fixture verb ("India face Australia ... on Tuesday"), not a noun ("the play")."""
        text = self.text
        s, e = self.sentence_bounds(start, window=_CUE_REACH)
        not_after, not_before = lexicon().untold_future_not_after, lexicon().untold_future_not_before
        for m in _untold_future_pattern().finditer(text, s, max(e, end)):
            m_start = m.start()
            if start <= m_start < end:
                continue  # inside the mention
            if m_start < start and _CLAUSE_MARK.search(text, m.end(), start):
                continue  # in a clause of its own before the mention ("the man, who may face charges, fled on Sunday")
            if text[m_start].isupper() and (text[s:m_start].strip(_SENTENCE_LEAD)
                                            or not text[m.end() : m.end() + 2].startswith(" ")
                                            or not text[m.end() + 1 : m.end() + 2].islower()):
                continue  # capitalized inside the sentence, a name ("the Sunday Play"); or not before a word ("May 5")
            prev = _WORD_BEFORE.search(text, max(s, m_start - 12), m_start)
            if prev is not None and prev.group(1).lower() in not_after:
                continue  # "the play", "a face": a noun
            follower = _WORD_AFTER.match(text, m.end())
            if follower is not None and f"{m.group().lower()} {follower.group(1).lower()}" in not_before:
                continue  # "could not be reached", "may have left": the past
            return True
        return False

    def _modal_governs(self, start: int) -> bool:
        """Whether a modal governs a mention (lexicon [tense] modals): it stands before the
        verb of the mention's clause ("could reach 75 mph by Wednesday"), with no tense cue
        between them and no past-tense cue before it in the sentence ("said it could")."""
        text = self.text
        lo = max(0, start - _MODAL_REACH)
        near = text[lo:start]
        if " " not in near or not any(f"{w} " in near for w in lexicon().modals):
            return False  # the cheap test first: most mentions have no modal before them
        modal = None
        for found in _modal_pattern().finditer(near):
            modal = found  # the last one
        if modal is None or f"{modal.group(1)} {modal.group(2).lower()}" in lexicon().untold_future_not_before:
            return False
        s, _ = self.sentence_bounds(start, window=_CUE_REACH)
        m_start = lo + modal.start()
        if m_start < s:
            return False
        for m in self._cue_matches(s, start):
            sign = _cue_sign(text, m, s)
            if sign is not None and (m.start() > m_start or sign[0] == -1):
                return False  # a cue between the modal and the mention, or a past one before the modal
        return True

    def mixed_tense(self, start: int, end: int) -> bool:
        """Whether the sentence around a mention has cues of both tenses ("The team was
        scheduled to play in March", "said it would close the plant in March": a future
        seen from the past), so that its tense cannot overrule the nearest year."""
        text = self.text
        s, e = self.sentence_bounds(start, window=_CUE_REACH)
        signs = set()
        for m in self._cue_matches(s, max(e, end)):
            if start <= m.start() < end:
                continue
            found = _cue_sign(text, m, s)
            if found is not None:
                signs.add(found[0])
                if len(signs) == 2:
                    return True
        return False

    def _moved_ahead(self, start: int, end: int) -> bool:
        """Whether a mention is a day a date was moved to ("adjourned until Friday") that
        lies ahead of the telling: not when a clause after it tells that it happened
        ("postponed to Tuesday, when it passed"), nor when the day it was moved from is
        written before it ("The 10 a.m. session on Wednesday was moved to Thursday")."""
        text = self.text
        verb = _postponed_before().search(text, max(0, start - 40), start)
        if verb is None:
            return False
        s, _ = self.sentence_bounds(start, window=_CUE_REACH)
        if _day_word().search(text, s, verb.start()):
            return False
        done = _DONE_AFTER.match(text, end)
        return done is None or self.first_tense_after(done.end()) != -1

    def moved_from_end(self, start: int) -> tuple[int, bool] | None:
        """Where the day a date was moved from may end, when a verb of moving a date stands
        right before a mention ("Sunday's game was postponed to Monday": the start of
        "postponed"; lexicon [tense] postponement), and whether the move is to an earlier
        day ("brought forward": [tense] earlier_moves); None when no such verb stands there."""
        text = self.text
        if not text.endswith(("to ", "til ", "ll ", "the "), 0, start):
            return None  # the cheap test first
        verb = _postponed_before().search(text, max(0, start - 40), start)
        if verb is None:
            return None
        words = " ".join(text[verb.start() : verb.end()].lower().split())
        return verb.start(), words.startswith(lexicon().earlier_moves)

    def first_tense_after(self, pos: int, reach: int = 40) -> int | None:
        """The direction of the first tense cue in ``reach`` characters from ``pos`` (no
        further than the next end mark): what the clause that starts there tells."""
        text = self.text
        stop = min(len(text), pos + reach)
        for c in ".!?;\n":
            found = text.find(c, pos, stop)
            if found >= 0:
                stop = found
        for m in self._cue_matches(pos, stop):
            cue = _cue_word(m.group().lower())
            if cue.inert or cue.reporting:
                continue
            if cue.future:
                return 1
            if cue.past_like:
                return -1
        return None

    def clause_tense(self, start: int) -> int | None:
        """The tense of the words just before a mention (at most _CLAUSE_REACH characters,
        after the last _CLAUSE_BREAK): +1 or -1 by the nearest cue there ("were lifted
        at", "will hold a news conference at"), None when there is none; reporting verbs
        do not count. Cheaper and narrower than :meth:`tense_direction`, which reads the
        whole sentence."""
        text = self.text
        # the sentence is taken to start after the last "!", "?" or line break, or a dot
        # followed by a blank and a capital (not "a.m. (1500 GMT)"): cheaper than
        # sentence_bounds, and the words nearest the time are what count
        s = _clause_start(text, max(0, start - _CLAUSE_REACH), start)
        sign: int | None = None
        for m in self._cue_matches(s, start):
            if m.end() > start:
                break
            found = _cue_sign(text, m, s)
            if found is not None and not found[1]:  # reporting verbs do not count
                sign = found[0]
        return sign

    def opening_direction(self, start: int, end: int) -> int | None:
        """The tense of the clause a date opens, set off by a comma ("On Friday, the
        minister said talks would resume"): the clause's first cue, its main verb ("said"),
        speaks for the date, however near a later one ("would") stands. None when the
        mention does not open its sentence that way, or the clause has no cue."""
        text = self.text
        comma = _COMMA_AFTER.match(text, end)
        # the cheap tests first (most dates have neither a comma after them nor a sentence
        # end just before them); the sentence is found only then
        if comma is None or not _OPENING_TAIL.search(text[max(0, start - 12) : start]):
            return None
        s, e = self.sentence_bounds(start, window=_CUE_REACH)
        if not _OPENING_LEAD.fullmatch(text, s, start):
            return None
        for m in self._cue_matches(comma.end(), e):
            found = _cue_sign(text, m, s)
            if found is None or (found[1] and text.startswith(",", m.end())):
                continue  # no cue; or "On Friday, he said, the committee will vote": a parenthesis
            return found[0]
        return None


@lru_cache(maxsize=4)
def discourse(text: str) -> Discourse:
    """The :class:`Discourse` of a text; the last few are remembered, so resolving,
    linking and rendering one document share its sentence boundaries."""
    return Discourse(text)


def sentence_bounds(text: str, pos: int, window: int = 400) -> tuple[int, int]:
    """The start and end of the sentence around ``pos``, at most ``window`` chars away.

    Boundaries are found once per text (the last few texts are remembered), so asking
    for every mention of a long article stays linear.
    """
    return discourse(text).sentence_bounds(pos, window)


def tense_direction(text: str, start: int, end: int) -> int | None:
    """+1 when the sentence around a mention speaks of the future, -1 of the past,
    None when it gives no cue. The cue nearest to the mention wins."""
    return discourse(text).tense_direction(start, end)


_DATELINE = re.compile(
    # the city in capitals, or in title case when an agency follows ("Brussels (AFP) -")
    r"^[ \t]*(?P<city>[A-Z][A-Z.'’\-]+(?:[ \t][A-Z][A-Z.'’\-]+){0,3}"
    r"|(?P<title>[A-Z][a-z][a-z.'’\-]*(?:[ \t][A-Z][a-z][a-z.'’\-]*){0,2}))"
    r"(?:,[ \t]*(?P<region>[A-Z][A-Za-z.'’\-]+(?:[ \t][A-Z][A-Za-z.'’\-]+){0,3}))?"
    r"(?:,?[ \t]+(?P<mon>[A-Z][a-z]{2,8}\.?)[ \t]+(?P<day>\d{1,2})(?:,[ \t]*(?P<year>\d{4}))?)?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z][A-Za-z .&\-]{0,30})\))?"
    # a dash or colon ends it; right after the agency's bracket a capital may follow without
    # one ("New Delhi, Mar 13 (PTI) The cabinet": the PTI/IANS house style)
    r"(?:[ \t]*(?:—|–|--|-|_|:)|(?<=\))[ \t]+(?=[A-Z\"“‘']))",
    re.MULTILINE,
)


# How a dateline in capitals starts (the "city" alternative of _DATELINE)
_CAPITALS_START = re.compile(r"[ \t]*[A-Z][A-Z.'’\-]")


def _line_heads(head: str) -> Iterator[re.Match[str]]:
    """What _DATELINE.finditer(head) finds that find_dateline may take: a match starts
    only where a line does and ends on that line, so the pattern is tried at line starts
    alone (a search tries it at every character of a head with no dateline), and only
    at a line that starts in capitals or has a parenthesis (a city in title case is
    taken only with an agency in parentheses)."""
    pos = 0
    while pos >= 0:
        line_break = head.find("\n", pos)
        line_end = len(head) if line_break < 0 else line_break
        if _CAPITALS_START.match(head, pos, line_end) or head.find("(", pos, line_end) >= 0:
            m = _DATELINE.match(head, pos)
            if m is not None:
                yield m
        pos = line_break + 1 if line_break >= 0 else -1


def find_dateline(text: str) -> Dateline | None:
    """The dateline near the head of the text ("KYIV, Ukraine (AP) —"), if its city is known.

    >>> find_dateline("NAIROBI, Kenya (AP) _ Bombs exploded.").zone
    'Africa/Nairobi'
    """
    for m in _line_heads(text[:600]):
        dateline = dateline_of(m)
        if dateline is not None:
            return dateline
    return None


def dateline_of(m: re.Match[str]) -> Dateline | None:
    """The dateline a match of _DATELINE is, if its place is known (see find_dateline)."""
    if m.group("title") and not m.group("agency"):
        return None  # "Officials said -" is no dateline; "Brussels (AFP) -" is
    if m.group().rstrip().endswith(")") and not (m.group("agency") or "")[:1].isupper():
        return None  # with no dash, only an agency's name: "Victoria (pictured) said" is no dateline
    name = m.group("city").strip().rstrip(",")
    region = (m.group("region") or "").strip() or None
    place_zone = lexicon().dateline_places.get(" ".join(name.lower().split()))
    if place_zone is not None:  # "UNITED NATIONS (AP) —"
        return Dateline(start=m.start("city"), end=m.end(), city=name.title(), zone=place_zone,
                        region=region, agency=m.group("agency"))
    found = city(name.title(), region) or city(name, region)
    if found is None and region is None:
        return None
    zone = found.zone if found else None
    if zone is None and region is not None:
        zones = region_zones(region)
        if found is None and not zones:
            return None
        zone = zones[0] if zones else None
    if zone is None:
        return None
    month = day = year = None
    if m.group("mon"):
        month = lexicon().months.get(m.group("mon").rstrip(".").lower())
        day = int(m.group("day")) if month else None
        year = int(m.group("year")) if month and m.group("year") else None
    return Dateline(
        start=m.start("city"), end=m.end(), city=found.name if found else name.title(), zone=zone,
        region=region, agency=m.group("agency"), month=month, day=day, year=year,
    )
