"""Text -> candidate pieces, in one pass of one compiled pattern, then refiners.

The passes, in order (each one a small function below):

1. **match**: an anchor pattern finds the words some rule can begin with; there the
   rules that can begin with that word, and go on with what follows it, are tried in
   a fixed order, and the first whose builder accepts its match wins;
2. **modifiers**: "about", "early", "the end of" just before a piece widen its span;
3. **merge**: neighbours that form one expression join ("10 p.m. Wednesday",
   "Friday morning", "Monday, May 19", "5 p.m. EST Nov. 9");
4. **day lists**: days listed beside a date take its month ("June 24 and 25",
   "May 5, 6 and 7", "the 3rd and 4th of June"); "June 24 to 26" is one span of days;
5. **overlaps**: a piece inside a longer one is dropped.

No clock arithmetic happens here; :mod:`tzsched.resolve` does that.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from ._frozen import replace
from .lexicon import Lexicon, lexicon, zone_tables
from .rules import all_rules
from .rules.base import APOSTROPHE, DIGIT, FOUR_DIGITS, SHORT_NUMBER, Groups, Piece, Rule, alt, trie_regex
from .rules.clock import moved_from, place_after, zone_ok
from .rules.words import words
from .zones import LOCAL_NAMES

__all__ = ["Scanner", "scanner"]


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: Rule
    index: int


_DIGIT_STARTS = {DIGIT: range(1, 6), SHORT_NUMBER: range(1, 3), FOUR_DIGITS: range(4, 5)}  # 5: five or more


class _Candidates:
    """The rules that may start with one word (or a number of one length), in rule order,
    narrowed by what follows the start where the rules declare it (Rule.after)."""

    __slots__ = ("_afters", "_declared", "_narrowing", "_number", "every")

    def __init__(self, every: list[tuple[_Compiled, frozenset[str] | None]], number: bool) -> None:
        self.every = tuple(comp for comp, _ in every)
        self._afters = tuple(after for _, after in every)  # None: anything may follow
        self._declared = any(after is not None for after in self._afters)
        self._number = number
        # built on first use, as the rules' patterns are compiled: most starts never occur
        # in a short text. A race builds it twice.
        self._narrowing: _Narrowing | None = None

    def at(self, text: str, end: int) -> tuple[_Compiled, ...]:
        """The rules that may match where the start ends at ``end``."""
        if not self._declared:
            return self.every
        narrowing = self._narrowing
        if narrowing is None:
            narrowing = self._narrowing = _Narrowing.of(self.every, self._afters, self._number)
        m = narrowing.follower.match(text, end)  # matches always: every part of it is optional
        follower = m.group(1) if m is not None else None
        if follower is None:
            return narrowing.unfollowed
        # a follower matched case-insensitively that is not its lower-case self ("ſ" for
        # "s"): not a key, so every rule is tried
        return narrowing.by_follower.get(follower.lower(), self.every)


@dataclass(frozen=True, slots=True)
class _Narrowing:
    """The strings the rules declare may follow a start, as one trie pattern matched once
    after it: it finds the longest declared string that begins what follows, and every
    rule that declares that string or one of its prefixes may match there (the others
    cannot: none of their strings begins the text). When none begins it, only the rules
    that declare nothing for this start may match."""

    follower: re.Pattern[str]
    by_follower: dict[str, tuple[_Compiled, ...]]
    unfollowed: tuple[_Compiled, ...]

    @staticmethod
    def of(every: tuple[_Compiled, ...], afters: tuple[frozenset[str] | None, ...], number: bool) -> _Narrowing:
        declared: set[str] = set().union(*(after for after in afters if after is not None))
        by_follower: dict[str, tuple[_Compiled, ...]] = {}
        for follower in declared:
            prefixes = {follower[:n] for n in range(len(follower) + 1)}  # "" too: a rule may declare it
            by_follower[follower] = tuple(comp for comp, after in zip(every, afters, strict=True)
                                          if after is None or not prefixes.isdisjoint(after))
        # after a number, the rest of its digits (the anchor may stop short of them); then blanks
        pattern = (r"\d*" if number else "") + r"\s*(?i:(" + trie_regex(declared) + "))?"
        unfollowed = tuple(comp for comp, after in zip(every, afters, strict=True) if after is None)
        return _Narrowing(re.compile(pattern), by_follower, unfollowed)


def _lexicon_words(lex: Lexicon) -> set[str]:
    """Every word of the lexicon's tables: what may follow a function word in a rule."""
    out: set[str] = set()
    tables = (lex.months, lex.weekdays, lex.numbers, lex.ordinals, lex.units, lex.parts_of_day, lex.seasons,
              lex.relative_days, lex.vague_quantity, lex.shift_words, lex.set_words, lex.approximators,
              lex.position_mods, lex.holidays, lex.references, lex.unit_qualifiers, lex.decade_words)
    for table in tables:
        for phrase in table:
            out.update(w.split("'")[0] for w in phrase.split())
    return out | {"other", "times"}


def _anchor_pattern(lead: set[str], words: set[str], follow: set[str], after_number: set[str], flags: str) -> str:
    """Where a rule may begin: a number of four or more digits; a shorter number followed
    by something a rule can continue with (":30", " p.m.", "-day", " May", " to", "/",
    ".30 pm") or ending a span of years ("1915-17", "2003/04"),
    since most short numbers in news are counts ("12 pct"); an apostrophe before a number
    ("'90s"); a function word followed by a rule word; or a rule word. The caller puts
    what must come before it (a word boundary) in front.

    Which of these matched is told by an empty group at the end of a number (``d``,
    ``s``) or an apostrophe (``a``); a word has none. Not by a group around it: the
    engine can then reject an alternative on its first character without entering it
    (a seventh off the anchor's time on TBAQ). For the same reason the rule words are
    one alternative per first letter (``m(?:ay|arch|...)``), not one trie (in the
    case-sensitive pattern, where a letter is rejected without entering it: 5 % of the
    anchor's instructions)."""
    i = f"(?{flags}:" if flags else "(?:"
    follow_re = r"(?=[\s-]+(?:\d|['’]\d|" + i + trie_regex(follow) + r")(?![a-zA-Z])))"
    goes_on = (
        r"[:/h\-–—½]|(?:st|nd|rd|th|mins?|secs?)\b|\s?[aApP]\.?\s?[mM]\b|\s?[aApP]\.\s?[mM]\.|\s+(?:\d/\d|"
        + i + trie_regex(after_number) + r")(?![a-zA-Z]))"
    )
    # "9.30 pm", "2.5 hours": a decimal point must be followed by what follows a number
    # in a rule; "3.5 million" and "$4.99" start nothing.
    short_gate = r"(?=" + goes_on + r"|\.\d{1,2}(?!\d)(?:" + goes_on + r"|\.(?:19|20)\d\d(?!\d)))"  # "01.04.2025"
    # The numbers' alternatives share their first digit: led by it, the branch is one the
    # engine rejects on the first character (as \d{4,} is not), at every word start.
    if flags:
        rule_words = [i + trie_regex(words) + r")(?![a-zA-Z])"]
    else:
        firsts = sorted({w[0] for w in words})
        rule_words = [re.escape(c) + "(?:" + trie_regex({w[1:] for w in words if w[0] == c}) + r")(?![a-zA-Z])"
                      for c in firsts]
    return (
        r"(?:\d(?:\d{3,}(?P<d>)|\d{0,2}(?:" + short_gate + r"|(?<=\d{4}[-–/]\d\d))(?P<s>))|['’]\d(?P<a>)"
        r"|" + i + trie_regex(lead) + ")" + follow_re + "|" + "|".join(rule_words) + ")"
    )


def _after_number_words(lex: Lexicon) -> set[str]:
    """Words that can follow a one- to three-digit number inside some rule."""
    out = {"o'clock", "o’clock", "in", "this", "tonight", "at", "to", "until", "till", "through", "and", "noon",
           "midnight", "midday", "mid", "of", "times", "century", "hours", "hrs", "local",
           "bc", "b.c.", "bce", "ad", "a.d.", "ce", "c.e."}  # "490 BC"
    out.update(w.split()[0] for w in (*lex.months, *lex.units))
    out.update(lex.count_unit_between)  # "20 more years"
    # "15.30 CEST": zone abbreviations of three letters or more (shorter ones, "et", are words)
    out.update(a.lower() for a in zone_tables().abbreviations if len(a) >= 3 and a.isalpha())
    return out


class Scanner:
    """Rules and anchors, compiled on first use; safe to share between threads (filling the
    compile-on-first-use slots is the only change after construction).

    A cheap anchor pattern finds the words any rule can begin with (Rule.starts);
    only the rules that can begin with that word, and go on with what follows it
    (Rule.after), are tried there, in rule order.
    """

    __slots__ = ("_anchor_after_separator", "_anchor_any_case", "_anchor_lower", "_apos_rules", "_by_word",
                 "_digit_rules", "_modifier", "_modifier_ends", "_modifier_lower", "_patterns")

    def __init__(self, rules: list[Rule]) -> None:
        compiled: list[_Compiled] = []
        # per start, each rule that may begin with it and what it declares may follow (None: anything)
        by_word: dict[str, list[tuple[_Compiled, frozenset[str] | None]]] = {}
        by_length: dict[int, dict[_Compiled, frozenset[str] | None]] = {n: {} for n in range(6)}
        apos: list[_Compiled] = []
        for i, rule in enumerate(rules):
            if not rule.starts:
                raise ValueError(f"rule {rule.id} lists no start words")
            if not rule.after.keys() <= rule.starts:
                raise ValueError(f"rule {rule.id} says what follows starts it does not list")
            comp = _Compiled(rule, i)
            compiled.append(comp)
            for word in rule.starts:
                after = rule.after.get(word)
                if word in _DIGIT_STARTS:
                    for n in _DIGIT_STARTS[word]:
                        if comp in by_length[n]:  # two number starts cover this length: either may follow
                            known = by_length[n][comp]
                            after = None if known is None or after is None else known | after
                        by_length[n][comp] = after
                elif word == APOSTROPHE:
                    apos.append(comp)
                else:
                    by_word.setdefault(word, []).append((comp, after))
        self._by_word = {w: _Candidates(c, number=False) for w, c in by_word.items()}
        # rules by the length of the digit run they can start with (5 = five or more); lengths
        # with the same rules share one _Candidates, whose narrowing is then built once
        lists = [tuple(sorted(by_length[n].items(), key=lambda c: c[0].index)) for n in range(6)]
        shared = {same: _Candidates(list(same), number=True) for same in set(lists)}
        self._digit_rules = tuple(shared[same] for same in lists)
        self._apos_rules = tuple(apos)
        # Rule patterns (and the last three, the rarely needed anchors and modifier
        # pattern) are compiled on first use: a short text needs a few of them, and
        # compiling all up front is a tenth of the start-up time. Filling this list is the
        # only mutation after construction; a race compiles one pattern twice.
        self._patterns: list[re.Pattern[str] | None] = [None] * (len(compiled) + 3)
        lex = lexicon()
        # Function words ("the", "a", "from") start rules only when the next word could
        # continue one ("the third quarter", "a few days", "from 9"): checking that in
        # the anchor keeps the scanner from trying rules at every "the" in the text.
        lead = {w for w in by_word if w in lex.lead_words}
        follow = set(by_word) | _lexicon_words(lex) | set(lex.count_unit_between)  # "an additional year"
        # The anchor runs on the lower-cased text (much faster than a case-insensitive
        # pattern); text whose length changes when lower-cased uses the second pattern.
        after_number = _after_number_words(lex)
        body = _anchor_pattern(lead, set(by_word) - lead, follow, after_number, "")
        # two more anchors, compiled when a text needs one (see _match)
        self._anchor_lower = _WORD_START + body
        # The same anchor matched together with the separator in front of it: the regex
        # engine then skips ahead to separator characters instead of trying a look-behind
        # at every position (a quarter faster on newswire). Exact only for text whose every
        # non-word character is listed in _SEPARATORS (see _separated_only).
        self._anchor_after_separator = re.compile("[" + re.escape(_SEPARATORS) + "](?:" + body + ")")
        self._anchor_any_case = _WORD_START + _anchor_pattern(lead, set(by_word) - lead, follow, after_number, "i")
        approx = alt(lex.approximators)
        position = alt(k for k in lex.position_mods if k != "mid")
        # the last word of every modifier phrase: a piece not preceded by one skips the regex
        # ("in", which ends "late in", is tested apart: too many pieces follow it)
        self._modifier_ends = frozenset(p.split()[-1] for p in (*lex.approximators, *lex.position_mods)) - {"in"}
        # compiled when a window that is not ASCII needs it (see _modifiers)
        self._modifier = rf"(?:(?P<approx>(?i:{approx}))\s+)?(?:(?P<pos>(?i:{position}))\s+|(?P<mid>(?i:mid))-)?\Z"
        # The same for lower-cased ASCII text, where it is exact: the search tries every
        # place in the window, and a case-sensitive word is rejected on its first letter
        # there (a case-insensitive one is entered; a quarter of _modifiers' time).
        self._modifier_lower = re.compile(rf"(?:(?P<approx>{approx})\s+)?(?:(?P<pos>{position})\s+|(?P<mid>mid)-)?\Z")

    def pieces(self, text: str) -> list[Piece]:
        """Every candidate piece, sorted, merged and without overlaps."""
        found = [p for p in self._match(text) if not (text[p.start].isupper() and _in_name(p, text))]
        found = [self._modifiers(p, text) for p in found]
        found = _merge(found, text)
        found = _shared_zones(found, text)
        found = _coordinated_zones(found, text)
        found = _day_lists(found, text)
        found = _periods_ending(found, text)
        found = _zones_repeated(found, text)
        return _drop_overlaps(found)

    def _match(self, text: str) -> list[Piece]:
        out: list[Piece] = []
        covered = 0
        lowered = text.lower()
        shift = 0  # how far the anchors' text is ahead of ``text``
        if len(lowered) != len(text):  # rare: "İ" lower-cases to two characters
            anchors = self._lazy(_ANY_CASE_SLOT, self._anchor_any_case).finditer(text)
        elif _separated_only(lowered):
            anchors = self._anchor_after_separator.finditer(" " + lowered)  # a separator before the first word
            shift = 1
        else:
            anchors = self._lazy(_LOOK_BEHIND_SLOT, self._anchor_lower).finditer(lowered)
        for a in anchors:
            # the separator-first anchor matches the separator too; its text is one
            # character ahead, so the start of the match is where a rule may start
            pos = a.start()
            if pos < covered:
                continue
            kind = a.lastgroup
            end = a.end() - shift
            if kind in ("d", "s"):
                piece = self._try(text, pos, self._digit_rules[min(end - pos, 5)].at(text, end))
            elif kind == "a":
                piece = self._try(text, pos, self._apos_rules)
            else:  # the word that matched: what follows it was looked at, not taken
                word = a.group()[shift:].lower()
                by_word = self._by_word.get(word)
                piece = self._try(text, pos, by_word.at(text, end)) if by_word is not None else None
                if piece is None and "-" in word:  # "twenty-first nine hours": a rule may start after the hyphen
                    tail = self._by_word.get(word[word.rindex("-") + 1 :])
                    if tail is not None:
                        piece = self._try(text, pos + word.rindex("-") + 1, tail.at(text, end))
            if piece is not None and piece.end > piece.start:
                out.append(piece)
                covered = piece.end
        return out

    def _lazy(self, index: int, pattern: str) -> re.Pattern[str]:
        """``pattern``, compiled the first time slot ``index`` of _patterns is asked for."""
        compiled = self._patterns[index]
        if compiled is None:
            compiled = self._patterns[index] = re.compile(pattern)
        return compiled

    def _try(self, text: str, pos: int, candidates: tuple[_Compiled, ...]) -> Piece | None:
        patterns = self._patterns
        for comp in candidates:
            pattern = patterns[comp.index] or self._lazy(comp.index, comp.rule.pattern)
            m = pattern.match(text, pos)
            if m is None:
                continue
            groups: Groups = m.groupdict()
            piece = comp.rule.build(groups, m.start(), m.end(), text)
            if piece is not None:
                return piece
        return None

    def _modifiers(self, piece: Piece, text: str) -> Piece:
        if piece.kind in ("ref", "set"):
            return piece
        if piece.kind in ("date", "holiday", "weekday") and text.endswith(_DAY_AROUND, 0, piece.start):
            # "the day after Thanksgiving", "the day before March 5": the next (previous) day
            around = _THE_DAY_AROUND.search(text, max(0, piece.start - 16), piece.start)
            if around is not None:
                step = "day+1" if around.group(1).lower() == "after" else "day-1"
                # (the span starts at "day", as TimeML marks "day before last Tuesday")
                return Piece(around.start(1) - len("day "), piece.end, piece.kind, piece.rule, piece.said,
                             (*piece.parts, step))
        window_start = max(0, piece.start - 40)
        before = text[window_start : piece.start]
        last = _LAST_WORD.match(before[::-1])  # read backwards: an anchored match, not a search
        if last is None:
            return piece
        word = last.group(1)[::-1].lower()
        if word not in self._modifier_ends and not before.endswith("-") \
                and not (word == "in" and before.lower().endswith(("early in ", "late in "))):
            return piece  # "late in the third quarter" is a position too
        if before.isascii():
            m = self._modifier_lower.search(before.lower())
            offset = window_start  # where ``before`` starts in ``text``
        else:
            m = self._lazy(_MODIFIER_SLOT, self._modifier).search(text, window_start, piece.start)
            offset = 0
        if m is None or m.start() == m.end():
            return piece
        start = offset + m.start()
        if start > 0 and (text[start - 1].isalnum()):
            return piece
        lex = lexicon()
        said = piece.said
        if m.group("approx"):
            if piece.kind == "duration" and "-" in text[piece.start : piece.end]:
                return piece  # "complained about 16-hour shifts": an adjective, not an estimate
            word = " ".join(m.group("approx").lower().split())
            mod = lex.approximators[word]
            if word in ("over", "under", "some") and piece.kind not in ("duration",):
                return piece
            said = replace(said, mod=said.mod or mod)
        if m.group("pos") or m.group("mid"):
            if piece.kind in ("clock", "range", "duration", "ago"):
                return piece
            word = " ".join((m.group("pos") or "mid").lower().split())
            said = replace(said, mod=lex.position_mods.get(word, said.mod))
        return Piece(start, piece.end, piece.kind, piece.rule, said, piece.parts)


_DAY_AROUND = ("day after ", "day before ", "Day after ", "Day before ")
_THE_DAY_AROUND = re.compile(r"(?<![\w'’])(?:the|The|THE|a|A)\s(?:day|Day)\s(after|before)\s\Z")

_WORD_START = r"(?<![\w'’])"
# the places of the two rarely needed anchors and of the modifier pattern for text that
# is not ASCII in Scanner._patterns, after the rules'
_LOOK_BEHIND_SLOT, _ANY_CASE_SLOT, _MODIFIER_SLOT = -3, -2, -1
# Every ASCII character that is neither a word character nor an apostrophe, and the
# punctuation and spaces of news text beyond ASCII.
_SEPARATORS = "".join(c for c in map(chr, range(128)) if not c.isalnum() and c not in "_'") + (
    "“”‘«»‹›—–‐‑…•·¡¿£€¥¢§¶°†‡\u00a0\u2002\u2003\u2009\u200a\u202f\u3000"
)
# a character that may stand before a word start (not a word character nor an
# apostrophe, as in _WORD_START) and is not in _SEPARATORS. Every ASCII character is a
# word character, an apostrophe or a separator; listing them first lets the engine
# settle each ASCII character with one table look-up instead of a Unicode category test
# (half the time of this search on news text with a few curly quotes or dashes).
_UNLISTED = re.compile(r"[^\x00-\x7f\w'’" + re.escape(_SEPARATORS) + "]")


@dataclass(frozen=True, slots=True)
class _Names:
    """The lexicon's names with a time word in them ("the March on Washington"; [phrases]
    names_with_time_words): one case-sensitive pattern, the longest one's length, and the
    words written right before and right after a time word in one of them ("Agent"
    Friday; March "on")."""

    pattern: re.Pattern[str]
    longest: int
    before: frozenset[str]
    after: frozenset[str]


@cache
def _names() -> _Names:
    lex = lexicon()
    names = lex.names_with_time_words
    time_words = {w for table in (lex.months, lex.weekdays, lex.relative_days, lex.parts_of_day, lex.holidays,
                                  lex.movable_holidays) for phrase in table for w in phrase.split()}
    before: set[str] = set()
    after: set[str] = set()
    for name in names:
        tokens = name.split()
        for i, token in enumerate(tokens):
            if token.lower() in time_words:
                before.update(tokens[i - 1 : i])
                after.update(tokens[i + 1 : i + 2])
    pattern = re.compile(r"(?<![\w'’])" + alt(names).replace("'", "['’]") + r"(?![\w'’])")
    return _Names(pattern, max(map(len, names), default=0), frozenset(before), frozenset(after))


_WORD_AFTER = re.compile(r" ([\w'’]+)")


def _in_name(piece: Piece, text: str) -> bool:
    """True when ``piece`` lies inside one of the lexicon's names (see _Names). A name is
    longer than the piece, so a word of a name must stand right before or after it; only
    then is the pattern tried."""
    names = _names()
    after = _WORD_AFTER.match(text, piece.end)
    if after is None or after.group(1) not in names.after:
        space = piece.start - 1  # the word before, up to the space before the piece
        if space < 1 or text[space] != " " or text[text.rfind(" ", 0, space) + 1 : space] not in names.before:
            return False
    for m in names.pattern.finditer(text, max(0, piece.start - names.longest), piece.end + names.longest):
        if m.start() <= piece.start and piece.end <= m.end():
            return True
    return False


def _separated_only(lowered: str) -> bool:
    """True when every character of ``lowered`` that may stand before a word start is in
    _SEPARATORS."""
    return lowered.isascii() or _UNLISTED.search(lowered) is None


_LAST_WORD = re.compile(r"[\s(\[-]*([A-Za-z]+)")  # the last word before a piece, on the reversed text
_IN_BLANK = re.compile(r"\s+in\s+")
_CLOCK_DATE_GAP = re.compile(r",?\s+(?:on\s+)?|,\s*")


def _merge(pieces: list[Piece], text: str) -> list[Piece]:
    """Join neighbours that together form one expression."""
    if len(pieces) < 2:
        return pieces
    out: list[Piece] = [pieces[0]]
    for nxt in pieces[1:]:
        prev = out[-1]
        joined = _join(prev, nxt, text)
        if joined is not None:
            out[-1] = joined
            continue
        # "from January to March 2024": the year stated once serves both months
        ps, ns = prev.said, nxt.said
        if prev.kind == "date" and ps.year is None and ps.month is not None and ns.year is not None \
                and ns.month is not None and _RANGE_GAP.fullmatch(text[prev.end : nxt.start]):
            year = ns.year if (ps.month, ps.day or 1) <= (ns.month, ns.day or 1) else ns.year - 1
            out[-1] = dataclasses.replace(prev, said=replace(ps, year=year))  # a Piece: not frozen
        out.append(nxt)
    return out


_STRETCH_BEFORE = re.compile(r"\b(?:for|last|lasts|lasting|lasted|takes?|took|spend|spent)\s+\Z", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:to|through|until|till|and|-|–|—)\s*", re.IGNORECASE)


_DAYISH = ("date", "weekday", "relday")


def _join(a: Piece, b: Piece, text: str) -> Piece | None:
    place = a.said.zone_text
    if b.start - a.end > _LONGEST_GAP and not (place and a.kind in ("clock", "range")):
        return None  # too far apart (only a place read as the clock's zone may stand between: below)
    gap = text[a.end : b.start]
    if a.kind in ("clock", "range") and place and b.kind in _DAYISH and text.find(place, a.start, a.end) < 0:
        # "8 p.m. in Lagos on Friday": the place read as the clock's zone stands between them
        m = _IN_BLANK.match(gap)
        if m is not None and gap.startswith(place, m.end()):
            gap = gap[m.end() + len(place) :]
    if (len(gap) > 6 and gap not in _LONG_GAPS) or "\n\n" in gap:
        return None
    sa, sb = a.said, b.said
    # "from 10 a.m. to noon PT", "noon to 2 p.m.", "between 11 p.m. and midnight": the
    # range pattern reads numbers only; two clock times joined this way are one range
    if a.kind == "clock" and b.kind == "clock" and _RANGE_GAP.fullmatch(gap):
        return _clock_range(a, b, gap, text)
    # "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon Thursday", "midnight Friday"
    if a.kind in ("clock", "range") and b.kind in _DAYISH and sa.year is None and _CLOCK_DATE_GAP.fullmatch(gap) \
            and sa.relative_day is None and not (sa.weekday is not None and sb.day is None) and sa.day is None:
        # (a time that has its day takes a date for it, "10 p.m. Monday, May 19", but no
        # second day: "10 a.m. on Thursday, Friday and Monday" lists days)
        if b.kind == "relday" and sb.part_of_day is not None and (gap != " " or sb.anchor is not None):
            return None  # "midnight tonight" joins; "at 6, the morning ..." does not
        # "10 p.m. Monday, May 20": the weekday joined first stays beside the date
        said = replace(sa, year=sb.year, month=sb.month, day=sb.day,
                       weekday=sb.weekday if sb.weekday is not None else sa.weekday,
                       relative_day=sb.relative_day, shift=sb.shift if b.kind == "weekday" else sa.shift,
                       # "2:12 a.m. on Wednesday night": the night says the small hours are the next day's
                       part_of_day="NI" if sb.part_of_day == "NI" and b.kind == "weekday" else sa.part_of_day)
        if sa.meridiem is None and sa.hour is not None and sb.part_of_day is not None \
                and a.rule in ("clock.past_to", "clock.oclock"):
            said = replace(said, hour=_hour_of_part(sa.hour, sb.part_of_day))  # "half past nine on Saturday night"
        end = b.end
        if said.zone_text is None:  # "7 p.m. Thursday, local time": the zone after the day
            end, zone = _zone_after(text, end)
            # "1 p.m. May 21 in Sydney": a place after the day (outside the span, as after a time)
            zone = zone if zone is not None else place_after(text, end)
            said = replace(said, zone_text=zone) if zone is not None else said
        elif " ".join(said.zone_text.lower().split()) in LOCAL_NAMES:
            # "4:47 a.m. local time Monday in Tokyo": the place after the day says whose
            zone = place_after(text, end)
            said = replace(said, zone_text=zone) if zone is not None else said
        numeric = ("numeric",) if "numeric" in b.parts else ()  # its order is the locale's, at resolution
        return Piece(a.start, end, a.kind, a.rule + "+" + b.rule, said, ("clock", b.kind, *numeric))
    # "Wednesday, 10 p.m.", "Friday 9 a.m.", "Friday at midnight" (with "at" only a
    # midnight joins: it is the end of that day, as "midnight Friday" is)
    if a.kind in _DAYISH and b.kind in ("clock", "range") and sa.hour is None and (
            gap in (" ", ", ") or (gap in (" at ", ", at ") and sb.hour == 0 and "clock.word" in b.rule)):
        if sa.part_of_day is not None:
            return None
        said = replace(sb, year=sa.year, month=sa.month, day=sa.day, weekday=sa.weekday,
                       relative_day=sa.relative_day, shift=sa.shift if a.kind == "weekday" else sb.shift)
        numeric = ("numeric",) if "numeric" in a.parts else ()  # "05/03/2025, 10 a.m.": the locale's order
        return Piece(a.start, b.end, b.kind, a.rule + "+" + b.rule, said, (a.kind, "clock", *numeric))
    # "by mid-morning Tuesday", "in the late afternoon Friday": a part of day with no day
    # word of its own, then the day
    if a.kind == "relday" and a.rule == "rel.part_of_day" and sa.relative_day == 0 and b.kind == "weekday" \
            and sb.part_of_day is None and gap == " " and not _OWN_DAY.match(text, a.start):
        said = replace(sb, part_of_day=sa.part_of_day, mod=sa.mod or sb.mod)
        return Piece(a.start, b.end, "weekday", a.rule + "+" + b.rule, said)
    # "Monday, May 19", "Friday, Aug. 7, 1998"
    # "Tuesday morning, Nov. 25": the part of the day on the date's day
    if a.kind == "weekday" and b.kind == "date" and sb.day is not None and (
            gap == ", " or (gap == " " and sa.part_of_day is None)):
        said = replace(sb, weekday=sa.weekday, part_of_day=sa.part_of_day, mod=sb.mod or sa.mod)
        return Piece(a.start, b.end, "date", a.rule + "+" + b.rule, said, b.parts)
    # "June last year", "January this year"; "January of the following year", "January the
    # next year" (the year after the one the text is telling about)
    if a.kind == "date" and sa.year is None and sa.weekday is None and b.kind == "relunit" and sb.unit == "year" \
            and (gap == " " or (gap == " of " and sb.anchor == "reference")) and sb.shift is not None:
        return Piece(a.start, b.end, "date", a.rule + "+" + b.rule,
                     replace(sa, shift=sb.shift, unit="year", anchor=sb.anchor))
    # "autumn last year", "the summer of last year", "the winter of the following year"
    if a.kind == "season" and sa.year is None and sa.shift is None and b.kind == "relunit" and sb.unit == "year" \
            and gap in (" ", " of ") and sb.shift is not None:
        return Piece(a.start, b.end, "season", a.rule + "+" + b.rule,
                     replace(sa, shift=sb.shift, unit="year", anchor=sb.anchor))
    # "the same period last year", "the same quarter a year earlier", "the corresponding
    # period of the previous year": the quarter being reported, a year before
    if a.kind == "quarter" and sa.quarter is None and sa.half is None and sa.year is None and sa.shift is None \
            and gap in (" ", " of ") and sb.unit == "year" and sb.shift == -1 and (
                b.kind == "relunit" or (b.kind == "ago" and sb.amount == 1)):
        return Piece(a.start, b.end, "quarter", a.rule + "+" + b.rule, replace(sa, shift=-4))
    # "the second half of the year", "the first quarter of next year"
    if a.kind == "quarter" and sa.year is None and gap == " of " and (
        b.kind == "year" or (b.kind == "relunit" and sb.unit == "year")
    ):
        said = replace(sa, year=sb.year, fiscal=sa.fiscal or sb.fiscal) if b.kind == "year" \
            else replace(sa, anchor="year", shift=sb.shift)  # "the second half of FY25": of that fiscal year
        return Piece(a.start, b.end, "quarter", a.rule + "+" + b.rule, said)
    # "a week on Friday", "a fortnight on Saturday", "two weeks from Monday", "a week today",
    # "a week tomorrow", "two weeks from today": so many weeks after that day (not "for a
    # week from Monday", "will last a week from Monday": a stretch that starts then)
    if a.kind == "duration" and a.rule == "dur.count" and sa.unit in ("week", "fortnight") and sa.mod is None \
            and sa.amount is not None and sa.amount.is_integer() and 1 <= sa.amount <= 8 \
            and ((gap in (" on ", " from ") and b.kind == "weekday" and sb.shift is None and sb.part_of_day is None
                  and not text.startswith(("'s", "’s"), b.end))  # "down a week on Friday's ruling"
                 or (gap in (" ", " from ") and b.kind == "relday" and sb.relative_day in (0, 1)
                     and sb.part_of_day is None and b.rule == "rel.day")) \
            and _STRETCH_BEFORE.search(text, max(0, a.start - 9), a.start) is None:
        weeks = int(sa.amount) * (2 if sa.unit == "fortnight" else 1)
        if b.kind == "weekday":
            return Piece(a.start, b.end, "weekday", a.rule + "+" + b.rule, replace(sb, weeks_after=weeks))
        return Piece(a.start, b.end, "relday", a.rule + "+" + b.rule,
                     replace(sb, relative_day=(sb.relative_day or 0) + 7 * weeks))
    # "the week of March 6"
    if a.kind == "relunit" and sa.unit == "week" and sa.shift == 0 and gap == " of " and b.kind == "date" \
            and sb.day is not None:
        return Piece(a.start, b.end, "date", a.rule + "+" + b.rule, replace(sb, unit="week"))
    # "the night of Friday, Oct. 23", "the early morning hours of 30 April"
    if a.kind == "relday" and sa.part_of_day and sa.anchor == "reference" and gap in (" of ", " hours of ") \
            and b.kind in ("date", "weekday") and (sb.day is not None or sb.weekday is not None):
        said = replace(sb, part_of_day=sa.part_of_day)
        return Piece(a.start, b.end, "date", a.rule + "+" + b.rule, said)
    return None


# between clock times that share the zone written after the last: "9 a.m. or 10 a.m.
# Eastern", "8 p.m. Friday and 9 p.m. Saturday ET", "11 p.m. Saturday to 3 a.m. Sunday ET"
_SHARED_ZONE_GAP = re.compile(r"\s(?:or|and|to|until|till|through)\s|,\s(?:and|to|until|till|through)\s|\s?[-–]\s?")
_LIST_COMMA = re.compile(r",\s")


def _shared_zones(pieces: list[Piece], text: str) -> list[Piece]:
    """A clock time with no zone before another that has one, joined by "or", "and" or
    "to", takes that zone: the zone is written once for the list. Read from the end, so
    the zone carries back along a list ("9 a.m., 10 a.m. and 11 a.m. CET"). Both must be
    written alike (two "a.m."/"p.m." times, two 24-hour times): a restatement switches
    style ("9 p.m. or 0100 GMT", "9 p.m., or 0100 GMT": two zones). A comma passes on
    only a zone that was itself passed on, since a comma right before a written zone is
    an apposition ("at 9 a.m., 1400 GMT")."""
    out = pieces
    passed_on = False  # whether out[i + 1] took its zone from the piece after it
    for i in range(len(pieces) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        shares = a.kind in ("clock", "range") and b.kind in ("clock", "range") and a.said.zone_text is None \
            and b.said.zone_text is not None and _written_alike(a, b) \
            and (_SHARED_ZONE_GAP.fullmatch(text, a.end, b.start)
                 or (passed_on and _LIST_COMMA.fullmatch(text, a.end, b.start)))
        if shares:
            if out is pieces:
                out = list(pieces)
            out[i] = Piece(a.start, a.end, a.kind, a.rule, replace(a.said, zone_text=b.said.zone_text), a.parts)
        passed_on = bool(shares)
    return out


# in a clock piece's parts: its zone was written on a clock time coordinated with it
ZONE_SHARED = "zone_shared"
# between two clock times of one clause chain: ", and closes at ", " and expired at ",
# " until ", " and then at about " (lower-case words only: a place or a zone between them
# ends the sharing)
_COORDINATED_GAP = re.compile(r",?\s(?:and|then|until|till|to)\s(?:(?:[a-z]+\s){0,4}?"
                              r"(?:at|by|around|about|until|till|from|before|after)\s)?"
                              r"(?:(?:about|around|roughly|approximately|just)\s)?")
# a restatement in parentheses right after a zoned clock time: "3:47 p.m. CDT (2047 GMT)"
_PAREN_OPEN = re.compile(r"\s?[(\[]")


def _coordinated_zones(pieces: list[Piece], text: str) -> list[Piece]:
    """A clock time with no zone joined to a zoned one of its clause chain by "and",
    "until", "to" or "then", with at most a few lower-case words between ("opens at 9:30
    a.m. and closes at 4 p.m. Eastern", "was issued at 3:47 p.m. CDT and expired at 4:30
    p.m."), takes that zone, in either direction, marked ZONE_SHARED in its parts (a zone_shared note). Both
    written alike (see _written_alike); not across a journey ("left at 9 a.m. GMT and
    landed at 4 p.m.": the second is read where the traveller is then), and not when the
    zoned times on either side disagree. A parenthesised restatement after the zoned time
    is passed over ("3:47 p.m. CDT (2047 GMT) and expired at 4:30 p.m.")."""
    out = pieces
    n = len(pieces)
    for i, p in enumerate(pieces):
        if p.kind not in ("clock", "range") or p.said.zone_text is not None or p.said.unknown_zone is not None:
            continue
        zones: set[str] = set()
        picked: str | None = None
        left = _coordinated_left(pieces, i, text)
        if left is not None:
            picked = left.said.zone_text
            zones.add((picked or "").lower())
        if i + 1 < n:
            b = pieces[i + 1]
            if _coordinated(p, b, p.end, text):
                picked = picked or b.said.zone_text
                zones.add((b.said.zone_text or "").lower())
        if picked is None or len(zones) != 1:
            continue
        if out is pieces:
            out = list(pieces)
        # marked in parts, not in Said: a field more in Said costs ~1% on every mention
        out[i] = Piece(p.start, p.end, p.kind, p.rule, replace(p.said, zone_text=picked), (*p.parts, ZONE_SHARED))
    return out


def _coordinated_left(pieces: list[Piece], i: int, text: str) -> Piece | None:
    """The zoned clock time before ``pieces[i]`` that passes it its zone, if any (see
    _coordinated_zones)."""
    if i == 0:
        return None
    a, p = pieces[i - 1], pieces[i]
    gap_from = a.end
    if a.said.zone_text is not None and not _written_alike(a, p) and i >= 2 and text.startswith(")", a.end) \
            and _PAREN_OPEN.fullmatch(text, pieces[i - 2].end, a.start):
        a, gap_from = pieces[i - 2], a.end + 1  # "3:47 p.m. CDT (2047 GMT) and expired at 4:30 p.m."
    place = a.said.zone_text
    if place is not None and text.startswith(" in " + place, gap_from):
        gap_from += 4 + len(place)  # "opens at 9 a.m. in Tokyo and closes at 3 p.m.": the place read as its zone
    return a if _coordinated(a, p, gap_from, text) else None


def _coordinated(a: Piece, b: Piece, gap_from: int, text: str) -> bool:
    """Whether clock times ``a`` and ``b`` (in text order, ``a``'s text ending at
    ``gap_from``) are coordinated so that the one with a zone serves the other."""
    zoned = b if a.said.zone_text is None else a
    if a.kind not in ("clock", "range") or b.kind not in ("clock", "range") or zoned.said.zone_text is None \
            or not _written_alike(a, b) or a.said.unknown_zone or b.said.unknown_zone:
        return False
    if b.start - gap_from > 48 or _COORDINATED_GAP.fullmatch(text, gap_from, b.start) is None:
        return False
    gap = text[gap_from:b.start]
    return not any(w in _travel_verbs() for w in gap.split())


@cache
def _travel_verbs() -> frozenset[str]:
    return frozenset(lexicon().travel_verbs)


def _zones_repeated(pieces: list[Piece], text: str) -> list[Piece]:
    """"7 p.m. ET/PT" (broadcast listings): the same wall clock in a second zone, a
    mention of its own spanning that zone's abbreviation (rule clock.zone_repeat; never
    linked as a restatement: the two are different instants). _drop_overlaps sorts."""
    extra: list[Piece] = []
    for i, p in enumerate(pieces):
        if p.kind != "clock" or p.said.zone_text is None or not text.startswith("/", p.end):
            continue
        m = _REPEATED_ZONE.match(text, p.end)
        if m is None or not zone_ok(m.group(1)) or not zone_ok(p.said.zone_text):
            continue
        if i + 1 < len(pieces) and pieces[i + 1].start < m.end():
            continue  # "7 p.m. ET/4 p.m. PT": a time of its own follows
        extra.append(Piece(m.start(1), m.end(1), "clock", "clock.zone_repeat", replace(p.said, zone_text=m.group(1))))
    return pieces + extra if extra else pieces


_REPEATED_ZONE = re.compile(r"/\s?([A-Z]{2,4})(?![\w/])")


def _periods_ending(pieces: list[Piece], text: str) -> list[Piece]:
    """A period followed by the day or month it ends with ("the week ended Oct. 25", "the
    year to September", "the six months ended Aug. 12"): the period is that stretch
    (kind period_to, the end's fields in its said). Both stay mentions of their own, as
    TimeML marks them."""
    out = pieces
    for i in range(len(pieces) - 1):
        a, b = pieces[i], pieces[i + 1]
        if b.kind != "date" or b.said.month is None or b.said.until_day is not None \
                or not _PERIOD_TO_GAP.fullmatch(text, a.end, b.start):
            continue
        period = _period_to(a, text)
        if period is None:
            continue
        if out is pieces:
            out = list(pieces)
        unit, amount = period
        out[i] = Piece(a.start, a.end, "period_to", a.rule, replace(b.said, unit=unit, amount=amount), a.parts)
    return out


def _hour_of_part(hour: int, part: str) -> int:
    """A clock time in words ("a quarter past ten", read 10:15 or, one to six, 13:15 to
    18:15) put in the part of the day written with its day: the afternoon's and evening's
    hours after noon, the night's from 6 on, the morning's before noon."""
    twelve = hour % 12
    if part in ("AF", "EV") or (part == "NI" and twelve >= 6):
        return twelve + 12
    if part == "MO" or (part == "NI" and twelve < 6):
        return twelve
    return hour


def _period_to(a: Piece, text: str) -> tuple[str, float] | None:
    """The unit and count of a period that a day or month after it ends: "the week",
    "the year", "the quarter" (three months), "the three months", "the 12 months"."""
    sa = a.said
    if a.rule == "date.the_unit" and sa.unit in _PERIOD_UNITS and sa.shift == 0 and sa.anchor == "publication":
        return ("month", 3.0) if sa.unit == "quarter" else (sa.unit or "year", 1.0)
    if a.rule == "date.quarter" and sa.quarter is None and sa.shift is None and sa.year is None:
        return "month", 3.0  # "the quarter ended Sept. 30"
    if a.rule == "dur.count" and sa.amount and sa.shift is None and sa.unit in _PERIOD_UNITS \
            and text.startswith(("the ", "The "), a.start):
        return ("month", 3.0 * sa.amount) if sa.unit == "quarter" else (sa.unit or "year", sa.amount)
    return None


def _written_alike(a: Piece, b: Piece) -> bool:
    """Whether two clock times are written in one style: both with "a.m."/"p.m." (or
    noon, midnight), or both on a 24-hour clock."""
    return (a.said.meridiem is not None or (a.said.hour in (0, 12) and "clock.word" in a.rule)) \
        == (b.said.meridiem is not None or (b.said.hour in (0, 12) and "clock.word" in b.rule))


# A day of a list: "1", "25", "4th" (not part of a longer number or word).
_LIST_DAY = r"(?P<item>(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?![\w])"
# after a date: ", 6", " and 7", ", and 7", " or 25", " to 26" (c: a comma, the list goes on)
_DAY_AFTER = re.compile(r"(?:(?P<c>,)\s|,?\s(?P<w>and|or|&|to|through|until|till)\s)" + _LIST_DAY)
# before a date, read back from its start: "3rd and ", "3, " (c: a comma, more may come before)
_DAY_BEFORE = re.compile(r"(?<![\w.,:/$€£#-])" + _LIST_DAY + r"(?:(?P<c>,)\s|,?\s(?:and|or|&)\s)\Z")
_SPAN_WORDS = frozenset({"to", "through", "until", "till"})
# before a date written day first, read back from its start: "12 to " in "from 12 to 14 June"
# ("the 14th to " in "from the 14th to the 16th of March")
_SPAN_START_BEFORE = re.compile(r"(?<![\w.,:/$€£#-])(?:(?P<the>[Tt]he)\s)?" + _LIST_DAY
                                + r"\s(?:to|through|until|till)\s\Z")
_BEFORE_CONNECTOR_ENDS = frozenset("dDrR&,")  # the last character of "and", "or", "&", ","


@cache
def _list_end() -> re.Pattern[str]:
    """What may follow the last day of a list: the end of a clause or a word that cannot
    be the noun a number counts ("June 24 and 25 in Madrid", not "June 24 and 25
    people"; the words are lexicon [phrases])."""
    return re.compile(r"\s*(?:[.,;:!?)\]\"'”’—–]|\Z)|\s" + alt(lexicon().after_list_day) + r"(?![\w])")

_LIST_YEAR = re.compile(r",?\s(?P<y>1[0-9]\d\d|20\d\d)(?![\w])")
_LISTS_WITH = frozenset({"date.month_day", "date.day_month"})
_DAYS_IN = tuple(calendar.monthrange(2000, m)[1] for m in range(1, 13))  # a leap year: the most days of each month
_Listed = tuple[int, int, int]  # start, end, day


def _day_lists(pieces: list[Piece], text: str) -> list[Piece]:
    """Days listed beside a date, each a date of its own in that month ("June 24 and 25",
    "May 5, 6 and 7", "the 3rd and 4th of June"), and "June 24 to 26" one span of days
    (as "June 24-26" is).

    The days must rise and fit the month. The day next to the date is joined to it by
    "and", "or" or "to" (a comma alone lists nothing: "On June 24, 25 were hurt"); the
    last day of a list after the date ends a clause or comes before a word that cannot
    be the noun a number counts ("on June 24 and 25 people died" lists nothing); a year
    after it serves the whole list."""
    out = pieces
    for i, p in enumerate(pieces):
        said = p.said
        if p.rule not in _LISTS_WITH or said.day is None or said.month is None or said.until_day is not None:
            continue
        first = _span_start_before(text, p, said.day)
        if first is not None:  # "from 12 to 14 June": one span of days, as "12-14 June" is
            if out is pieces:
                out = list(pieces)
            if text[p.start].isdigit():
                out[i] = Piece(first[0], p.end, p.kind, p.rule, replace(said, day=first[2], until_day=said.day),
                               p.parts)
            else:  # "from the 14th to the 16th of March": two dates, as TimeML marks them
                out.append(Piece(first[0], first[1], "date", "date.day_list", replace(said, day=first[2])))
            continue
        after, year, span = _listed_after(text, p.end, said.day, _DAYS_IN[said.month - 1])
        before = _listed_before(text, p.start, said.day)
        if not after and not before:
            continue
        if out is pieces:
            out = list(pieces)
        if year is not None and said.year is None:
            said = replace(said, year=year)
        if span:  # "June 24 to 26": one span of days
            (_, end, last), after = after[0], []
            out[i] = Piece(p.start, end, p.kind, p.rule, replace(said, until_day=last), p.parts)
        elif said is not p.said:
            out[i] = Piece(p.start, p.end, p.kind, p.rule, said, p.parts)
        for start, end, day in (*before, *after):
            out.append(Piece(start, end, "date", "date.day_list", replace(said, day=day)))
    return out


def _listed_after(text: str, pos: int, first: int, limit: int) -> tuple[list[_Listed], int | None, bool]:
    """The days listed after a date that ends at ``pos`` and states day ``first``, the
    year written after the last, and whether they are the end of a span ("to 26")."""
    found: list[_Listed] = []
    last = first
    while True:
        m = _DAY_AFTER.match(text, pos)
        if m is None:
            return [], None, False  # ", 6" must go on to "and 7"
        day = int(m.group("d"))
        if not last < day <= limit or (m.group("w") in _SPAN_WORDS and found):
            return [], None, False
        last, pos = day, m.end()
        found.append((m.start("item"), pos, day))
        if m.group("c") is None:
            break
    span = m.group("w") in _SPAN_WORDS
    y = _LIST_YEAR.match(text, pos)
    if y is not None:
        found[-1] = (found[-1][0], y.end(), last)
        return found, int(y.group("y")), span
    if _list_end().match(text, pos) is None:
        return [], None, False
    return found, None, span


def _span_start_before(text: str, date: Piece, head: int) -> _Listed | None:
    """The first day of a span written before a date that states its day first and
    ``head`` as the last ("12 to " before "14 June"), if there is one."""
    pos = date.start
    if date.rule != "date.day_month" or pos < 6 or text[pos - 2] not in "oOhHlL":
        return None  # not "... to 14 June"
    if not text[pos].isdigit():
        if not text.startswith(("the ", "The "), pos) or text[pos - 3 : pos] != "to ":
            return None  # "the 16th of March" only after "the 14th to"
    m = _SPAN_START_BEFORE.search(text, max(0, pos - 16), pos)
    with_the = not text[pos].isdigit()  # "the 14th to the 16th of March": from the first "the"
    if m is None or not int(m.group("d")) < head or (with_the and m.group("the") is None):
        return None
    return m.start("the") if with_the else m.start("item"), m.end("item"), int(m.group("d"))


def _listed_before(text: str, pos: int, head: int) -> list[_Listed]:
    """The days listed before a date that starts at ``pos`` and states day ``head``
    ("the 3rd and 4th of June": 3), in text order."""
    found: list[_Listed] = []
    nxt = head
    # a list item ends with "and ", "or ", "& " or ", " right before: most dates have none
    while pos >= 2 and text[pos - 2] in _BEFORE_CONNECTOR_ENDS:
        m = _DAY_BEFORE.search(text, max(0, pos - 12), pos)
        if m is None or (m.group("c") is not None and not found):
            break  # next to the date, a comma lists nothing ("On 3, 4 June")
        day = int(m.group("d"))
        if not day < nxt:
            break
        found.append((m.start("item"), m.end("item"), day))
        nxt, pos = day, m.start()
    return found[::-1]


# "this morning Tuesday" names its day twice; "overnight Sunday" may be either night
_OWN_DAY = re.compile(r"(?i:this|tonight|overnight)\b")
_LONG_GAPS = frozenset({" hours of ", " until ", " through "})
# between a period and the day or month it ends with: "the week ended Oct. 25", "the year to September"
_PERIOD_TO_GAP = re.compile(r"\s(?:ended|ending|to|through)(?:\son)?\s")
_PERIOD_UNITS = frozenset({"week", "month", "quarter", "year"})
_LONGEST_GAP = max(6, *map(len, _LONG_GAPS))  # the longest gap _join lets pieces join across
_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween\s$")
_DAY_FIELDS = ("year", "month", "day", "weekday", "relative_day")


def _clock_range(a: Piece, b: Piece, gap: str, text: str) -> Piece | None:
    """Two clock times as one range: the end's zone (or the start's) and day serve the
    whole range; a start with a day of its own is no range's ("10 p.m. Friday to 5 a.m.
    Monday"). "and" needs "between" before the start ("at 10 a.m. and noon" are two
    times); two different zones are no range, nor is a change of time ("moved from 9
    a.m. to noon"), nor two times written in different styles, as a restatement is."""
    sa, sb = a.said, b.said
    if sa.hour is None or sb.hour is None or sa.until_hour is not None or sb.until_hour is not None:
        return None
    if not _written_alike(a, b):
        return None  # "at 3:40 a.m. — 0040 GMT —": a restatement switches style
    if gap.strip() == "and" and not _BETWEEN_BEFORE.search(text, max(0, a.start - 8), a.start):
        return None
    if moved_from().search(text, max(0, a.start - 30), a.start):
        return None
    if sa.zone_text is not None and sb.zone_text is not None and sa.zone_text.lower() != sb.zone_text.lower():
        return None
    if any(getattr(sa, f) is not None for f in _DAY_FIELDS):
        return None  # "10 p.m. Friday to 5 a.m. Monday": each end has its day
    said = replace(sb, hour=sa.hour, minute=sa.minute, meridiem=sa.meridiem, until_hour=sb.hour,
                   until_minute=sb.minute, zone_text=sb.zone_text or sa.zone_text)
    return Piece(a.start, b.end, "range", a.rule + "+" + b.rule, said, ("clock", "clock"))


@cache
def _zone_after_pattern() -> re.Pattern[str]:
    # the zone must end the phrase: ", US officials said" names no zone
    return re.compile(r",?\s(?P<zone>" + words().zone + r")(?=\s?[(\[),;.:—–]|\s?$|\s(?:on|in|at|and|or|to|for|"
                      r"when|with|but)\s)")


def _zone_after(text: str, pos: int) -> tuple[int, str | None]:
    """A zone name written after a clock time's day, ending the phrase ("7 p.m. Thursday,
    local time", "10 a.m. Friday Moscow time."): where it ends and its text, or ``pos``
    and None."""
    m = _zone_after_pattern().match(text, pos)
    if m is None or not zone_ok(m.group("zone")):
        return pos, None
    return m.end(), m.group("zone")


def _drop_overlaps(pieces: list[Piece]) -> list[Piece]:
    pieces.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[Piece] = []
    for p in pieces:
        if out and p.start < out[-1].end:
            if p.end - p.start > out[-1].end - out[-1].start:
                out[-1] = p
            continue
        out.append(p)
    return out


@cache
def scanner() -> Scanner:
    """The English scanner, compiled once per process on first use."""
    return Scanner(all_rules())
