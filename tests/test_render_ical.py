"""render.ical: future intervals only, UTC, one event per moment, content-derived UIDs, no clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import icalendar

from tzsched import Context, annotate
from tzsched.render import ical

CTX = Context.parse("2025-05-20T09:00:00-04:00", home="America/New_York")  # a Tuesday
TEXT = ("Talks were held on Monday. They will resume on Thursday at 3 p.m. ET (1900 GMT) for three days. "
        "A vote follows on June 2.")


def events_of(text: str, ctx: Context = CTX) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(ical.render(annotate(text, ctx), "a1")).walk("VEVENT"))


def test_only_future_intervals_become_events() -> None:
    ann = annotate(TEXT, CTX)
    events = events_of(TEXT)
    published = CTX.published_utc()
    assert published is not None
    starts = [ev.decoded("dtstart") for ev in events]
    assert all(s >= published and s.utcoffset().total_seconds() == 0 for s in starts)
    summaries = [str(ev.get("summary")) for ev in events]
    assert "Monday" not in summaries and "three days" not in summaries
    expected = [m for m in ann.mentions if m.resolution.start is not None and m.resolution.start >= published]
    assert len(expected) == len(events) + 1  # the two restatements are one event


def test_an_agreeing_link_is_one_instant_event() -> None:
    ev = events_of(TEXT)[1]
    assert str(ev.get("summary")) == "3 p.m. ET = 1900 GMT"
    assert ev.decoded("dtstart") == datetime(2025, 5, 22, 19, 0, tzinfo=UTC)
    assert "dtend" not in ev  # an instant
    assert str(ev.get("description")) == "They will resume on Thursday at 3 p.m. ET (1900 GMT) for three days."
    assert str(ev.get("x-tzsched-article")) == "a1"


def test_an_interval_has_an_exclusive_end() -> None:
    vote = next(ev for ev in events_of(TEXT) if "June" in str(ev.get("summary")))
    assert vote.decoded("dtstart") == datetime(2025, 6, 2, 4, 0, tzinfo=UTC)
    assert vote.decoded("dtend") == datetime(2025, 6, 3, 4, 0, tzinfo=UTC)  # the end of the local day
    thursday = events_of(TEXT)[0]
    assert str(thursday.get("summary")) == "Thursday"
    assert thursday.decoded("dtend") - thursday.decoded("dtstart") == timedelta(days=1)


def test_disagreeing_members_are_separate_events_that_say_so() -> None:
    ann = annotate(TEXT, CTX)
    link = next(lk for lk in ann.links)
    fake = replace(ann, links=(replace(link, agree=False, cause="dst_slip", delta_seconds=3600.0),))
    events = list(icalendar.Calendar.from_ical(ical.render(fake)).walk("VEVENT"))
    first, second = events[1], events[2]
    assert (str(first.get("summary")), str(second.get("summary"))) == ("3 p.m. ET", "1900 GMT")
    assert "disagree by 1 h (dst_slip)" in str(first.get("description"))
    assert first.get("uid") != second.get("uid")


def test_no_clock_stable_bytes_and_content_uids() -> None:
    ann = annotate(TEXT, CTX)
    once, twice = ical.render(ann), ical.render(annotate(TEXT, CTX))
    assert once == twice
    events = events_of(TEXT)
    assert all(ev.decoded("dtstamp") == CTX.published_utc() for ev in events)
    assert len({str(ev.get("uid")) for ev in events}) == len(events)
    changed = events_of(TEXT.replace("Talks were", "Talks had been"))
    assert {str(ev.get("uid")) for ev in changed}.isdisjoint({str(ev.get("uid")) for ev in events})


def test_day_precision_publication_counts_from_local_midnight() -> None:
    ctx = Context.parse("2025-05-20", home="America/New_York")
    events = events_of("Results are due at 6 a.m. ET today and at 2 p.m. ET tomorrow.", ctx)
    assert [ev.decoded("dtstart").hour for ev in events] == [10, 18]
    assert all(ev.decoded("dtstamp") == datetime(2025, 5, 20, 4, 0, tzinfo=UTC) for ev in events)


def test_rfc5545_shape() -> None:
    text = ical.render(annotate(TEXT + " " + "A long sentence follows at 4 p.m. ET on Friday " * 4, CTX))
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2:] == ["END:VCALENDAR", ""]
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert ical.head() + ical.fragment(annotate(TEXT, CTX)) + ical.tail() == ical.render(annotate(TEXT, CTX))


def test_uids_are_the_hash_of_the_article_and_the_members() -> None:
    """The article's hash is computed once and copied for each event (hashing the whole
    text again per event made a long article's calendar quadratic); the UIDs are still
    sha256(text, publication, members), as before."""
    import hashlib

    text = "Talks will resume at 5 p.m. ET (2100 GMT) on Thursday. A vote will follow at 9 p.m. ET Friday. " * 40
    ann = annotate(text, Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto"))
    evs = ical.events(ann)
    assert len(evs) == 3 * 40  # the linked pair, Thursday, 9 p.m. Friday
    links = {i: link for link in ann.links if link.agree for i in link.members}
    expected = []
    done: set[int] = set()
    for i, m in enumerate(ann.mentions):
        if i in done:
            continue
        members = [ann.mentions[j] for j in links[i].members] if i in links else [m]
        done.update(links[i].members if i in links else [i])
        h = hashlib.sha256(text.encode() + b"\x1f" + ann.context.published.isoformat().encode())
        for x in members:
            h.update(f"\x1f{x.start}:{x.end}:{x.resolution.start}:{x.resolution.end}".encode())
        expected.append(f"{h.hexdigest()[:32]}@tzsched")
    assert [str(ev.get("uid")) for ev in evs] == expected


def test_the_article_id_is_an_escaped_text_value() -> None:
    """X-TZSCHED-ARTICLE is TEXT (RFC 5545 3.8.8.2): an id is any JSON value, so its commas,
    semicolons and backslashes must be escaped and a newline in it must not end the line."""
    ann = annotate("The vote is at noon ET on May 30.", CTX)
    raw = ical.render(ann, "desk,7;wire\\copy\nsecond line")
    lines = raw.split("\r\n")
    article = [line for line in lines if line.startswith("X-TZSCHED-ARTICLE")]
    assert article == ["X-TZSCHED-ARTICLE:desk\\,7\\;wire\\\\copy\\nsecond line"]
    assert not any(line.startswith("second line") for line in lines)


def test_control_characters_never_reach_a_text_value() -> None:
    """RFC 5545 TEXT allows no control character but the tab (a line break is written
    as the escape \\n): a NUL or a BEL in the article becomes U+FFFD in the sentence."""
    text = "Doors\x00open at noon ET on May 30\x07 and the \x7fvote follows at 2 p.m. ET."
    raw = ical.render(annotate(text, CTX), "x\x1by")
    body = raw.replace("\r\n", "")
    assert not [c for c in body if (ord(c) < 0x20 and c != "\t") or c == "\x7f"]
    descriptions = [str(ev.get("description")) for ev in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    assert descriptions and all("Doors\ufffdopen at noon ET on May 30\ufffd" in d for d in descriptions)
