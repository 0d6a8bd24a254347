"""Restatement links between clock-time mentions, their verdicts, and the zones they fix.

News states one moment in several zones: "5 p.m. Moscow time (1400 GMT), about 10 a.m.
Eastern". :func:`link_and_refine` groups such restatements into :class:`~tzsched.types.Link`
objects, says whether each group agrees, names the likely cause when it does not, and
lets a member that fixes the instant settle the zone (or day, or side of a DST fold) of
a member that could not settle it alone.

Which mentions link
    Only clock-type mentions (granularity minute: clock times and clock ranges; a range
    links only with a range) in one sentence. Two neighbours link when the text between
    them is a restatement connector: an opening parenthesis ("1630 EST (2130 GMT)", also
    "(or …", "(i.e. …"), a list inside that parenthesis ("(11 a.m. Eastern; 1500 GMT)"),
    a closing parenthesis then a comma or dash ("(1400 GMT), about 10 a.m. Eastern"),
    "which is", "that is", "that's", "i.e.", "or", a slash ("noon EDT / 1600 GMT"), a comma or a
    dash (apposition). Links chain: three or more mentions form one link. A date or
    weekday governing both sides is already applied by the resolver.
    Never linked: two mentions that both state the same zone ("9 a.m. EDT, 3 p.m. EDT"; by
    two names it may restate after a parenthesis, "which is" or "i.e."),
    two mentions neither of which states a zone ("at 9 a.m. or 10 a.m."); and after an
    unzoned time, only a parenthesis, "which is" or "i.e." links ("9 a.m. or 10 a.m.
    Eastern" are alternatives sharing one zone, not a restatement). "local time" counts
    as a stated zone for these rules. A comma, slash or "or" needs a stated zone on both
    sides.

Tolerance (``tolerance_seconds``)
    Members agree when their UTC starts differ by at most the coarser stated precision.
    A clock time is exact to its minute, so the tolerance is 0 s beyond the minute (the
    starts must be equal). When a member is marked approximate ("about", "around",
    "roughly", "approximately"), the tolerance widens to 1800 s (30 minutes),
    since such times are rounded to the half hour or hour. The same tolerance applies
    around the 1 h, 12 h and 24 h differences that name a cause.

``delta_seconds``
    The spread of the members' UTC starts after any refinement: latest minus earliest,
    never negative (for a link of ranges, the larger of the start and end spreads).
    A chain's verdict compares every member with one anchor (the best fixed member
    that most others agree with); the link notes say which side differs.

Causes (``cause``; ``agree`` in brackets)
    ``None`` [true]: the readings agree as the resolver read them.
    ``"loose_label"`` [true]: one side used a standard-time label during daylight time
    (or the reverse), the resolver read it as the zone's clock, and the other side
    confirms that reading ("1700 EST (2100 GMT)" in October 1987, New York on EDT).
    ``"dst_slip"`` [false]: one hour apart, and the literal label reading explains it
    ("1700 EST (2200 GMT)" in October), or a member's zone keeps daylight saving time
    that year (a conversion that forgot or misapplied DST).
    ``"wrong_day"`` [false]: 24 hours apart although both days were stated.
    ``"am_pm_swap"`` [false]: 12 hours apart, with a.m./p.m. (or noon/midnight) written.
    ``"ambiguous_abbreviation"``: another reading of an abbreviation (IST, CST, BST)
    agrees. [true] when the resolver could not choose and the link chose for it; [false]
    when the locale or home zone chose the reading that the link contradicts.
    ``"unknown_local_zone"``: a member stated no zone of its own. [true] when its zone
    was unknown ("local time" with no dateline, or no zone at all) and the link fixed it
    to the offset it implies; [false] when the presumed zone (dateline or home) of a
    time with no stated zone contradicts a member with a stated zone.
    ``"unknown"`` [false]: any other difference.

Refinements (``zone_source == "link"`` and a ``zone_from_link`` note, or a
``reading_from_link`` note): a member whose zone was unknown gets the fixed offset its
restatement implies ("UTC-04:00"); an ambiguous abbreviation gets the candidate zone that
agrees; a time whose day was implied moves to the adjacent day when the restatement
crosses midnight ("11 p.m. EDT (0300 GMT)"), and so may a stated day of "midnight"
(the start or the end of that day); a wall time in a DST fold or gap takes
the reading that agrees. When the agreeing reading is the one the resolver already
chose, a wall time in a DST gap or fold is still reported in the link notes.

>>> from tzsched import Context, annotate
>>> ann = annotate("Talks start at 1700 EST (2100 GMT).", Context.parse("1987-10-20T09:00:00-04:00"))
>>> [(l.members, l.agree, l.cause) for l in ann.links]
[((0, 1), True, 'loose_label')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import chain, pairwise, product
from typing import TypeVar
from zoneinfo import available_timezones

from ._frozen import replace
from .discourse import sentence_bounds
from .types import DstPolicy, Link, Mention, Note, Reading, Resolution, iso_z
from .zones import LOCAL_NAMES, WallResult, fixed_zone_name, month_offsets, wall_to_utc, year_offsets, zone_candidates

_R = TypeVar("_R")  # what a reading of a member on another day gives

__all__ = ["APPROX_TOLERANCE", "CAUSES", "link_and_refine", "link_mentions"]

CAUSES = (
    "dst_slip",
    "loose_label",
    "wrong_day",
    "am_pm_swap",
    "ambiguous_abbreviation",
    "unknown_local_zone",
    "unknown",
)
APPROX_TOLERANCE = 1800.0
HOUR, HALF_DAY, DAY = 3600.0, 43200.0, 86400.0
_MAX_GAP = 48  # characters between two restatements
# The most mentions one link holds. Restatements come in twos and threes, lists of zones
# in half a dozen; a longer run of connected times (only machine-made text has one) is
# split into consecutive links, which keeps judging a link's members, pair by pair,
# from growing with the square of the text.
_MAX_MEMBERS = 12

# --------------------------------------------------------------- connectors

_WORDS = r"(?:or|i\.\s?e\.,?|that\s+is,?|which\s+(?:is|was|will\s+be|would\s+be)|equivalent\s+to)"
_PAREN_OPEN = re.compile(rf"\s*[(\[]\s*(?:{_WORDS}\s+)?(?:(?:from|between)\s+)?", re.IGNORECASE)
# "the 1400 GMT deadline (10 a.m. EDT)": one plain word may sit before the parenthesis
_WORD_PAREN = re.compile(r"\s+(?!(?:and|or|to|until|till|through|but|then|after|before|from|again)\b)"
                         r"[a-z]{2,15}\s*[(\[]\s*")
_PAREN_CLOSE = re.compile(rf"\s*[)\]]\s*(?:(?:[,;]|—|–|--)\s*(?:{_WORDS}\s+)?|,?\s*{_WORDS}\s+)", re.IGNORECASE)
_IN_PAREN = re.compile(r"\s*(?:[,;/]|—|–)\s*(?:or\s+)?", re.IGNORECASE)
_WHICH = re.compile(r"\s*,?\s*(?:which\s+(?:is|was|will\s+be|would\s+be)|that\s+is,?|that['’]s)\s*", re.IGNORECASE)
_IE = re.compile(r"\s*,?\s*i\.\s?e\.,?\s*", re.IGNORECASE)
_OR = re.compile(r"\s*,?\s*or\s+", re.IGNORECASE)
_SLASH = re.compile(r"\s*/\s*")
_APPOSITION = re.compile(r"\s*(?:,|—|–|--|\s-)\s*")


def _zone_said(m: Mention) -> str:
    """'stated' for a zone name, 'local' for "local time", '' when none was written."""
    zt = m.said.zone_text
    return _zone_text_kind(zt) if zt else ""


@lru_cache(maxsize=1024)
def _zone_text_kind(zone_text: str) -> str:
    """'local' for "local time" (any case and spacing), else 'stated'."""
    return "local" if " ".join(zone_text.lower().split()) in LOCAL_NAMES else "stated"


def _written_zone(m: Mention) -> str:
    """The zone name as written with a mention, in one case and spacing."""
    return " ".join((m.said.zone_text or "").lower().split())


def _connector(text: str, a: Mention, b: Mention) -> str | None:
    """The restatement connector joining ``a`` and the next clock mention ``b``, if any."""
    gap = text[a.end : b.start]
    place = a.said.zone_text
    if place and gap.lstrip().startswith("in " + place):
        gap = gap[gap.index(place) + len(place) :]  # "8 p.m. in Lagos (1900 GMT)": the place is a's zone
    if len(gap) > _MAX_GAP:
        return None
    za, zb = _zone_said(a), _zone_said(b)
    if not za and not zb:
        return None
    same_zone = za == zb == "stated" and a.resolution.zone == b.resolution.zone
    if same_zone and _written_zone(a) == _written_zone(b):
        return None  # "9 a.m. EDT (3 p.m. EDT)": the same zone named twice, no restatement
    if _PAREN_OPEN.fullmatch(gap) or _WORD_PAREN.fullmatch(gap):
        return "parenthesis"  # "9:30 p.m. Mexico City time (21:30 CST)": one zone by two names
    if _WHICH.fullmatch(gap):
        return "which is"
    if _IE.fullmatch(gap):
        return "i.e."
    if same_zone:
        return None
    if not za:
        return None
    if zb and _IN_PAREN.fullmatch(gap):
        s = sentence_bounds(text, a.start)[0]
        depth = text.count("(", s, a.start) + text.count("[", s, a.start) \
            - text.count(")", s, a.start) - text.count("]", s, a.start)
        if depth > 0:
            return "list"
    if _PAREN_CLOSE.fullmatch(gap) and zb:
        return "apposition"
    if not zb:
        return None
    if _OR.fullmatch(gap):
        return "or"
    if _SLASH.fullmatch(gap):
        return "slash"
    if _APPOSITION.fullmatch(gap):
        return "apposition"
    return None


def _candidates(mentions: Sequence[Mention]) -> list[int]:
    out = []
    for i, m in enumerate(mentions):
        r = m.resolution
        if r.granularity == "minute" and r.start is not None and r.end is not None and r.timex_type == "TIME" \
                and m.rule != "clock.zone_repeat":  # "7 p.m. ET/PT": the same clock in two zones, no restatement
            out.append(i)
    return out


def _is_range(m: Mention) -> bool:
    return m.said.until_hour is not None


def _groups(text: str, mentions: Sequence[Mention]) -> list[tuple[list[int], list[str]]]:
    """Chains of linked mention indices, each with the connectors between neighbours."""
    cands = _candidates(mentions)
    groups: list[tuple[list[int], list[str]]] = []
    for prev, nxt in pairwise(cands):
        a, b = mentions[prev], mentions[nxt]
        if _is_range(a) != _is_range(b):
            continue
        conn = _connector(text, a, b)
        if conn is None:
            continue
        s, e = sentence_bounds(text, a.start)  # asked last: most neighbours have no connector
        if b.start >= e or b.start < s:
            continue
        if groups and groups[-1][0][-1] == prev:
            if len(groups[-1][0]) >= _MAX_MEMBERS:
                continue  # a full chain ends here; the next pair starts another
            groups[-1][0].append(nxt)
            groups[-1][1].append(conn)
        else:
            groups.append(([prev, nxt], [conn]))
    return groups


# --------------------------------------------------------------- members


class _Member:
    """One mention of a link, read as ``res`` (wall times read by DST policy ``dst``),
    with the facts every comparison asks about worked out once (a verdict compares each
    member several times, and may read it on the adjacent days more than once)."""

    __slots__ = ("_clock_wall", "_label", "_on_day", "_start_on", "_wall", "ambiguous", "at_dst_change", "codes",
                 "day_movable", "day_stated", "dst", "end", "fixed", "index", "is_range", "mention", "res", "start",
                 "tolerance")

    def __init__(self, index: int, mention: Mention, res: Resolution, dst: DstPolicy) -> None:
        assert res.start is not None and res.end is not None  # only such mentions link
        self.index = index
        self.mention = mention
        self.res = res
        self.dst = dst
        self.start: datetime = res.start
        self.end: datetime = res.end
        self.tolerance = APPROX_TOLERANCE if res.approximate else 0.0
        self.codes = codes = frozenset([n.code for n in res.notes])
        self.ambiguous = "ambiguous_abbreviation" in codes
        self.at_dst_change = "dst_gap" in codes or "dst_fold" in codes  # a wall time in a gap or fold
        # the text itself settles the zone: a name, an abbreviation the context resolved, an offset
        self.fixed = res.zone_source in ("explicit", "abbreviation", "offset") and not self.ambiguous
        said = mention.said
        self.day_stated = said.day is not None or said.weekday is not None or said.relative_day is not None \
            or "day_from_context" in codes  # "On Aug. 3, at 11:45 p.m. EDT": written for it
        # the day may move: it was implied, or the time is a midnight ("midnight on
        # Wednesday" starts or ends Wednesday, and writers mean both)
        self.day_movable = not self.day_stated or "midnight" in mention.text.lower()
        self.is_range = said.until_hour is not None
        # worked out on first use (see wall, clock_wall, label, start_on and on_day)
        self._wall: tuple[datetime | None] | None = None
        self._clock_wall: tuple[datetime | None] | None = None
        self._label: str | None = None
        self._start_on: dict[int, tuple[datetime, bool]] = {0: (res.start, False)}
        self._on_day: dict[int, WallResult | None] = {}

    def reading(self, res: Resolution) -> _Member:
        """This member read as ``res`` (itself when the reading is unchanged)."""
        return self if res is self.res else _Member(self.index, self.mention, res, self.dst)

    def has(self, code: str) -> bool:
        return code in self.codes

    @property
    def unknown_zone(self) -> bool:
        """Nothing settles the zone: UTC by default, or "local time" read in the caller's home zone."""
        if self.res.zone_source == "default":
            return True
        return _zone_said(self.mention) == "local" and self.res.zone_source == "home"

    @property
    def presumed(self) -> bool:
        """The zone was not written: taken from the dateline or home zone."""
        return _zone_said(self.mention) != "stated" and self.res.zone_source in ("dateline", "home")

    @property
    def rank(self) -> float:
        src = self.res.zone_source
        if self.ambiguous:
            base = 6.0
        elif self.res.zone == "UTC" or src == "offset":
            base = 0.0
        elif src == "explicit":
            base = 1.0
        elif src == "abbreviation":
            base = 3.0 if self.has("label_mismatch") else 2.0
        else:
            base = {"dateline": 4.0, "home": 5.0, "link": 5.0}.get(src or "", 7.0)
        return base + (0.5 if self.res.approximate else 0.0)

    def alternative(self, label_prefix: str) -> list[Reading]:
        alternatives = self.res.alternatives  # most readings have none
        return [a for a in alternatives if a.label.startswith(label_prefix)] if alternatives else []

    @property
    def loose(self) -> bool:
        """A label used against the season, read as the zone's clock (literal reading differs)."""
        return self.has("label_mismatch") and any(a.start != self.start for a in self.alternative("literal_label"))

    @property
    def wall(self) -> datetime | None:
        if self._wall is None:
            local = (self.res.local or "").split("/")[0]
            try:
                self._wall = (datetime.fromisoformat(local),)
            except ValueError:
                self._wall = (None,)
        return self._wall[0]

    @property
    def clock_wall(self) -> datetime | None:
        """The wall time, when the start is that wall time read by the zone's clock (a link
        may have read it otherwise): other days and hours are then read the same way."""
        if self._clock_wall is None:
            wall, zone, found = self.wall, self.res.zone, None
            if wall is not None and zone is not None:
                try:
                    if _instant(wall, zone, self.dst, self.label)[0] == self.start:
                        found = wall
                except Exception:  # pragma: no cover - zones in resolutions are valid
                    pass
            self._clock_wall = (found,)
        return self._clock_wall[0]

    def start_on(self, days: int) -> tuple[datetime, bool]:
        """The UTC start ``days`` local days later, by the zone's clock (in a DST gap or
        fold there, on the side its label names: "2:29 a.m. ACST" in a fold is the
        standard-time reading; a whole day's shift when there is no clock wall time), and
        whether the clocks skipped that wall time that day (and not on its own day). A
        verdict weighs every day move by these alone, and asks :meth:`on_day` only for
        the move it makes."""
        found = self._start_on.get(days)
        if found is None:
            moved = self._read_on(days, _instant)
            if moved is None:
                found = (self.start + timedelta(days=days), False)
            else:
                found = (moved[0], moved[1] and not self.has("dst_gap"))
            self._start_on[days] = found
        return found

    def on_day(self, days: int) -> WallResult | None:
        """The clock wall time ``days`` local days later read by the zone's clock, with
        its notes and other readings (None when there is no clock wall time)."""
        if days not in self._on_day:
            self._on_day[days] = self._read_on(days, wall_to_utc)
        return self._on_day[days]

    def _read_on(self, days: int, read: Callable[[datetime, str, DstPolicy, str], _R]) -> _R | None:
        """``read`` (wall, zone, dst, label) of the clock wall time ``days`` local days
        later, or None when there is no clock wall time."""
        wall, zone = self.clock_wall, self.res.zone
        if wall is None or zone is None:
            return None
        try:
            return read(wall + timedelta(days=days), zone, self.dst, self.label)
        except Exception:  # pragma: no cover - zones in resolutions are valid
            return None

    @property
    def label(self) -> str:
        """"standard" or "daylight" when the written zone name carries a season (EST, CEST)."""
        if self._label is None:
            self._label = "generic"
            zt = self.mention.said.zone_text
            if zt:
                for cand in zone_candidates(zt):
                    if cand.zone == self.res.zone:
                        self._label = cand.label
                        break
        return self._label

    def fits_label(self, reading: Reading) -> bool:
        """False when a reading's offset contradicts a seasonal label ("01:30 EDT" is not the EST side)."""
        wall, zone, label = self.wall, self.res.zone, self.label
        if label not in ("standard", "daylight") or wall is None or zone is None:
            return True
        low, high = year_offsets(zone, wall.year)
        offset = wall - reading.start.replace(tzinfo=None)
        return offset == (low if label == "standard" else high)

    @property
    def main_fits_label(self) -> bool:
        """In a DST gap or fold, whether the chosen reading is the side its label names."""
        if not self.at_dst_change:
            return True
        return self.fits_label(Reading("main", self.start, self.end, self.res.zone))

    def describe(self) -> str:
        return f"{self.mention.text!r} ({iso_z(self.start)})"


class _Verdict:
    __slots__ = ("agree", "cause", "notes")

    def __init__(self, agree: bool, cause: str | None, notes: list[Note]) -> None:
        self.agree = agree
        self.cause = cause
        self.notes = notes


def _secs(d: timedelta) -> float:
    return d.total_seconds()


def _near(value: float, target: float, tol: float) -> bool:
    return abs(abs(value) - target) <= tol


def _hours(seconds: float) -> str:
    h = abs(seconds) / 3600
    return f"{h:g} h" if h == int(h) or h >= 1 else f"{abs(seconds) / 60:g} min"


# --------------------------------------------------------------- refinements


def _instant(wall: datetime, zone: str, dst: DstPolicy, label: str) -> tuple[datetime, bool]:
    """``wall_to_utc(wall, zone, dst, label).utc``, and whether the clocks skipped
    ``wall`` (a ``dst_gap``), without the notes a seasonal label against the season
    makes: the wall time is read without its label first, which gives the same instant
    wherever it has one reading; only in a DST gap or fold does the label pick one."""
    read = wall_to_utc(wall, zone, dst)
    if not read.notes:
        return read.utc, False
    gap = any(n.code == "dst_gap" for n in read.notes)
    return (read.utc if label not in _SEASONS else wall_to_utc(wall, zone, dst, label).utc), gap


# the labels that name a season (EST, CEST): wall_to_utc reads them against the date
_SEASONS = ("standard", "daylight")


def _shifted_start(m: _Member, days: int) -> datetime:
    """The member's UTC start on the adjacent local day, by its zone's clock (see
    :meth:`_Member.start_on`)."""
    return m.start_on(days)[0]


def _swapped_start(m: _Member, days: int = 0) -> datetime:
    """The member read with a.m. and p.m. swapped, by its zone's clock (11 or 13 h away
    when the clocks change between the two readings), ``days`` local days later."""
    wall, zone = m.clock_wall, m.res.zone
    step = timedelta(hours=-12 if (wall or m.start).hour >= 12 else 12, days=days)
    if wall is not None and zone is not None:
        try:
            return _instant(wall + step, zone, m.dst, m.label)[0]
        except Exception:  # pragma: no cover - zones in resolutions are valid
            pass
    return m.start + step


def _swap_pairs(x: _Member, y: _Member, days_fixed: bool) -> Iterator[tuple[datetime, datetime]]:
    """``x`` with a.m./p.m. swapped beside ``y``; when a day was only implied, also with
    one of them on the adjacent day (the swapped time may cross midnight)."""
    yield _swapped_start(x), y.start
    if days_fixed:
        return
    for d in (-1, 1):
        if x.day_movable:
            yield _swapped_start(x, d), y.start
        if y.day_movable:
            yield _swapped_start(x), _shifted_start(y, d)


# notes and alternative readings that belong to the wall time's day: a day shift reads them anew
_DAY_CODES = frozenset({"label_mismatch", "dst_gap", "dst_fold", "tense_conflict"})
_DAY_READINGS = frozenset({"literal_label", "dst_gap", "dst_fold", "previous_day", "next_day"})


def _shift_day(m: _Member, days: int) -> Resolution:
    """The member read on the adjacent local day, by its zone's clock. What depended on
    the old day (a label against the season, a DST gap or fold) is read for the new day."""
    res = m.res
    start = _shifted_start(m, days)
    end = start + (m.end - m.start)
    notes = res.notes
    alternatives = res.alternatives
    wall, zone, moved = m.clock_wall, res.zone, m.on_day(days)
    if wall is not None and zone is not None and moved is not None:
        new_wall = wall + timedelta(days=days)
        if moved.utc == start:
            length = m.end - m.start
            notes = (*(n for n in notes if n.code not in _DAY_CODES), *moved.notes)
            # in the order the resolver gives them: this zone's readings, then other zones'
            alternatives = (
                *(Reading(label, t, t + length, zone) for label, t in moved.alternatives),
                *(_reading_on(a, new_wall, m.dst, length) for a in alternatives if a.label not in _DAY_READINGS),
            )
    return replace(res, start=start, end=end, value=_shift_text(res.value, days),
                   local=_shift_text(res.local, days) if res.local else res.local, alternatives=alternatives,
                   notes=(*notes, Note("reading_from_link",
                                       f"a linked restatement puts it on the {'next' if days > 0 else 'previous'} "
                                       f"day ({iso_z(start)})")))


def _reading_on(reading: Reading, wall: datetime, dst: DstPolicy, length: timedelta) -> Reading:
    """An alternative reading in another zone ("zone:Asia/Shanghai"), moved to ``wall``."""
    if not reading.label.startswith("zone:") or not reading.zone:
        return reading
    t = wall_to_utc(wall, reading.zone, dst).utc
    return Reading(reading.label, t, t + length, reading.zone)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shift_text(value: str, days: int) -> str:
    def bump(mt: re.Match[str]) -> str:
        return (date.fromisoformat(mt.group()) + timedelta(days=days)).isoformat()

    return _ISO_DAY.sub(bump, value)


def _take_reading(m: _Member, reading: Reading, note: Note, *, zone_source: bool) -> Resolution:
    """The member read as one of its alternatives; the old reading becomes an alternative."""
    res = m.res
    old_label = f"zone:{res.zone}" if reading.label.startswith("zone:") else reading.label
    alts = (*(a for a in res.alternatives if a is not reading), Reading(old_label, m.start, m.end, res.zone))
    return replace(
        res, start=reading.start, end=reading.start + (m.end - m.start),
        zone=reading.zone if reading.zone else res.zone,
        zone_source="link" if zone_source else res.zone_source,
        notes=(*res.notes, note), alternatives=alts,
    )


def _take_evening(m: _Member, reading: Reading, note: Note) -> Resolution:
    """The member read as the evening's ("7:05" as 19:05): its value and local time too."""
    res = m.res
    alts = (*(a for a in res.alternatives if a is not reading), Reading("am", m.start, m.end, res.zone))
    value, local = res.value, res.local
    if value[11:13].isdigit():  # "2025-05-21T07:05" -> "2025-05-21T19:05"
        value = f"{value[:11]}{int(value[11:13]) + 12:02d}{value[13:]}"
    if local is not None and local[11:13].isdigit():
        local = f"{local[:11]}{int(local[11:13]) + 12:02d}{local[13:]}"
    return replace(res, value=value, local=local, start=reading.start, end=reading.start + (m.end - m.start),
                   notes=(*(n for n in res.notes if n.code != "meridiem_unstated"), note), alternatives=alts)


@lru_cache(maxsize=64)
def _offsets_in_use(year: int) -> frozenset[int]:
    """UTC offsets (minutes) that some IANA zone keeps on the 15th of some month of
    ``year``: computed once per year, since it reads every zone."""
    out = {0}
    for name in available_timezones():
        try:
            months = month_offsets(name, year)
        except Exception:  # pragma: no cover - a broken tzdata entry
            continue
        out.update(int(offset.total_seconds() // 60) for offset, _ in months)
    return frozenset(out)


def _zone_from_anchor(m: _Member, anchor: _Member) -> Resolution | None:
    """The fixed offset that makes ``m``'s wall time name ``anchor``'s instant, if real."""
    wall = m.wall
    if wall is None:
        return None
    offset = _secs(wall - anchor.start.replace(tzinfo=None))
    days = 0
    if not m.day_stated:
        while offset > 14 * HOUR:
            offset -= DAY
            days -= 1
        while offset < -12 * HOUR:
            offset += DAY
            days += 1
    minutes = offset / 60
    if m.res.approximate:
        minutes = round(minutes / 15) * 15
    if minutes != int(minutes) or int(minutes) not in _offsets_in_use(anchor.start.year):
        return None
    zone = fixed_zone_name(int(minutes))
    start = wall + timedelta(days=days) - timedelta(minutes=minutes)
    start = start.replace(tzinfo=UTC)
    res = m.res
    note = Note("zone_from_link",
                f"{m.mention.text!r} states no zone that tzsched could settle (read in {res.zone}); "
                f"its restatement {anchor.mention.text!r} puts it at {zone}")
    # the other day of a tense conflict, read in the settled offset (a fixed one: a day away)
    alts = (*(Reading(a.label, start + (a.start - m.start), start + (a.end - m.start), zone)
              if a.label in ("previous_day", "next_day") else a for a in res.alternatives),
            Reading(f"zone:{res.zone}", m.start, m.end, res.zone))
    return replace(
        res, start=start, end=start + (m.end - m.start), zone=zone, zone_source="link",
        value=_shift_text(res.value, days) if days else res.value,
        local=_shift_text(res.local, days) if days and res.local else res.local,
        notes=(*res.notes, note), alternatives=alts,
    )


# --------------------------------------------------------------- verdicts


# The best key a day shift can have: one member, the one written second, moves and lands
# exactly on the other (keys in _move_days: outside the tolerance or in a DST gap, in a DST
# gap, gap, members moved, the one written first moved).
_EXACT_MOVE = (False, False, 0.0, 1, 0)


def _move_days(m: _Member, anchor: _Member, size: int, tol: float) -> tuple[_Member, _Member, list[Note]] | None:
    """Readings of ``m`` and ``anchor`` on adjacent days, when that explains the difference.

    Only days that were implied move (and "midnight"); the anchor moves in a link of two,
    or when ``m``'s day is stated and cannot move. The best shift brings the two within
    the tolerance, or else cuts at least 12 hours off the difference (a DST slip across
    midnight stays a DST slip). When both may move, the one written second moves first.
    A shift that puts a member's wall time in a DST gap (a time the clocks skipped that
    day) explains nothing within the tolerance: writers name times that exist, so an
    hour's difference beside a DST change stays a DST slip rather than agreeing through
    the gap's other reading.
    """
    m_days = (0, -1, 1) if m.day_movable else (0,)
    a_days = (0, -1, 1) if anchor.day_movable and (size == 2 or not m.day_movable) else (0,)
    later_is_m = m.index > anchor.index
    base = abs(_secs(m.start - anchor.start))
    best: tuple[tuple[bool, bool, float, int, int], int, int] | None = None
    for dm, da in product(m_days, a_days):
        if (dm, da) == (0, 0):
            continue
        # a member's start on another day is read only when a shift asks for it (see below)
        m_start, m_skipped = m.start_on(dm)
        a_start, a_skipped = anchor.start_on(da)
        gap = abs(_secs(m_start - a_start))
        skipped = m_skipped or a_skipped
        moves_earlier = (dm != 0 and not later_is_m) or (da != 0 and later_is_m)
        key = (gap > tol or skipped, skipped, gap, abs(dm) + abs(da), int(moves_earlier))
        if best is None or key < best[0]:
            best = (key, dm, da)
            if key == _EXACT_MOVE:
                break  # no shift can beat it: the rest need not be read on other days
    if best is None:
        return None
    (outside, _, gap, _, _), dm, da = best
    if outside and base - gap < HALF_DAY - tol:
        return None
    nm = m if dm == 0 else m.reading(_shift_day(m, dm))
    na = anchor if da == 0 else anchor.reading(_shift_day(anchor, da))
    notes = []
    for new, old, other in ((nm, m, na), (na, anchor, nm)):
        if new is not old:
            way = "next" if new.start > old.start else "previous"
            notes.append(Note("reading_from_link", f"{old.mention.text!r} moved to the {way} day to match "
                                                   f"{other.mention.text!r}"))
    return nm, na, notes


def _observes_dst(zone: str | None, year: int) -> bool:
    if not zone:
        return False
    try:
        low, high = year_offsets(zone, year)
    except Exception:
        return False
    return low != high


def _pair(m: _Member, anchor: _Member) -> str:
    """The pair a verdict's note names."""
    return f"{m.describe()} vs {anchor.describe()}"


def _judge(m: _Member, anchor: _Member, members: list[_Member], refined: dict[int, _Member],
           days_fixed: bool = False) -> _Verdict:
    """Compare one member with the anchor; may record a refined reading of either."""
    tol = max(m.tolerance, anchor.tolerance)
    delta = _secs(m.start - anchor.start)

    close = abs(delta) <= tol
    if close and m.is_range and anchor.is_range \
            and abs(_secs(m.end - anchor.end)) > tol:
        return _Verdict(False, "unknown", [Note("link_verdict", f"the ranges start together but end "
                                                                f"{_hours(_secs(m.end - anchor.end))} apart "
                                                                f"({_pair(m, anchor)})")])
    if close and m.main_fits_label and anchor.main_fits_label:
        notes: list[Note] = []
        for x in (m, anchor):
            if not x.at_dst_change:
                continue
            for code in ("dst_gap", "dst_fold"):
                if x.has(code):
                    notes.append(Note(code, f"{x.mention.text!r} falls in a DST {code[4:]}; the link confirms "
                                            f"the reading {iso_z(x.start)}"))
        if m.ambiguous or m.res.zone_source == "default":
            refined[m.index] = m.reading(replace(m.res, zone_source="link", notes=(*m.res.notes, Note(
                "zone_from_link", f"the restatement {anchor.mention.text!r} confirms {m.res.zone}"))))
        for x in (m, anchor):
            if x.has("meridiem_unstated"):  # "at 8:00 (1200 GMT)": the restatement confirms the morning
                base = refined.get(x.index, x)
                refined[x.index] = base.reading(replace(
                    base.res, notes=tuple(n for n in base.res.notes if n.code != "meridiem_unstated"),
                    alternatives=tuple(a for a in base.res.alternatives if a.label != "pm")))
        loose = m if m.loose else anchor if anchor.loose else None
        if loose is not None:
            notes.append(Note("label_mismatch", f"{loose.mention.text!r} uses its label loosely: read as the "
                                                f"zone's clock it agrees ({_pair(m, anchor)})"))
            return _Verdict(True, "loose_label", notes)
        return _Verdict(True, None, notes)

    # another reading of one side agrees, on the days as read (before any day moves)
    for label in ("dst_fold", "dst_gap"):
        for x, other in ((m, anchor), (anchor, m)):
            for alt in x.alternative(label):
                if abs(_secs(alt.start - other.start)) <= tol and x.fits_label(alt):
                    note = Note("reading_from_link", f"{x.mention.text!r} falls in a DST {label[4:]}; its "
                                                     f"restatement {other.mention.text!r} picks {iso_z(alt.start)}")
                    refined[x.index] = x.reading(_take_reading(x, alt, note, zone_source=False))
                    return _Verdict(True, None, [Note(label, note.message)])

    # "at 7:05 (2305 GMT)": the restatement says which half of the day an unstated one is;
    # "at 8:00 (0000 GMT)": the evening's reading is a day from the other's as read, and the
    # days are then judged as usual (the implied one moves)
    for x, other in ((m, anchor), (anchor, m)):
        for alt in x.alternative("pm"):
            gap = abs(_secs(alt.start - other.start))
            across = not days_fixed and abs(gap - 86400) <= tol
            if gap > tol and not across:
                continue
            note = Note("reading_from_link", f"{x.mention.text!r} has no a.m. or p.m.; its restatement "
                                             f"{other.mention.text!r} picks the evening")
            evening = x.reading(_take_evening(x, alt, note))
            refined[x.index] = evening
            if not across:
                return _Verdict(True, None, [note])
            verdict = _judge(evening if x is m else m, evening if x is anchor else anchor, members, refined,
                             days_fixed=False)
            verdict.notes[:0] = [note]
            return verdict

    # an implied day may move to the adjacent one when the restatement crosses midnight
    if not days_fixed:
        moved = _move_days(m, anchor, len(members), tol)
        if moved is not None:
            new_m, new_anchor, notes = moved
            for x, old in ((new_m, m), (new_anchor, anchor)):
                if x is not old:
                    refined[x.index] = x
            verdict = _judge(new_m, new_anchor, members, refined, days_fixed=True)
            verdict.notes[:0] = notes
            return verdict

    for x, other in ((m, anchor), (anchor, m)):
        for alt in x.alternative("zone:"):
            if abs(_secs(alt.start - other.start)) > tol:
                continue
            if not x.ambiguous and other.unknown_zone:
                break  # "8pm local time (1am BST)" in en-GB: BST is London's; "local time" is what is open
            if x.ambiguous and other.fixed:
                note = Note("zone_from_link", f"{x.mention.text!r} is ambiguous; its restatement "
                                              f"{other.mention.text!r} picks {alt.zone}")
                refined[x.index] = x.reading(_take_reading(x, alt, note, zone_source=True))
                return _Verdict(True, "ambiguous_abbreviation", [Note("zone_from_link", note.message)])
            return _Verdict(False, "ambiguous_abbreviation", [Note(
                "link_verdict", f"{x.mention.text!r} was read in {x.res.zone}; read in {alt.zone} it would "
                                f"agree with {other.mention.text!r} ({_pair(m, anchor)}, {_hours(delta)} apart)")])
    # another zone of an abbreviation agrees once an implied day moves across midnight
    # ("7 a.m. CST (2300 GMT Sunday)": China's 7 a.m. on Monday): said, not refined
    for x, other in ((m, anchor), (anchor, m)):
        if not x.day_movable or other.unknown_zone:
            continue
        for alt in x.alternative("zone:"):
            for days in (1, -1):
                if abs(_secs(alt.start + timedelta(days=days) - other.start)) <= tol:
                    side = "next" if days > 0 else "previous"
                    return _Verdict(False, "ambiguous_abbreviation", [Note(
                        "link_verdict", f"{x.mention.text!r} was read in {x.res.zone}; read in {alt.zone} on the "
                                        f"{side} day it would agree with {other.mention.text!r} "
                                        f"({_pair(m, anchor)}, {_hours(delta)} apart)")])
    for x, other in ((m, anchor), (anchor, m)):
        for alt in x.alternative("literal_label"):
            if abs(_secs(alt.start - other.start)) <= tol and x.has("label_mismatch"):
                return _Verdict(False, "dst_slip", [Note(
                    "link_verdict", f"{x.mention.text!r} uses a label of the wrong season; {other.mention.text!r} "
                                    f"matches the literal label, not the zone's clock ({_pair(m, anchor)}, "
                                    f"{_hours(delta)} apart)")])

    # a member with no zone of its own
    if anchor.fixed and m.unknown_zone:
        settled = _zone_from_anchor(m, anchor)
        if settled is not None:
            refined[m.index] = m.reading(settled)
            return _Verdict(True, "unknown_local_zone", [settled.notes[-1]])
    # restated by an ambiguous abbreviation ("10:30 a.m. local time (5 a.m. IST)"): read by
    # the zone chosen for the abbreviation, whose own note and alternatives keep the doubt
    for x, other in ((m, anchor), (anchor, m)):
        if x.unknown_zone and other.ambiguous:
            settled = _zone_from_anchor(x, other)
            if settled is not None:
                refined[x.index] = x.reading(settled)
                return _Verdict(True, "unknown_local_zone", [settled.notes[-1]])
    if anchor.fixed and m.presumed:
        if _near(delta, HALF_DAY, tol) and (m.mention.said.meridiem or anchor.mention.said.meridiem):
            return _Verdict(False, "am_pm_swap", [Note(
                "link_verdict", f"12 h apart: a.m./p.m. swapped? ({_pair(m, anchor)})")])
        if _near(delta, HOUR, tol) and _observes_dst(m.res.zone, anchor.start.year):
            return _Verdict(False, "dst_slip", [Note(
                "link_verdict", f"{m.mention.text!r} was read in {m.res.zone} ({m.res.zone_source}), which keeps "
                                f"daylight saving time; 1 h apart ({_pair(m, anchor)})")])
        implied = _zone_from_anchor(m, anchor)
        where = f"; it agrees if it is {implied.zone} time" if implied is not None else ""
        return _Verdict(False, "unknown_local_zone", [Note(
            "link_verdict", f"{m.mention.text!r} states no zone and was read in {m.res.zone} "
                            f"({m.res.zone_source}){where} ({_pair(m, anchor)}, {_hours(delta)} apart)")])

    # the size of the difference
    year = anchor.start.year
    # "that year" is the member's own local year too (Jan. 1 in Beijing), on the day the
    # link moved it to as well as on the day it was read on
    relinked = (refined[x.index] for x in members if x.index in refined)
    if _near(delta, HOUR, tol) and any(
        x.has("label_mismatch") or _observes_dst(x.res.zone, year)
        or (x.wall is not None and _observes_dst(x.res.zone, x.wall.year)) for x in chain(members, relinked)
    ):
        return _Verdict(False, "dst_slip", [Note(
            "link_verdict", f"1 h apart and daylight saving time is in play ({_pair(m, anchor)})")])
    said_half = [x for x in (m, anchor) if x.mention.said.meridiem or x.mention.rule.startswith("clock.word")]
    if said_half and (_near(delta, HALF_DAY, tol) or any(
        abs(_secs(a - b)) <= tol for x, y in ((m, anchor), (anchor, m)) if x in said_half
        for a, b in _swap_pairs(x, y, days_fixed)
    )):
        return _Verdict(False, "am_pm_swap", [Note(
            "link_verdict", f"12 h apart: a.m./p.m. swapped? ({_pair(m, anchor)})")])
    if _near(delta, DAY, tol) or any(
        abs(_secs(_shifted_start(x, d) - y.start)) <= tol
        for x, y in ((m, anchor), (anchor, m)) for d in (-1, 1)
    ):
        return _Verdict(False, "wrong_day", [Note("link_verdict", f"{_hours(delta)} apart: the stated days "
                                                                  f"differ ({_pair(m, anchor)})")])
    return _Verdict(False, "unknown", [Note("link_verdict", f"{_hours(delta)} apart ({_pair(m, anchor)})")])


def _label_side(m: _Member, refined: dict[int, _Member]) -> _Member:
    """A wall time in a DST gap or fold whose label names the other side is read on that side."""
    if m.main_fits_label:
        return m
    for code in ("dst_gap", "dst_fold"):
        for alt in m.alternative(code):
            if m.fits_label(alt):
                note = Note(code, f"{m.mention.text!r}: the label names the other side of the DST {code[4:]}; "
                                  f"read as {iso_z(alt.start)}")
                new = m.reading(_take_reading(m, alt, note, zone_source=False))
                refined[m.index] = new
                return new
    return m


def _anchor(members: list[_Member]) -> _Member:
    def agreeing(a: _Member) -> int:
        if len(members) == 2:
            return 0  # agreement is mutual: it cannot choose between two
        return sum(1 for b in members if b is not a
                   and abs(_secs(b.start - a.start)) <= max(a.tolerance, b.tolerance))

    return min(members, key=lambda a: (not a.fixed, a.day_movable, -agreeing(a), a.rank, a.index))


def _verdict(members: list[_Member], connector: str, refined: dict[int, _Member]) -> Link:
    members = [_label_side(m, refined) for m in members]
    anchor = _anchor(members)
    # each member against the anchor as the link has read them so far
    verdicts = [_judge(refined.get(m.index, m), refined.get(anchor.index, anchor), members, refined)
                for m in members if m is not anchor]
    if anchor.index in refined and len(members) > 2:
        # a later member moved the anchor's day ("8 p.m. ET (5 p.m. PT, 1 a.m. BST Friday)"):
        # those judged before against its old day are judged again
        earlier = [n for v in verdicts for n in v.notes]
        verdicts = [_judge(refined.get(m.index, m), refined[anchor.index], members, refined)
                    for m in members if m is not anchor]
        verdicts[0].notes[:0] = [n for n in earlier if n not in verdicts[0].notes]
    failed = [v for v in verdicts if not v.agree]
    agree = not failed
    cause = failed[0].cause if failed else next((v.cause for v in verdicts if v.cause), None)
    final = [refined.get(m.index, m) for m in members]
    starts = [x.start for x in final]
    spread = max(starts) - min(starts)
    if members[0].is_range:  # a range links only with ranges
        ends = [x.end for x in final]
        spread = max(spread, max(ends) - min(ends))
    notes = tuple([n for v in verdicts for n in v.notes])
    return Link(
        members=tuple(m.index for m in members),
        agree=agree,
        delta_seconds=_secs(spread),
        cause=cause,
        tolerance_seconds=max(m.tolerance for m in members),
        connector=connector,
        notes=notes,
    )


# notes that make a verdict on members read as the same instant more than "they agree"
# (see _judge: a DST gap or fold, a label used loosely, an abbreviation the link settles,
# a half of the day the restatement confirms)
_NOT_PLAIN = frozenset({"dst_gap", "dst_fold", "label_mismatch", "ambiguous_abbreviation", "meridiem_unstated"})


def _same_reading(indices: list[int], mentions: Sequence[Mention], connector: str) -> Link | None:
    """The link of two mentions read as the same instant and interval when neither
    reading asks for more (no note in _NOT_PLAIN, a zone not taken by default): what
    _verdict gives them (they agree, as read), without working out the members' facts.
    None for any other link. Most restatements are such pairs."""
    if len(indices) != 2:
        return None
    first, second = mentions[indices[0]].resolution, mentions[indices[1]].resolution
    if first.start != second.start or first.end != second.end \
            or first.zone_source == "default" or second.zone_source == "default" \
            or any(n.code in _NOT_PLAIN for n in (*first.notes, *second.notes)):
        return None
    tolerance = APPROX_TOLERANCE if first.approximate or second.approximate else 0.0
    return Link((indices[0], indices[1]), True, 0.0, None, tolerance, connector, ())


# --------------------------------------------------------------- entry points


def link_and_refine(
    text: str, mentions: Sequence[Mention], dst: DstPolicy = "report"
) -> tuple[tuple[Mention, ...], tuple[Link, ...]]:
    """Link restatements in ``text`` and return the mentions, refined where a link fixed them.

    >>> from tzsched import Context, annotate
    >>> ann = annotate("The vote is at 3 p.m. local time (1900 GMT).", Context.parse("2025-05-19"))
    >>> m = ann.mentions[0].resolution
    >>> m.zone, m.zone_source, ann.links[0].cause
    ('UTC-04:00', 'link', 'unknown_local_zone')
    """
    refined: dict[int, _Member] = {}  # the members a link read otherwise, by mention index
    links: list[Link] = []
    for indices, connectors in _groups(text, mentions):
        connector = "+".join(dict.fromkeys(connectors))
        link = _same_reading(indices, mentions, connector)
        if link is None:
            members = [_Member(i, mentions[i], mentions[i].resolution, dst) for i in indices]
            link = _verdict(members, connector, refined)
        links.append(link)
    if not refined:
        return tuple(mentions), tuple(links)
    # positional arguments, as in api.annotate: a Mention is made in half the time of replace()
    out = tuple(Mention(m.start, m.end, m.text, m.rule, m.said, refined[i].res) if i in refined else m
                for i, m in enumerate(mentions))
    return out, tuple(links)


def link_mentions(text: str, mentions: Sequence[Mention]) -> tuple[Link, ...]:
    """Links between mentions that restate one moment (see :func:`link_and_refine`)."""
    return link_and_refine(text, mentions)[1]
