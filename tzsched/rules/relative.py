"""Relative references: "Monday", "Tuesday night", "last Friday", "today", "this morning",
"last week", "earlier this month", "over the weekend", "the next day", "now", "recently"."""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import lexicon
from ..types import Said
from .base import FINAL_AFTER, Groups, Piece, Rule, alt

__all__ = ["MID_PARTS", "NEXT_DAY_WORDS", "PARTS_OF_DAY", "POSITIONS", "rules"]

NEXT_DAY_WORDS = ("next", "following", "previous", "preceding")  # "the following morning"
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "overnight")  # "that evening", "the night"


def _pod(word: str | None) -> str | None:
    if not word:
        return None
    return lexicon().parts_of_day.get(word.lower())


@cache
def _paper_after() -> re.Pattern[str]:
    """A newspaper's name after a weekday ("the Sunday Times"; lexicon [phrases])."""
    return re.compile(" " + alt(lexicon().newspapers_after_weekday) + r"(?![\w])")


def _weekday(g: Groups, start: int, end: int, text: str) -> Piece | None:
    raw = (g["wd"] or "").rstrip(".").lower()
    wd = lexicon().weekdays.get(raw)
    if wd is None or _paper_after().match(text, end):
        return None
    if g.get("pl") or g.get("podpl"):  # "Fridays", "Tuesday nights"
        return Piece(start, end, "set", "set.weekday_plural", Said(weekday=wd, part_of_day=_pod(g.get("pod"))))
    if not g.get("shift") and text.endswith(("on a ", "On a "), 0, start):
        # "falls on a Monday this year": any Monday, no day ("attended a Sunday night memorial" is one)
        return Piece(start, end, "set", "set.weekday_any", Said(weekday=wd, part_of_day=_pod(g.get("pod"))))
    shift_word = (g.get("shift") or "").lower().rpartition(" ")[2]  # "this coming Saturday": coming
    shift = lexicon().shift_words.get(shift_word) if shift_word else None
    pos = _position(g)
    mod = lexicon().position_mods.get(pos) if pos else None
    week = _WEEK_AFTER.match(text, end) if shift is None and text.startswith(" ", end) else None
    if week is not None:
        # "on Tuesday last week", "Friday of next week": that weekday of the week named
        said = Said(weekday=wd, part_of_day=_pod(g.get("pod")), shift=_WEEK_SHIFT[week.group(1).lower()], mod=mod)
        return Piece(start, week.end(), "weekday", "rel.weekday_of_week", said, parts=("of_week",))
    idiom = _IDIOM_AFTER.match(text, end) if shift is None and not g.get("pod") and text.startswith(" ", end) \
        else None
    if idiom is not None:
        word = idiom.group(1).lower()
        if word != "last" or _NOT_AFTER_LAST.match(text, idiom.end()) is None:
            # "Thursday week": a week after the coming Thursday; "on Thursday last": the last
            # one; "the Friday before last", "the Friday after next": a week before (after)
            # last (next) Friday
            shift, weeks = _IDIOM_SHIFT[" ".join(word.split())]
            said = Said(weekday=wd, shift=shift, mod=mod, weeks_after=weeks)
            return Piece(start, idiom.end(), "weekday", "rel.weekday_idiom", said)
    nth = _ORDINAL_AFTER.match(text, end) if shift is None and not g.get("pod") else None
    if nth is not None:
        month = _MONTH_AFTER.match(text, nth.end())
        if month is None or month.group(1).lower() not in lexicon().months:
            # "Friday the 28th", "Friday 21st": that day of the month nearest publication
            # that is a Friday ("Friday the 21st of March" is a weekday and a date, joined)
            said = Said(weekday=wd, day=int(nth.group(1)), mod=mod)
            return Piece(start, nth.end(), "weekday", "rel.weekday_nth", said)
    said = Said(weekday=wd, part_of_day=_pod(g.get("pod")), shift=shift, mod=mod)
    return Piece(start, end, "weekday", "rel.weekday", said)


_ORDINAL_AFTER = re.compile(r",?\s(?:the\s)?([1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?![\w'’-])")  # not "2nd-placed"
_MONTH_AFTER = re.compile(r",?\s+(?:of\s+)?([A-Za-z]+)")


_WEEK_AFTER = re.compile(r"\s(?:of\s)?(last|next|this)\sweek(?![\w'’])"
                         # "said on Thursday next week would be decisive": "next week" is a subject there
                         r"(?!\s(?:would|will|is|was|could|should|may|might|must|can)\b)", re.IGNORECASE)
_WEEK_SHIFT = {"last": -1, "this": 0, "next": 1}
# British idioms after a weekday: "Thursday week", "on Thursday last", "the Friday before last"
_IDIOM_AFTER = re.compile(r"\s(week|last|before\s+last|after\s+next)(?![\w'’-])"
                          r"(?!\s+(?:week|weekend|month|year|quarter|season)\b)")  # "after next week's vote"
_IDIOM_SHIFT = {"week": (None, 1), "last": (-1, None), "before last": (-1, -1), "after next": (1, 1)}
# after "Thursday last", a word that makes "last" the start of another phrase ("Thursday
# last week" is read above; "Thursday last year", "Friday last night") or a verb ("Friday
# last for")
_NOT_AFTER_LAST = re.compile(r"\s+(?:week|weekend|month|year|night|time|season|summer|winter|spring|autumn|"
                             r"fall|quarter|half|term|session|for|until|till|through|into|longer|beyond|more|about|around|hours?|days?|"
                             r"weeks?|months?|years?|minutes?|as)(?![\w'’])", re.IGNORECASE)


def _relday(g: Groups, start: int, end: int, text: str) -> Piece | None:
    word = (g["w"] or "").lower()
    offset = lexicon().relative_days.get(word)
    if offset is None:
        return None
    pod = _pod(g.get("pod"))
    if word == "tonight":
        pod = "NI"
    return Piece(start, end, "relday", "rel.day", Said(relative_day=offset, part_of_day=pod))


def _relday_far(g: Groups, start: int, end: int, text: str) -> Piece | None:
    word = (g["w"] or "").lower()
    offset = -2 if word == "yesterday" else 2
    return Piece(start, end, "relday", "rel.day_far", Said(relative_day=offset))


_IN_THE = re.compile(r"\b(?:in|during|by|until|through|overnight|all)\s+$", re.IGNORECASE)
# "the night of Oct. 23", "the early morning hours of 30 April": a day follows
_OF_DAY = re.compile(r" (?:hours )?of ")
# before a part of day with no day word, only its position: "by late afternoon", "until mid-morning"
_BY = re.compile(r"\b(?:in|during|by|until|till|through|from|since|after|before|at)\s+$", re.IGNORECASE)
# "early", "late", "mid" before a part of day: "late afternoon", "mid-morning", "midmorning"
POSITIONS = ("early", "late", "mid")
_POD_POSITION = r"(?:(?P<pos2>(?i:early|late))[\s-]|(?P<mid>(?i:mid))[\s-]?(?=(?i:morning|afternoon|evening)))"
# the one-word forms, which a scanner must know as words of their own
MID_PARTS = ("midmorning", "midafternoon", "midevening")


def _position(g: Groups) -> str:
    """The position word of a part of day ("early", "late", "mid"), lower case, or ""."""
    return (g.get("pos") or g.get("pos2") or ("mid" if g.get("mid") else "")).lower()


def _pod_phrase(g: Groups, start: int, end: int, text: str) -> Piece | None:
    pod = _pod(g["pod"])
    if pod is None:
        return None
    lead = (g.get("lead") or "").lower()
    pos = _position(g)
    mod = lexicon().position_mods.get(pos) if pos else None
    if lead == "" and pos and (g.get("pod") or "").lower() != "overnight":
        if not _BY.search(text, max(0, start - 10), start):
            return None  # "late afternoon sun": a description
        lead = "this"  # "by late afternoon": the day of the story, as "this afternoon"
    if lead == "the" and _OF_DAY.match(text, end):
        said = Said(part_of_day=pod, anchor="reference", mod=mod)  # "the night of Oct. 23"
    elif lead == "the" and not _IN_THE.search(text, max(0, start - 12), start):
        return None  # "the night bus", "the morning paper"; "in the morning" is a time
    elif lead in ("this", "the", ""):
        said = Said(relative_day=0, part_of_day=pod, mod=mod)
    elif lead in ("last", "yesterday"):
        said = Said(relative_day=-1, part_of_day=pod, mod=mod)
    elif lead in ("tomorrow", "next"):
        said = Said(relative_day=1, part_of_day=pod, mod=mod)
    elif lead == "that":
        said = Said(part_of_day=pod, anchor="reference", mod=mod)
    else:
        return None
    if lead == "" and (g["pod"] or "").lower() != "overnight":
        return None
    return Piece(start, end, "relday", "rel.part_of_day", said)


def _relunit(g: Groups, start: int, end: int, text: str) -> Piece | None:
    lex = lexicon()
    unit_word = (g["unit"] or "").lower()
    shift_word = (g["shift"] or "").lower()
    if shift_word == "last" and text.endswith(("the ", "The "), 0, start) and (
            FINAL_AFTER.match(text, end) or text.endswith(("at the ", "At the "), 0, start)):
        return None  # "the last day to register", "the last week of the campaign": the final one;
        # "at the last minute": an idiom
    shift = lex.shift_words.get(shift_word)
    if shift is None:
        return None
    pos = (g.get("pos") or "").lower().rstrip("-")
    mod = None
    if pos:  # "earlier this month" keeps the month's value (its interval is cut, see below)
        mod = lex.position_mods.get(pos)
    month = lex.months.get(unit_word.rstrip("."))
    if month is not None:
        return Piece(start, end, "date", "rel.month_shift", Said(month=month, shift=shift, mod=mod))
    unit = lex.units.get(unit_word)
    if unit is None:
        return None
    anchor = "reference" if shift_word in ("following", "previous", "preceding") else "publication"
    said = Said(unit=unit, shift=shift, mod=mod, anchor=anchor)
    # "earlier this month" / "later this week": the part of the period before (after) publication
    side = (pos,) if pos in ("earlier", "later") and shift == 0 else ()
    return Piece(start, end, "relunit", "rel.unit", said, side)


def _the_next_day(g: Groups, start: int, end: int, text: str) -> Piece | None:
    word = (g["dir"] or "").lower()
    shift = 1 if word in ("next", "following", "after") else -1
    if g.get("mon"):  # "the previous April": the one before the time the text is telling about
        month = lexicon().months.get((g["mon"] or "").rstrip(".").lower())
        return Piece(start, end, "date", "rel.next_day", Said(month=month, shift=shift, anchor="reference"))
    pod = _pod(g["unit"])
    if pod is not None:
        said = Said(relative_day=shift, part_of_day=pod, anchor="reference")
        return Piece(start, end, "relday", "rel.next_day", said)
    unit = lexicon().units.get((g["unit"] or "").lower())
    if unit is None:
        return None
    return Piece(start, end, "relunit", "rel.next_day", Said(unit=unit, shift=shift, anchor="reference"))


def _weekend(g: Groups, start: int, end: int, text: str) -> Piece | None:
    lead = (g["lead"] or "").lower().split()[-1]
    shift = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1, "the": None, "that": None}.get(lead)
    if lead == "the":
        far = _FAR_AFTER.match(text, end)
        if far is not None:  # "the weekend after next", "the weekend before last"
            shift = 2 if far.group(1).lower().startswith("after") else -2
            end = far.end()
    return Piece(start, end, "relunit", "rel.weekend", Said(unit="weekend", shift=shift, anchor="publication"))


_FAR_AFTER = re.compile(r"\s(after\s+next|before\s+last)(?![\w'’-])(?!\s+(?:week|weekend|month|year)\b)",
                        re.IGNORECASE)


def _reference(g: Groups, start: int, end: int, text: str) -> Piece | None:
    word = " ".join((g["w"] or "").lower().split())
    ref = lexicon().references.get(word)
    if ref is None:
        return None
    if word == "now" and text[end : end + 5].lower().startswith((" that", "-")):
        return Piece(start, end, "ref", "ref.word", Said(ref=ref))
    return Piece(start, end, "ref", "ref.word", Said(ref=ref))


def _recent_units(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"recent years", "the past months", "coming weeks": a stretch of vague length."""
    word = (g["w"] or "").lower()
    if word == "past" and not text[max(0, start - 4) : start].lower().endswith("the "):
        return None
    unit = lexicon().units.get((g["unit"] or "").lower())
    if unit is None:
        return None
    shift = 1 if word == "coming" else -1
    return Piece(start, end, "duration", "ref.recent_units", Said(unit=unit, amount=None, shift=shift))


def rules() -> list[Rule]:
    from .words import words

    w = words()
    lex = lexicon()
    pod = rf"(?P<pod>{alt(k for k in lex.parts_of_day if not k.endswith('s'))})"
    units = alt(k for k in lex.units if not k.endswith("s") or k == "weekends")
    refs = alt(lex.references)
    return [
        Rule(
            "rel.day_far",
            r"(?i:the\s+day\s+(?:before\s+(?P<w>yesterday)|after\s+(?P<w2>tomorrow)))(?![\w])",
            lambda g, s, e, t: _relday_far({**g, "w": g.get("w") or g.get("w2")}, s, e, t),
        ),
        Rule(
            "rel.next_day",
            rf"(?i:the\s+(?P<dir>{'|'.join(NEXT_DAY_WORDS)})\s+)"
            rf"(?:(?P<unit>(?i:day|week|month|year|morning|afternoon|evening|night))|(?P<mon>{w.month_full}))(?![\w])",
            _the_next_day,
        ),
        Rule(
            "rel.weekend",
            r"(?P<lead>(?i:the(?:\s+(?:past|last|coming|next))?|this|last|next|past|coming|that))\s+(?i:weekend)(?![\w])",
            _weekend,
        ),
        Rule(
            "rel.unit",
            rf"(?:(?P<pos>(?i:early|late|mid|earlier|later))[\s-](?:in\s)?)?"
            rf"(?P<shift>(?i:last|next|this|coming|previous|current|following|preceding))\s"
            rf"(?P<unit>(?i:{units})|{w.month}(?!\.?\s?\d))(?![\w])",
            _relunit,
        ),
        Rule(
            "rel.weekday",
            rf"(?:(?P<pos>(?i:early|late))\s)?(?:(?P<shift>(?i:this\s(?:coming|past)|last|next|this|coming|past))\s)?"
            rf"(?P<wd>{w.weekday})(?P<pl>s)?(?:\s{_POD_POSITION}?(?i:{pod})(?P<podpl>s)?)?(?![\w])",
            _weekday,
        ),
        Rule(
            "rel.day",
            rf"(?P<w>(?i:today|tonight|yesterday|tomorrow))(?:\s(?i:{pod}))?(?![\w])",
            _relday,
        ),
        Rule(
            "rel.part_of_day",
            r"(?:(?P<pos>(?i:early|late))\s)?(?:(?P<lead>(?i:this|last|the|that|tomorrow|yesterday|next))\s)?"
            rf"{_POD_POSITION}?(?P<pod>(?i:{'|'.join(PARTS_OF_DAY)}))(?![\w])",
            _pod_phrase,
        ),
        Rule(
            "ref.recent_units",
            r"(?P<w>(?i:recent|past|coming))\s(?P<unit>(?i:years|months|weeks|days|decades))(?![\w])",
            _recent_units,
        ),
        Rule("ref.word", rf"(?<![\w'’-])(?P<w>(?i:{refs}))(?![\w'’-])", _reference),
    ]
