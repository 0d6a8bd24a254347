"""What every rule shares: the Piece it proposes, the Rule record and word patterns.

A rule is a regular expression with named groups plus a ``build`` function that turns
a match into a :class:`Piece` (or rejects it from local context). Patterns are built
from the lexicon's word lists, never typed in here, and must not backtrack badly:
no nested quantifiers, every repetition bounded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..lexicon import lexicon
from ..types import Said

__all__ = [
    "APOSTROPHE", "DIGIT", "FOUR_DIGITS", "SHORT_NUMBER", "SINCE_BEFORE", "Groups", "Piece", "Rule", "alt", "cap_alt",
    "gint", "number_value",
]

Groups = dict[str, str | None]


@dataclass(slots=True)
class Piece:
    """A candidate time expression: span, kind, the rule that found it and what it said.

    kind is one of: clock, date, weekday, relday, pod, relunit, year, quarter, season,
    decade, duration, set, ref, range, holiday, ago, era (a year before the Christian era).
    """

    start: int
    end: int
    kind: str
    rule: str
    said: Said
    parts: tuple[str, ...] = field(default=())


# "since" right before a mention: "since August" is the last August, "since year-end" the last year end
SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")
# after "the last day", "the last week": what makes it the final one of something ("the last
# day of school", "the last day to register"), not the stretch before publication
FINAL_AFTER = re.compile(r"\s(?:of|to|for|before)\b")

DIGIT = "0"  # in Rule.starts: the rule may start with a number of any length
SHORT_NUMBER = "00"  # in Rule.starts: the rule may start with a number of one or two digits
FOUR_DIGITS = "0000"  # in Rule.starts: the rule may start with a number of exactly four digits
APOSTROPHE = "'"  # in Rule.starts: the rule may start with an apostrophe ("'90s")


@dataclass(frozen=True, slots=True)
class Rule:
    """One extraction rule: a stable id, a pattern and its builder.

    ``starts`` lists the lower-case words a match can begin with (plus DIGIT and
    APOSTROPHE); the scanner only tries rules where such a word begins, which is
    what keeps it fast. A test checks the list against the pattern on real text.

    ``after`` narrows that further for some starts: it maps a start (a word or DIGIT,
    SHORT_NUMBER, FOUR_DIGITS) to the lower-case strings one of which begins (in any
    case) what follows the start in every match the builder accepts, after any blanks
    (and, after a number, after all of its digits): "2025" followed by "," is never a
    military time. A start it does not list may be followed by anything. A test checks these
    lists on real text too.
    """

    id: str
    pattern: str
    build: Callable[[Groups, int, int, str], Piece | None]
    starts: frozenset[str] = frozenset()
    after: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)


def trie_regex(words: Iterable[str]) -> str:
    """A regex body matching any of ``words`` (a space in one matches any blank),
    factored as a trie ("sept(?:ember)?|sat(?:urday)?"...): the engine reads each
    character once instead of trying every word in turn, which is what a pattern spends
    most of its time on where it does not match. A trie tries a longer word before each
    of its prefixes, as a longest-first alternation does, so both match alike."""
    return _trie(frozenset(words))


@cache
def _trie(words: frozenset[str]) -> str:
    """trie_regex of a frozen set: the rules ask for the same word lists many times."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:  # a space is a node of its own, emitted as any blank
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def alt(words: Iterable[str], *, dot: bool = False) -> str:
    """A non-capturing group matching any of ``words``, longest first, spaces matching any
    blank (a trie: see :func:`trie_regex`)."""
    return f"(?:{trie_regex(words)})" + (r"\.?" if dot else "")


def cap_alt(words: Iterable[str]) -> str:
    """Like :func:`alt` but only in Title Case or UPPER CASE ("May", "MAY", not "may")."""
    variants: set[str] = set()
    for w in words:
        variants.add(w[:1].upper() + w[1:])
        variants.add(w.upper())
    return alt(variants)


def gint(g: Groups, key: str) -> int | None:
    """The integer in group ``key``, or None when the group did not take part."""
    value = g.get(key)
    return int(value) if value else None


_FRACTION = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "½": 0.5}


_BLANKS = re.compile(r"\s+")


def number_value(text: str, numbers: Mapping[str, float] | None = None) -> float | None:
    """Value of a count written in digits, words ("twenty-five") or with a fraction;
    the words are the lexicon's numbers unless ``numbers`` is given."""
    t = text.strip()
    if t.isascii() and t.isdigit():
        return float(t)  # the common case, "90"
    if numbers is None:
        return _lexicon_number(t)
    return _words_number(t, numbers)


@lru_cache(maxsize=1024)
def _lexicon_number(text: str) -> float | None:
    """number_value in the lexicon's number words (remembered: news repeats its few
    counts written out, "two", "a dozen", "several")."""
    return _words_number(text, lexicon().numbers)


def _words_number(text: str, numbers: Mapping[str, float]) -> float | None:
    """number_value of a stripped text that is not plain ASCII digits."""
    t = _BLANKS.sub(" ", text.lower())
    if not t:
        return None
    total = 0.0
    for frac, val in _FRACTION.items():
        if t.endswith(frac):
            total += val
            t = t[: -len(frac)].strip()
            break
    if t.endswith("and a half"):
        total += 0.5
        t = t[: -len("and a half")].strip()
    if not t:
        return total or None
    t = t.replace(",", "")
    try:
        return total + float(t)
    except ValueError:
        pass
    if t in numbers:
        return total + numbers[t]
    value = 0.0
    for word in t.replace("-", " ").split(" "):
        if word in numbers:
            value += numbers[word]
        elif word == "and":
            continue
        else:
            return None
    return total + value if value else None
