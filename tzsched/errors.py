"""Every exception tzsched raises and every note code it attaches to results.

Caller mistakes (a bad context, an unknown zone id, a malformed data file) raise a
typed exception whose message names the offending value. Ambiguity in the *text*
is never an exception: it becomes a :class:`~tzsched.types.Note` on the result,
with one of the codes below and the alternatives.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "NOTE_CODES",
    "ContextError",
    "DataError",
    "InputError",
    "TzschedError",
    "UnknownZoneError",
    "internal_message",
]


class TzschedError(Exception):
    """Base class of every error tzsched raises on purpose."""

    code: str = "error"


class ContextError(TzschedError, ValueError):
    """The publication context is invalid (naive datetime, unparseable date, bad locale)."""

    code = "bad_context"


class UnknownZoneError(ContextError):
    """An IANA zone id that tzdata does not know."""

    code = "unknown_zone"

    def __init__(self, zone: str) -> None:
        super().__init__(f"unknown time zone id {zone!r} (expected an IANA id such as 'Europe/Kyiv')")
        self.zone = zone


class InputError(TzschedError, ValueError):
    """Input that is not what the API or the CLI expects (wrong type, bad JSON line)."""

    code = "bad_input"

    def __init__(self, message: str, code: str = "bad_input") -> None:
        super().__init__(message)
        self.code = code


class DataError(TzschedError, ValueError):
    """A lexicon or zone data file is malformed; the message lists every problem found."""

    code = "bad_data"


def internal_message(exc: BaseException) -> str:
    """The message of an ``internal_error`` record: a failure inside tzsched (a bug), not bad input."""
    return f"tzsched failed on this article ({type(exc).__name__}: {exc}); please report it with the input"


# Codes of the notes attached to results, with what each one means. Renderers and
# the docs read this table; a test checks that every code used in the code base is here.
NOTE_CODES: Final[dict[str, str]] = {
    "ambiguous_abbreviation": "the zone abbreviation names several zones; the alternatives are listed",
    "dst_gap": "the local time does not exist (clocks jumped forward); the alternatives are listed",
    "dst_fold": "the local time happens twice (clocks fell back); the alternatives are listed",
    "label_mismatch": "a standard-time label used during daylight time, or the reverse",
    "default_zone": "no zone was stated, given or found in a dateline; UTC was assumed",
    "day_precision": "the publication instant is known only to the day",
    "day_from_context": "a clock time takes its day from the date written for it elsewhere in the sentence",
    "year_inferred": "the year was not stated: taken from the publication date or, in a history, from the year "
    "the story is in",
    "tense_conflict": "a clock time read on the publication day contradicts the tense of the words before it "
    "(past tense but after publication, or future tense but before it); the other day is an alternative",
    "direction_guessed": "no tense cue decided between the previous and the next occurrence",
    "weekday_mismatch": "the weekday written with a date is not that date's weekday; the date is kept",
    "duration_range": "a range of durations (\"three to four weeks\"): the value is the lower count, mod "
    "EQUAL_OR_MORE; the message names both",
    "meridiem_from_context": "a clock time written without a.m./p.m. (\"8:15\") follows a p.m. time of its "
    "sentence at or before that hour of the evening, and is read p.m. too",
    "meridiem_unstated": "a clock time from 1:00 to 11:59 written without a.m./p.m. in a 12-hour locale "
    "(\"first pitch is at 7:05\"): the morning is read, the evening is an alternative (label pm)",
    "unknown_zone_name": "a zone name in the text could not be matched to a zone",
    "local_zone_assumed": "\"local time\" with no dateline and no place named for it was read in the home zone",
    "dateline_date": "the dateline's date lies 1 to 7 days before publication: relative days (\"today\", "
    "\"yesterday\", a weekday) and times with no day count from it",
    "zone_shared": "a clock time with no zone takes the zone written on a clock time joined to it in the sentence "
    "(\"opens at 9:30 a.m. and closes at 4 p.m. ET\")",
    "zone_from_link": "the zone was chosen because a linked restatement fixes the instant",
    "reading_from_link": "a linked restatement chose the reading: the day of a time stated without one, "
    "or the side of a DST gap or fold",
    "link_verdict": "why a restatement link disagrees: the members compared, the difference and the cause",
    "unanchored": "a relative expression with no reference point in the text or context",
    "counted_from_time": "a count of hours or minutes (\"six hours later\") was counted from the clock time before it",
    "approximate": "the text marks the time as approximate",
    "regional_day": "a holiday the country keeps on different days in its regions (\"Labour Day\" in "
    "Australia): no day is given",
    "out_of_range": "the date falls outside the years 1 to 9999 that can be resolved; no instant is given",
}
