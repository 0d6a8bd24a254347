"""Hypothesis strategies that state one instant the ways news does.

Each strategy draws an instant first and then writes it: in a zone named as news
names it, with a clock style, with or without a day, in a sentence with a tense,
under a publication context chosen so that the text means exactly that instant by
the conventions of ``docs/resolution.md``. The results are small frozen dataclasses
that carry the text, the :class:`~tzsched.Context` and the expected UTC instant, so
any extractor can be held to them, tzsched's own or yours (``docs/testing.md``).

- :func:`instants`: UTC instants, biased towards offset transitions (found in tzdata
  by bisection), local midnight and noon, leap days and zones whose offsets are not
  whole hours;
- :func:`zones`: how news names a zone (:class:`ZoneName`): "EDT", "Eastern",
  "Moscow time", "in Kyiv", "India Standard Time", "GMT+5:30", "local time" under a
  dateline, or nothing at all when the context's home zone is meant;
- :func:`statements`: one instant in one zone (:class:`Statement`);
- :func:`restatements`: one instant in two or three zones, linked by parentheses,
  "or", "which is", "i.e.", a slash or an apposition, optionally broken on purpose
  (:class:`Restatement`, causes ``dst_slip``, ``am_pm_swap``, ``wrong_day``);
- :func:`articles`: a short datelined article with several mentions (:class:`Article`).

Needs hypothesis (``pip install 'tzsched[testing]'``). Example:

>>> from hypothesis import given, settings
>>> import tzsched
>>> @settings(max_examples=20, deadline=None)
... @given(statements())
... def test_statement(case):
...     ann = tzsched.annotate(case.text, case.context)
...     assert any(m.resolution.start in case.readings for m in ann.mentions), case
>>> test_statement()
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from typing import Any, Literal, final
from zoneinfo import ZoneInfo, available_timezones

try:
    from hypothesis import assume
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError(
        "tzsched.strategies needs hypothesis, which is not installed: pip install 'tzsched[testing]'"
    ) from exc

from .errors import UnknownZoneError
from .lexicon import zone_tables
from .types import Context, zone_info
from .zones import zone_candidates

__all__ = [
    "CAUSES",
    "FIRST_YEAR",
    "LAST_YEAR",
    "Article",
    "Part",
    "Restatement",
    "Statement",
    "ZoneName",
    "articles",
    "instants",
    "offset_transitions",
    "restatements",
    "statements",
    "zones",
]

# The years news covers: wire archives from the 1970s to schedules a decade ahead.
FIRST_YEAR = 1970
LAST_YEAR = 2037
CAUSES = ("dst_slip", "am_pm_swap", "wrong_day")
Cause = Literal["dst_slip", "am_pm_swap", "wrong_day"]
Style = Literal["abbreviation", "generic", "city", "place", "cldr", "offset", "utc", "local", "dateline", "home"]

# Zones news writes about most, and the ones whose clocks make arithmetic hard.
NEWS_ZONES = (
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Anchorage",
    "Pacific/Honolulu", "America/Halifax", "America/St_Johns", "America/Sao_Paulo", "America/Santiago",
    "America/Mexico_City", "America/Caracas", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris",
    "Europe/Berlin", "Europe/Athens", "Europe/Kyiv", "Europe/Moscow", "Europe/Istanbul", "Africa/Cairo",
    "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg", "Asia/Jerusalem", "Asia/Tehran", "Asia/Dubai",
    "Asia/Kabul", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Yangon", "Asia/Bangkok",
    "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Tokyo", "Asia/Seoul", "Australia/Perth",
    "Australia/Adelaide", "Australia/Darwin", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland",
    "Pacific/Chatham", "Pacific/Apia",
)
# Offsets that are not whole hours (Lord Howe's DST is half an hour).
ODD_ZONES = (
    "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "Australia/Adelaide",
    "Australia/Darwin", "Asia/Tehran", "Asia/Kabul", "Asia/Yangon", "Australia/Lord_Howe", "Australia/Eucla",
    "Pacific/Marquesas", "America/Caracas",
)
# Zones whose transitions instants() aims at: both hemispheres, negative DST (Dublin),
# half-hour DST (Lord Howe), midnight transitions (Santiago, Sao Paulo), changes of
# standard offset (Moscow 2011/2014, Caracas, Kathmandu 1986) and a skipped day (Apia 2011).
TRANSITION_ZONES = (
    "America/New_York", "America/Los_Angeles", "America/St_Johns", "America/Santiago", "America/Sao_Paulo",
    "America/Caracas", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Moscow", "Europe/Kyiv",
    "Asia/Jerusalem", "Asia/Tehran", "Asia/Kathmandu", "Australia/Sydney", "Australia/Adelaide",
    "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Apia", "Africa/Cairo",
)

MINUTE = timedelta(minutes=1)
_ANY_TIME = datetime(2020, 1, 1, tzinfo=UTC)  # for names valid at every instant: any one will do
DAY = timedelta(days=1)


# ---------------------------------------------------------------- zone arithmetic (tzdata only)


def _tz(zone: str) -> tzinfo:
    """tzinfo for an IANA id, "UTC" or a fixed "UTC+05:30" (the zone ids tzsched reports)."""
    if zone == "UTC":
        return UTC
    m = re.fullmatch(r"UTC([+-])(\d\d):(\d\d)", zone)
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        return timezone(-delta if m.group(1) == "-" else delta)
    return ZoneInfo(zone)


def _fixed(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h:02d}:{m:02d}"


def _offset(zone: str, moment: datetime) -> timedelta:
    return moment.astimezone(_tz(zone)).utcoffset() or timedelta(0)


def _local_date(zone: str, moment: datetime) -> date:
    return moment.astimezone(_tz(zone)).date()


def _day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    tz = _tz(zone)
    nxt = day + DAY
    return (datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(UTC),
            datetime(nxt.year, nxt.month, nxt.day, tzinfo=tz).astimezone(UTC))


# The calendar helpers here repeat small parts of tzsched.zones on purpose: the expected
# answers must come from zoneinfo alone, never from the code under test.
@cache
def _year_offsets(zone: str, year: int) -> tuple[timedelta, timedelta]:
    """The zone's lower and higher offset in a year, read on the 15th of every month (a
    summer time that begins in November counts); equal when zoneinfo counts none of those
    days as summer time (a change of standard offset, as Moscow's in 2014, is not DST)."""
    tz = _tz(zone)
    days = [datetime(year, month, 15, 12, tzinfo=tz) for month in range(1, 13)]
    offsets = [day.utcoffset() or timedelta(0) for day in days]
    if not any(day.dst() for day in days):
        return offsets[0], offsets[0]
    return min(offsets), max(offsets)


def _is_daylight(zone: str, moment: datetime) -> bool:
    """On the higher of the year's offsets: summer time in either hemisphere (Dublin's
    negative DST included)."""
    local = moment.astimezone(_tz(zone))
    low, high = _year_offsets(zone, local.year)
    return high != low and (local.utcoffset() or timedelta(0)) > low


def _other_reading(zone: str, instant: datetime) -> datetime | None:
    """The other instant that shows the same wall time in ``zone`` (a DST fold), if any."""
    wall = instant.astimezone(_tz(zone))
    other = wall.replace(fold=1 - wall.fold).astimezone(UTC)
    return other if other != instant else None


def _wall_to_utc(wall: datetime, zone: str) -> datetime:
    """A naive wall time read in ``zone`` (the earlier reading of a fold, zoneinfo's fold 0)."""
    return wall.replace(tzinfo=_tz(zone), fold=0).astimezone(UTC)


@cache
def offset_transitions(zone: str, first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> tuple[datetime, ...]:
    """Every UTC minute in the years at which ``zone``'s offset changes, found in tzdata by
    stepping two days at a time and bisecting each change to the minute.

    >>> [t.isoformat() for t in offset_transitions("America/New_York", 2025, 2025)]
    ['2025-03-09T07:00:00+00:00', '2025-11-02T06:00:00+00:00']
    """
    tz = ZoneInfo(zone)
    epoch = datetime(first_year, 1, 1, tzinfo=UTC)
    total = int((datetime(last_year + 1, 1, 1, tzinfo=UTC) - epoch) / MINUTE)

    def off(minute: int) -> timedelta | None:
        return (epoch + minute * MINUTE).astimezone(tz).utcoffset()

    step = 2 * 24 * 60
    out: list[datetime] = []
    lo, lo_off = 0, off(0)
    while lo < total:
        hi = min(lo + step, total)
        hi_off = off(hi)
        if hi_off != lo_off:
            a, b = lo, hi
            while b - a > 1:
                mid = (a + b) // 2
                if off(mid) == lo_off:
                    a = mid
                else:
                    b = mid
            out.append(epoch + b * MINUTE)
            lo, lo_off = b, off(b)
            continue
        lo, lo_off = hi, hi_off
    return tuple(out)


# ---------------------------------------------------------------- instants


def _aware(instant: datetime | None, what: str) -> None:
    """Refuse a naive ``instant``: converting it would read the process's zone, and the
    cases drawn would differ from machine to machine."""
    if instant is not None and (instant.tzinfo is None or instant.utcoffset() is None):
        raise InvalidArgument(f"{what} {instant.isoformat()!r} is naive: give an aware datetime "
                              "(tzinfo=UTC, say)")


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _in_range(moment: datetime, first_year: int, last_year: int) -> datetime:
    lo = datetime(first_year, 1, 1, tzinfo=UTC)
    hi = datetime(last_year, 12, 31, 23, 59, tzinfo=UTC)
    return min(max(moment, lo), hi)


def instants(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> st.SearchStrategy[datetime]:
    """Aware UTC instants, whole minutes, in ``first_year``..``last_year``.

    About four draws in five aim at an edge: a minute within three hours of an offset
    transition in :data:`TRANSITION_ZONES`, local midnight or noon in a news zone, a
    time on February 29, or a local time in a zone whose offset is not a whole hour.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=30)
    ... @given(instants(2000, 2030))
    ... def test_instant(t):
    ...     assert t.tzinfo is UTC and t.second == 0 and 2000 <= t.year <= 2030
    >>> test_instant()
    """
    if not FIRST_YEAR <= first_year <= last_year <= LAST_YEAR:
        raise InvalidArgument(f"years must satisfy {FIRST_YEAR} <= first_year <= last_year <= {LAST_YEAR}")
    lo = datetime(first_year, 1, 1)
    hi = datetime(last_year, 12, 31, 23, 59)
    uniform = st.datetimes(lo, hi).map(lambda d: d.replace(second=0, microsecond=0, tzinfo=UTC))

    def near(zone: str) -> st.SearchStrategy[datetime]:
        found = offset_transitions(zone, first_year, last_year)
        if not found:
            return uniform
        shift = st.sampled_from((0, -1, 1, -30, 30, -59, -60, -61, 59, 60, 61, -90, 90, -120, 120)) | st.integers(
            -180, 180
        )
        return st.builds(lambda t, m: _in_range(t + m * MINUTE, first_year, last_year), st.sampled_from(found), shift)

    def local(day: date, zone: str, hour: int, minute: int) -> datetime:
        return _in_range(_wall_to_utc(datetime(day.year, day.month, day.day, hour, minute), zone),
                         first_year, last_year)

    days = st.dates(lo.date(), hi.date())
    midnight_noon = st.builds(local, days, st.sampled_from(NEWS_ZONES), st.sampled_from((0, 12)), st.just(0))
    leap_years = [y for y in range(first_year, last_year + 1) if y % 4 == 0 and (y % 100 or y % 400 == 0)]
    leap = (
        st.builds(local, st.sampled_from([date(y, 2, 29) for y in leap_years]),
                  st.sampled_from(("UTC", *NEWS_ZONES)), st.integers(0, 23), st.sampled_from((0, 15, 30, 45, 59)))
        if leap_years else uniform
    )
    odd = st.builds(local, days, st.sampled_from(ODD_ZONES), st.integers(0, 23), st.sampled_from((0, 0, 15, 30, 45)))
    return st.one_of(uniform, midnight_noon, st.sampled_from(TRANSITION_ZONES).flatmap(near), leap, odd)


# ---------------------------------------------------------------- zone names


@final
@dataclass(frozen=True, slots=True)
class ZoneName:
    """How a text names a zone, and the zone it means.

    ``zone`` is what a correct reader resolves the name to: an IANA id, ``"UTC"`` or a
    fixed offset ``"UTC+05:30"``. ``text`` is written after the clock time ("EDT",
    "Moscow time", "in Kyiv", "GMT+5:30", "local time"), empty when the time states
    no zone. ``label`` is ``standard``/``daylight`` when the name implies a season,
    ``generic`` otherwise, ``fixed`` for offsets and UTC. ``dateline`` opens the
    article for the ``local`` and ``dateline`` styles; ``home`` is the context home
    the ``home`` style needs; ``region`` is the ISO country whose locale picks an
    ambiguous abbreviation ("IE" for IST meaning Dublin), empty when none is needed.

    >>> ZoneName("America/New_York", "Eastern", "generic").valid_at(datetime(2025, 7, 1, tzinfo=UTC))
    True
    >>> ZoneName("America/New_York", "EST", "abbreviation", "standard").valid_at(datetime(2025, 7, 1, tzinfo=UTC))
    False
    """

    zone: str
    text: str
    style: Style
    label: Literal["standard", "daylight", "generic", "fixed"] = "generic"
    dateline: str = ""
    home: str | None = None
    region: str = ""

    def valid_at(self, instant: datetime) -> bool:
        """Whether a careful writer names the zone so at ``instant`` (no "EST" in July)."""
        if self.label in ("generic", "fixed"):
            return True
        if self.style == "abbreviation":
            # the abbreviation tzdata uses then, or one news uses where tzdata has only numbers ("+08")
            shown = instant.astimezone(_tz(self.zone)).tzname() or ""
            if shown != self.text and not shown.startswith(("+", "-")):
                return False
        low, high = _year_offsets(self.zone, instant.astimezone(_tz(self.zone)).year)
        if low == high:
            return self.label == "standard"
        return _is_daylight(self.zone, instant) == (self.label == "daylight")

    @property
    def pins_fold(self) -> bool:
        """Whether the name tells the two readings of a DST fold apart (EDT vs EST)."""
        return self.label != "generic"

    @property
    def states_zone(self) -> bool:
        return self.style not in ("home", "dateline")


@dataclass(frozen=True, slots=True)
class _Names:
    """Every name tzsched's tables know for one zone (computed once per zone, on demand)."""

    abbreviations: tuple[tuple[str, str, str], ...]  # (abbr, label, region)
    generic: tuple[str, ...]
    cities: tuple[str, ...]
    places: tuple[str, ...]
    cldr: tuple[tuple[str, str], ...]
    datelines: tuple[str, ...]


def _country(zone: str) -> str:
    return zone_tables().zone_country.get(zone, "")


def _abbreviation_region(abbr: str, zone: str) -> str | None:
    """The region whose locale makes ``abbr`` mean ``zone`` ("" when no locale is needed),
    None when no locale does (MST for Phoenix: en-US picks Denver). This follows the
    documented policy: the locale's preferred zones or the candidates in its country,
    else the first candidate."""
    tables = zone_tables()
    cands = [z for z, _ in tables.abbreviations.get(abbr, ())]
    if zone not in cands:
        return None
    if len(cands) == 1:
        return ""
    region = _country(zone)
    if region and _picked(cands, (region,)) == zone:
        return region
    return None


def _picked(cands: Sequence[str], regions: Sequence[str]) -> str:
    tables = zone_tables()
    for region in regions:
        if not region:
            continue
        preferred = tables.locale_prefer.get(region, ())
        hits = [z for z in cands if z in preferred or _country(z) == region]
        if hits:
            return hits[0]
    return cands[0]


def _city_entries(value: object) -> tuple[Mapping[str, Any], ...]:
    """Gazetteer entries of one city name (the table stores them compactly as a string)."""
    if isinstance(value, str):
        from .lexicon import decode_cities

        return decode_cities(value)
    return tuple(value) if isinstance(value, tuple) else ()


@cache
def _cities_by_zone() -> dict[str, tuple[str, ...]]:
    """Zone -> city names (ASCII, most populous first), from the gazetteer tzsched ships."""
    best: dict[str, dict[str, int]] = {}
    for value in zone_tables().cities.values():
        for entry in _city_entries(value):
            name = str(entry.get("name", ""))
            if not name.isascii() or not re.fullmatch(r"[A-Z][A-Za-z.'\- ]+", name) or len(name.split()) > 3:
                continue
            pop = entry.get("population", 0)
            best.setdefault(str(entry.get("zone")), {})[name] = pop if isinstance(pop, int) else 0
    return {z: tuple(sorted(names, key=lambda n: -names[n])) for z, names in best.items()}


@cache
def _country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, entry in zone_tables().countries.items():
        code = str(entry.get("code", ""))
        if len(code) == 2 and re.fullmatch(r"[a-z]+(?: [a-z]+)?", name) and (code not in out or len(name) > 3):
            out.setdefault(code, name.title())
    return out


@cache
def _names(zone: str) -> _Names:
    from .zones import city

    tables = zone_tables()
    abbrs = []
    for abbr, listed in tables.abbreviations.items():
        if abbr.lower() in tables.utc_names:
            continue
        for z, label in listed:
            region = _abbreviation_region(abbr, zone) if z == zone else None
            if region is not None and label in ("standard", "daylight", "generic"):
                abbrs.append((abbr, label, region))
                break
    generic = tuple(sorted(name.title() for name, z in tables.generic.items() if z == zone))
    cldr = tuple(sorted(
        (name.title(), kinds[0][1]) for name, kinds in tables.names.items()
        if len(kinds) == 1 and kinds[0][0] == zone and kinds[0][1] in ("standard", "daylight", "generic")
        and re.fullmatch(r"[a-z][a-z .'\-]+", name)  # not "st. pierre & miquelon time": news spells it out
        and zone_candidates(name) and zone_candidates(name)[0].zone == zone
    ))
    exemplar = zone.rsplit("/", 1)[-1].replace("_", " ")
    names = [exemplar, *_cities_by_zone().get(zone, ())[:3]]
    cities: list[str] = []
    places: list[str] = []
    datelines: list[str] = []
    countries = _country_names()
    for name in dict.fromkeys(names):
        if not re.fullmatch(r"[A-Z][A-Za-z.'\- ]+", name):
            continue
        cands = zone_candidates(f"{name} time")
        if cands and cands[0].zone == zone and cands[0].source == "explicit":
            cities.append(name)
            place = zone_candidates(name)
            if place and place[0].zone == zone and place[0].source == "explicit":
                places.append(name)
        found = city(name)
        if found is not None and found.zone == zone and name.upper() != name:
            datelines.append(name.upper())
        elif (cc := _country(zone)) in countries:
            region = countries[cc]
            found = city(name, region)
            if found is not None and found.zone == zone and zone in _region_zones(region)[:1]:
                datelines.append(f"{name.upper()}, {region}")
    return _Names(tuple(abbrs), generic, tuple(cities), tuple(places), cldr, tuple(datelines))


def _region_zones(region: str) -> tuple[str, ...]:
    entry = zone_tables().countries.get(region.lower())
    return tuple(str(z) for z in entry.get("zones", ())) if entry else ()


@cache
def _named_zones() -> tuple[str, ...]:
    """IANA zones with at least one name besides the home style, news zones first."""
    skip = ("posix/", "right/", "Etc/", "SystemV/", "US/", "Canada/", "Mexico/", "Brazil/", "Chile/")
    rest = sorted(z for z in available_timezones() if "/" in z and not z.startswith(skip) and z not in NEWS_ZONES)
    return NEWS_ZONES + tuple(rest)


def _iana_zone(zone: str) -> bool:
    """An IANA zone id that Context accepts as a home: available_timezones() also lists
    system files such as Debian's "localtime", which name the machine's configured zone."""
    if zone not in available_timezones():
        return False
    try:
        zone_info(zone)
    except UnknownZoneError:
        return False
    return True


@cache
def _constant(zone: str) -> bool:
    return not offset_transitions(zone)


def _options(zone: str, at: datetime | None) -> list[ZoneName]:
    """Every way to name ``zone``: valid at ``at``, or at every instant in range when None."""
    if zone == "UTC":
        return [ZoneName("UTC", t, "utc", "fixed") for t in ("GMT", "UTC", "GMT", "Greenwich Mean Time")] + [
            ZoneName("UTC", "", "home", "generic", home="UTC")
        ]
    n = _names(zone)
    out = [ZoneName(zone, "", "home", home=zone)]
    for abbr, label, region in n.abbreviations:
        name = ZoneName(zone, abbr, "abbreviation", label, region=region)  # type: ignore[arg-type]
        if name.valid_at(at or _ANY_TIME) and (at is not None or label == "generic" or _constant(zone)):
            out.append(name)
    out += [ZoneName(zone, t, "generic") for t in n.generic]
    out += [ZoneName(zone, f"{t} time", "city") for t in n.cities]
    out += [ZoneName(zone, f"in {t}", "place") for t in n.places]
    for text, label in n.cldr:
        name = ZoneName(zone, text, "cldr", label)  # type: ignore[arg-type]
        if (at is None and (label == "generic" or _constant(zone))) or (at is not None and name.valid_at(at)):
            out.append(name)
    for line in n.datelines:
        out.append(ZoneName(zone, "local time", "local", dateline=line, home=zone))
        out.append(ZoneName(zone, "", "dateline", dateline=line, home=zone))
    if at is not None or _constant(zone):
        offset = _offset(zone, at or _ANY_TIME)
        if offset and not offset.seconds % 60:
            out += [ZoneName(_fixed(offset), t, "offset", "fixed") for t in _offset_texts(offset)]
    return out


def _offset_texts(offset: timedelta) -> tuple[str, ...]:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes > 0 else "-"
    h, m = divmod(abs(minutes), 60)
    if m:
        return (f"GMT{sign}{h}:{m:02d}", f"UTC{sign}{h:02d}:{m:02d}")
    return (f"GMT{sign}{h}", f"UTC{sign}{h:02d}:00", f"UTC{sign}{h}")


def zones(at: datetime | None = None, *, zone: str | None = None,
          styles: Sequence[Style] | None = None) -> st.SearchStrategy[ZoneName]:
    """A zone and a way news names it (:class:`ZoneName`).

    With ``at``, names valid at that instant ("EDT" in July, "EST" in January, the
    offset of that day); without it, only names valid at every instant in range
    ("Eastern", "Moscow time", "IST" for India). ``zone`` fixes the zone (an IANA id
    or "UTC"); ``styles`` restricts the styles. The home style (no name, the context's
    home zone) is always possible, so every IANA zone can be drawn.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=30)
    ... @given(zones(styles=["city", "generic"]))
    ... def test_named(name):
    ...     assert zone_candidates(name.text)[0].zone == name.zone
    >>> test_named()
    """
    _aware(at, "at")
    if zone is not None and zone != "UTC" and not _iana_zone(zone):
        raise InvalidArgument(f"zone {zone!r} is not an IANA zone id")
    wanted = set(styles) if styles is not None else None
    ids = st.just(zone) if zone is not None else st.one_of(
        st.sampled_from(("UTC", *NEWS_ZONES)), st.sampled_from(_named_zones())
    )

    def pick(z: str) -> st.SearchStrategy[ZoneName]:
        opts = [o for o in _options(z, at) if wanted is None or o.style in wanted]
        return st.sampled_from(opts) if opts else st.nothing()

    return ids.flatmap(pick)


# ---------------------------------------------------------------- results


@final
@dataclass(frozen=True, slots=True)
class Part:
    """One clock time in a generated text: where it is, how its zone is named, and the
    instant it states on its own. ``readings`` holds every instant the words may mean
    (two in a DST fold when the zone name does not pick a side)."""

    start: int
    end: int
    text: str
    zone: ZoneName
    said_utc: datetime
    readings: tuple[datetime, ...]
    clock: str
    day: str


@final
@dataclass(frozen=True, slots=True)
class Statement:
    """One instant written as news writes it in one zone.

    ``text`` means ``expected_utc`` under ``context`` by tzsched's documented
    conventions; ``readings`` is ``(expected_utc,)``, or both readings of a DST fold
    when the zone name does not choose one (then a reader should say so).
    ``span`` is where the clock time and its zone name stand in ``text``.

    >>> from hypothesis import find
    >>> case = find(statements(), lambda s: s.clock == "military")
    >>> case.text[case.span[0]:case.span[1]] == case.part.text
    True
    """

    text: str
    context: Context
    expected_utc: datetime
    span: tuple[int, int]
    zone: ZoneName
    clock: str
    day: str
    readings: tuple[datetime, ...]
    part: Part

    @property
    def parts(self) -> tuple[Part, ...]:
        return (self.part,)


@final
@dataclass(frozen=True, slots=True)
class Restatement:
    """One sentence stating one instant in two or three zones, linked by ``connector``.

    Unperturbed, every part says ``expected_utc`` and a checker should link the parts
    and find that they agree. With ``perturbation`` (one of :data:`CAUSES`), part
    ``perturbed`` was broken on purpose (its ``said_utc`` differs) and a checker should
    report a disagreement whose cause is ``expected_cause``.
    """

    text: str
    context: Context
    expected_utc: datetime
    parts: tuple[Part, ...]
    connector: str
    perturbation: Cause | None = None
    perturbed: int | None = None
    days: Literal["none", "own", "before"] = "none"  # no day, a day per part, or "On Tuesday, ..." first

    @property
    def expected_cause(self) -> Cause | None:
        return self.perturbation

    @property
    def agrees(self) -> bool:
        return self.perturbation is None


@final
@dataclass(frozen=True, slots=True)
class Article:
    """A short datelined article: every clock time in it, with the instant it names."""

    text: str
    context: Context
    mentions: tuple[Part, ...]
    dateline_zone: str

    @property
    def parts(self) -> tuple[Part, ...]:
        return self.mentions


# ---------------------------------------------------------------- writing clock times and days

_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_MONTHS_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FUTURE = ("The talks will begin at", "Polls will close at", "Voting will end at", "Trading will resume at",
           "Ministers will meet at", "The court is expected to rule at", "The rocket is scheduled to lift off at")
_PAST = ("The talks began at", "Polls closed at", "The quake struck at", "The rocket lifted off at",
         "Voting ended at", "The strike began at", "Ministers met at")
# no tense cue at all ("starts", "opens" announce a schedule, a copula right before a day looks ahead)
_NEUTRAL = ("The deadline falls at", "The ceremony is at", "Curfew is at")
_MERIDIEM = (("a.m.", "p.m."), ("a.m.", "p.m."), ("am", "pm"), ("AM", "PM"))

Tense = Literal["future", "past", "neutral"]
DayMode = Literal["none", "weekday", "date", "weekday_date", "date_year", "before", "relative"]


@st.composite
def _clock_text(draw: st.DrawFn, wall: datetime, style: str, meridiem: int | None = None) -> str:
    h, m = wall.hour, wall.minute
    if style == "word":
        if h == 12 and m == 0:
            return draw(st.sampled_from(("noon", "12 noon", "midday", "noon")))
        return "midnight"
    if style == "military":
        return f"{h:02d}{m:02d}"
    if style == "24h":
        # a morning hour keeps its zero: "3:59" without a.m./p.m. may be either half of the
        # day where news writes the 12-hour clock (docs/resolution.md, meridiem_unstated)
        return f"{h:02d}:{m:02d}"
    am, pm = _MERIDIEM[meridiem if meridiem is not None else draw(st.integers(0, len(_MERIDIEM) - 1))]
    h12 = h % 12 or 12
    clock = f"{h12}:{m:02d}" if m or draw(st.integers(0, 4)) == 0 else str(h12)
    sep = "" if am == "am" and draw(st.booleans()) else " "
    return f"{clock}{sep}{pm if h >= 12 else am}"


def _date_text(day: date, mode: str, full_month: bool) -> str:
    month = (_MONTHS_FULL if full_month else _MONTHS)[day.month - 1]
    if mode == "weekday":
        return _WEEKDAYS[day.weekday()]
    if mode == "date":
        return f"{month} {day.day}"
    if mode == "weekday_date":
        return f"{_WEEKDAYS[day.weekday()]}, {month} {day.day}"
    return f"{month} {day.day}, {day.year}"


def _tense_ok(mode: str, tense: Tense, day: date, pub: date) -> bool:
    """Whether a day written with ``mode`` under ``tense`` names ``day`` when published on
    ``pub`` (the conventions of docs/resolution.md, with room for a day's shift)."""
    diff = (day - pub).days
    if mode == "weekday":
        if tense == "future":
            return 1 <= diff <= 5
        if tense == "past":
            return -5 <= diff <= -1
        return False
    if mode in ("date", "weekday_date"):
        return abs(diff) <= 60
    return True


@dataclass(frozen=True, slots=True)
class _Plan:
    """What one clock time will say: its wall time in its zone, the day it names, how."""

    instant: datetime  # the instant this part states (the perturbed one for a broken part)
    name: ZoneName
    clock: str
    day_mode: str
    day: date | None  # the local date written (the day before for "midnight")
    readings: tuple[datetime, ...]
    meridiem_swap: bool = False
    relative: int = 0  # +1 "tomorrow", -1 "yesterday"


def _wall(instant: datetime, name: ZoneName) -> datetime:
    return instant.astimezone(_tz(name.zone)).replace(tzinfo=None)


def _written_wall(instant: datetime, name: ZoneName) -> datetime:
    """The wall time a text writes for ``instant``: a whole minute. A zone whose offset
    then had seconds (Monrovia, -0:44:30 until 1972) shows a whole UTC minute at :30
    seconds, which no clock time in a text names: such draws are rejected."""
    wall = _wall(instant, name)
    assume(wall.second == 0)
    return wall


def _readings(instant: datetime, name: ZoneName) -> tuple[datetime, ...]:
    other = None if name.pins_fold else _other_reading(name.zone, instant)
    return (instant,) if other is None else tuple(sorted((instant, other)))


@st.composite
def _clock_style(draw: st.DrawFn, wall: datetime, name: ZoneName, day_mode: str, tense: Tense,
                 first: bool) -> str:
    # "10:00" and "11:00" (no zero to mark a 24-hour time) may be either half of the day
    # where news writes the 12-hour clock: written with a.m./p.m. instead
    styles = ["meridiem", "meridiem"] if wall.hour in (10, 11) else ["meridiem", "meridiem", "24h"]
    if name.text and name.style != "place":
        styles.append("military")
    if (wall.hour, wall.minute) == (12, 0):
        styles.append("word")
    if (wall.hour, wall.minute) == (0, 0) and (
        day_mode in ("weekday", "date", "weekday_date", "date_year") or (day_mode == "none" and tense == "past")
    ):
        styles.append("word")
    if not name.text and not first:
        styles = [s for s in styles if s != "24h"]
    return draw(st.sampled_from(styles))


def _render(draw: st.DrawFn, plan: _Plan) -> tuple[str, int, int]:
    """The text of one part, and where the clock time with its zone name stands in it."""
    wall = _wall(plan.instant, plan.name)
    if plan.meridiem_swap:
        wall = wall.replace(hour=(wall.hour + 12) % 24)
    clock = draw(_clock_text(wall, plan.clock))
    core = f"{clock} {plan.name.text}" if plan.name.text else clock
    if plan.clock == "24h" and not plan.name.text and draw(st.booleans()):
        core += " hours" if wall.hour >= 10 else ""
    text = core
    if plan.day is not None and plan.day_mode in ("weekday", "date", "weekday_date", "date_year"):
        written = _date_text(plan.day, plan.day_mode, draw(st.booleans()))
        text += draw(st.sampled_from((" on ", " "))) + written
    elif plan.day_mode == "relative":
        text += " tomorrow" if plan.relative == 1 else " yesterday"
    return text, 0, len(core)


# ---------------------------------------------------------------- publication instants


def _pub_window(day_of: dict[str, date]) -> tuple[datetime, datetime] | None:
    """The UTC stretch in which the local date is ``day_of[zone]`` in every zone."""
    lo, hi = None, None
    for zone, day in day_of.items():
        a, b = _day_bounds(day, zone)
        lo = a if lo is None or a > lo else lo
        hi = b if hi is None or b < hi else hi
    if lo is None or hi is None or lo >= hi:
        return None
    return lo, hi


@st.composite
def _pub_in(draw: st.DrawFn, window: tuple[datetime, datetime]) -> datetime:
    lo, hi = window
    span = int((hi - lo) / MINUTE) - 1
    return lo + draw(st.integers(0, max(0, span))) * MINUTE


def _context(draw: st.DrawFn, published: datetime, home: str | None, region: str) -> Context:
    locale = f"en-{region}" if region else draw(st.sampled_from(("en-US", "en-US", "en-GB", "en-CA", "en-AU")))
    shown = published.astimezone(_tz(home)) if home and draw(st.booleans()) else published
    return Context(published=shown, home=home, locale=locale)


# ---------------------------------------------------------------- statements


def _zone_of(part_zone: ZoneName, home: str) -> str:
    """The zone a part's wall time is read in: its own, or the home's when it names none."""
    return part_zone.zone if part_zone.states_zone else home


@st.composite
def _statement(draw: st.DrawFn, instant: datetime | None, zone: ZoneName | str | None) -> Statement:
    at = _minute(instant.astimezone(UTC)) if instant is not None else draw(instants())
    if isinstance(zone, ZoneName):
        name = zone
        if not name.valid_at(at):
            raise InvalidArgument(f"{name.text!r} does not name {name.zone} at {at.isoformat()}")
    else:
        name = draw(zones(at, zone=zone))
    home = name.home or draw(st.one_of(st.none(), st.sampled_from(NEWS_ZONES),
                                       st.just(name.zone if "/" in name.zone else "UTC")))
    if name.region and home != name.zone and home in {z for z, _ in zone_tables().abbreviations.get(name.text, ())}:
        home = name.zone  # an outlet in another zone of the abbreviation would pick its own ("IST" from Dublin)
    read_in = name.zone
    tense: Tense = draw(st.sampled_from(("future", "past", "neutral")))
    wall = _written_wall(at, name)
    local_day = wall.date()
    modes: list[str] = ["none", "date", "weekday_date", "date_year", "before"]
    if tense != "neutral":
        modes += ["weekday", "weekday", "relative"]
    mode = draw(st.sampled_from(modes))
    clock = draw(_clock_style(wall, name, "none" if mode in ("before", "relative") else mode, tense, True))
    # "midnight" with a day names the end of the day before (TIMEX3 T24:00)
    day = local_day - DAY if clock == "word" and wall.hour == 0 else local_day
    home_zone = home or "UTC"
    if mode == "none":
        window = _pub_window({read_in: local_day})
        # and on the side of the instant the tense says ("will begin at 1:30 p.m." is told
        # before 1:30 p.m.): a time told against its tense is read on another day where the
        # zone's date is not the home's (docs/resolution.md, tense_conflict)
        if window is not None and tense != "neutral":
            lo, hi = window
            lo, hi = (lo, min(hi, at)) if tense == "future" else (max(lo, at + MINUTE), hi)
            window = (lo, hi) if lo < hi else None
    elif mode == "relative":
        rel = 1 if tense == "future" else -1
        # "yesterday"/"tomorrow" name ``day`` (for "midnight", the day before the instant's)
        window = _pub_window({read_in: day - rel * DAY})
    elif mode == "before":
        if clock == "word" and wall.hour == 0:
            clock = "meridiem"
            day = local_day
        window = None
    else:
        window = None
    if window is None:
        if mode in ("none", "relative"):
            mode = "date_year"  # an empty window: offsets more than a day apart
        sign = -1 if tense == "future" else 1
        lead = timedelta(days=3, hours=draw(st.integers(1, 22)), minutes=draw(st.integers(0, 59)))
        published = at + sign * lead
        if mode in ("weekday", "before") and not all(
            _tense_ok("weekday", tense, day, _local_date(z, published)) for z in {read_in, home_zone}
        ):
            mode = "weekday_date"
        if mode == "before" and tense == "neutral":
            mode = "date_year"
    else:
        published = draw(_pub_in(window))
    plan = _Plan(at, name, clock, mode, day, _readings(at, name), relative=1 if tense == "future" else -1)
    part_text, s, e = _render(draw, plan)
    lead_text = draw(st.sampled_from({"future": _FUTURE, "past": _PAST, "neutral": _NEUTRAL}[tense]))
    head = name.dateline and f"{name.dateline} ({draw(st.sampled_from(('AP', 'Reuters', 'AFP')))}) — "
    if mode == "before":
        when = _date_text(day, draw(st.sampled_from(("weekday", "weekday_date", "date"))) if tense != "neutral"
                          else "date_year", draw(st.booleans()))
        lead_text = f"On {when}, {lead_text[0].lower()}{lead_text[1:]}"
    prefix = f"{head or ''}{lead_text} "
    text = prefix + part_text + ("" if part_text.endswith(".") else ".")
    span = (len(prefix) + s, len(prefix) + e)
    context = _context(draw, published, home, name.region)
    part = Part(span[0], span[1], text[span[0]:span[1]], name, at, plan.readings, clock, mode)
    return Statement(text, context, at, span, name, clock, mode, plan.readings, part)


def statements(instant: datetime | None = None, zone: ZoneName | str | None = None) -> st.SearchStrategy[Statement]:
    """One instant written as news writes it in one zone (:class:`Statement`).

    ``instant`` (aware; drawn from :func:`instants` when None) is truncated to the
    minute. ``zone`` is a :class:`ZoneName` valid at the instant, an IANA id whose name
    is drawn, or None. Clock styles: "5 p.m.", "5:30 pm", "17:00", "1700 GMT", "noon",
    "midnight"; days: none, "Tuesday", "May 20", "Tuesday, May 20", "May 20, 2025",
    "tomorrow", or "On Tuesday, ..." before the sentence. The publication context is
    drawn so that the text names the instant (a weekday lies within the week the
    sentence's tense points to, a day left out is the publication day in that zone).

    >>> from datetime import datetime, UTC
    >>> from hypothesis import find
    >>> case = find(statements(datetime(2025, 3, 9, 7, 30, tzinfo=UTC), "America/New_York"),
    ...             lambda s: s.zone.style == "abbreviation")
    >>> case.zone.text, case.expected_utc.isoformat()
    ('EDT', '2025-03-09T07:30:00+00:00')
    """
    _aware(instant, "instant")
    return _statement(instant, zone)


# ---------------------------------------------------------------- restatements

_CONNECTORS_2 = ("parenthesis", "parenthesis", "or", "which is", "i.e.", "slash")
_CONNECTORS_3 = ("list", "apposition", "slash")


def _join(texts: Sequence[str], connector: str, comma_or: bool) -> tuple[str, list[int]]:
    """Join part texts with a connector; returns the text and each part's start."""
    seps = {
        "parenthesis": [" ("], "or": [", or " if comma_or else " or "], "which is": [", which is "],
        "i.e.": [", i.e. "], "slash": [" / ", " / "], "list": [" (", "; "], "apposition": [" (", "), "],
    }[connector]
    out, starts = texts[0], [0]
    for sep, part in zip(seps, texts[1:], strict=False):
        out += sep
        starts.append(len(out))
        out += part
    if connector in ("parenthesis", "list"):
        out += ")"
    return out, starts


def _dst_zones(instant: datetime) -> list[str]:
    out = []
    for z in NEWS_ZONES:
        low, high = _year_offsets(z, instant.astimezone(_tz(z)).year)
        if high - low == timedelta(hours=1) and not _other_reading(z, instant):
            out.append(z)
    return out


def _pinned(zone: str, at: datetime) -> ZoneName:
    """The zone named by its offset at ``at`` ("GMT+3", or "GMT" for UTC): unambiguous."""
    off = _offset(zone, at)
    if not off:
        return ZoneName("UTC", "GMT", "utc", "fixed")
    return ZoneName(_fixed(off), _offset_texts(off)[0], "offset", "fixed")


@st.composite
def _restatement(draw: st.DrawFn, instant: datetime | None, perturbation: str | None,
                 min_parts: int, max_parts: int) -> Restatement:
    at = _minute(instant.astimezone(UTC)) if instant is not None else draw(instants())
    cause: Cause | None = draw(st.sampled_from((None, *CAUSES))) if perturbation == "any" else \
        perturbation  # type: ignore[assignment]
    dst_zones = _dst_zones(at)
    assume(cause != "dst_slip" or dst_zones)  # none keeps summer time that year, or all are in a fold
    n = draw(st.integers(min_parts, max_parts))
    connector = draw(st.sampled_from(_CONNECTORS_2 if n == 2 else _CONNECTORS_3))
    # the first part may name no zone ("at 5 p.m. (1400 GMT)") under a dateline or home zone;
    # a broken restatement states every zone, so that only the break explains a difference
    bare_ok = connector in ("parenthesis", "which is", "i.e.", "list", "apposition") and cause is None
    dst_zone = draw(st.sampled_from(dst_zones)) if cause == "dst_slip" else None
    names: list[ZoneName] = []
    used: set[str] = set()
    for i in range(n):
        styles: list[Style] = ["abbreviation", "generic", "city", "place", "cldr", "offset", "utc"]
        if i == 0 and bare_ok:
            styles += ["local", "dateline", "home"]
        elif i == 0 and cause is None:
            styles += ["local"]
        wanted = dst_zone if i == 0 else ("UTC" if i == 1 and draw(st.booleans()) else None)
        if wanted == dst_zone:  # a name that says which zone keeps summer time, not its offset
            styles = [x for x in styles if x not in ("offset", "utc")]
        pick = zones(at, zone=wanted, styles=["utc"] if wanted == "UTC" else styles)
        taken = frozenset(used)

        def fresh(z: ZoneName, taken: frozenset[str] = taken) -> bool:
            # a broken restatement has no other explanation: no fold, no ambiguous abbreviation
            return z.zone not in taken and (z.home or z.zone) not in taken and (cause is None or (
                not z.region and (z.pins_fold or _other_reading(z.zone, at) is None)))

        name = draw(pick.filter(fresh))
        names.append(name)
        used |= {name.zone, name.home or name.zone}
    if dst_zone is not None and names[0].states_zone:  # the zone with summer time may stand anywhere
        names = list(draw(st.permutations(names)))
    dateline = names[0] if names[0].dateline else None
    home = names[0].home or draw(st.one_of(st.none(), st.sampled_from(NEWS_ZONES)))
    home_zone = home or "UTC"
    region = next((nm.region for nm in names if nm.region), "")
    regions = (_country(dateline.zone) if dateline else "", region, _country(home_zone) if home else "")
    for i, nm in enumerate(names):
        candidates = [z for z, _ in zone_tables().abbreviations[nm.text]] if nm.region else []
        # the outlet's own zone, when the abbreviation may mean it, is read before any
        # country ("BST" from a London outlet is London's): pin the zone meant otherwise
        if nm.region and (_picked(candidates, regions) != nm.zone or (home in candidates and home != nm.zone)):
            names[i] = _pinned(nm.zone, at)
    tense: Tense = draw(st.sampled_from(("future", "past", "neutral")))
    zones_read = [_zone_of(nm, home_zone) for nm in names]
    local_days = [_local_date(z, at) for z in zones_read]
    day_mode = draw(st.sampled_from(("none", "own", "before") if cause != "wrong_day" else ("own",)))
    window = _pub_window(dict(zip(zones_read, local_days, strict=True))) if day_mode == "none" else None
    if window is not None and tense != "neutral":  # told on the side of the instant its tense says
        lo, hi = window
        lo, hi = (lo, min(hi, at)) if tense == "future" else (max(lo, at + MINUTE), hi)
        window = (lo, hi) if lo < hi else None
    if day_mode == "none" and cause == "dst_slip" and any(
        _offset(z, at + d * DAY) != _offset(z, at) for z in zones_read for d in (-1, 1)
    ):
        window = None  # with no day written, moving both days across a DST change would explain the hour
    if day_mode == "none" and window is None:
        day_mode = "own"
    if window is not None:
        published = draw(_pub_in(window))
    else:
        sign = -1 if tense == "future" else 1
        published = at + sign * timedelta(days=3, hours=draw(st.integers(1, 22)), minutes=draw(st.integers(0, 59)))
    own_modes = ("date", "weekday_date", "date_year") + (("weekday", "weekday") if tense != "neutral" else ())
    target = draw(st.integers(0, n - 1)) if cause is not None else None
    plans: list[_Plan] = []
    for i, (nm, zread) in enumerate(zip(names, zones_read, strict=True)):
        said = at
        mode = draw(st.sampled_from(own_modes)) if day_mode == "own" else "none"
        if i == target and cause == "dst_slip":
            assert dst_zone is not None
            low, high = _year_offsets(dst_zone, at.astimezone(_tz(dst_zone)).year)
            current = _offset(dst_zone, at)
            other = low if current == high else high
            if zread == dst_zone:  # the local time was worked out with the other season's offset
                said = _wall_to_utc((at + other).replace(tzinfo=None), zread)
            else:  # this zone's time was worked out from the local one with that offset
                said = at + (current - other)
            assume(abs(said - at) == timedelta(hours=1))  # not lost in the gap of a transition
            # the slip must show in the text: across this zone's own fold the slipped wall
            # time is the same, and a name that reads it as ``at`` ("1:00 a.m. WEST" on the
            # night Lisbon's summer time ends) hides it
            assume(at not in _readings(said, nm) and nm.valid_at(said))
        wall = _written_wall(said, nm)
        clock = draw(_clock_style(wall, nm, mode if day_mode == "own" else day_mode, tense, i == 0))
        if i == target and cause == "am_pm_swap":
            clock = "meridiem"
            swapped = wall.replace(hour=(wall.hour + 12) % 24)
            said = _wall_to_utc(swapped, zread)
            # the swapped time must exist under the name written: "2:01 a.m. AEDT" on the
            # night Sydney's clocks skip 2:00 to 3:00 is no time at all
            assume(said.astimezone(_tz(zread)).replace(tzinfo=None) == swapped and nm.valid_at(said))
        day = wall.date() - DAY if clock == "word" and wall.hour == 0 else wall.date()
        if cause == "wrong_day":
            # "midnight on Dec. 31" may name the start or the end of the day, and a link
            # rightly settles which: a day off at a midnight, or beside one (the link may
            # move the midnight instead), is no detectable slip
            assume(not (clock == "word" and wall.hour == 0))
        if i == target and cause == "wrong_day":
            step = draw(st.sampled_from((-1, 1)))
            day += step * DAY
            said = _wall_to_utc(wall + step * DAY, zread)
        if mode == "weekday" and not _tense_ok("weekday", tense, day, _local_date(zread, published)):
            mode = "weekday_date"
        readings = _readings(at, nm) if said == at else (said,)
        plans.append(_Plan(at if cause != "dst_slip" or i != target else said, nm, clock, mode, day, readings,
                           i == target and cause == "am_pm_swap"))
    rendered = [_render(draw, plan) for plan in plans]
    joined, starts = _join([t for t, _, _ in rendered], connector, draw(st.booleans()))
    lead_text = draw(st.sampled_from({"future": _FUTURE, "past": _PAST, "neutral": _NEUTRAL}[tense]))
    if day_mode == "before":
        when_mode = draw(st.sampled_from(("weekday", "weekday_date", "date"))) if tense != "neutral" else "date_year"
        first_day = plans[0].day or local_days[0]
        if plans[0].clock == "word" and _wall(at, names[0]).hour == 0:
            first_day = local_days[0]  # a governing day: "On Tuesday, ... at midnight" is read as its start
        if when_mode == "weekday" and not all(
            _tense_ok("weekday", tense, first_day, _local_date(z, published)) for z in {*zones_read, home_zone}
        ):
            when_mode = "weekday_date"
        when = _date_text(first_day, when_mode, draw(st.booleans()))
        lead_text = f"On {when}, {lead_text[0].lower()}{lead_text[1:]}"
    head = f"{dateline.dateline} ({draw(st.sampled_from(('AP', 'Reuters', 'AFP')))}) — " if dateline else ""
    prefix = f"{head}{lead_text} "
    text = prefix + joined + ("" if joined.endswith(".") else ".")
    parts = []
    for i, plan in enumerate(plans):
        s = len(prefix) + starts[i] + rendered[i][1]
        e = len(prefix) + starts[i] + rendered[i][2]
        said_utc = plan.readings[0] if len(plan.readings) == 1 else at
        parts.append(Part(s, e, text[s:e], plan.name, said_utc, plan.readings, plan.clock, plan.day_mode))
    context = _context(draw, published, home, region)
    return Restatement(text, context, at, tuple(parts), connector, cause, target, day_mode)  # type: ignore[arg-type]


def restatements(instant: datetime | None = None, *, perturbation: Cause | Literal["any"] | None = None,
                 min_parts: int = 2, max_parts: int = 3) -> st.SearchStrategy[Restatement]:
    """One sentence stating one instant in two or three zones (:class:`Restatement`).

    Connectors: "5 p.m. Moscow time (1400 GMT)", "(1400 GMT; 10 a.m. EDT)",
    "(1400 GMT), 10 a.m. EDT", "..., or ...", "..., which is ...", "..., i.e. ...",
    "... / ...". Days: none, one governing date ("On Tuesday, ..."), or a day per part.
    ``perturbation`` breaks one part on purpose: ``"dst_slip"`` (an hour off in a
    zone that keeps summer time that year), ``"am_pm_swap"`` (a.m. written for p.m.),
    ``"wrong_day"`` (every part states its day, one is a day off), ``"any"`` (one of
    them or none).

    >>> from hypothesis import find
    >>> case = find(restatements(perturbation="am_pm_swap"), lambda r: True)
    >>> case.expected_cause, case.agrees
    ('am_pm_swap', False)
    """
    if perturbation not in (None, "any", *CAUSES):
        raise InvalidArgument(f"perturbation must be None, 'any' or one of {CAUSES}, not {perturbation!r}")
    if not 2 <= min_parts <= max_parts <= 3:
        raise InvalidArgument("a restatement has 2 or 3 parts: 2 <= min_parts <= max_parts <= 3")
    _aware(instant, "instant")
    return _restatement(instant, perturbation, min_parts, max_parts)


# ---------------------------------------------------------------- articles


@st.composite
def _article(draw: st.DrawFn, min_sentences: int, max_sentences: int) -> Article:
    published = draw(instants())
    zone = draw(st.sampled_from([z for z in NEWS_ZONES if _names(z).datelines]))
    line = draw(st.sampled_from(_names(zone).datelines))
    agency = draw(st.sampled_from(("AP", "Reuters", "AFP")))
    text = f"{line} ({agency}) — "
    home = draw(st.one_of(st.none(), st.sampled_from(NEWS_ZONES)))
    regions = (_country(zone), "US", _country(home) if home else "")
    parts: list[Part] = []
    count = draw(st.integers(min_sentences, max_sentences))
    for _ in range(count):
        tense: Tense = draw(st.sampled_from(("future", "past")))
        sign = 1 if tense == "future" else -1
        at = _minute(published + sign * draw(st.integers(10, 5 * 24 * 60)) * MINUTE)
        at = _in_range(at, FIRST_YEAR, LAST_YEAR)
        styles: list[Style] = ["abbreviation", "generic", "city", "cldr", "offset", "utc", "home"]
        name = draw(zones(at, zone=draw(st.sampled_from((zone, zone, "UTC", *NEWS_ZONES))), styles=styles))
        if name.style == "home":  # no zone, or "local time": the dateline's
            name = ZoneName(zone, draw(st.sampled_from(("", "local time"))), "dateline", home=zone)
            if name.text:
                name = ZoneName(zone, "local time", "local", home=zone)
        if name.region and _picked([z for z, _ in zone_tables().abbreviations[name.text]], regions) != name.zone:
            name = _pinned(name.zone, at)
        zread = name.zone if name.states_zone else zone
        local = _local_date(zread, at)
        wall = _written_wall(at, name)
        modes = ["date", "weekday_date", "date_year"]
        if _tense_ok("weekday", tense, local, _local_date(zread, published)):
            modes.append("weekday")
        if local == _local_date(zread, published):
            modes.append("none")
        mode = draw(st.sampled_from(modes))
        clock = draw(_clock_style(wall, name, mode, tense, True))
        day = local - DAY if clock == "word" and wall.hour == 0 else local
        if clock == "word" and wall.hour == 0 and mode == "weekday" and not _tense_ok(
            "weekday", tense, day, _local_date(zread, published)
        ):
            mode = "weekday_date"
        plan = _Plan(at, name, clock, mode, day, _readings(at, name))
        part_text, s, e = _render(draw, plan)
        lead = draw(st.sampled_from(_FUTURE if tense == "future" else _PAST))
        sentence = f"{lead} {part_text}" + ("" if part_text.endswith(".") else ".")
        start = len(text) + len(lead) + 1 + s
        end = len(text) + len(lead) + 1 + e
        text += sentence
        parts.append(Part(start, end, text[start:end], name, at, plan.readings, clock, mode))
        text += " "
    context = _context(draw, published, home, "US")
    return Article(text.rstrip(), context, tuple(parts), zone)


def articles(min_sentences: int = 2, max_sentences: int = 4) -> st.SearchStrategy[Article]:
    """A short article (:class:`Article`): a dateline ("KYIV, Ukraine (AP) —"), then
    sentences each stating one instant within five days of publication, in the
    dateline's zone ("local time" or no zone), in UTC, or in another named zone.

    >>> from hypothesis import find
    >>> case = find(articles(min_sentences=3), lambda a: True)
    >>> len(case.mentions) >= 3
    True
    """
    if not 1 <= min_sentences <= max_sentences:
        raise InvalidArgument("need 1 <= min_sentences <= max_sentences")
    return _article(min_sentences, max_sentences)
