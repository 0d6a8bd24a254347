"""Calendar dates: "Feb. 24, 2022", "24 February 2022", "March 2022", "May 5-7", "2022",
"the 1990s", "the third quarter", "fiscal 1989", "this spring", "Christmas"."""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import lexicon
from ..types import Said
from .base import SINCE_BEFORE, Groups, Piece, Rule, alt, gint

__all__ = ["QUARTER_RELATIONS", "rules"]

# "the same quarter", "the year-ago quarter", "the following half"
QUARTER_RELATIONS = ("same", "latest", "current", "previous", "prior", "past", "last", "year-ago", "year-earlier",
                     "year-before", "comparable", "corresponding", "recent", "next", "coming", "following",
                     "preceding")

# Words before a bare month or year that make it a date ("in May", "since 2022").
_DATE_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|during|before|after|through|from|to|and|or|between|"
    r"early|late|mid|last|next|this|that|every|each|until|throughout|the|around|about|circa|year|years|"
    r"fiscal|spring|summer|autumn|fall|winter|end|start|beginning|middle|as\s+of)\s+|[(,–-]\s*|mid-)$",
    re.IGNORECASE,
)
_STRONG_YEAR_CUE = re.compile(
    r"\b(?:in|since|until|till|by|during|before|after|through|from|between|of|circa|year|fiscal|early|"
    r"late|mid)\s+$|mid-$|\b(?:and|to|or)\s+(?:1\d|20)\d\d\s*$",
    re.IGNORECASE,
)
# "in the spring", "during summer": before a season that is a time, not a noun
_SEASON_PREPOSITION = re.compile(
    r"\b(?:in|during|by|until|since|through|over|throughout|(?:end|start|beginning|middle)\s+of)\s+(?:the\s+)?$")
# right after a number, the time it is compared with ("1600 a year earlier", "2040 the
# previous year", "1999 last year"): the number is a count, not a year. Not after a comma:
# "in 1999, the previous year" is a year and its apposition
_COMPARED_WITH = re.compile(
    r"\s+(?:(?:a|one|the)\s+(?:year|month|quarter|week)\s+(?:earlier|ago|before)"
    r"|(?:the\s+)?(?:previous|prior|last)\s+(?:year|month|quarter|week|period))\b",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z%]+)")
_PREV_WORD = re.compile(r"([A-Za-z]+)\.?\s+$")


def _month(text: str) -> int | None:
    return lexicon().months.get(text.rstrip(".").lower())


def _year2(text: str) -> int:
    y = int(text.lstrip("'’"))
    if len(text.lstrip("'’")) == 2:
        y += 1900 if y >= 30 else 2000
    return y


def _mdy(g: Groups, start: int, end: int, text: str) -> Piece | None:
    month = _month(g["mon"] or "")
    day = int(g["d"] or 0)
    if month is None or not 1 <= day <= 31:
        return None
    year = gint(g, "y")
    d2 = gint(g, "d2")
    if d2 is not None and not day < d2 <= 31:
        return None
    if (g["mon"] or "").lower().startswith("may") and year is None and day > 31:
        return None
    return Piece(start, end, "date", "date.month_day", Said(year=year, month=month, day=day, until_day=d2))


def _dmy(g: Groups, start: int, end: int, text: str) -> Piece | None:
    month = _month(g["mon"] or "")
    day = int(g["d"] or 0) if g.get("d") else lexicon().ordinals.get((g.get("dw") or "").lower(), 0)
    if month is None or not 1 <= day <= 31:
        return None
    year = gint(g, "y")
    first = gint(g, "d1")  # "22-25 April 1951": a range of days, written day first
    if first is not None:
        if not first < day:
            return None
        return Piece(start, end, "date", "date.day_month", Said(year=year, month=month, day=first, until_day=day))
    return Piece(start, end, "date", "date.day_month", Said(year=year, month=month, day=day))


# before a bare ordinal day: "on the 22nd", "by the 28th"
_BARE_DAY_BEFORE = re.compile(r"\b(?:on|by|until|till|before|after|since)\s\Z", re.IGNORECASE)


def _bare_ordinal(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"on the 22nd", "by the 28th.": a day of the month around publication (the month
    is the resolver's). Only after a preposition and before a clause's end or "at"
    ("on the 22nd floor" and "the 3rd and 4th of June" are not)."""
    if not _BARE_DAY_BEFORE.search(text, max(0, start - 7), start):
        return None
    if _NOT_A_DAY_AFTER.match(text, end):
        return None  # "on the 22nd, at the top of the tower", "finished on the 18th, two shots back"
    return Piece(start, end, "date", "date.bare_ordinal", Said(day=int(g["d"] or 0)))


# after "on the 22nd": words of a floor, a hole, a lap, a place in a ranking
_NOT_A_DAY_AFTER = re.compile(r"[,;]?\s(?:at\sthe\stop|floor|hole|green|lap|tee|two|three|one|shots?|strokes?|place|"
                              r"spot)\b", re.IGNORECASE)


def _my(g: Groups, start: int, end: int, text: str) -> Piece | None:
    month = _month(g["mon"] or "")
    if month is None:
        return None
    return Piece(start, end, "date", "date.month_year", Said(year=int(g["y"] or 0), month=month))


def _month_only(g: Groups, start: int, end: int, text: str) -> Piece | None:
    raw = g["mon"] or ""
    month = _month(raw)
    if month is None:
        return None
    before = text[max(0, start - 24) : start]
    if raw.rstrip(".").lower() in ("may", "march") and not _DATE_CUE.search(before):
        return None  # "May" the verb, "March" the noun
    nxt = _NEXT_WORD.match(text, end)
    word = nxt.group(1) if nxt and nxt.start(1) - end == 1 else ""
    if word[:1].isupper() and word.lower() not in lexicon().weekdays and _month(word) is None:
        return None  # "April Stevens", "March Madness" (not "April-May": two months)
    return Piece(start, end, "date", "date.month", Said(month=month))


def _iso(g: Groups, start: int, end: int, text: str) -> Piece | None:
    y, m, d = int(g["y"] or 0), int(g["m"] or g.get("m2") or 0), int(g["d"] or g.get("d2") or 0)
    if g.get("sep") and _version_before().search(text, max(0, start - 12), start):
        return None  # "version 2025.4.1", "build 2019/12/3": a number, no date
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if g.get("hh"):
        return Piece(start, end, "clock", "date.iso_datetime",
                     Said(year=y, month=m, day=d, hour=int(g["hh"] or 0), minute=int(g["mm"] or 0),
                          zone_text=_iso_zone(g.get("tz"))))
    return Piece(start, end, "date", "date.iso", Said(year=y, month=m, day=d))


@cache
def _version_before() -> re.Pattern[str]:
    """A word that makes a year-first dotted or slashed number a version (lexicon [phrases]
    version_words), right before it."""
    return re.compile(rf"\b(?:{alt(lexicon().version_words)})\.?\s*\Z", re.IGNORECASE)


def _iso_zone(tz: str | None) -> str | None:
    """"+05:30" -> "UTC+05:30", " UTC" -> "UTC", "Z" -> "Z"."""
    if tz is None:
        return None
    tz = tz.strip()
    return "UTC" + tz if tz[:1] in "+-" else tz


def _numeric(g: Groups, start: int, end: int, text: str) -> Piece | None:
    a, b = int(g["a"] or 0), int(g["b"] or 0)
    y = _year2(g["y"] or "0")
    # month/day order is settled by the locale at resolution; record both as written
    if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
        return None
    return Piece(start, end, "date", "date.numeric", Said(year=y, month=a, day=b), parts=("numeric",))


def _dotted(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"01.04.2025", "31-03-2026": day first, as Europe and India write them (month first
    only where the day-first reading is no date)."""
    d, m = int(g["a"] or 0), int(g["b"] or 0)
    if m > 12 and d <= 12:
        d, m = m, d
    if not (1 <= d <= 31 and 1 <= m <= 12):
        return None
    if g.get("sep") == "-":  # "04-05-2025": ordered by the locale, as "04/05/2025" is
        return Piece(start, end, "date", "date.numeric_dotted", Said(year=int(g["y"] or 0), month=int(g["a"] or 0),
                                                                     day=int(g["b"] or 0)), parts=("numeric",))
    return Piece(start, end, "date", "date.numeric_dotted", Said(year=int(g["y"] or 0), month=m, day=d))


def _year(g: Groups, start: int, end: int, text: str) -> Piece | None:
    y = int(g["y"] or 0)
    before = text[max(0, start - 24) : start]
    strong = bool(_STRONG_YEAR_CUE.search(before))
    if not (1600 <= y <= 2099) and not strong:
        return None
    lex = lexicon()
    if _COMPARED_WITH.match(text, end):
        return None  # "up from 1600 a year earlier": a count compared with its value then
    nxt = _NEXT_WORD.match(text, end)
    if nxt and nxt.start(1) - end <= 2:
        word = nxt.group(1).lower()
        if word in lex.not_time_after or word == "%":
            return None
        if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us")) and not strong \
                and word not in lex.months and word not in lex.weekdays and word not in lex.plural_after_year:
            return None  # "2022 votes"
        after = _NEXT_WORD.match(text, nxt.end())
        if nxt.group(1)[0].isupper() and after and after.group(1).lower() in lex.street_words:
            return None  # "1600 Pennsylvania Avenue"
    prev = _PREV_WORD.search(before)
    if text[max(0, start - 1) : start] in ("$", "#") or (prev and prev.group(1).lower() in lex.label_before_number):
        if not strong:
            return None  # "Route 66", "Windows 2000", "about 1500"
    return Piece(start, end, "year", "date.year", Said(year=y))


def _span_end_year(first: int, written: str, sep: str = "-") -> int | None:
    """The later year of a span of years ("1861-63", "1998-2001", "1999-00"): a year after
    ``first`` and within a century of it, else None (not a span of years). With a slash,
    only the next year: a season ("the 2003/04 season", "2025/26")."""
    if not written.isdigit():
        return None
    second = int(written)
    if len(written) == 2:
        second += first - first % 100
        if second <= first:
            second += 100
    if sep == "/":
        return second if second == first + 1 else None  # the caller checks the words around it
    return second if first < second <= first + 100 else None


_NAME_AFTER = re.compile(r"\s[A-Z][a-z]")


def _era_year(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"490 BC", "146 B.C.", "AD 79", "476 CE": a year with its era. A year before the
    Christian era carries no year in ``said`` (nothing may count from it as if it were AD);
    its number is in ``parts``."""
    year = int(g["y"] or g["y2"] or 0)
    era = (g["era"] or g["era2"] or "").replace(".", "")
    if year == 0:
        return None
    if era.startswith("B"):
        if year >= 1000 and _NAME_AFTER.match(text, end):
            return None  # "In 2019 BC Hydro raised rates", "In 1999 BCE Inc.": a name, not an era
        return Piece(start, end, "era", "date.era_year", Said(), parts=(f"BC{year:04d}",))
    before = text[max(0, start - 24) : start]
    if not _STRONG_YEAR_CUE.search(before) and not before.rstrip().endswith(("(", "to", "-", "–")):
        return None  # "The AD 5 model": a name; "in AD 79", "(476 AD)" are years
    return Piece(start, end, "year", "date.era_year", Said(year=year))


def _year_span(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """The first year of "1861-1863": a year of its own (TimeML marks each year)."""
    y = int(g["y"] or 0)
    if not 1600 <= y <= 2099 or _span_end_year(y, g["y2"] or "", text[end]) is None:
        return None
    if text[end] == "/" and not _slash_span_ok(text, start, end + 3):
        return None
    return Piece(start, end, "year", "date.year_span", Said(year=y))


def _year_span_end(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """The second year of "1861-1863" or "1915-17", completed from the first."""
    first_at = start - 5  # the pattern looked behind for four digits and a dash
    if first_at > 0 and _SPAN_EDGE.match(text, first_at - 1):
        return None  # "ISO 9-1915-17", "1.1915-17": part of a longer number
    first = int(text[first_at : first_at + 4])
    y = _span_end_year(first, g["y2"] or "", text[start - 1])
    if not 1600 <= first <= 2099 or y is None or (text[start - 1] == "/" and not _slash_span_ok(text, first_at, end)):
        return None
    return Piece(start, end, "year", "date.year_span_end", Said(year=y))


_SPAN_EDGE = re.compile(r"[\w.,:/$€£#-]")
def _slash_span_ok(text: str, start: int, end: int) -> bool:
    """Whether "2003/04" (``text[start:end]``) names a season: a season noun after it, or a
    determiner, a possessive or "in", "during", "for", "since" before it ("the club's
    2025/26 kit", "in 2003/04"; not "case number 2003/04" or "the ratio of 2003/04")."""
    return _season_noun_after().match(text, end) is not None \
        or _SLASH_SPAN_BEFORE.search(text, max(0, start - 12), start) is not None


@cache
def _season_noun_after() -> re.Pattern[str]:
    """A noun after two years with a slash that makes them a season or a financial year
    (lexicon [phrases] season_nouns: "the 2003/04 season")."""
    return re.compile(rf"\s(?:{alt(lexicon().season_nouns)})\b", re.IGNORECASE)


_SLASH_SPAN_BEFORE = re.compile(r"(?:\b(?:the|this|last|next|its|their|his|her|our|in|during|for|since)|['’]s)\s\Z",
                                re.IGNORECASE)


def _decade(g: Groups, start: int, end: int, text: str) -> Piece | None:
    if g.get("word"):
        if not g.get("the"):
            return None  # "in his Sixties" is an age; "the Sixties" the decade, of the 1900s
        decade = lexicon().decade_words[(g["word"] or "").lower()]
        return Piece(start, end, "decade", "date.decade", Said(decade=decade, mod=_pos(g.get("pos"))))
    if g.get("dd"):
        decade = 190 + int((g["dd"] or "0")[0])
        if int((g["dd"] or "0")[0]) < 3:
            decade = 200 + int((g["dd"] or "0")[0])
    else:
        yy = int(g["dec"] or 0)
        if yy % 100 == 0 and yy < 2000:  # "the 1800s" is a century; "the 2000s" a decade
            return Piece(start, end, "decade", "date.century_s", Said(century=yy // 100, mod=_pos(g.get("pos"))))
        decade = yy // 10
    return Piece(start, end, "decade", "date.decade", Said(decade=decade, mod=_pos(g.get("pos"))))


def _pos(word: str | None) -> str | None:
    if not word:
        return None
    return lexicon().position_mods.get(word.lower().rstrip("-"))


def _century(g: Groups, start: int, end: int, text: str) -> Piece | None:
    raw = (g["c"] or "").lower()
    n = int(raw) if raw.isdigit() else lexicon().ordinals.get(raw)
    if not n or n <= 0 or n > 21:
        return None
    if (g.get("era") or g.get("listed_era") or "").startswith("B"):  # "the 8th century BC": TIMEX3 BC07
        return Piece(start, end, "era", "date.century", Said(mod=_pos(g.get("pos"))), parts=(f"BC{n - 1:02d}",))
    return Piece(start, end, "decade", "date.century", Said(century=n - 1, mod=_pos(g.get("pos"))))


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                "final": 4, "last": 4}
_HALF_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "final": 2, "last": 2, "latter": 2}


def _quarter(g: Groups, start: int, end: int, text: str) -> Piece | None:
    unit = (g["unit"] or "").lower()
    ordinal = (g.get("ord") or "").lower()
    rel = (g.get("rel") or "").lower()
    n = _QUARTER_ORD.get(ordinal)
    year = gint(g, "y")
    fiscal = bool(g.get("fiscal") or g.get("fiscal2") or g.get("fiscal3"))
    if year is None and not fiscal and not rel and not g.get("y0") and _in_a_game(text, start, end):
        return None  # "with 2:14 left in the fourth quarter", "In the first half, the Jets led 14-3"
    if unit.startswith("half"):
        n = _HALF_ORD.get(ordinal) if ordinal else _HALF_ORD.get(rel)
        if n not in (1, 2) and not rel:
            return None
        said = Said(half=n, year=year, fiscal=fiscal, shift=_rel_shift(rel), unit="half")
        return Piece(start, end, "quarter", "date.half", said)
    if n is None and not rel and not g.get("the"):
        return None
    if unit == "period" and not rel:
        return None  # "the period" alone names no period
    if year is None and g.get("y0"):
        year = gint(g, "y0")
    if g.get("the") and ordinal and text[start : end].lower().find(ordinal + "-quarter") >= 0:
        start += len(g["the"] or "") + 1  # the adjective "third-quarter" keeps no article
    said = Said(quarter=n, year=year, fiscal=fiscal, shift=_rel_shift(rel), unit="quarter")
    return Piece(start, end, "quarter", "date.quarter", said)


def _in_a_game(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a quarter or half tells of a game: a score ("14-3") or
    a word of play within it (en.toml [phrases] game_words)."""
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 160) + 1
    hi = min(i for i in (text.find(".", end), text.find("\n", end), end + 160, len(text)) if i >= 0)
    return _GAME.search(text, lo, hi) is not None or _game_words().search(text, lo, hi) is not None \
        or _STARTS_AT_CLOCK.match(text, end) is not None


# "the second half began at 9:47 p.m.": a period that starts at a clock time is a game's
_STARTS_AT_CLOCK = re.compile(r"\s(?:began|begins|starts|started|resumed|resumes|ended|ends)\sat\s\d")


# a score: two small numbers joined by a hyphen or dash, told as one ("a 14-3 lead", "won
# 2–1", "led 14-3"); "voted 5-4", "aged 16-24", "a 2-1 stock split" are none
_GAME = re.compile(
    r"\b(?:led|leads|leading|trailed|trailing|won|wins|lost|beat|beaten|defeated|drew|tied|down|up)\s"
    r"(?:[A-Za-z]+\s){0,2}?\d{1,3}[-–]\d{1,3}(?![\w.,/-])"
    r"|(?<![\w.,/$-])\d{1,3}[-–]\d{1,3}\s(?:lead|win|victory|defeat|loss|draw|halftime|half-time)\b"
)


@cache
def _game_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(lexicon().game_words)})\b", re.IGNORECASE)


def _month_quarter(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"the January-March quarter", "the July-September period", and (as Australian and
    New Zealand statistics name them) "the June quarter", "the December half": a calendar
    quarter named by its months, or a quarter or half by its last month. Other spans of
    months are no quarter: their months are mentions of their own."""
    first, last = _month(g.get("m1") or ""), _month(g["m2"] or "")
    if last is None:
        return None
    if (g["unit"] or "").lower() == "half":  # "the December half": July to December
        if first is not None or not g.get("the") or last % 6:
            return None
        return Piece(start, end, "quarter", "date.month_quarter", Said(half=last // 6, year=gint(g, "y"), unit="half"))
    if first is None:
        if not g.get("the") or (g["unit"] or "").lower() != "quarter" or last % 3:
            return None
        n = last // 3
    elif first % 3 == 1 and last == first + 2:
        n = last // 3
    else:
        return None
    return Piece(start, end, "quarter", "date.month_quarter", Said(quarter=n, year=gint(g, "y"), unit="quarter"))


def _quarter_short(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"Q3 2024", "H1", "Q4 '25"."""
    n = int(g["n"] or 0)
    year = gint(g, "y") or (2000 + int(g["yy"] or 0) if g.get("yy") else None)
    fiscal = bool(g.get("fy"))  # "Q4 FY25": the quarter of that fiscal year
    if fiscal:
        year = _year2(g["fy"] or "0")
    if g["k"] == "H":
        if n > 2:
            return None
        return Piece(start, end, "quarter", "date.quarter_short", Said(half=n, year=year, unit="half", fiscal=fiscal))
    return Piece(start, end, "quarter", "date.quarter_short",
                 Said(quarter=n, year=year, unit="quarter", fiscal=fiscal))


def _rel_shift(rel: str) -> int | None:
    if rel in ("", "the", "same", "latest", "comparable", "corresponding", "recent"):
        return None  # the quarter being reported
    if rel in ("year-ago", "year-earlier", "year-before"):
        return -4
    if rel in ("previous", "prior", "last", "past", "preceding"):
        return -1
    if rel in ("next", "coming", "following"):
        return 1
    return 0


def _period_end(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"year-end", "year's end", "month-end", "week's end": the end of the current year
    (month, quarter, week), read as "the end of the year" is; "since year-end", the last
    one past."""
    unit = (g["unit"] or g.get("week") or "").lower()  # "week's end" (not "week end": a weekend)
    shift = -1 if SINCE_BEFORE.search(text, max(0, start - 8), start) else 0
    return Piece(start, end, "relunit", "date.period_end", Said(unit=unit, shift=shift, anchor="publication",
                                                                mod="END"))


def _year_ago_adjective(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"year-earlier results": the period being reported, a year before."""
    return Piece(start, end, "quarter", "date.year_ago", Said(shift=-4, unit="quarter"))


_YEAR_THEN_COMMA = re.compile(r"\b(?:1\d|20)\d\d,\s\Z")


def _the_unit(g: Groups, start: int, end: int, text: str) -> Piece | None:
    unit = (g["unit"] or "").lower()
    lead = (g["lead"] or "").lower()
    rel = " ".join((g.get("rel") or "").lower().split())
    if rel:  # "the week before last", "the week after next"; "the month before": of the reference
        shift = {"before last": -2, "after next": 2, "before": -1, "after": 1}[rel]
        return Piece(start, end, "relunit", "date.the_unit",
                     Said(unit=unit, shift=shift, anchor="reference" if " " not in rel else "publication"))
    same = "same" in text[start:end].lower()
    if unit == "year" and text[end - 4 : end] == "Year" and (text.endswith("of ", 0, start) or
                                                            text.startswith(" of ", end)):
        return None  # "Teacher of the Year", "the Year of the Snake": names
    if unit == "day" and lead != "that" and not same:
        return None  # "the day" alone is too often no date at all
    anchor = "reference" if lead == "that" or same or (unit == "year" and _YEAR_THEN_COMMA.search(
        text, max(0, start - 8), start)) else "publication"  # "in 2003, the year she turned 69": 2003
    return Piece(start, end, "relunit", "date.the_unit", Said(unit=unit, shift=0, anchor=anchor,
                                                              fiscal=bool(g.get("fiscal"))))


def _fiscal(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"fiscal 1989", "FY25", "FY2025", "FY2024-25" (named by the year it ends in)."""
    if g.get("y0"):
        first = _year2(g["y0"] or "0")
        year = first // 100 * 100 + int(g["y"] or 0)
        if year != first + 1:
            return None  # "FY2024-26" is no fiscal year
    else:
        year = _year2(g["y"] or "0")
    return Piece(start, end, "year", "date.fiscal_year", Said(year=year, fiscal=True))


@cache
def _season_listed_with_year() -> re.Pattern[str]:
    """After a season, another season joined to it that states a year ("and autumn 1918",
    "and early summer of 1943")."""
    from .words import words

    return re.compile(rf"\s(?:and|or|to|through)\s(?:the\s)?(?:(?:early|late|mid)[\s-])?(?i:{words().season})"
                      r"\s(?:of\s)?(?P<y>1[0-9]\d\d|20\d\d)(?![\w])")


def _season(g: Groups, start: int, end: int, text: str) -> Piece | None:
    season = lexicon().seasons.get((g["s"] or "").lower())
    if season is None:
        return None
    shift_word = (g.get("shift") or "").lower()
    year = gint(g, "y")
    pos = _pos(g.get("pos"))
    nxt = _NEXT_WORD.match(text, end)
    if year is None and nxt and nxt.group(1)[0].isupper() and nxt.start(1) - end == 1:
        return None  # "the Summer Palace" (not "the summer of 1963 U.S. officials")
    if year is None and shift_word in ("", "the"):
        listed = _season_listed_with_year().match(text, end)
        if listed is not None:  # "the spring and early summer of 1943": the year serves both
            return Piece(start, end, "season", "date.season", Said(season=season, year=int(listed.group("y")), mod=pos))
        before = text[max(0, start - 16) : start].lower()
        if not _SEASON_PREPOSITION.search(before):
            return None  # "The fall of the Berlin Wall", "the spring near the church"
    if shift_word in ("that", "following", "previous", "preceding"):
        # "that summer", "the following spring": told from the time the text is telling about
        return Piece(start, end, "season", "date.season",
                     Said(season=season, year=year, shift=lexicon().shift_words.get(shift_word, 0), mod=pos,
                          anchor="reference"))
    shift = lexicon().shift_words.get(shift_word) if shift_word not in ("the", "") else None
    return Piece(start, end, "season", "date.season", Said(season=season, year=year, shift=shift, mod=pos))


# holidays whose name also names a kind of day ("a Black Friday for stocks")
_SOME_DAY_NAMES = frozenset({"black friday", "cyber monday"})
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|another)\s+\Z", re.IGNORECASE)


def _holiday(g: Groups, start: int, end: int, text: str) -> Piece | None:
    name = " ".join((g["h"] or "").lower().split()).replace("’", "'")
    if not (g["h"] or "x")[0].isupper():
        return None
    year = gint(g, "y")
    lex = lexicon()
    md = lex.holidays.get(name)
    if md is not None:
        # (its name for the countries that keep it on another day: [regional_holidays])
        return Piece(start, end, "date", "date.holiday", Said(year=year, month=md[0], day=md[1]), parts=(name,))
    if name in lex.movable_holidays:  # the resolver computes the day for the year from the rule
        if name in _SOME_DAY_NAMES and _INDEFINITE_BEFORE.search(text, max(0, start - 9), start):
            return None  # "traders called it a Black Friday": a day of a kind, not the holiday
        return Piece(start, end, "holiday", "date.holiday", Said(year=year),
                     parts=(lex.movable_holidays[name], name))
    return None


# "the second Tuesday of March", "the last Friday in May": the week of the month, with
# N = -1 the last (the rule format of lexicon [movable_holidays])
NTH_WEEK = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}


def _nth_weekday(g: Groups, start: int, end: int, text: str) -> Piece | None:
    lex = lexicon()
    nth = NTH_WEEK.get((g["ord"] or "").lower())
    weekday = lex.weekdays.get((g["wd"] or "").rstrip(".").lower())
    if g.get("every") and nth is not None and weekday is not None:
        # "the first Tuesday of every month", "the second and fourth Thursday of each month": a set
        return Piece(start, end, "set", "set.nth_weekday", Said(set_unit="month", amount=1.0))
    if g.get("ord2"):
        return None  # "the second and fourth Thursday of March": two days, not read
    month = _month(g["mon"] or "")
    if nth is None or weekday is None or month is None:
        return None
    # a holiday-like day: the resolver finds it in the year stated or nearest publication
    return Piece(start, end, "holiday", "date.nth_weekday", Said(year=gint(g, "y")),
                 parts=(f"{month:02d}:{nth}:{weekday}",))


def _week_of_month(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"the first week of January", "the last week of March 2020": seven days of the month."""
    nth = NTH_WEEK.get((g["ord"] or "").lower(), -1)  # "final" is the last
    month = _month(g["mon"] or "")
    if month is None:
        return None
    nxt = _NEXT_WORD.match(text, end)
    if not g.get("y") and nxt is not None and nxt.start(1) - end == 1 and nxt.group(1)[:1].isupper():
        return None  # "the last week of March Madness": a name
    said = Said(year=gint(g, "y"), month=month, week_of_month=nth)
    full = ("full",) if " full " in text[start:end].lower() else ()  # "the first full week": Monday to Sunday
    return Piece(start, end, "date", "date.week_of_month", said, full)


def rules() -> list[Rule]:
    from .words import words

    w = words()
    lex = lexicon()
    edge = r"(?<![\w.,:/$€£#-])"
    day = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year4 = r"(?P<y>1[0-9]\d\d|20\d\d)"
    span_end = r"(?P<y2>1[0-9]\d\d|20\d\d|\d\d)(?![\w%/]|[.,]\d|[-–]\d)"
    holidays = alt([*lex.holidays, *lex.movable_holidays]).replace("'", "['’]")
    era = r"B\.C\.(?:E\.)?|BCE?|A\.D\.|AD|C\.E\.|CE"
    nth = rf"(?:1\d|2[01]|[1-9]|(?i:{w.ordinal_word}))(?:st|nd|rd|th)?"  # a century's number in a list
    return [
        Rule(
            "date.iso",
            rf"{edge}(?P<y>1[6-9]\d\d|20\d\d)(?:-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::[0-5]\d(?:\.\d{1,6})?)?"
            r"(?P<tz>Z|[+-][01]\d:?[0-5]\d|\s(?:UTC|GMT))?)?"
            # "2025/04/01", "2025.04.01": year first with slashes or dots (East Asian copy)
            r"|(?P<sep>[/.])(?P<m2>[01]?\d)(?P=sep)(?P<d2>[0-3]?\d))(?![\w-]|[/.]\d)",
            _iso,
        ),
        Rule("date.numeric_dotted",
             rf"{edge}(?P<a>[0-3]?\d)(?P<sep>[.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w-]|\.\d)", _dotted),
        Rule("date.numeric", rf"{edge}(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>\d{{4}}|\d{{2}})(?![\w/])", _numeric),
        Rule(
            "date.month_day",
            rf"(?P<mon>{w.month})\s?{day}(?:\s?[-–]\s?(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?(?!\d|:\d)"
            rf"(?:,?\s{year4}(?![\w]))?",
            _mdy,
        ),
        Rule(
            "date.day_month",
            rf"{edge}(?:the\s)?(?:(?:(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s?[-–]\s?)?{day}(?:\sof)?|(?P<dw>(?i:{w.ordinal_word}))\sof)\s(?P<mon>{w.month})"
            rf"(?:,?\s{year4}(?![\w]))?(?![\w])",
            _dmy,
        ),
        Rule("date.month_year", rf"(?P<mon>{w.month})(?:,?\s|\sof\s){year4}(?![\w])", _my),
        Rule("date.bare_ordinal",
             r"(?:the|The)\s(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)(?=[.,;:!?)]|\sat\s|\Z)", _bare_ordinal),
        Rule(
            "date.month_quarter",
            rf"(?:(?P<the>the|The)\s)?(?:(?P<m1>{w.month_full})(?:\s?[-–]\s?|-to-|\sto\s))?(?P<m2>{w.month_full})"
            rf"\s(?P<unit>quarter|period|half(?!\s(?i:marathon)))(?![\w-])(?:\s(?:of\s)?(?:fiscal\s)?{year4}(?![\w]))?",
            _month_quarter,
        ),
        Rule(
            "date.nth_weekday",
            rf"(?:(?i:the)\s)?(?P<ord>(?i:{'|'.join(NTH_WEEK)}))"
            rf"(?:\s(?:and|or)\s(?:the\s)?(?P<ord2>(?i:{'|'.join(NTH_WEEK)})))?\s(?P<wd>{w.weekday})s?\s(?:of|in)\s"
            rf"(?:(?P<mon>{w.month_full})(?![\w])(?:,?\s{year4}(?![\w]))?|(?P<every>(?i:every|each))\smonth(?![\w]))",
            _nth_weekday,
        ),
        Rule(
            "date.week_of_month",
            rf"(?:(?i:the)\s)?(?P<ord>(?i:first|second|third|fourth|last|final))\s(?:full\s)?(?i:week)\s(?:of|in)\s"
            rf"(?P<mon>{w.month_full})(?![\w])(?:,?\s{year4}(?![\w]))?",
            _week_of_month,
        ),
        Rule(
            "date.quarter",
            rf"(?:(?P<the>the|The)\s)?(?:(?P<rel>{'|'.join(QUARTER_RELATIONS)})[\s-])?"
            rf"(?:(?P<y0>1[0-9]\d\d|20\d\d)\s)?(?:(?P<fiscal>fiscal)\s)?(?:(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-])?"
            rf"(?:(?P<fiscal2>fiscal)[\s-])?(?P<unit>quarter|half|period)(?![\w-])"
            rf"(?:\s(?:of\s)?(?:(?P<fiscal3>fiscal)\s)?{year4}(?![\w]))?",
            _quarter,
        ),
        Rule("date.year_ago", r"(?i:year-(?:earlier|ago|before))(?![\w-])", _year_ago_adjective),
        Rule("date.period_end",
             r"(?<![\w-])(?:(?P<unit>(?i:year|month|quarter))(?:-|\s|['’]s\s)|(?P<week>(?i:week))['’]s\s)"
             r"(?i:end)(?![\w-])", _period_end),
        Rule(
            "date.the_unit",
            r"(?P<lead>(?i:the|that))\s(?:(?i:" + alt(lex.unit_qualifiers) + r")\s){0,2}"
            r"(?P<unit>(?i:year|week|month|day|decade))(?![\w-])"
            # "the week before last", "the month before." (a clause ends: not "the year before the war")
            r"(?:\s(?P<rel>(?i:before\slast|after\snext|before|after))(?=[.,;:!?)]|\s(?:and|but)\s|\Z))?",
            _the_unit,
        ),
        Rule("date.fiscal_year",
             r"(?:(?i:fiscal)\s(?:(?i:year)\s)?|FY\s?)"
             r"(?:(?P<y0>20\d\d|\d\d)[-–/](?P<y2>\d\d)|(?P<y>1[89]\d\d|20\d\d|['’]?\d\d))(?![\w-])",
             lambda g, s, e, t: _fiscal({**g, "y": g.get("y") or g.get("y2")}, s, e, t)),
        Rule(
            "date.decade",
            r"(?:(?P<the>the|The)\s)?(?:(?P<pos>early|mid|late)[\s-])?"
            r"(?:(?P<dec>1\d\d0|20\d0)['’]?s|['’](?P<dd>\d0)['’]?s"
            rf"|(?P<word>{alt(w.title() for w in lex.decade_words)}))(?![\w])",
            _decade,
        ),
        Rule(
            "date.century",
            rf"(?:(?P<the>the|The)\s)?(?:(?P<pos>early|mid|late)[\s-])?"
            rf"(?P<c>1\d|2[01]|[1-9]|(?i:{w.ordinal_word}))(?:st|nd|rd|th)?"
            # "the 17th and 18th centuries": the first of a list takes the plural (and era) after the last
            rf"(?:[\s-](?i:century)|\s(?i:centuries)|(?=(?:,\s(?:the\s)?{nth})*,?\s(?:and|or|to)\s(?:the\s)?"
            rf"(?:(?:early|mid|late)[\s-])?{nth}[\s-](?i:century|centuries)(?![\w])"
            rf"(?:\s(?P<listed_era>{era})(?![\w]))?))(?![\w])"
            rf"(?:\s(?P<era>{era})(?![\w]))?",
            _century,
        ),
        Rule(
            "date.season",
            rf"(?:(?P<the>the|The)\s(?=(?:following|previous|preceding)\s))?"
            rf"(?:(?P<shift>this|last|next|past|coming|the|This|Last|Next|The|that|That|following|previous|preceding)\s)?"
            rf"(?:(?P<pos>early|late|mid)[\s-])?(?P<s>(?i:{w.season}))(?![\w])"
            rf"(?:\s(?:of\s)?(?P<y>1[0-9]\d\d|20\d\d)(?![\w]))?",
            _season,
        ),
        Rule("date.holiday", rf"(?P<h>(?i:{holidays}))(?![\w])(?:,?\s(?P<y>1[0-9]\d\d|20\d\d)(?![\w]))?", _holiday),
        Rule("date.month", rf"(?P<mon>{w.month_full})(?![\w])", _month_only),
        Rule(
            "date.era_year",
            rf"{edge}(?:(?P<y>[1-9]\d{{0,3}})\s?(?P<era>B\.C\.(?:E\.)?|BCE?|A\.D\.|AD|C\.E\.|CE)"
            r"|(?P<era2>A\.D\.|AD)\s?(?P<y2>[1-9]\d{0,3}))(?![\w])",
            _era_year,
        ),
        # "1861-1863", "1915-17": two years, each a mention of its own
        Rule("date.year_span", rf"{edge}(?P<y>1[0-9]\d\d|20\d\d)(?=[-–/]{span_end})", _year_span),
        Rule("date.year_span_end", rf"(?<=(?:1[0-9]\d\d|20\d\d)[-–/]){span_end}", _year_span_end),
        Rule("date.year", rf"(?:(?<=[Mm]id-)|{edge})(?P<y>1[0-9]\d\d|20\d\d)(?![\w%]|[.,]\d|-\d)", _year),
        Rule(
            "date.quarter_short",
            r"(?P<k>[QH])(?P<n>[1-4])(?:\s(?P<y>(?:1\d|20)\d\d)|\s?['’](?P<yy>\d\d)|\s(?:of\s)?FY\s?(?P<fy>20\d\d|\d\d))?(?![\w])",
            _quarter_short,
        ),
    ]
