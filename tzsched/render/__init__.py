"""Renderers: pure functions of an :class:`~tzsched.types.Annotation` to text.

One module per format: :mod:`.inline` (the text with ``[UTC]`` after each mention),
:mod:`.jsonl` (the ``tzsched extract`` record), :mod:`.timeml` (TimeML with TIMEX3
tags), :mod:`.ical` (iCalendar events) and :mod:`.html` (a self-contained report).
Each has ``render(ann, article_id)`` for one whole document; formats that can hold
several articles also expose ``head()``, ``fragment(ann, article_id)`` and ``tail()``,
so that a batch is ``head() + fragment(a1) + fragment(a2) + ... + tail()``.

The helpers below are shared by the renderers: how an interval is labelled, which
link a mention belongs to, and the sentence around a mention.

>>> from tzsched import Context, annotate
>>> ann = annotate("Talks open at 5 p.m. Moscow time (1400 GMT).", Context.parse("2025-05-19T10:00:00-04:00"))
>>> utc_label(ann.mentions[0].resolution)
'2025-05-19T14:00Z'
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from ..discourse import sentence_bounds
from ..types import Annotation, Link, Mention, Resolution, tzinfo_for

__all__ = ["FORMATS", "home_label", "human_delta", "link_of", "one_line", "sentence_of", "short_utc", "utc_label",
           "visible"]

# --format name -> (module name, file extension for --output-dir)
FORMATS: dict[str, str] = {"inline": ".txt", "jsonl": ".jsonl", "timeml": ".tml", "ics": ".ics", "html": ".html"}

_MINUTE = timedelta(minutes=1)


def short_utc(moment: datetime) -> str:
    """ISO 8601 in UTC to the minute, ``Z`` suffix; seconds only when not zero.

    >>> short_utc(datetime(2025, 5, 19, 14, 0, tzinfo=UTC))
    '2025-05-19T14:00Z'
    >>> short_utc(datetime(999, 12, 31, 17, 0, 20, tzinfo=UTC))
    '0999-12-31T17:00:20Z'
    """
    moment = moment.astimezone(UTC)
    spec = "seconds" if moment.second or moment.microsecond else "minutes"
    return moment.replace(tzinfo=None).isoformat(timespec=spec) + "Z"  # isoformat: four-digit years


def utc_label(res: Resolution) -> str:
    """The UTC meaning of a resolution: an instant, ``start/end``, or the TIMEX3 value
    when there is no interval (durations, sets, vague references)."""
    if res.start is None:
        return res.value
    if res.end is None or res.end - res.start <= _MINUTE:
        return short_utc(res.start)
    return f"{short_utc(res.start)}/{short_utc(res.end)}"


def _local(moment: datetime, zone: str) -> str:
    local = moment.astimezone(tzinfo_for(zone))
    name = local.tzname() or zone
    stamp = local.replace(tzinfo=None).isoformat(" ", timespec="seconds" if local.second else "minutes")
    return f"{stamp} {name}"


def home_label(res: Resolution, home: str) -> str:
    """The resolution on the wall clock of ``home`` ("2025-05-22 15:00 CEST"), an
    interval as ``start – end``, or the TIMEX3 value when there is no interval.

    >>> from tzsched import Context, annotate
    >>> ann = annotate("at 1400 GMT", Context.parse("2025-05-19T10:00:00-04:00"))
    >>> home_label(ann.mentions[0].resolution, "Europe/Zurich")
    '2025-05-19 16:00 CEST'
    """
    if res.start is None:
        return res.value
    if res.end is None or res.end - res.start <= _MINUTE:
        return _local(res.start, home)
    return f"{_local(res.start, home)} – {_local(res.end, home)}"


def human_delta(seconds: float) -> str:
    """A difference in seconds for people: "0 s", "45 s", "1 h", "1 h 30 min", "24 h".

    >>> human_delta(5400.0)
    '1 h 30 min'
    """
    total = round(abs(seconds))
    if total < 60:
        return f"{total} s"
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h"] if hours else []
    if minutes:
        parts.append(f"{minutes} min")
    if secs:
        parts.append(f"{secs} s")
    return " ".join(parts)


def link_of(ann: Annotation) -> dict[int, tuple[int, Link]]:
    """Mention index -> (link index, link) for every mention that is a link member."""
    out: dict[int, tuple[int, Link]] = {}
    for li, link in enumerate(ann.links):
        for member in link.members:
            out.setdefault(member, (li, link))
    return out


def sentence_of(ann: Annotation, *members: Mention) -> str:
    """The sentence around one or more mentions, on one line (blank runs become one space).

    The span starts at the sentence of the first mention and reaches at least the end of
    the last one, so a link whose members straddle a (mis)detected boundary stays whole.
    """
    first = min(m.start for m in members)
    last = max(m.end for m in members)
    start, end = sentence_bounds(ann.text, first)
    if last > end:
        end = max(last, sentence_bounds(ann.text, last - 1)[1])
    return " ".join(ann.text[start:end].split())


# Characters a terminal acts on instead of showing: C0 controls, DEL and C1 controls. In
# text, tab, newline and the carriage return of a CRLF line end are layout and stay; a
# lone carriage return moves the cursor back over what was written, so it is shown.
_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
_LABEL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or f"\\x{ord(char):02x}"


def visible(text: str) -> str:
    r"""``text`` safe to write to a terminal: every control character but tab, newline and
    a CRLF line end written as an escape (``\x1b``, ``\x07``, ``\r``), so that an
    article cannot send escape sequences to the reader's terminal.

    >>> print(visible("Noon\x1b[2J GMT\x07, then\rlater\r\n"), end="")
    Noon\x1b[2J GMT\x07, then\rlater
    """
    return _TEXT_CONTROLS.sub(_escape, text)


def one_line(label: object) -> str:
    r"""An article id or file name as a label on one line: every control character,
    newline and tab included, written as an escape.

    >>> print(one_line("wire\n7\x1b[2J"))
    wire\n7\x1b[2J
    """
    return _LABEL_CONTROLS.sub(_escape, str(label))
