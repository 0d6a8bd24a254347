"""Durations and sets: "three years", "90 minutes", "16-hour", "the past 20 years",
"a week ago", "two days later", "daily", "every Monday", "each year"."""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import lexicon
from ..types import Said
from .base import FINAL_AFTER, Groups, Piece, Rule, alt, number_value

__all__ = ["LEADS", "rules"]

# "the past two weeks", "the next 10 days": the words before a count and their direction
LEADS = {"past": -1, "last": -1, "next": 1, "coming": 1, "previous": -1, "following": 1}
_LEAD = "|".join(LEADS)

_PER_BEFORE = re.compile(
    r"(?:\d|\b(?:times|once|twice|dollars?|dlrs|cents?|pct|percent|hours|minutes|days|weeks|months|miles|"
    # "4,000 patients a year": a counted noun
    r"kilometers|meals|shifts|%)|\d[\d,.]*\s(?:[a-z]+\s)?(?:[a-z]+s|people|children|men|women))\s*$",
    re.IGNORECASE,
)


def _count(g: Groups, start: int, end: int, text: str) -> Piece | None:
    lex = lexicon()
    unit = lex.units.get((g["unit"] or "").lower())
    if unit is None or text.endswith(":", 0, start):
        return None  # "05:30hrs" is a clock time
    qtext = (g.get("q") or "").strip()
    lead = (g.get("lead") or "").lower()
    direction = (g.get("dir") or "").lower()
    vague = qtext.lower() in lex.vague_quantity or qtext.lower() in ("few",)
    amount = None if vague else number_value(qtext) if qtext else 1.0
    if qtext and not vague and amount is None:
        return None
    if amount is not None and g.get("half"):
        amount += 0.5  # "a minute and a half"
    if qtext.lower() in ("a", "an") and (g["unit"] or "").lower().endswith("s") and unit != "hrs":
        return None  # "a decades-long war": the article belongs to the noun; "decades-long" is vague
    if unit == "quarter" and _clock_quarter().match(text, end):
        return None  # "a quarter to nine", "a quarter past two": a clock time, not three months
    if unit == "quarter" and amount is not None and text.startswith(" of an hour", end):
        # "a quarter of an hour", "three quarters of an hour": minutes
        return Piece(start, end + len(" of an hour"), "duration", "dur.count", Said(unit="minute", amount=15 * amount))
    if unit == "second" and not qtext[:1].isdigit() and not direction:
        return None  # "a second session", "the second half"
    if not qtext and not lead:
        return None
    if qtext.lower() in ("a", "an") and not direction:
        # "$5 a year" and "twice a day" are rates
        if _PER_BEFORE.search(text, max(0, start - 12), start) and not _AFTER_BEFORE.match(text, end):
            return Piece(start, end, "set", "set.rate", Said(set_unit=unit, amount=1.0))
    if amount is not None and (amount > 5000 or (999 < amount < 2100 and not (g["unit"] or "").endswith("s"))):
        return None  # "the 1988 second quarter"
    if (g.get("suffix") or "").lower() == "-old" and unit in ("year", "month", "week", "day"):
        return None  # ages ("a 6-year-old") are not time expressions
    if direction in ("earlier", "later") and _THAN_AFTER.match(text, end):
        # "20 minutes earlier than expected": a length compared, not a point in time
        direction, end = "", end - len(direction) - 1
    if direction:
        if direction in ("ago", "back"):
            anchor, sign = "publication", -1
        elif direction in ("from now", "hence"):
            anchor, sign = "publication", 1
        elif direction in ("earlier", "before"):
            anchor, sign = "reference", -1
        else:
            anchor, sign = "reference", 1
        if amount is None:
            said = Said(unit=unit, amount=None, shift=sign, anchor=anchor, ref="PAST_REF" if sign < 0 else
                        "FUTURE_REF")
            return Piece(start, end, "ago", "dur.ago_vague", said)
        said = Said(unit=unit, amount=amount, shift=sign, anchor=anchor)
        return Piece(start, end, "ago", "dur.ago", said)
    if lead == "last" and not g.get("the") and _verb_last_before().search(text, max(0, start - 16), start):
        # "expected to last six weeks", "will last two days": the verb; the length alone
        start, lead = start + len("last") + 1, ""
    if g.get("the") and not lead and not direction and (text.find("-", start, end) > 0 or (
            amount is not None and amount > 1 and not (g["unit"] or "").lower().endswith("s"))):
        # "the 10-year bond", "the 2 hour window": TimeML marks the adjective "10-year" alone
        start += len(g["the"] or "") + 1
    shift = LEADS.get(lead)
    if unit in ("hour", "minute") and amount is not None and amount == int(amount) and not direction \
            and text.startswith((" ", ", "), end):
        rest = _COMPOUND_REST.match(text, end)
        if rest is not None:
            # "2 hours, 9 minutes and 12 seconds", "the 4-hour, 45-minute match": one length
            smaller = [(rest.group("n1"), rest.group("u1")), (rest.group("n2"), rest.group("u2"))]
            per = 60.0
            for n, u in smaller:
                if n is None or u is None:
                    continue
                if u.lower().startswith("s") and unit == "hour" and per == 60.0:
                    per = 3600.0
                amount += int(n) / per
                per *= 60.0
            said = Said(unit=unit, amount=amount, shift=shift, anchor="publication" if shift else None)
            return Piece(start, rest.end(), "duration", "dur.count", said, parts=("hms",))
    if shift is None and amount is not None and text.endswith(_RANGE_JOINS, max(0, start - 9), start):
        low = _range_low().search(text, max(0, start - 40), start)
        low_amount = number_value(low.group("q0") or low.group("q1") or "") if low is not None else None
        before = _WORD_BEFORE.search(text, max(0, low.start() - 12), low.start()) if low is not None else None
        if before is not None and (before.group(1).lower() in lex.no_range_after
                                   or before.group(1).lower().rstrip(".") in lex.months):
            # "extended leave from 12 to 16 weeks" (a change); "sentenced on May 5 to 10 years";
            # "the Mets lost 2-4 days after the trade" (a score)
            low = None
        if low is not None and low_amount is not None and low_amount < amount:
            if text.endswith(("every ", "Every "), 0, low.start()):  # "every 4 to 6 hours": a set
                said = Said(set_unit=unit, amount=low_amount, until_amount=amount)
                return Piece(low.start() - len("every "), end, "set", "set.every", said)
            # "three to four weeks", "two or three days", "between 5 and 10 years": one range
            said = Said(unit=unit, amount=low_amount, until_amount=amount)
            return Piece(low.start(), end, "duration", "dur.range", said)
    said = Said(unit=unit, amount=amount, shift=shift, anchor="publication" if shift else None)
    return Piece(start, end, "duration", "dur.count", said)


# the smaller units after "2 hours" or "4 minutes": ", 9 minutes and 12 seconds", " 28 seconds"
_COMPOUND_REST = re.compile(
    r",?\s(?:and\s)?(?P<n1>[1-5]?\d)[\s-]?(?P<u1>minutes?|mins?|seconds?|secs?)(?![\w-])"
    r"(?:,?\s(?:and\s)?(?P<n2>[1-5]?\d)[\s-]?(?P<u2>seconds?|secs?)(?![\w-]))?"
)

# the word right before the smaller count of a duration range
_WORD_BEFORE = re.compile(r"([A-Za-z]+\.?)\s+\Z")

# what joins the two counts of a duration range ("three to four", "2-3", "between 5 and 10")
_RANGE_JOINS = (" to ", " or ", "-", "–", " and ")


@cache
def _range_low() -> re.Pattern[str]:
    """The smaller count and the joining word right before a duration's count."""
    from .words import words

    number = words().number
    return re.compile(rf"(?<![\w.,$£€-])(?P<q0>(?i:{number}))(?:-?\s(?:to|or)\s|\s?[-–]\s?)\Z"
                      rf"|(?<=[Bb]etween\s)(?P<q1>(?i:{number}))\sand\s\Z")


@cache
def _verb_last_before() -> re.Pattern[str]:
    """Before "last", what makes it the verb ("is expected to last six weeks", "supplies
    should last 10 days", "won't last"): the lexicon's [phrases] before_verb_last."""
    return re.compile(rf"(?:\b(?:{alt(lexicon().before_verb_last)})|n['’]t|['’]ll)\s+\Z", re.IGNORECASE)


# "than" right after "earlier"/"later" or a few words on ("an hour later in Europe than usual")
# "lost 3 games a week after the trade": a stretch before an event, no rate
_AFTER_BEFORE = re.compile(r"\s(?:after|before|later|earlier)\b")
_THAN_AFTER = re.compile(r"(?:\s[\w'’-]+){0,3}?\sthan\b")


@cache
def _clock_quarter() -> re.Pattern[str]:
    """"a quarter to nine", "a quarter past 2": the words of a clock time after "a quarter"."""
    hours = alt(w for w, v in lexicon().numbers.items() if " " not in w and v == int(v) and 1 <= v <= 12
                and w not in ("a", "an"))
    return re.compile(rf"\s(?:to|past|after|before)\s(?:\d|{hours}|noon|midnight)", re.IGNORECASE)


_VAGUE_CUE = re.compile(r"\b(?:for|over|in|within|after|took|lasted|spent|spend|recent|past)\s+$", re.IGNORECASE)


def _bare_plural(g: Groups, start: int, end: int, text: str) -> Piece | None:
    unit = lexicon().units.get((g["unit"] or "").lower())
    if unit is None:
        return None
    if not text.startswith("-", end) and not _VAGUE_CUE.search(text, max(0, start - 10), start):
        return None
    return Piece(start, end, "duration", "dur.vague", Said(unit=unit, amount=None))


def _vague_long(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"decades-long", "years-old", "months-long": adjectives of a vague length."""
    unit = lexicon().units.get((g["unit"] or "").lower())
    if unit is None:
        return None
    return Piece(start, end, "duration", "dur.vague_long", Said(unit=unit, amount=None))


def _set_word(g: Groups, start: int, end: int, text: str) -> Piece | None:
    unit = lexicon().set_words.get((g["w"] or "").lower())
    if unit is None:
        return None
    nxt = _ADJECTIVE_OF.match(text, end) if unit == "quarter" else None
    if nxt is not None and nxt.group(1) not in lexicon().adverb_followers:
        # "its quarterly dividend": TimeML marks no adjective "quarterly" (news writes it
        # before "dividend", "results", "loss" far more than as a frequency)
        return None
    return Piece(start, end, "set", "set.word", Said(set_unit=unit, amount=1.0))


# the lower-case word right after "quarterly": a noun makes it an adjective
_ADJECTIVE_OF = re.compile(r" ([a-z]+)\b")


def _every(g: Groups, start: int, end: int, text: str) -> Piece | None:
    lex = lexicon()
    word = (g["what"] or "").lower().rstrip(".")
    q = number_value(g.get("q") or "") if g.get("q") else 1.0
    if q is None:
        return None
    if (g.get("other") or ""):
        q *= 2
    pod = lex.parts_of_day.get((g.get("pod") or "").lower())
    if word in lex.weekdays:
        said = Said(weekday=lex.weekdays[word], set_unit="week", part_of_day=pod)
        return Piece(start, end, "set", "set.every", said)
    if word in lex.seasons:
        return Piece(start, end, "set", "set.every", Said(season=lex.seasons[word], set_unit="year"))
    if word in ("weekend", "weekends"):
        return Piece(start, end, "set", "set.every", Said(unit="weekend", set_unit="week"))
    if word.rstrip("s") in lex.parts_of_day or word in lex.parts_of_day:
        return Piece(start, end, "set", "set.every", Said(part_of_day=lex.parts_of_day.get(word) or
                                                        lex.parts_of_day[word.rstrip("s")], set_unit="day"))
    if word in lex.months:
        return Piece(start, end, "set", "set.every", Said(month=lex.months[word], set_unit="year"))
    unit = lex.units.get(word)
    if unit is None:
        return None
    return Piece(start, end, "set", "set.every", Said(set_unit=unit, amount=q))


def _frequency(g: Groups, start: int, end: int, text: str) -> Piece | None:
    """"twice a year", "three times a week": a set over the unit."""
    unit = lexicon().units.get((g["unit"] or "").lower())
    if unit is None:
        return None
    return Piece(start, end, "set", "set.frequency", Said(set_unit=unit, amount=1.0))


def rules() -> list[Rule]:
    from .words import words

    w = words()
    lex = lexicon()
    singular = alt(k for k in lex.units if not k.endswith("s") or k in ("hrs", "mins"))
    plural = alt(k for k in lex.units if k.endswith("s") and k not in ("hrs", "mins"))
    set_words = alt(lex.set_words)
    return [
        Rule(
            "dur.count",
            rf"(?:(?P<the>the|The)\s)?(?:(?P<lead>(?i:{_LEAD}|first))\s)?"
            rf"(?P<q>(?i:{w.number}))(?:\s(?i:{alt(lex.count_unit_between)}))?(?:[\s-]|\s?-\s?|(?<=\d)(?=(?:hrs?|mins?|secs?)(?![\w])))(?P<unit>(?i:{w.unit}))(?P<suffix>-(?i:long|old|plus))?(?![\w-])(?P<half>\s(?:and\s)?a\shalf)?"
            rf"(?:\s(?P<dir>(?i:ago|earlier|later|from\snow|hence|back)))?(?![\w])",
            _count,
        ),
        Rule(
            "dur.the_past_unit",
            rf"(?:(?P<the>the|The)\s)(?P<lead>(?i:{_LEAD}))\s"
            rf"(?P<unit>(?i:{singular}))(?![\w-])",
            lambda g, s, e, t: _count({**g, "q": ""}, s, e, t) if g.get("the") and not (
                (g.get("lead") or "").lower() == "last" and (FINAL_AFTER.match(t, e) or t.endswith("at ", 0, s)))
            else None,  # "at the last minute" is an idiom, no stretch of time
        ),
        Rule(
            "dur.vague",
            rf"(?<![\w-])(?P<unit>(?i:{plural}))(?![\w-])",
            _bare_plural,
        ),
        Rule("dur.vague_long", rf"(?<![\w-])(?P<unit>(?i:{plural}))-(?i:long|old)(?![\w-])", _vague_long),
        Rule("set.word", rf"(?<![\w-])(?P<w>(?i:{set_words}))(?![\w-])", _set_word),
        # "open on weekends", "at weekends": every weekend
        Rule("set.weekends", r"(?:(?<=\b[Oo]n\s)|(?<=\b[Aa]t\s)|(?<=\b[Oo]ver\s))(?i:weekends)(?![\w-])",
             lambda g, s, e, t: Piece(s, e, "set", "set.weekends", Said(unit="weekend"))),
        Rule(
            "set.every",
            rf"(?i:every|each|per)\s(?:(?P<other>(?i:other))\s)?(?:(?P<q>(?i:{w.number}))\s)?"
            rf"(?P<what>(?i:{w.unit}|{w.pod}|{w.season})|{w.weekday}|{w.month})(?:\s(?P<pod>(?i:{w.pod})))?(?![\w])",
            _every,
        ),
        Rule(
            "set.frequency",
            rf"(?P<f>(?i:once|twice|thrice|(?:{w.number})\stimes))\s(?i:a|an|per|each|every)\s"
            rf"(?P<unit>(?i:{singular}))(?![\w])",
            _frequency,
        ),
    ]
