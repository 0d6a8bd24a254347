"""pytest-friendly checks: hold tzsched, or your own extractor, to generated cases.

Plain functions that raise :class:`AssertionError` with a message naming the text,
the mention and the instants, so that a failing hypothesis example shrinks to a
sentence you can read. They need no hypothesis themselves; the cases they check come
from :mod:`tzsched.strategies` (``docs/testing.md`` has the recipe).

>>> import tzsched
>>> from tzsched.testing import assert_consistent
>>> ctx = tzsched.Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
>>> ann = assert_consistent("Talks open at 5 p.m. Moscow time (1400 GMT).", ctx)
>>> try:
...     assert_consistent("Markets closed at 1700 EST (2200 GMT) on Oct. 19.",
...                       tzsched.Context.parse("1987-10-20T11:00:00-04:00"))
... except AssertionError as exc:
...     print(str(exc).split(": ", 1)[1])
'1700 EST' vs '2200 GMT' differ by 3600 s (dst_slip)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from .api import annotate
from .types import Annotation, Context

__all__ = [
    "Found",
    "assert_agreement",
    "assert_consistent",
    "assert_resolves",
    "check_spans",
    "tzsched_extract",
]

# What an extractor returns for one text: (start, end, UTC instant) per time expression,
# or bare aware datetimes when it does not report where it found them.
Found = tuple[int, int, datetime]
Extract = Callable[[str, Context], Iterable[Found | datetime]]


class _Part(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def readings(self) -> tuple[datetime, ...]: ...
    @property
    def said_utc(self) -> datetime: ...


class _Case(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def context(self) -> Context: ...
    @property
    def parts(self) -> tuple[Any, ...]: ...


def check_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """Problems with a list of character spans: out of bounds, empty, unsorted or overlapping.

    >>> check_spans("at 5 p.m.", [(3, 9)])
    []
    >>> check_spans("at 5 p.m.", [(3, 9), (5, 12)])
    ['span (5, 12) is out of bounds for a text of 9 characters', 'span (5, 12) overlaps (3, 9)']
    """
    problems = []
    previous: tuple[int, int] | None = None
    for start, end in spans:
        if not 0 <= start < end <= len(text):
            problems.append(f"span {(start, end)} is out of bounds for a text of {len(text)} characters")
        if previous is not None:
            if start < previous[0]:
                problems.append(f"span {(start, end)} comes before {previous}: spans must be sorted")
            elif start < previous[1]:
                problems.append(f"span {(start, end)} overlaps {previous}")
        previous = (start, end)
    return problems


def _invariants(ann: Annotation) -> list[str]:
    text = ann.text
    problems = check_spans(text, [(m.start, m.end) for m in ann.mentions])
    for m in ann.mentions:
        if text[m.start : m.end] != m.text:
            problems.append(f"mention text {m.text!r} is not the text at {m.start}:{m.end}")
        r = m.resolution
        if (r.start is None) != (r.end is None):
            problems.append(f"{m.text!r} has one end of its interval and not the other")
        if r.start is not None and r.end is not None:
            if r.start.utcoffset() != UTC.utcoffset(None) or r.end.utcoffset() != UTC.utcoffset(None):
                problems.append(f"{m.text!r} resolves to an instant that is not in UTC")
            if not r.start < r.end:
                problems.append(f"{m.text!r} resolves to an empty interval [{r.start}, {r.end})")
    seen: set[int] = set()
    for link in ann.links:
        members = link.members
        if len(members) < 2 or list(members) != sorted(set(members)):
            problems.append(f"link members {members} are not two or more sorted distinct indices")
        if any(not 0 <= i < len(ann.mentions) for i in members):
            problems.append(f"link members {members} point outside the {len(ann.mentions)} mentions")
        if seen & set(members):
            problems.append(f"mention(s) {sorted(seen & set(members))} belong to two links")
        seen |= set(members)
    try:
        json.dumps(ann.to_record("check"))
    except (TypeError, ValueError) as exc:
        problems.append(f"the record is not JSON-serialisable: {exc}")
    return problems


def assert_consistent(text: str, context: Context, *, allow: Collection[str] = ()) -> Annotation:
    """Annotate ``text`` and assert that the result is well formed and that every
    restatement agrees (a link whose cause is in ``allow`` may disagree).

    Well formed: spans sorted, in bounds and non-overlapping, each mention's text is
    its slice, intervals are non-empty and in UTC, links hold two or more distinct
    mentions and no mention is in two links, the record is JSON. Returns the annotation.
    """
    ann = annotate(text, context)
    problems = _invariants(ann)
    if problems:
        raise AssertionError(f"inconsistent annotation of {text!r}: " + "; ".join(problems))
    for link in ann.links:
        if not link.agree and link.cause not in allow:
            names = " vs ".join(repr(ann.mentions[i].text) for i in link.members)
            raise AssertionError(
                f"restatements disagree in {text!r}: {names} differ by {link.delta_seconds:.0f} s ({link.cause})"
            )
    return ann


def tzsched_extract(text: str, context: Context) -> list[Found]:
    """tzsched as an extractor: every resolved mention's span and UTC start."""
    return [(m.start, m.end, m.resolution.start) for m in annotate(text, context).mentions
            if m.resolution.start is not None]


def assert_resolves(case: _Case, extract: Extract = tzsched_extract, *, parts: Sequence[int] | None = None) -> None:
    """Assert that ``extract`` finds every part of a generated case at the instant it states.

    ``case`` is a :class:`~tzsched.strategies.Statement`, ``Restatement`` or ``Article``;
    ``extract(text, context)`` returns ``(start, end, utc)`` triples (a triple matches a
    part when the spans overlap) or bare aware datetimes (then any one may match); a
    naive datetime fails the check, since it names no instant. A part
    in a DST fold that its zone name does not settle may resolve to either reading.
    ``parts`` limits the check to some parts (by index).
    """
    found = list(extract(case.text, case.context))
    for i, part in enumerate(case.parts):
        if parts is not None and i not in parts:
            continue
        hits: list[datetime] = []
        for item in found:
            if isinstance(item, datetime):
                hits.append(item)
            elif item[0] < part.end and part.start < item[1]:
                hits.append(item[2])
        naive = next((h for h in hits if h is not None and h.utcoffset() is None), None)
        if naive is not None:  # astimezone() would read it in the process's zone
            raise AssertionError(
                f"{part.text!r} in {case.text!r}: the extractor returned the naive datetime "
                f"{naive.isoformat()}, which names no instant; return aware datetimes (in UTC, say)"
            )
        wanted = tuple(r.astimezone(UTC) for r in part.readings)
        if not any(h is not None and h.astimezone(UTC) in wanted for h in hits):
            shown = ", ".join(h.astimezone(UTC).isoformat() if h is not None else "None" for h in hits) or "nothing"
            expected = " or ".join(w.isoformat() for w in wanted)
            raise AssertionError(
                f"{part.text!r} in {case.text!r} (published {case.context.published.isoformat()}, "
                f"home {case.context.home}) should be {expected}; found {shown}"
            )


def assert_agreement(case: Any, ann: Annotation | None = None) -> Annotation:
    """Assert tzsched's verdict on a :class:`~tzsched.strategies.Restatement`: one link
    joins every part; it agrees when the case is unbroken, and otherwise disagrees
    with the expected cause. Returns the annotation."""
    ann = ann if ann is not None else annotate(case.text, case.context)
    indices = []
    for part in case.parts:
        over = [i for i, m in enumerate(ann.mentions) if m.start < part.end and part.start < m.end]
        if len(over) != 1:
            raise AssertionError(f"{part.text!r} in {case.text!r} matches {len(over)} mentions, not one")
        indices.append(over[0])
    links = [link for link in ann.links if set(indices) & set(link.members)]
    if len(links) != 1 or not set(indices) <= set(links[0].members):
        got = [[ann.mentions[i].text for i in link.members] for link in links]
        raise AssertionError(f"the parts of {case.text!r} should form one link; links: {got}")
    link = links[0]
    if case.perturbation is None:
        if not link.agree:
            raise AssertionError(f"{case.text!r} states one instant but the link disagrees: "
                                 f"{link.delta_seconds:.0f} s ({link.cause})")
    elif link.agree or link.cause != case.perturbation:
        raise AssertionError(
            f"{case.text!r} was broken by {case.perturbation} but the link says agree={link.agree}, "
            f"cause={link.cause}, delta={link.delta_seconds:.0f} s"
        )
    return ann
