"""iCalendar (RFC 5545) via the ``icalendar`` package: one VEVENT per resolved future
instant or interval.

"Future" means the interval starts at or after publication (for a publication known
only to the day, midnight of that day in the article's home zone). Durations, sets
and vague references have no interval and give no event. Restatements that agree
(one link) are one moment and give one event; members of a disagreeing link give one
event each, with the disagreement in the description.

Every time is UTC. A clock time (a one-minute interval) is an instant: ``DTSTART``
only; a longer interval has ``DTEND`` (exclusive, like tzsched's half-open intervals).
The description is the sentence around the mention. Nothing reads the clock:
``DTSTAMP`` is the publication instant and ``UID`` a hash of the text, the
publication and the mention's offsets and interval, so the same input always gives
the same bytes.

>>> from tzsched import Context, annotate
>>> ctx = Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
>>> ics = render(annotate("They speak at 5 p.m. Moscow time (1400 GMT) today.", ctx))
>>> [line for line in ics.splitlines() if line.startswith(("DTSTART", "SUMMARY"))]
['SUMMARY:5 p.m. Moscow time = 1400 GMT', 'DTSTART:20250519T140000Z']
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, Event, vText

from ..types import Annotation, Link, Mention, tzinfo_for
from . import human_delta, link_of, sentence_of

__all__ = ["events", "fragment", "head", "render", "tail"]

_MINUTE = timedelta(minutes=1)


# RFC 5545 TEXT holds no control character but the tab (icalendar writes a line feed or a
# carriage return as the escape backslash-n, and passes the other controls through).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _plain(text: str) -> str:
    """``text`` with any lone surrogate (a JSON escape such as "\\ud800" makes one) written
    as that escape: icalendar encodes to UTF-8, which cannot carry it; and any control
    character that a TEXT value cannot hold (a NUL, a BEL) as U+FFFD."""
    return _CONTROLS.sub("\ufffd", text.encode("utf-8", "backslashreplace").decode("utf-8"))


def _publication(ann: Annotation) -> datetime:
    pub = ann.context.published
    if isinstance(pub, datetime):
        return pub.astimezone(UTC)
    return datetime.combine(pub, time(0), tzinfo=tzinfo_for(ann.home)).astimezone(UTC)


def _article_hash(ann: Annotation) -> hashlib._Hash:
    """The hash of the article's text and publication, which every UID of it continues."""
    h = hashlib.sha256()
    h.update(ann.text.encode("utf-8", "surrogatepass"))
    h.update(b"\x1f" + ann.context.published.isoformat().encode())
    return h


def _uid(article: hashlib._Hash, members: list[Mention]) -> str:
    # a copy of the article's hash: hashing the text again for every event made an
    # article's calendar take time growing with the square of its length
    h = article.copy()
    for m in members:
        res = m.resolution
        h.update(f"\x1f{m.start}:{m.end}:{res.start}:{res.end}".encode())
    return f"{h.hexdigest()[:32]}@tzsched"


def _event(ann: Annotation, article: hashlib._Hash, members: list[Mention], stamp: datetime, link: Link | None,
           article_id: Any) -> Event:
    first = members[0].resolution
    assert first.start is not None and first.end is not None
    ev = Event()
    ev.add("uid", _uid(article, members))
    ev.add("dtstamp", stamp)
    ev.add("dtstart", first.start.astimezone(UTC))
    if first.end - first.start > _MINUTE:
        ev.add("dtend", first.end.astimezone(UTC))
    ev.add("summary", _plain(" = ".join(m.text for m in members)))
    description = sentence_of(ann, *members)
    if link is not None and not link.agree:
        verdict = f"Restatements disagree by {human_delta(link.delta_seconds)} ({link.cause or 'unknown'})."
        reasons = [n.message for n in link.notes if n.code == "link_verdict"]
        description += "\n\n" + " ".join([verdict, *reasons])
    ev.add("description", _plain(description))
    stated = "; ".join(
        f"{m.text}: {m.resolution.value} in {m.resolution.zone or 'no zone'} ({m.resolution.zone_source})"
        for m in members
    )
    ev.add("comment", _plain(stated))
    if article_id is not None:
        # vText: an X- property is TEXT, but icalendar writes a bare string to one unescaped
        ev.add("x-tzsched-article", vText(_plain(str(article_id))))
    return ev


def events(ann: Annotation, article_id: Any = None) -> list[Event]:
    """The VEVENTs of one article, in text order; ``X-TZSCHED-ARTICLE`` names the article."""
    stamp = _publication(ann)
    article = _article_hash(ann)
    links = link_of(ann)
    done: set[int] = set()
    out: list[Event] = []
    for i, m in enumerate(ann.mentions):
        res = m.resolution
        if i in done or res.start is None or res.end is None or res.start < stamp:
            continue
        found = links.get(i)
        if found is not None and found[1].agree:
            link = found[1]
            members = [ann.mentions[j] for j in link.members]
            done.update(link.members)
            out.append(_event(ann, article, members, stamp, link, article_id))
        else:
            out.append(_event(ann, article, [m], stamp, found[1] if found else None, article_id))
    return out


def head() -> str:
    """The calendar's opening lines (``BEGIN:VCALENDAR`` and its properties)."""
    from .. import __version__

    cal = Calendar()
    cal.add("prodid", f"-//tzsched//tzsched {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    text: str = cal.to_ical().decode("utf-8")
    return text[: text.rindex("END:VCALENDAR")]


def tail() -> str:
    return "END:VCALENDAR\r\n"


def fragment(ann: Annotation, article_id: Any = None) -> str:
    """The VEVENT blocks of one article (UIDs come from content, not from ``article_id``)."""
    return "".join(ev.to_ical().decode("utf-8") for ev in events(ann, article_id))


def render(ann: Annotation, article_id: Any = None) -> str:
    """A whole VCALENDAR for one article."""
    return head() + fragment(ann, article_id) + tail()
