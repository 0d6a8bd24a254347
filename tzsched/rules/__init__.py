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
        "date.numeric_dotted": frozenset({SHORT_NUMBER}),
        "clock.military": frozenset({FOUR_DIGITS}),
        "clock.24h": frozenset({SHORT_NUMBER}),
        "clock.meridiem": frozenset({SHORT_NUMBER}),
        "clock.oclock": frozenset({SHORT_NUMBER, *one_to_twelve}),
        "clock.past_to": frozenset({"half", "quarter", "a", "five", "ten", "twenty"}),
        "clock.tv_listing": frozenset({SHORT_NUMBER}),
        "clock.word": frozenset({SHORT_NUMBER, "twelve", "high", "noon", "midnight", "midday", "mid"}),
        "date.month_day": frozenset(lex.months),
        "date.day_month": frozenset({"the", SHORT_NUMBER, *lex.ordinals}),
        "date.quarter_short": frozenset({"q1", "q2", "q3", "q4", "h1", "h2"}),
        "date.month_year": frozenset(lex.months),
        "date.bare_ordinal": frozenset({"the"}),
        "date.month_quarter": frozenset({"the", *lex.months}),
        "date.nth_weekday": frozenset({"the", *date.NTH_WEEK} - {"1st", "2nd", "3rd", "4th"} | {SHORT_NUMBER}),
        "date.week_of_month": frozenset({"the", "first", "second", "third", "fourth", "last", "final"}),
        "date.quarter": frozenset({
            "the", "same", "latest", "current", "previous", "prior", "past", "last", "year", "comparable",
            "recent", "next", "coming", "following", "preceding", "fiscal", "corresponding", "first", "second", "third",
            "fourth", "final", "quarter", "half", FOUR_DIGITS, SHORT_NUMBER,
        }),
        "date.fiscal_year": frozenset({"fiscal", "fy"}),
        "date.year_ago": frozenset({"year"}),
        "date.period_end": frozenset({"year", "month", "quarter", "week"}),
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
                                  "that", "following", "previous", "preceding", *lex.seasons}),
        "date.holiday": frozenset(first([*lex.holidays, *lex.movable_holidays])),
        "rel.weekday": frozenset({"early", "late", *lex.shift_words, *lex.weekdays,
                                  *(w + "s" for w in lex.weekdays if len(w) > 5)}),
        "rel.day": frozenset(lex.relative_days),
        "rel.part_of_day": frozenset({"early", "late", "mid", "this", "last", "the", "that", "tomorrow", "yesterday",
                                      "next", "overnight", *relative.MID_PARTS, *lex.parts_of_day}),
        "set.every": frozenset({"every", "each", "per"}),
        "set.frequency": frozenset({"once", "twice", "thrice", DIGIT, *first(lex.numbers)}),
        "set.word": frozenset(lex.set_words),
        "set.weekends": frozenset({"weekends"}),
        "ref.recent_units": frozenset({"recent", "past", "coming"}),
        "dur.vague_long": frozenset(plural_units),
        "dur.vague": frozenset(plural_units),
        "date.month": frozenset(lex.months),
        "ref.word": frozenset(first(lex.references)),
        "date.year": frozenset({FOUR_DIGITS}),
        "date.era_year": frozenset({DIGIT, "ad", "a.d."}),
        "date.year_span": frozenset({FOUR_DIGITS}),
        "date.year_span_end": frozenset({FOUR_DIGITS, SHORT_NUMBER}),
    }


def _after(lex: Lexicon, rules_starting: dict[str, frozenset[str]]) -> dict[str, dict[str, frozenset[str]]]:
    """What may follow a start in each rule's matches (see Rule.after), for the starts
    many rules share: numbers, "the", "that", "last", "early", ordinals, the first words
    of phrases. A start not listed may be followed by anything. ``rules_starting`` is
    _starts' table.

    tests/test_scan.py checks, on real text and on hard cases, that every match a rule's
    builder accepts is followed by one of these strings.
    """

    def first(words: Iterable[str]) -> set[str]:
        return {w.split()[0] for w in words}

    def each(starts: Iterable[str], followers: Iterable[str]) -> dict[str, frozenset[str]]:
        """The same followers for several starts."""
        same = frozenset(followers)
        return {start: same for start in starts}

    def next_words(phrases: Iterable[str]) -> dict[str, frozenset[str]]:
        """For the first word of phrases that is no phrase itself, what begins the rest
        of them: the next word ("at" present), up to an apostrophe ("new" year's), or
        the apostrophe ("father" 's); a phrase's spaces are any blanks."""
        phrases = list(phrases)
        whole = set(phrases)
        out: dict[str, set[str]] = {}
        for phrase in phrases:
            head = phrase.split()[0].split("'")[0]
            rest = phrase[len(head) :]
            if head in whole or not rest:
                continue
            out.setdefault(head, set()).update(
                {"'", "’"} if rest[0] == "'" else {rest.split()[0].split("'")[0]})
        return {head: frozenset(followers) for head, followers in out.items()}

    digits = set("0123456789")
    ordinal_suffix = {"st", "nd", "rd", "th"}
    # after the digits of a count, before its unit: "2.5 hours", "5 1/2 hours", "51/2" (five
    # and a half, its digits run together), "5½", "3-day"
    count_digits = {".", ",", "/", "½", "-", *digits}
    dashes = {"-", "–", "—"}
    meridiem = {"a", "p"}  # "a.m.", "pm"
    lead = set(duration.LEADS)
    quarter_words = {"fiscal", "first", "second", "third", "fourth", "final", "quarter", "half", "period"}
    position = {"early", "mid", "late"}
    ordinals = set(lex.ordinals)
    oclock = {"o", "in", "at", "this", "tonight"}  # o'clock, "in the morning", "at night", "this evening"
    # "the", "that", "this", ...: what may follow these in "that evening", "last night"
    pod_leads = {"this", "last", "the", "that", "tomorrow", "yesterday", "next"}
    after_pod_lead = {*relative.PARTS_OF_DAY, *relative.POSITIONS}
    return {
        "range.clock": {SHORT_NUMBER: frozenset({":", ".", *meridiem, "to", "until", "till", "through", "and",
                                                 *dashes}),
                        **each(("from", "between"), digits)},
        "range.military": {FOUR_DIGITS: frozenset({"to", "until", "till", "and", *dashes}),
                           **each(("from", "between"), digits)},
        "date.iso": {FOUR_DIGITS: frozenset({"-", "/", "."})},
        "date.era_year": {DIGIT: frozenset({"bc", "b.c.", "ad", "a.d.", "ce", "c.e."}),
                          **each(("ad", "a.d."), digits)},
        "date.numeric": {SHORT_NUMBER: frozenset({"/"})},
        "date.numeric_dotted": {SHORT_NUMBER: frozenset({".", "-"})},
        # a zone, "hours" or "in <place>" must follow: all begin with a letter
        "clock.military": {FOUR_DIGITS: frozenset("abcdefghijklmnopqrstuvwxyz")},
        "clock.24h": {SHORT_NUMBER: frozenset({":", "h", "."})},
        "clock.meridiem": {SHORT_NUMBER: frozenset({":", ".", *meridiem})},
        "clock.tv_listing": {SHORT_NUMBER: frozenset({"/", ":"})},
        "date.month_quarter": {"the": frozenset(first(lex.months)),
                               **each(lex.months, {"-", "–", "to", "quarter", "period"})},
        "clock.oclock": each(rules_starting["clock.oclock"], oclock),
        "clock.past_to": {**each(("half", "quarter", "five", "ten", "twenty"), {"past", "after", "to"}),
                          "a": frozenset({"quarter"})},
        "clock.word": {SHORT_NUMBER: frozenset({"noon", "midnight", "mid", ":00 ", ".00 "})},
        "date.bare_ordinal": {"the": frozenset(digits)},
        "date.day_month": {
            SHORT_NUMBER: frozenset({*ordinal_suffix, "of", "-", "–", *first(lex.months)}),  # "22-25 April"
            "the": frozenset({*digits, *first(lex.ordinals)}),
            **each(ordinals, {"of"}),  # "the third of May"
        },
        "date.nth_weekday": {
            "the": frozenset(w[:1] if w[0].isdigit() else w for w in date.NTH_WEEK),
            SHORT_NUMBER: frozenset(ordinal_suffix),
            # "the last Friday of June": a weekday after the ordinal ("last week" is no match)
            **{w: frozenset({*lex.weekdays, "and", "or"}) for w in date.NTH_WEEK if not w[0].isdigit()},
        },
        "date.week_of_month": {"the": frozenset({"first", "second", "third", "fourth", "last", "final"}),
                               **each(("first", "second", "third", "fourth", "last", "final"), {"week", "full"})},
        "date.quarter": {
            # a relation, an ordinal, "fiscal", "year"(-ago): a year, an ordinal or the unit follows
            **each(rules_starting["date.quarter"] - {"the", "quarter", "half", FOUR_DIGITS, SHORT_NUMBER},
                   {"-", *digits, *quarter_words}),
            "the": frozenset({*(w.split("-")[0] for w in date.QUARTER_RELATIONS), *digits, *quarter_words}),
            FOUR_DIGITS: frozenset({*digits, *quarter_words}),
            SHORT_NUMBER: frozenset(ordinal_suffix),
        },
        "date.decade": {"the": frozenset({*position, *digits, "'", "’", *lex.decade_words}),
                        FOUR_DIGITS: frozenset({"s", "'", "’"}),
                        **each(position, {"-", *digits, "'", "’", *lex.decade_words})},
        "date.century": {
            "the": frozenset({*position, *digits, *first(lex.ordinals)}),
            SHORT_NUMBER: frozenset({*ordinal_suffix, "-", "century", "centuries", "and", "or", "to", ","}),
            **each(position, {"-", *digits, *first(lex.ordinals)}),
            **each(ordinals, {"-", "century", "centuries", "and", "or", "to", ","}),
        },
        "rel.day_far": {"the": frozenset({"day"})},
        "rel.next_day": {"the": frozenset(relative.NEXT_DAY_WORDS)},
        "rel.weekend": {**each(rules_starting["rel.weekend"], {"weekend"}),
                        "the": frozenset({"past", "last", "coming", "next", "weekend"})},
        "dur.count": {
            "the": frozenset({*lead, "first", *digits, *first(lex.numbers), *first(lex.vague_quantity)}),
            DIGIT: frozenset({*count_digits, *first(lex.units), *lex.count_unit_between}),
            **each(lead | {"first"}, {*digits, *first(lex.numbers), *first(lex.vague_quantity)}),
        },
        "dur.the_past_unit": {"the": frozenset(lead)},
        "date.the_unit": each(("the", "that"), {*first(lex.unit_qualifiers), "year", "week", "month", "day", "decade"}),
        "date.season": {**each(rules_starting["date.season"] - position - set(lex.seasons), {*position, *lex.seasons}),
                        **each(position, {"-", *lex.seasons}),
                        "the": frozenset({*position, *lex.seasons, "following", "previous", "preceding"})},
        "rel.part_of_day": {**each(pod_leads, after_pod_lead),
                            **each(("early", "late"), {"-", *pod_leads, *after_pod_lead})},
        "set.frequency": {DIGIT: frozenset({*count_digits, "times"})},
        "ref.word": next_words(lex.references),  # "at" present, "the" past
        "date.holiday": next_words([*lex.holidays, *lex.movable_holidays]),  # "new" year's, "father" 's
        "date.year_span": {FOUR_DIGITS: frozenset({"-", "–", "/"})},
    }


def all_rules() -> list[Rule]:
    c = _by_id(clock.rules())
    d = _by_id(date.rules())
    r = _by_id(relative.rules())
    u = _by_id(duration.rules())
    order = [
        c["range.clock"], c["range.military"], d["date.iso"], d["date.numeric"],
        c["clock.military"], c["clock.24h"], c["clock.meridiem"], c["clock.tv_listing"], c["clock.past_to"],
        c["clock.oclock"], c["clock.word"], d["date.numeric_dotted"],
        d["date.month_day"], d["date.day_month"], d["date.month_year"], d["date.bare_ordinal"], d["date.month_quarter"],
        d["date.nth_weekday"],
        d["date.week_of_month"], d["date.quarter"], d["date.year_ago"], d["date.period_end"], d["date.fiscal_year"],
        d["date.decade"], d["date.century"],
        r["rel.day_far"], r["rel.next_day"], r["rel.weekend"],
        u["dur.count"], u["dur.the_past_unit"],
        r["rel.unit"], d["date.the_unit"], d["date.season"], d["date.holiday"],
        r["rel.weekday"], r["rel.day"], r["rel.part_of_day"],
        u["set.every"], u["set.frequency"], u["set.word"], u["set.weekends"], r["ref.recent_units"],
        u["dur.vague_long"], u["dur.vague"],
        d["date.month"], r["ref.word"], d["date.era_year"],
        d["date.year_span"], d["date.year_span_end"], d["date.year"],
        d["date.quarter_short"],
    ]
    starts = _starts(lexicon())
    after = _after(lexicon(), starts)
    order = [replace(rule, starts=starts[rule.id], after=after.get(rule.id, {})) for rule in order]
    ids = [rule.id for rule in order]
    every = {**c, **d, **r, **u}
    missing = sorted(set(every) - set(ids))
    if missing or len(ids) != len(set(ids)):
        raise AssertionError(f"rule order lists {ids}; missing {missing}")
    return order
