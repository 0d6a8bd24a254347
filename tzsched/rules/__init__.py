"""Extraction rules, one module per expression family.

The order of :func:`all_rules` is the order in which rules are tried at a position:
longer and more specific shapes come first, so that "the past 20 years" is a
duration before "the past" can be a vague reference, and "from 9 to 11 a.m." is a
range before "11 a.m." can be a clock time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..lexicon import Lexicon, lexicon
from . import clock, date, duration, relative
from .base import APOSTROPHE, DIGIT, FOUR_DIGITS, SHORT_NUMBER, Piece, Rule

__all__ = ["Piece", "Rule", "all_rules"]


def _by_id(rules: list[Rule]) -> dict[str, Rule]:
    return {r.id: r for r in rules}


def _starts(lex: Lexicon) -> dict[str, frozenset[str]]:
    """The lower-case words each rule's matches can begin with (see Rule.starts).

    tests/test_scan.py checks, on real text, that the scanner with this table finds
    exactly what the rules find when tried at every word.
    """

    def first(words: Iterable[str]) -> set[str]:
        return {w.split()[0].split("'")[0] for w in words}

    plural_units = {k for k in lex.units if k.endswith("s")}
    one_to_twelve = {w for w, v in lex.numbers.items() if " " not in w and 1 <= v <= 12}
    return {
        "range.clock": frozenset({"from", "between", SHORT_NUMBER}),
        "range.military": frozenset({"from", "between", FOUR_DIGITS}),
        "date.iso": frozenset({FOUR_DIGITS}),
        "date.numeric": frozenset({SHORT_NUMBER}),
        "clock.military": frozenset({FOUR_DIGITS}),
        "clock.24h": frozenset({SHORT_NUMBER}),
        "clock.meridiem": frozenset({SHORT_NUMBER}),
        "clock.oclock": frozenset({SHORT_NUMBER, *one_to_twelve}),
        "clock.word": frozenset({SHORT_NUMBER, "twelve", "high", "noon", "midnight", "midday", "mid"}),
        "date.month_day": frozenset(lex.months),
        "date.day_month": frozenset({"the", SHORT_NUMBER, *lex.ordinals}),
        "date.quarter_short": frozenset({"q1", "q2", "q3", "q4", "h1", "h2"}),
        "date.month_year": frozenset(lex.months),
        "date.quarter": frozenset({
            "the", "same", "latest", "current", "previous", "prior", "past", "last", "year", "comparable",
            "recent", "next", "coming", "following", "preceding", "fiscal", "corresponding", "first", "second", "third",
            "fourth", "final", "quarter", "half", FOUR_DIGITS, SHORT_NUMBER,
        }),
        "date.fiscal_year": frozenset({"fiscal"}),
        "date.year_ago": frozenset({"year"}),
        "date.period_end": frozenset({"year", "month", "quarter"}),
        "date.the_unit": frozenset({"the", "that"}),
        "date.decade": frozenset({"the", "early", "mid", "late", FOUR_DIGITS, APOSTROPHE}),
        "date.century": frozenset({"the", "early", "mid", "late", SHORT_NUMBER, *lex.ordinals}),
        "rel.day_far": frozenset({"the"}),
        "rel.next_day": frozenset({"the"}),
        "rel.weekend": frozenset({"the", "this", "last", "next", "past", "coming", "that"}),
        "dur.count": frozenset({"the", "past", "last", "next", "coming", "previous", "following", "first", DIGIT,
                                *first(lex.numbers), *first(lex.vague_quantity)}),
        "dur.the_past_unit": frozenset({"the"}),
        "rel.unit": frozenset({"early", "late", "mid", "earlier", "later", *lex.shift_words}),
        "date.season": frozenset({"this", "last", "next", "past", "coming", "the", "early", "late", "mid",
                                  *lex.seasons}),
        "date.holiday": frozenset(first([*lex.holidays, *lex.movable_holidays])),
        "rel.weekday": frozenset({"early", "late", *lex.shift_words, *lex.weekdays,
                                  *(w + "s" for w in lex.weekdays if len(w) > 5)}),
        "rel.day": frozenset(lex.relative_days),
        "rel.part_of_day": frozenset({"early", "late", "this", "last", "the", "that", "tomorrow", "yesterday",
                                      "next", "overnight", *lex.parts_of_day}),
        "set.every": frozenset({"every", "each", "per"}),
        "set.frequency": frozenset({"once", "twice", "thrice", DIGIT, *first(lex.numbers)}),
        "set.word": frozenset(lex.set_words),
        "ref.recent_units": frozenset({"recent", "past", "coming"}),
        "dur.vague_long": frozenset(plural_units),
        "dur.vague": frozenset(plural_units),
        "date.month": frozenset(lex.months),
        "ref.word": frozenset(first(lex.references)),
        "date.year": frozenset({FOUR_DIGITS}),
        "date.year_span": frozenset({FOUR_DIGITS}),
        "date.year_span_end": frozenset({FOUR_DIGITS, SHORT_NUMBER}),
    }


def all_rules() -> list[Rule]:
    c = _by_id(clock.rules())
    d = _by_id(date.rules())
    r = _by_id(relative.rules())
    u = _by_id(duration.rules())
    order = [
        c["range.clock"], c["range.military"], d["date.iso"], d["date.numeric"],
        c["clock.military"], c["clock.24h"], c["clock.meridiem"], c["clock.oclock"], c["clock.word"],
        d["date.month_day"], d["date.day_month"], d["date.month_year"],
        d["date.quarter"], d["date.year_ago"], d["date.period_end"], d["date.fiscal_year"], d["date.decade"],
        d["date.century"],
        r["rel.day_far"], r["rel.next_day"], r["rel.weekend"],
        u["dur.count"], u["dur.the_past_unit"],
        r["rel.unit"], d["date.the_unit"], d["date.season"], d["date.holiday"],
        r["rel.weekday"], r["rel.day"], r["rel.part_of_day"],
        u["set.every"], u["set.frequency"], u["set.word"], r["ref.recent_units"], u["dur.vague_long"], u["dur.vague"],
        d["date.month"], r["ref.word"], d["date.year_span"], d["date.year_span_end"], d["date.year"],
        d["date.quarter_short"],
    ]
    starts = _starts(lexicon())
    order = [replace(rule, starts=starts[rule.id]) for rule in order]
    ids = [rule.id for rule in order]
    every = {**c, **d, **r, **u}
    missing = sorted(set(every) - set(ids))
    if missing or len(ids) != len(set(ids)):
        raise AssertionError(f"rule order lists {ids}; missing {missing}")
    return order
