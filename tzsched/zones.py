"""Zone names in text -> candidate zones, and wall time -> UTC through zoneinfo.

A zone here is an IANA id ("Europe/Moscow"), "UTC", or a fixed offset written
"UTC+05:30". Offsets always come from zoneinfo for the local date in question; the
tables only map names to ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

from ._frozen import direct_init
from .lexicon import decode_cities, lexicon, zone_tables
from .types import DstPolicy, Note, ZoneSource, tzinfo_for

__all__ = [
    "LOCAL_NAMES",
    "City",
    "WallResult",
    "ZoneCandidate",
    "city",
    "fixed_zone_name",
    "is_daylight",
    "is_local_name",
    "month_offsets",
    "region_choice",
    "region_zones",
    "tzinfo_for",
    "wall_to_utc",
    "year_offsets",
    "zone_candidates",
]

# what a text writes for "the zone of the place the story is about" (lower case, single spaces):
# "5 p.m. local time", "8 p.m. local (1900 GMT)"
LOCAL_NAMES = frozenset({"local", "local time", "local standard time"})



@lru_cache(maxsize=1024)
def is_local_name(text: str) -> bool:
    """Whether a written zone name means the zone of the place told about: one of
    LOCAL_NAMES, case and blanks aside ("Local time", "local  standard time")."""
    return " ".join(text.lower().split()) in LOCAL_NAMES


_OFFSET_RE = re.compile(r"(?:UTC|GMT|utc|gmt)\s?([+\-−–])\s?(\d{1,2})(?::?(\d{2}))?")
_SPACES = re.compile(r"\s+")
_TIME_SUFFIX = re.compile(r"(?:\s+(?:local|standard|summer|daylight))*\s+time$")


@dataclass(frozen=True, slots=True)
class ZoneCandidate:
    """One zone a name may mean. ``label`` is standard, daylight, generic or fixed."""

    zone: str
    label: str
    source: ZoneSource


@dataclass(frozen=True, slots=True)
class City:
    name: str
    zone: str
    country: str


def fixed_zone_name(minutes: int) -> str:
    """The name of a fixed offset zone: "UTC", "UTC+05:30", "UTC-03:00"."""
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h:02d}:{m:02d}"


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text.strip()).replace("’", "'")


@lru_cache(maxsize=4096)
def zone_candidates(zone_text: str) -> tuple[ZoneCandidate, ...]:
    """Every zone a written zone name may mean, the news default first.

    "local time" returns nothing: the resolver fills it from the dateline or home.

    >>> zone_candidates("Moscow time")[0].zone
    'Europe/Moscow'
    >>> [c.zone for c in zone_candidates("IST")]
    ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem']
    """
    text = _norm(zone_text)
    if not text:
        return ()
    tables = zone_tables()
    m = _OFFSET_RE.fullmatch(text)
    if m:
        sign = -1 if m.group(1) != "+" else 1
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes >= 60:
            return ()
        return (ZoneCandidate(fixed_zone_name(sign * (hours * 60 + minutes)), "fixed", "offset"),)
    lower = text.lower()
    if lower in tables.utc_names or lower.rstrip(".") in tables.utc_names:
        return (ZoneCandidate("UTC", "fixed", "abbreviation" if len(text) <= 4 else "explicit"),)
    upper = text.upper()
    if text.isupper() and upper in tables.abbreviations:
        return tuple(ZoneCandidate(z, kind, "abbreviation") for z, kind in tables.abbreviations[upper])
    if lower in tables.iana:
        return (ZoneCandidate(tables.iana[lower], "generic", "explicit"),)
    if lower in tables.names:
        return tuple(ZoneCandidate(z, kind, "explicit") for z, kind in tables.names[lower])
    base = _TIME_SUFFIX.sub("", lower)
    label = "generic"
    if " standard time" in lower + " ":
        label = "standard"
    elif " daylight time" in lower or " summer time" in lower:
        label = "daylight"
    for word in ("standard", "daylight", "summer"):
        if base.endswith(" " + word):
            base = base[: -len(word) - 1]
    if base in ("local", ""):
        return ()
    if base in tables.generic:
        return (ZoneCandidate(tables.generic[base], label, "explicit"),)
    if base != lower and base in tables.time_names:  # "Gulf time"; "Gulf" alone names no zone
        return tuple(ZoneCandidate(zone, label, "explicit") for zone in tables.time_names[base])
    places = tables.ambiguous_places.get(base)
    if places is not None:  # "in Georgia at 7 p.m.": the state or the country, as context picks
        return tuple(ZoneCandidate(zone, label, "explicit") for zone in places)
    demonym = lexicon().demonyms.get(base)
    if demonym is not None:  # "British time"
        return (ZoneCandidate(demonym, label, "explicit"),)
    found = city(base)
    if found is not None:
        return (ZoneCandidate(found.zone, label, "explicit"),)
    zones = region_zones(base)
    if zones:
        return (ZoneCandidate(zones[0], label, "explicit"),)
    return ()


@lru_cache(maxsize=4096)
def city(name: str, region: str | None = None) -> City | None:
    """The city a name means (the most populous homonym, or the one in ``region``)."""
    tables = zone_tables()
    key = _norm(name).lower()
    raw = tables.cities.get(key)
    if not raw and not region:
        return None
    entries = decode_cities(raw) if raw else ()
    if region:
        wanted = region_zones(region)
        code = region_code(region)
        # "ATLANTA, Georgia": a region of several readings keeps a homonym in any of them
        homonym_zones = (*wanted, *tables.ambiguous_places.get(_norm(region).lower(), ()))
        # the gazetteer's city in that country, else a smaller place off its region's
        # first zone ("KNOXVILLE, Tenn."), else a homonym keeping one of its zones
        hand = zone_tables().news_places.get(code, {}).get(key) if code else None
        if hand is not None:
            return City(_norm(name), hand, code.split("-")[0])
        for entry in entries:
            if code and entry.get("country") == code:
                return City(str(entry["name"]), str(entry["zone"]), code)
        place = region_place(code, key)
        if place is not None:
            return City(_norm(name), place, code.split("-")[0])
        for entry in entries:
            if entry.get("zone") in homonym_zones:
                return City(str(entry["name"]), str(entry["zone"]), str(entry.get("country", "")))
        if wanted and entries:
            # a city the gazetteer lists only under a bigger homonym elsewhere ("PERTH,
            # Scotland", "SYDNEY, Nova Scotia"): trust the region written with it
            return City(str(entries[0]["name"]), wanted[0], code.split("-")[0])
    if not entries:
        return None
    first = entries[0]
    return City(str(first["name"]), str(first["zone"]), str(first.get("country", "")))


def region_place(code: str, key: str) -> str | None:
    """The zone of a place (a lower-case name) in a region of several zones when it is not
    the region's first zone: from ``[region_places]`` in news_zones.toml, else GeoNames'
    cities of 15,000 people or more (zones.generated.json), else None."""
    if not code:
        return None
    hand = zone_tables().news_places.get(code, {}).get(key)
    return hand if hand is not None else _decoded_places(code).get(key)


@lru_cache(maxsize=64)
def _decoded_places(code: str) -> dict[str, str]:
    raw = zone_tables().region_places.get(code, "")
    return dict(item.split("|", 1) for item in raw.split(";")) if raw else {}


def region_code(name: str) -> str:
    entry = zone_tables().countries.get(_norm(name).lower())
    return str(entry.get("code", "")) if entry else ""


def region_zones(name: str) -> tuple[str, ...]:
    """Zones of a country, US state or province named in text, most populous first."""
    entry = zone_tables().countries.get(_norm(name).lower())
    if not entry:
        return ()
    return tuple(str(z) for z in entry.get("zones", ()))


def country_of(zone: str) -> str:
    """ISO country code of an IANA zone ("" when unknown or a fixed offset)."""
    return zone_tables().zone_country.get(zone, "")


@lru_cache(maxsize=1024)
def region_choice(candidates: tuple[ZoneCandidate, ...], regions: tuple[str, ...]) -> tuple[ZoneCandidate, ...]:
    """The candidates the first region that knows any of them allows, its pick first:
    those its locale prefers (``[locale_prefer]``), else those in that country. The
    others are read instead of the pick on a date when only they keep a standard or
    daylight label literally (AEST in a Sydney summer: Brisbane)."""
    tables = zone_tables()
    for region in regions:
        if not region:
            continue
        preferred = tables.locale_prefer.get(region, ())
        listed = tuple(c for c in candidates if c.zone in preferred)
        hits = listed or tuple(c for c in candidates if country_of(c.zone) == region)
        if hits:
            return hits
    return ()


def tzdata_label(zone: str, abbreviation: str, year: int) -> str | None:
    """"standard" or "daylight" when zoneinfo writes ``abbreviation`` for ``zone`` in the
    middle of January or of July of ``year`` (Jamaica's "EST", Barbados's "AST"), else None."""
    tz = tzinfo_for(zone)
    for month in (1, 7):
        moment = datetime(year, month, 15, 12, tzinfo=tz)
        if moment.tzname() == abbreviation:
            return "daylight" if moment.dst() else "standard"
    return None


def keeps_label(wall: datetime, zone: str, label: str) -> bool:
    """Whether ``zone``'s clock at the naive ``wall`` time is the time ``label`` names
    (any clock keeps a generic label; a zone without summer time keeps "standard")."""
    if label not in ("standard", "daylight"):
        return True
    tz = tzinfo_for(zone)
    if isinstance(tz, timezone):
        return True
    moment = wall.replace(tzinfo=tz)
    return _is_summer_offset(zone, wall.year, moment.utcoffset() or timedelta(0)) == (label == "daylight")


@lru_cache(maxsize=8192)
def month_offsets(zone: str, year: int) -> tuple[tuple[timedelta, bool], ...]:
    """The zone's UTC offset at noon on the 15th of each month of ``year``, each with
    whether zoneinfo counts it as summer time there (a nonzero ``dst()``; negative for
    Dublin's winter, whose law calls the summer offset standard)."""
    tz = tzinfo_for(zone)
    out = []
    for month in range(1, 13):
        moment = datetime(year, month, 15, 12, tzinfo=tz)
        out.append((moment.utcoffset() or timedelta(0), bool(moment.dst())))
    return tuple(out)


@lru_cache(maxsize=8192)
def year_offsets(zone: str, year: int) -> tuple[timedelta, timedelta]:
    """The zone's standard and daylight offsets that year: the lowest and the highest of
    :func:`month_offsets` when summer time was kept on one of those days, else the
    mid-January offset twice (no summer time that year).

    Every month is read, not only January and July, so that a year whose summer time
    begins or ends once counts (São Paulo from Nov. 2, 1985; New York on daylight time
    through the winter of 1974), and a change of standard offset is not taken for summer
    time (Moscow from +4 to +3 on Oct. 26, 2014)."""
    months = month_offsets(zone, year)
    offsets = [offset for offset, _ in months]
    if not any(summer for _, summer in months):
        return offsets[0], offsets[0]
    return min(offsets), max(offsets)


def is_daylight(zone: str, moment: datetime) -> bool:
    """True when ``zone`` is on its summer offset at ``moment`` (works for negative DST)."""
    local = moment.astimezone(tzinfo_for(zone))
    return _is_summer_offset(zone, local.year, local.utcoffset() or timedelta(0))


def _is_summer_offset(zone: str, year: int, offset: timedelta) -> bool:
    """Whether ``offset`` is ``zone``'s summer offset in ``year`` (see is_daylight)."""
    low, high = year_offsets(zone, year)
    return high != low and offset > low


@direct_init
@dataclass(frozen=True, slots=True)
class WallResult:
    """A wall time read in a zone: the UTC instant, notes, and other readings."""

    utc: datetime
    notes: tuple[Note, ...]
    alternatives: tuple[tuple[str, datetime], ...]


def _later_reading(wall: datetime) -> datetime:
    """The naive ``wall`` with ``fold=1`` (its later reading where a clock repeats), built
    by the constructor, which is several times faster than ``replace`` with a keyword."""
    return datetime(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, wall.microsecond, fold=1)


_EPOCH = datetime(1970, 1, 1)
_EPOCH_UTC = datetime(1970, 1, 1, tzinfo=UTC)


def _as_utc(wall: datetime, offset: timedelta) -> datetime:
    """The UTC instant of the naive ``wall`` on a clock ``offset`` ahead of UTC, by
    arithmetic alone: what ``wall.replace(tzinfo=tz).astimezone(UTC)`` gives for a
    ``tz`` with that offset there, in a third of the instructions."""
    return _EPOCH_UTC + (wall - _EPOCH - offset)


def _fmt(moment: datetime) -> str:
    """A UTC instant as "2025-05-19T14:00Z" (always a four-digit year; %-format of the
    fields takes a third of the time of ``isoformat(timespec="minutes")``)."""
    return "%04d-%02d-%02dT%02d:%02dZ" % (moment.year, moment.month, moment.day, moment.hour, moment.minute)  # noqa: UP031


def wall_to_utc(wall: datetime, zone: str, policy: DstPolicy = "report", label: str = "generic") -> WallResult:
    """Read a naive wall-clock time in ``zone``; gaps, folds and loose labels get notes.

    A standard-time label (EST) on a date when the zone keeps daylight time is read
    as the zone's own clock (EDT), with a ``label_mismatch`` note giving the literal
    reading as the alternative; likewise a daylight label in winter.
    """
    tz = tzinfo_for(zone)
    if isinstance(tz, timezone):  # "UTC", "UTC+05:30": one offset, no gap, fold or season
        return WallResult(_as_utc(wall, tz.utcoffset(None)), (), ())
    # zoneinfo reads the fields and the fold of the time it is given, naive or aware: the
    # offsets of the earlier (fold=0) and the later (fold=1) reading of the wall time
    later = _later_reading(wall)
    offset = tz.utcoffset(later.replace(fold=0) if wall.fold else wall)
    if offset is not None and offset == tz.utcoffset(later):
        # most times: one reading (no gap or fold), so the wall time is the local time of
        # that instant, at ``offset``
        utc = _as_utc(wall, offset)
        if label not in ("standard", "daylight"):
            return WallResult(utc, (), ())
        mismatch = _label_mismatch(wall, zone, label, utc, _is_summer_offset(zone, wall.year, offset))
        if mismatch is None:
            return WallResult(utc, (), ())
        note, literal = mismatch
        return WallResult(utc, (note,), (("literal_label", literal),))
    first, second = later.replace(fold=0, tzinfo=tz), later.replace(tzinfo=tz)
    u0 = first.astimezone(UTC)
    u1 = second.astimezone(UTC)
    notes: list[Note] = []
    alts: list[tuple[str, datetime]] = []
    utc = u0
    if u0 != u1:
        exists = u0.astimezone(tz).replace(tzinfo=None) == wall
        earlier, later = min(u0, u1), max(u0, u1)
        if exists:
            code, what = "dst_fold", "happens twice"
        else:
            code, what = "dst_gap", "does not exist"
        utc = earlier if policy == "earlier" else later if policy == "later" else u0
        if label in ("standard", "daylight"):
            # "1:30 a.m. EDT" in a fold, "2:30 a.m. EST" in a gap: the label says which side
            low, high = year_offsets(zone, wall.year)
            wanted = high if label == "daylight" else low
            for reading, cand in ((first, u0), (second, u1)):
                if reading.utcoffset() == wanted:
                    utc = cand
                    label = "generic"  # the label chose the reading: it is not loose
                    break
            if label == "generic" and exists:
                # in a fold the labelled time exists once: nothing is left to choose
                return WallResult(utc, (), ())
        other = u1 if utc == u0 else u0
        alts.append((code, other))
        read, other_read = _fmt(utc), _fmt(other)
        notes.append(
            Note(
                code,
                f"{wall:%Y-%m-%d %H:%M} {what} in {zone}; read as {read}, the other reading is {other_read}",
                (read, other_read),
            )
        )
    if label in ("standard", "daylight"):
        mismatch = _label_mismatch(wall, zone, label, utc, is_daylight(zone, utc))
        if mismatch is not None:
            note, literal = mismatch
            alts.append(("literal_label", literal))
            notes.append(note)
    return WallResult(utc, tuple(notes), tuple(alts))


def _label_mismatch(wall: datetime, zone: str, label: str, utc: datetime,
                    daylight: bool) -> tuple[Note, datetime] | None:
    """The ``label_mismatch`` note and the literal reading, when a standard or daylight
    label does not name the time ``zone`` keeps at ``utc`` (``daylight`` says which)."""
    if daylight == (label == "daylight"):
        return None
    low, high = year_offsets(zone, wall.year)
    if low == high:
        return None
    literal_offset = low if label == "standard" else high
    literal = _as_utc(wall, literal_offset)
    actual = "daylight" if daylight else "standard"
    read, literal_read = _fmt(utc), _fmt(literal)
    note = Note(
        "label_mismatch",
        f"a {label}-time label was used on a date when {zone} keeps {actual} time; "
        f"read as the zone's clock ({read}), the literal label gives {literal_read}",
        (read, literal_read),
    )
    return note, literal


def day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    """UTC bounds of a local calendar day (days of 23 or 25 hours included)."""
    return _day_start(day, zone), _day_start(day + _DAY, zone)


_DAY = timedelta(days=1)


@lru_cache(maxsize=8192)
def _day_start(day: date, zone: str) -> datetime:
    """The UTC instant a local day starts. Remembered: the days a stream of articles
    names cluster around their publication, and one day's end is the next one's start."""
    return datetime(day.year, day.month, day.day, tzinfo=tzinfo_for(zone)).astimezone(UTC)
