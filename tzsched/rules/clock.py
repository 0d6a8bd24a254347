"""Clock times: "5 p.m.", "5:30 p.m.", "14:00 UTC", "1400 GMT", "noon", ranges "9 to 11 a.m. PT".

A zone written right after the time is part of the match; the builder checks it
against the zone tables and trims it off when it is not a zone ("5 p.m. US time" keeps
"5 p.m."). Bare numbers are never times: "1400 troops" needs a zone or "hours" to be
read as 14:00, and "10 a" is not a time.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lexicon import lexicon
from ..types import Said
from ..zones import is_local_name, zone_candidates
from .base import Groups, Piece, Rule, alt, number_value
from .words import words

__all__ = ["moved_from", "place_after", "place_before", "rules", "zone_ok"]


@cache
def moved_from() -> re.Pattern[str]:
    """"was moved from" right before a time: a change of time names two times, not a
    range ("moved from 3 p.m. to 5 p.m."; the verbs are lexicon [phrases])."""
    verbs = alt(lexicon().time_change_verbs)
    return re.compile(rf"\b{verbs}(?:\s(?:back|forward|up|ahead|out))?\sfrom\s$", re.IGNORECASE)

_CUE_BEFORE = re.compile(
    r"(?:\b(?:at|by|until|till|til|from|before|after|around|about|since|to|and|or|approximately|roughly|"
    r"between|nearly|shortly|just|past|@)\s*|[(\[/,]\s*)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def zone_ok(text: str | None) -> bool:
    """Whether a text written as a zone names one ("GMT", "Moscow time", "local time")."""
    if not text:
        return False
    t = text.strip()
    if is_local_name(t):
        return True
    if t.lower().endswith("time") and not zone_candidates(t):
        # "<Name> time" with an unknown name: "3 p.m. Party time" is not a zone
        return False
    return bool(zone_candidates(t))


@cache
def _not_zone_words() -> frozenset[str]:
    """Lower-case words that, capitalized before "time", name no zone ("Half time",
    "Christmas time", "Next time"): the lexicon's list and the words of its time tables."""
    lex = lexicon()
    tables = (lex.months, lex.weekdays, lex.numbers, lex.ordinals, lex.units, lex.parts_of_day, lex.seasons,
              lex.relative_days, lex.shift_words, lex.set_words, lex.approximators, lex.position_mods,
              lex.holidays, lex.movable_holidays, lex.references)
    out = {word for table in tables for phrase in table for word in phrase.split()}
    return frozenset(out | set(lex.not_zone_names))


_QUALIFIERS = frozenset({"local", "standard", "summer", "daylight"})


def _unknown_zone_name(ztext: str) -> str | None:
    """``ztext`` when it is written as a zone name, "<Capitalized name> time", and the
    name is no zone and no common word ("3 p.m. Party time"), else None."""
    words = ztext.split()
    if len(words) < 2 or words[-1].lower() != "time" or zone_ok(ztext):
        return None
    name = words[:-1]
    while name and name[-1].lower() in _QUALIFIERS:
        name.pop()
    stop = _not_zone_words()
    if not name or any(not w[0].isupper() or any(c.isdigit() for c in w) or w.lower() in stop for w in name):
        return None
    return " ".join(words)


def _with_zone(g: Groups, start: int, end: int, text: str,
               zone_key: str = "zone") -> tuple[int, str | None, str | None]:
    """The end of the match, the zone text, and a zone name that is no zone (see
    _unknown_zone_name), trimmed off the match."""
    ztext = g.get(zone_key)
    if ztext is None or is_local_name(ztext):
        # "at 06:00 (GMT+3)", "03:12 local time (UTC+3)": a bracketed offset labels the time
        offset = _BRACKET_OFFSET.match(text, end) if text.startswith("(", end + 1) or \
            text.startswith("(", end) else None
        if offset is not None:
            return offset.end(), offset.group(1), None
    if ztext is None:
        return end, place_after(text, end) or place_before(text, start), None
    if zone_ok(ztext):
        if is_local_name(ztext):  # "8 p.m. local time in Moscow"
            # and "the semi-final in Madrid kicks off at 9 p.m. local time": the place of the event
            return end, place_after(text, end) or place_before(text, start, verbs=True) or ztext, None
        return end, ztext, None
    zstart = text.rfind(ztext, start, end)
    cut = zstart if zstart >= 0 else end
    while cut > start and text[cut - 1].isspace():
        cut -= 1
    return cut, place_after(text, cut) or place_before(text, start), _unknown_zone_name(ztext)


_BRACKET_OFFSET = re.compile(r"[ \t]?\([ \t]*((?:UTC|GMT)[ \t]?[+\-−–][ \t]?\d{1,2}(?::?\d{2})?)[ \t]*\)")


@cache
def _in_place() -> re.Pattern[str]:
    """"in" and a place name of up to three capitalized words, with the lexicon's
    lower-case particles between them ("in Rio de Janeiro", "in Port of Spain"), maybe
    after a short bracket ("8 p.m. (1700 GMT) in Moscow")."""
    particle = alt(lexicon().place_particles)
    return re.compile(rf"(?:\s*\([^()\n]{{1,40}}\))?\s+(?:here\s+)?in\s+"
                      rf"([A-Z][\w'’.\-]+(?:\s(?:{particle}\s)?[A-Z][\w'’.\-]+){{0,2}})")


# "2 p.m. here on the East Coast": a region whose name is a zone with "time" after it
# (news_zones.toml [time_names])
_ON_REGION = re.compile(r"\s+(?:here\s+)?on\s+the\s+([A-Z][a-z]+\s[A-Z][a-z]+)\b")


def place_after(text: str, end: int) -> str | None:
    """"8 p.m. in Lagos": a known city or country right after a time gives its zone
    (the place stays outside the mention's span)."""
    m = _in_place().match(text, end)
    if m is None:
        region = _ON_REGION.match(text, end)  # "2 p.m. here on the East Coast" (broadcast)
        if region is None:
            return None
        name = f"{region.group(1)} time"
        cands = zone_candidates(name)
        return name if cands and cands[0].source == "explicit" else None
    words = m.group(1).rstrip(".").split()
    for n in range(len(words), 0, -1):  # "in New York City on Monday" -> "New York City"
        name = " ".join(words[:n])
        cands = zone_candidates(name)
        if cands and cands[0].source == "explicit":
            return name
    return None


@cache
def _in_place_at(verbs: bool = False) -> re.Pattern[str]:
    """"in" and a place name, then the word that leads to a time, ending where the time
    starts ("lands in Tokyo at ", "meet in Rio de Janeiro around "); with ``verbs``, up
    to three lower-case words may stand between the place and that word ("in Madrid
    kicks off at ")."""
    particle = alt(lexicon().place_particles)
    place = rf"([A-Z][\w'’.\-]+(?:\s(?:{particle}\s)?[A-Z][\w'’.\-]+){{0,2}})"
    between = r"(?:[a-z]+\s){0,3}" if verbs else ""
    return re.compile(rf"\bin\s{place}\s{between}(?:at|by|around|about|from|until|before|after)\s"
                      rf"(?:(?:about|around|roughly)\s)?\Z"
                      # broadcast: "live to Jerusalem, where it's just past 2 a.m."
                      rf"|\b(?:to|in|from)\s{place},\swhere\sit(?:['’]s|\sis)\s(?:(?:just|now|already)\s)?"
                      rf"(?:(?:past|after|before|about|around|nearly|almost)\s)?\Z")


# after "the 4 p.m.": one or two lower-case words (the noun the time describes), then a
# place ("the 4 p.m. close in New York"); or a place, then the noun ("the 3 p.m. London fix")
_NOUN_THEN = re.compile(r"\s[a-z]+(?:[\s-][a-z]+)?(?=\s+in\s)")
_PLACE_THEN_NOUN = re.compile(r"\s([A-Z][\w'’.\-]+(?:\s[A-Z][\w'’.\-]+){0,2})\s[a-z]")


def _adjectival_place(text: str, start: int, end: int) -> str | None:
    """A clock time used as an adjective ("the 4 p.m. close", "the 3 p.m. fix") takes
    the place written with its noun: "at the 4 p.m. close in New York", "by the 4 p.m.
    New York close", "the 3 p.m. London fix" (the place stays outside the span)."""
    if start < 4 or text[start - 4 : start].lower() != "the ":
        return None
    m = _NOUN_THEN.match(text, end)
    if m is not None:
        return place_after(text, m.end())
    m = _PLACE_THEN_NOUN.match(text, end)
    if m is None:
        return None
    cands = zone_candidates(m.group(1))
    return m.group(1) if cands and cands[0].source == "explicit" else None


def place_before(text: str, start: int, verbs: bool = False) -> str | None:
    """"lands in Tokyo at 6:40 p.m.": a known city or country just before the word that
    leads to a time gives its zone, as one after the time does; with ``verbs`` (a time
    that says "local time") a few words may stand between ("the semi-final in Madrid
    kicks off at 9 p.m. local time")."""
    if not text.startswith(" ", start - 1) or start < 8:
        return None
    lo = max(0, start - 64)
    if text.find("in ", lo, start) < 0 and text.find(", where", lo, start) < 0:
        return None  # a cheap test first: most times have neither before them
    m = _in_place_at(verbs).search(text, lo, start)
    if m is None:
        return None
    name = m.group(1) or m.group(2)
    cands = zone_candidates(name)
    return name if cands and cands[0].source == "explicit" else None


def _hour_12(h: int, mer: str | None) -> int:
    if mer is None:
        return h
    pm = mer.lower().startswith("p")
    if h == 12:
        return 12 if pm else 0
    return h + 12 if pm else h


def _meridiem(g: Groups, start: int, end: int, text: str) -> Piece | None:
    h = int(g["h"] or 0)
    minute = int(g["min"] or 0)
    if not 1 <= h <= 12:
        return None
    mer = g["mer"] or ""
    end, zone, unknown = _with_zone(g, start, end, text)
    if zone is None and unknown is None:
        zone = _adjectival_place(text, start, end)
    said = Said(hour=_hour_12(h, mer), minute=minute, meridiem="pm" if mer.lower().startswith("p") else "am",
                zone_text=zone, unknown_zone=unknown)
    return Piece(start, end, "clock", "clock.meridiem", said)


# A part of the day after a clock time sets its half of the day ("4:30 in the
# afternoon", "9 tonight"); "this ..." and "tonight" also set the day.
_POD_PHRASE = r"(?:in\sthe\s(?:morning|afternoon|evening)|at\snight|this\s(?:morning|afternoon|evening)|tonight)"


def _with_pod(h: int, pod: str | None) -> tuple[int, int | None]:
    """The hour on a 24-hour clock and the relative day a part-of-day phrase implies."""
    if not pod:
        return h, None
    pod = " ".join(pod.lower().split())
    if pod.endswith(("afternoon", "evening", "night", "tonight")) and h < 12:
        h += 12
    elif pod.endswith("morning") and h == 12:
        h = 0
    return h, 0 if pod.startswith("this") or pod == "tonight" else None


# after "4:32": what makes it a game clock, no time of day
_GAME_CLOCK_AFTER = re.compile(r"\s(?:of\sthe\s(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s"
                               r"(?:period|half|quarter|set|frame)|left\b|remaining\b|to\splay\b)", re.IGNORECASE)


def _twenty_four(g: Groups, start: int, end: int, text: str) -> Piece | None:
    h, minute = int(g["h"] or 0), int(g["min"] or 0)
    if h > 24 or (h == 24 and minute):
        return None
    if h in (0, 12) and minute == 0 and _NOON_AFTER.match(text, start):
        return None  # "12:00 noon CET": one time, read by clock.word
    if g.get("zulu"):
        g = {**g, "zone": "Z"}
    end, zone, unknown = _with_zone(g, start, end, text)
    if zone is None and unknown is None and not g.get("dot"):
        zone = _adjectival_place(text, start, end)  # "the 16:00 London fix" (not "the 4.30 Newmarket race": a price)
    pod = g.get("pod")
    if g.get("dot") and zone is None and not g.get("hrs"):
        return None  # "15.30 CEST" is a time; "closed at 15.30" a price
    if g.get("dot") and g.get("hrs") and zone is None and (int(g["h"] or 0) > 12 or g["min"] == "00"):
        pass  # "17.00 hours", "14.30 hours": a clock time written the military way
    elif g.get("dot") and g.get("hrs") and zone is None and not _CUE_BEFORE.search(text, max(0, start - 16), start):
        return None  # "at 10.30 hours" is a time; "took 1.33 hours" a length
    if zone is None and not g.get("hrs") and _GAME_CLOCK_AFTER.match(text, end):
        return None  # "scored at 4:32 of the second period", "2:14 left": a game clock
    if zone is None and not g.get("hrs") and not pod and not _CUE_BEFORE.search(text, max(0, start - 16), start) \
            and not _before_its_day(g, start, end, text):
        return None
    h, day = _with_pod(h, pod) if h <= 12 else (h, None)
    return Piece(start, end, "clock", "clock.24h", Said(hour=h, minute=minute, zone_text=zone, unknown_zone=unknown,
                                                        relative_day=day))


def _before_its_day(g: Groups, start: int, end: int, text: str) -> bool:
    """Whether an h:mm with no word before it that makes it a time is one all the same:
    a day follows it ("First pitch is set for 7:05 Friday"), and no capitalized word stands
    before it (a chapter and verse: "John 3:16 Sunday")."""
    return bool(g["min"]) and _day_after().match(text, end) is not None \
        and not text.startswith(":", start + len(g["h"] or "") + 3) \
        and _NAME_BEFORE.search(text, max(0, start - 20), start) is None \
        and _length_before().search(text, max(0, start - 20), start) is None


# a capitalized word right before a number: a chapter and verse ("John 3:16", "Psalm 23:4")
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\.?\s\Z")
@cache
def _length_before() -> re.Pattern[str]:
    """A word right before an h:mm that makes it a length or a number (lexicon [phrases]
    length_before: "ran the mile in 4:05 Saturday", "clocked 9:58", "verse 3:16")."""
    return re.compile(rf"\b(?:{alt(lexicon().length_before)})\s\Z", re.IGNORECASE)


@cache
def _day_after() -> re.Pattern[str]:
    """A weekday written in full (lexicon), "today", "tonight" or "tomorrow" right after a
    time, capitalized as in running text."""
    lex = lexicon()
    names = {max((k for k, v in lex.weekdays.items() if v == value), key=len).capitalize()
             for value in set(lex.weekdays.values())}
    return re.compile(rf"\s(?:on\s)?(?:{'|'.join(sorted(names))}|today|tonight|tomorrow)\b")


def _military(g: Groups, start: int, end: int, text: str) -> Piece | None:
    h, minute = int(g["h"] or 0), int(g["min"] or 0)
    if h > 24 or (h == 24 and minute):
        return None
    end, zone, unknown = _with_zone(g, start, end, text)
    if zone is None:
        # "at 1400 hours" is a time; "1400 hours of overtime" is not
        if not g.get("hrs") or not _CUE_BEFORE.search(text, max(0, start - 16), start):
            return None
    elif g.get("zone") is None and not g.get("hrs") and _YEAR_CUE_BEFORE.search(text, max(0, start - 12), start):
        return None  # "born in 1938 in Leeds": a year, and a place after it, not a time
    return Piece(start, end, "clock", "clock.military", Said(hour=h, minute=minute, zone_text=zone,
                                                            unknown_zone=unknown))


# before a four-digit number, words that make it a year ("born in 1938 in Leeds")
_YEAR_CUE_BEFORE = re.compile(r"\b(?:in|since|by|during|until|from|of|circa|early|late|mid)\s+\Z", re.IGNORECASE)
_WORD_TIMES = {"noon": 12, "midday": 12, "mid-day": 12, "midnight": 0}
_NOON_AFTER = re.compile(r"(?:12|00)[:.]00\s(?i:noon|midnight|mid-?day)\b")


def _word(g: Groups, start: int, end: int, text: str) -> Piece | None:
    word = (g["w"] or "").lower().split()[-1]
    hour = _WORD_TIMES.get(word)
    if hour is None:
        return None
    end, zone, unknown = _with_zone(g, start, end, text)
    return Piece(start, end, "clock", "clock.word", Said(hour=hour, minute=0, zone_text=zone, unknown_zone=unknown))


def _oclock(g: Groups, start: int, end: int, text: str) -> Piece | None:
    value = number_value(g["h"] or "")
    if value is None or not 1 <= value <= 12 or value != int(value):
        return None
    h, day = _with_pod(int(value), g.get("pod"))
    end, zone, unknown = _with_zone(g, start, end, text)
    return Piece(start, end, "clock", "clock.oclock", Said(hour=h, minute=0, zone_text=zone, unknown_zone=unknown,
                                                          relative_day=day))


def _tv_listing(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"9/8c", "11:35/10:35c": a US television listing, Eastern time and (one hour
    earlier on the clock) Central; evening hours (6 to 11), read p.m. Eastern."""
    h, h2 = int(g["h"] or 0), int(g["h2"] or 0)
    if not 6 <= h <= 11 or h2 != h - 1 or (g.get("m") or "00") != (g.get("m2") or "00"):
        return None
    return Piece(start, end, "clock", "clock.tv_listing",
                 Said(hour=h + 12, minute=int(g.get("m") or 0), meridiem="pm", zone_text="ET"))


_PAST_TO_MINUTES = {"half": 30, "quarter": 15, "a quarter": 15, "five": 5, "ten": 10, "twenty": 20}


def _past_to(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"half past two this afternoon", "a quarter to nine", "ten past six": the minutes
    and the hour they count from (past, after) or to."""
    minutes = _PAST_TO_MINUTES.get(" ".join((g["frac"] or "").lower().split()))
    word = (g.get("word") or "").lower()
    if word and minutes is not None:
        # "a quarter to midnight" (23:45), "half past midnight" (00:30), "five past noon" (12:05)
        base = 0 if word == "midnight" else 12
        hour, minute = (base, minutes) if (g["rel"] or "").lower() != "to" else ((base - 1) % 24, 60 - minutes)
        end, zone, unknown = _with_zone(g, start, end, text)
        return Piece(start, end, "clock", "clock.past_to", Said(hour=hour, minute=minute, zone_text=zone,
                                                                unknown_zone=unknown))
    value = number_value(g["h"] or "")
    if value is None or minutes is None or not 1 <= value <= 12 or value != int(value):
        return None
    rel = (g["rel"] or "").lower()
    if rel == "to" and minutes not in (15, 30) and not (g.get("pod") or g.get("mer") or g.get("oc")):
        return None  # "five to one" may be odds; "a quarter to nine" is a time
    hour = int(value)
    if rel == "to":
        hour, minutes = (hour - 1) or 12, 60 - minutes
    mer = g.get("mer")
    if mer:
        hour = _hour_12(hour, mer)
    elif not g.get("pod") and hour <= 6:
        hour += 12  # "kick-off is at quarter past three": news times from one to six are the afternoon's
    h, day = _with_pod(hour, g.get("pod"))
    end, zone, unknown = _with_zone(g, start, end, text)
    said = Said(hour=h, minute=minutes, meridiem=("pm" if mer.lower().startswith("p") else "am") if mer else None,
                zone_text=zone, unknown_zone=unknown, relative_day=day)
    return Piece(start, end, "clock", "clock.past_to", said)


def _range(g: Groups, start: int, end: int, text: str) -> Piece | None:
    kw = (g.get("kw") or "").lower()
    sep = (g.get("sep") or "").strip().lower()
    if sep == "and" and kw != "between":
        return None
    if sep in ("to", "until", "till", "through") and not kw and not g.get("mer2"):
        return None
    if kw == "between" and sep != "and":
        return None
    h1, h2 = int(g["h1"] or 0), int(g["h2"] or 0)
    m1, m2 = int(g["m1"] or 0), int(g["m2"] or 0)
    mer1, mer2 = g.get("mer1"), g.get("mer2")
    if mer2 is None and not (g.get("m1") and g.get("m2")):
        return None
    if mer2 is not None and not (1 <= h2 <= 12 and 1 <= h1 <= 12):
        return None
    if mer2 is not None:
        p2 = mer2.lower().startswith("p")
        end_h = _hour_12(h2, mer2)
        if mer1 is not None:
            start_h = _hour_12(h1, mer1)
        else:
            # "from 9 to 11 a.m.": the first end shares the meridiem unless that makes it later
            start_h = _hour_12(h1, mer2)
            if start_h > end_h and p2:
                start_h = _hour_12(h1, "am")
    else:
        start_h, end_h = h1, h2
        if h1 > 24 or h2 > 24:
            return None
    core_start = text.find(g["h1"] or "", start)
    if mer1 is not None and mer2 is not None and moved_from().search(text, max(0, core_start - 30), core_start):
        return None  # two whole times: each is a mention of its own
    end, zone, unknown = _with_zone(g, start, end, text)
    said = Said(hour=start_h, minute=m1, until_hour=end_h, until_minute=m2, zone_text=zone, unknown_zone=unknown)
    return Piece(core_start if core_start >= 0 else start, end, "range", "range.clock", said)


@cache
def _time_range_after() -> re.Pattern[str]:
    """"hours", or a weekday or relative day, right after two four-digit numbers: times."""
    days = alt(lexicon().relative_days)
    return re.compile(rf"\s?(?:hours|hrs)\b|\s(?:on\s)?(?:{words().weekday}|{days})(?![\w])")


@cache
def _change_before() -> re.Pattern[str]:
    """A verb of change before "from": figures follow (the lexicon's figure_change_verbs)."""
    return re.compile(rf"\b{alt(lexicon().figure_change_verbs)}\s+\Z", re.IGNORECASE)


def _military_range(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"between 1300 and 1500 GMT", "1300-1500 GMT": with a zone, like one military time;
    with none, only after "from"/"between" and when a year cannot be meant: an end written
    with a leading zero ("from 0600 to 2100"), or a day or "hours" after it ("from 1800 to
    2100 on Wednesday"; "from 1800 to 1900" stays two years)."""
    sep = (g.get("sep") or "").lower()
    kw = (g.get("kw") or "").lower()
    if (sep == "and") != (kw == "between"):
        return None
    if g.get("zone") is None or not zone_ok(g.get("zone")):
        if g.get("zone") is not None or not kw or _change_before().search(text, max(0, start - 14), start):
            return None  # ("attendance rose from 1500 to 2100 on Saturday": figures)
        if not ((g["h1"] or "").startswith("0") or (g["h2"] or "").startswith("0")
                or _time_range_after().match(text, end)):
            return None
    core_start = start + len(g["kw"] or "") + 1 if g.get("kw") else start
    said = Said(hour=int(g["h1"] or 0), minute=int(g["m1"] or 0), until_hour=int(g["h2"] or 0),
                until_minute=int(g["m2"] or 0), zone_text=g.get("zone"))
    return Piece(core_start, end, "range", "range.military", said)


def rules() -> list[Rule]:
    w = words()
    zone = rf"(?:\s?(?P<zone>{w.zone}))?"
    # not inside a number, a price or a fraction; a slash after a word may stand before
    # a time ("7 p.m. ET/4 p.m. PT"), one after a digit not ("1/2", "24/7")
    edge = r"(?<![\w.,:$€£#])(?<!\d/)"
    h12 = r"(?:1[0-2]|0?[1-9])"
    h24 = r"(?:[01]?\d|2[0-4])"
    return [
        Rule(
            "range.clock",
            rf"(?:(?P<kw>from|between|From|Between)\s)?{edge}(?P<h1>{h24})(?:[:.](?P<m1>[0-5]\d))?"
            rf"(?:\s?(?P<mer1>{w.meridiem}))?\s?(?P<sep>to|until|till|through|and|-|–|—)\s?"
            rf"(?P<h2>{h24})(?:[:.](?P<m2>[0-5]\d))?(?:\s?(?P<mer2>{w.meridiem}))?(?![\w:]){zone}",
            _range,
        ),
        Rule(
            "range.military",
            rf"(?:(?P<kw>from|between|From|Between)\s)?(?<![\w.,:/$€£#])(?P<h1>[01]\d|2[0-3])(?P<m1>[0-5]\d)"
            rf"\s?(?P<sep>to|until|till|and|-|–|—)\s?(?P<h2>[01]\d|2[0-4])(?P<m2>[0-5]\d)(?![\w:])"
            rf"(?:\s?(?P<zone>{w.zone}))?",
            _military_range,
        ),
        Rule(
            "clock.military",
            rf"(?<![\w.,:$€£#])(?P<h>[01]\d|2[0-4])(?P<min>[0-5]\d)(?:\s?(?P<hrs>hours|hrs|hr|h)(?![\w]))?"
            rf"(?![\w:.,]\d)"
            rf"(?:\s?(?P<zone>{w.zone}))?",
            _military,
        ),
        Rule(
            "clock.24h",
            rf"{edge}(?P<h>{h24})(?:[:h]|(?P<dot>\.))(?P<min>[0-5]\d)(?::[0-5]\d)?"
            # "14:20Z" (aviation, spaceflight): Zulu, UTC, written on the minutes
            rf"(?:(?P<zulu>Z)(?![\w:])|(?!(?!hrs?(?![\w]))[\w:]|/\d)(?!\s?{w.meridiem})"
            rf"(?:\s?(?P<hrs>hours|hrs|h)(?![\w])|\s(?P<pod>{_POD_PHRASE}))?"
            rf"{zone})",
            _twenty_four,
        ),
        Rule(
            "clock.meridiem",
            rf"{edge}(?P<h>{h12})(?:[:.](?P<min>[0-5]\d))?\s?(?P<mer>{w.meridiem}){zone}",
            _meridiem,
        ),
        Rule(
            "clock.word",
            rf"(?P<w>(?:12(?:[:.]00)?\s|twelve\s|high\s)?(?:[Nn]oon|NOON|[Mm]idnight|MIDNIGHT|[Mm]id-?day|MID-?DAY))(?![\w-]){zone}",
            _word,
        ),
        Rule("clock.tv_listing",
             rf"{edge}(?P<h>1[01]|[6-9])(?::(?P<m>[0-5]\d))?/(?P<h2>10|[5-9])(?::(?P<m2>[0-5]\d))?c\b", _tv_listing),
        Rule(
            "clock.past_to",
            rf"(?P<frac>(?i:half|quarter|a\squarter|five|ten|twenty))\s(?P<rel>past|after|to)\s"
            rf"(?:(?P<h>{h12}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
            rf"(?:\s?(?P<mer>{w.meridiem})|\s(?P<oc>o['’]clock)|\s(?P<pod>{_POD_PHRASE}))?|(?P<word>(?i:midnight|noon|midday)))"
            rf"(?![\w]){zone}",
            _past_to,
        ),
        Rule(
            "clock.oclock",
            rf"{edge}(?P<h>{h12}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
            rf"(?:\s(?:o['’]clock)(?:\s(?P<pod>{_POD_PHRASE}))?"
            rf"|\s(?P<pod2>{_POD_PHRASE}))(?![\w]){zone}",
            lambda g, s, e, t: _oclock({**g, "pod": g.get("pod") or g.get("pod2")}, s, e, t),
        ),
    ]

