"""Regex fragments built once from the lexicon's word lists (see tzsched/data/en.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon import lexicon
from .base import alt, cap_alt

__all__ = ["Words", "words"]


@dataclass(frozen=True, slots=True)
class Words:
    month: str  # a month name or abbreviation, Title/UPPER case, optional dot after abbreviations
    month_full: str  # full month names and dotted abbreviations only (bare "Mar" is not a month)
    weekday: str
    number: str  # a count in digits or words
    ordinal_word: str
    unit: str  # singular or plural unit word
    pod: str  # part of day
    season: str
    meridiem: str
    zone: str  # a zone written after a clock time (checked against the tables by the rule)
    shift: str


@cache
def words() -> Words:
    lex = lexicon()
    month_names = [w for w in lex.months if len(w) > 4 or w in ("may", "june", "july")]
    month_abbr = [w for w in lex.months if w not in month_names]
    month = f"(?:{cap_alt(month_names)}|{cap_alt(month_abbr)}\\.?)"
    month_full = f"(?:{cap_alt(month_names)}|{cap_alt(month_abbr)}\\.)"
    day_names = [w for w in lex.weekdays if len(w) > 5]
    day_abbr = [w for w in lex.weekdays if len(w) <= 5]
    weekday = f"(?:{cap_alt(day_names)}|{cap_alt(day_abbr)}\\.)"
    tens = [w for w, v in lex.numbers.items() if " " not in w and v >= 20 and v % 10 == 0 and v < 100]
    ones = [w for w, v in lex.numbers.items() if " " not in w and 1 <= v <= 9 and w not in ("a", "an")]
    single = [w for w in lex.numbers if " " not in w]
    number = (
        r"(?:\d{1,4}(?:[.,]\d{1,2})?(?:\s?(?:1/2|1/4|3/4)|½)?"
        rf"|{alt(tens)}[\s-]{alt(ones)}|{alt(single)}(?:\s(?:and\s)?a\shalf)?"
        rf"|{alt(w for w in lex.numbers if ' ' in w)}|{alt(lex.vague_quantity)})"
    )
    units = alt(lex.units)
    # Named zones ending in "time" come first, so that "Central European Time" is not
    # read as "Central"; the bare US region names follow, then abbreviations.
    zone = (
        r"(?:(?:UTC|GMT)\s?[+\-−–]\s?\d{1,2}(?::?\d{2})?(?!\d)"
        r"|(?:[A-Z][\w'’.\-]{1,24}(?:\s(?:" + alt(lex.place_particles) + r"\s)?"
        r"[A-Z][\w'’.\-]{1,24}){0,2}\s)?"
        r"(?:(?:local|standard|summer|daylight|Local|Standard|Summer|Daylight)\s){0,2}[Tt]ime(?![\w])"
        r"|(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|Newfoundland)"
        r"(?:\s(?:Standard|Daylight|standard|daylight))?(?![\w])"
        r"|Zulu(?![\w])|[A-Z]{1,5}(?![\w])"
        # "8 p.m. local (1900 GMT)": "local" alone, where a clause or a bracket follows it,
        # or a day ("0900 local on Wednesday"; not "the 8 p.m. local news")
        r"|[Ll]ocal(?=\s?[(\[),;.:—–]|\s?$|\s(?:on\s)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
        r"|\s(?:today|tomorrow|tonight)\b))"
    )
    return Words(
        month=month,
        month_full=month_full,
        weekday=weekday,
        number=number,
        ordinal_word=alt(lex.ordinals),
        unit=units,
        pod=alt(lex.parts_of_day),
        season=alt(lex.seasons),
        meridiem=r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM](?![\w]))",
        zone=zone,
        shift=alt(lex.shift_words),
    )
