"""Result and context types: frozen, slotted, picklable, JSON-serialisable.

>>> from tzsched import Context, annotate
>>> ann = annotate("They meet at 5 p.m. Moscow time.", Context.parse("2025-05-19T10:00:00-04:00"))
>>> ann.mentions[0].resolution.start.isoformat()
'2025-05-19T14:00:00+00:00'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache, lru_cache
from typing import Any, Literal, final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ._frozen import direct_init
from .errors import ContextError, UnknownZoneError

__all__ = [
    "Annotation",
    "Context",
    "Dateline",
    "DstPolicy",
    "Granularity",
    "Link",
    "Mention",
    "Note",
    "Reading",
    "Resolution",
    "Said",
    "TimexType",
    "ZoneSource",
    "iso_z",
    "tzinfo_for",
    "zone_info",
]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "second",
    "minute",
    "hour",
    "part_of_day",
    "day",
    "weekend",
    "week",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
    "duration",
    "set",
    "reference",
]
# Why a zone was used, strongest first: named in the text (a city, an IANA id, an
# offset), an abbreviation, the article's dateline, the caller's home zone, a
# restatement that fixes the instant, or nothing at all (UTC with a note).
ZoneSource = Literal["explicit", "abbreviation", "offset", "dateline", "home", "link", "default"]
# What to do with a wall time in a DST gap or fold: "report" takes the earlier
# reading (zoneinfo's fold=0) and attaches a note with the other reading.
DstPolicy = Literal["report", "earlier", "later"]

# the publication years a Context accepts (Python's dates hold the years 1 to 9999)
_FIRST_YEAR, _LAST_YEAR = 2, 9998
_LOCALE_RE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?(?:[-_][A-Za-z0-9]{2,8})*")


# Files in a system zoneinfo directory that ZoneInfo loads but that name the machine's
# configured zone, not an IANA zone (Debian links "localtime" to /etc/localtime): taken
# as a home they would make the output depend on the machine.
_SYSTEM_ZONE_FILES = frozenset({"localtime", "posixrules"})


@lru_cache(maxsize=1024)
def zone_info(zone: str) -> ZoneInfo:
    """The ZoneInfo for an IANA id, or UnknownZoneError naming it.

    >>> zone_info("Europe/Kyiv").key
    'Europe/Kyiv'
    """
    if not isinstance(zone, str) or not zone or zone.startswith(("/", ".")) or ".." in zone \
            or zone in _SYSTEM_ZONE_FILES:
        raise UnknownZoneError(str(zone))
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UnknownZoneError(zone) from exc


@lru_cache(maxsize=256)
def tzinfo_for(zone: str) -> tzinfo:
    """The tzinfo for an IANA id, "UTC", or a fixed offset written "UTC+05:30".

    >>> tzinfo_for("UTC+05:30").utcoffset(None)
    datetime.timedelta(seconds=19800)
    """
    if zone == "UTC":
        return UTC
    if len(zone) == 9 and zone.startswith(("UTC+", "UTC-")) and zone[6] == ":":
        try:
            delta = timedelta(hours=int(zone[4:6]), minutes=int(zone[7:9]))
        except ValueError:
            raise UnknownZoneError(zone) from None
        return timezone(delta if zone[3] == "+" else -delta)
    return zone_info(zone)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names in order (``fields()`` rebuilds its tuple on every call)."""
    return tuple(f.name for f in fields(cls))


def iso_z(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z`` suffix ("2025-05-19T14:00:00Z")."""
    if moment is None:
        return None
    utc = moment.astimezone(UTC)
    # Four-digit years always (ISO 8601; strftime's %Y leaves years before 1000 unpadded on
    # glibc). Every record formats two or more instants, so this is the cheapest spelling:
    # %-format of the fields takes 0.8 us, an f-string 1.2 us, strftime 1.8 us.
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (  # noqa: UP031
        utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)


@final
@direct_init
@dataclass(frozen=True, slots=True)
class Note:
    """A coded remark on a result: ambiguity, a DST edge, an inferred value."""

    code: str
    message: str
    alternatives: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.alternatives:
            out["alternatives"] = list(self.alternatives)
        return out


@final
@dataclass(frozen=True, slots=True)
class Context:
    """The publication context every mention is resolved against.

    ``published`` is an aware datetime, or a :class:`datetime.date` when only the day
    is known (then nothing finer than a day is inferred from it). ``home`` is the
    article's IANA zone; a dateline in the text takes precedence for unzoned times
    when ``detect_dateline`` is true. Use :meth:`parse` to build one from strings.

    >>> Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto").home
    'America/Toronto'
    """

    published: datetime | date
    home: str | None = None
    locale: str = "en-US"
    detect_dateline: bool = True
    dst: DstPolicy = "report"

    def __post_init__(self) -> None:
        pub = self.published
        if isinstance(pub, datetime):
            if pub.tzinfo is None or pub.utcoffset() is None:
                raise ContextError(
                    f"published {pub.isoformat()!r} is a naive datetime: give an offset, "
                    "or use Context.parse(..., home=ZONE) to read it in a zone"
                )
        elif not isinstance(pub, date):
            raise ContextError(f"published must be a datetime or date, not {type(pub).__name__}: {pub!r}")
        if not _FIRST_YEAR <= pub.year <= _LAST_YEAR:
            # 0001-01-01 and 9999-12-31 are what databases store for "no date"; and a day
            # either side of the publication must exist in every zone
            raise ContextError(f"published {pub.isoformat()!r} lies outside the years {_FIRST_YEAR} to "
                               f"{_LAST_YEAR} that tzsched resolves against")
        if self.home is not None:
            zone_info(_home_id(self.home))
        if not isinstance(self.locale, str) or not _LOCALE_RE.fullmatch(self.locale):
            raise ContextError(f"locale {self.locale!r} is not a locale tag such as 'en-US'")
        if self.dst not in ("report", "earlier", "later"):
            raise ContextError(f"dst policy {self.dst!r} is not one of 'report', 'earlier', 'later'")

    @property
    def precision(self) -> Literal["day", "second"]:
        """``"day"`` when only the publication date is known."""
        return "second" if isinstance(self.published, datetime) else "day"

    @property
    def region(self) -> str:
        """The locale's region in upper case ("US" for "en-US"), or "" when absent."""
        return _locale_region(self.locale)

    def published_utc(self) -> datetime | None:
        """The publication instant in UTC, None when only the day is known."""
        if isinstance(self.published, datetime):
            return self.published.astimezone(UTC)
        return None

    def local_date(self, zone: str) -> date:
        """The publication date as a calendar date in ``zone``."""
        if isinstance(self.published, datetime):
            return self.published.astimezone(tzinfo_for(zone)).date()
        return self.published

    @classmethod
    def parse(
        cls,
        published: str | datetime | date,
        home: str | None = None,
        locale: str = "en-US",
        *,
        assume_utc: bool = False,
        detect_dateline: bool = True,
        dst: DstPolicy = "report",
    ) -> Context:
        """Build a context from an ISO 8601 string, an RFC 2822 date (RSS), a date or a datetime.

        A naive value is read in ``home`` when given, in UTC when ``assume_utc``,
        and is an error otherwise. A date alone ("1998-02-06") gives day precision.

        >>> Context.parse("Mon, 19 May 2025 10:00:00 -0400").published.isoformat()
        '2025-05-19T10:00:00-04:00'
        >>> Context.parse("1998-02-06").precision
        'day'
        """
        if home is not None:
            zone_info(_home_id(home))
        value = _parse_published(published)
        if isinstance(value, datetime) and value.tzinfo is None:
            if home is not None:
                value = value.replace(tzinfo=zone_info(home))
            elif assume_utc:
                value = value.replace(tzinfo=UTC)
            else:
                raise ContextError(
                    f"published {published!r} has no offset: pass home=ZONE or assume_utc=True"
                )
        return cls(published=value, home=home, locale=locale, detect_dateline=detect_dateline, dst=dst)

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published.isoformat(),
            "home": self.home,
            "locale": self.locale,
            "detect_dateline": self.detect_dateline,
            "dst": self.dst,
        }


def _home_id(home: object) -> str:
    """``home`` when it is a string (zone_info then checks it); else a ContextError,
    before the zone cache would fail to hash a list or a dict."""
    if not isinstance(home, str):
        raise ContextError(f"home must be an IANA zone id string such as 'Europe/Kyiv', not "
                           f"{type(home).__name__}: {home!r}")
    return home


@lru_cache(maxsize=64)
def _locale_region(locale: str) -> str:
    """Context.region, worked out once per locale: every document asks for it."""
    parts = locale.replace("_", "-").split("-")
    return parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 else ""


_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMPACT_DATE_RE = re.compile(r"\d{8}")


def _parse_published(published: str | datetime | date) -> datetime | date:
    if isinstance(published, (datetime, date)):
        return published
    if not isinstance(published, str):
        raise ContextError(f"published must be a string, datetime or date, not {type(published).__name__}")
    text = published.strip()
    if not text:
        raise ContextError("published is empty: give an ISO 8601 or RFC 2822 date")
    try:
        if _ISO_DATE_RE.fullmatch(text):
            return date.fromisoformat(text)
        if _COMPACT_DATE_RE.fullmatch(text):
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None:
        raise ContextError(f"published {published!r} is not an ISO 8601 or RFC 2822 date")
    # RFC 2822's "-0000" means "offset unknown", which the email module returns naive.
    return parsed


@final
@direct_init
@dataclass(frozen=True, slots=True)
class Dateline:
    """A news dateline at the head of the text ("KYIV, Ukraine (AP) —")."""

    start: int
    end: int
    city: str
    zone: str
    region: str | None = None
    agency: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None  # "LAGOS, March 13, 2025 (Reuters) -"

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _field_names(Dateline)}


@final
@direct_init
@dataclass(frozen=True, slots=True)
class Said:
    """What the text itself said, before anything was implied from context.

    Every field is None when the text did not say it. ``shift`` with ``unit`` is a
    relative step ("last week": -1 week); ``anchor`` says what it is relative to.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    hour: int | None = None
    minute: int | None = None
    meridiem: str | None = None  # "am" / "pm" as written
    part_of_day: str | None = None  # TimeML: MO, MI, AF, EV, NI, DT
    zone_text: str | None = None
    relative_day: int | None = None  # today 0, yesterday -1, tomorrow 1
    shift: int | None = None
    unit: str | None = None
    anchor: str | None = None  # "publication" or "reference"
    quarter: int | None = None
    half: int | None = None
    season: str | None = None  # SP, SU, FA, WI
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 1900s / 20th century
    amount: float | None = None  # a duration's count; None when vague ("years")
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    mod: str | None = None  # TimeML mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN, ...
    fiscal: bool = False
    until_hour: int | None = None  # end of a clock range
    until_minute: int | None = None
    until_day: int | None = None  # end of a day range ("May 5-7")
    set_unit: str | None = None  # for sets: the period
    # a name written as a zone that is none ("3 p.m. Party time"): outside the span,
    # kept for an unknown_zone_name note
    unknown_zone: str | None = None
    week_of_month: int | None = None  # "the first week of January": 1; "the last week of": -1
    until_amount: float | None = None  # the larger count of a duration range ("three to four weeks")
    # weeks after the weekday the rest says ("Thursday week", "a fortnight on Saturday": 1, 2;
    # "the Friday before last": -1 from last Friday)
    weeks_after: int | None = None

    def to_dict(self) -> dict[str, Any]:
        said = ((name, getattr(self, name)) for name in _field_names(Said))
        return {name: value for name, value in said if value not in (None, False)}


@final
@direct_init
@dataclass(frozen=True, slots=True)
class Reading:
    """An alternative reading of an ambiguous mention (another zone, the other side of a fold)."""

    label: str
    start: datetime
    end: datetime
    zone: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "utc_start": iso_z(self.start), "utc_end": iso_z(self.end), "zone": self.zone}


@final
@direct_init
@dataclass(frozen=True, slots=True)
class Resolution:
    """What a mention means: a UTC half-open interval ``[start, end)`` (None for
    durations, sets and vague references), its granularity, the wall-clock value as
    stated, the zone and why it was used, and the TIMEX3 type and value."""

    timex_type: TimexType
    value: str
    granularity: Granularity
    start: datetime | None = None
    end: datetime | None = None
    local: str | None = None
    zone: str | None = None
    zone_source: ZoneSource | None = None
    approximate: bool = False
    mod: str | None = None
    notes: tuple[Note, ...] = ()
    alternatives: tuple[Reading, ...] = ()

    @property
    def is_instant(self) -> bool:
        """True for clock times: the interval is one minute (or second) wide."""
        return self.granularity in ("minute", "second")

    @property
    def duration(self) -> timedelta | None:
        if self.start is None or self.end is None:
            return None
        return self.end - self.start


@final
@direct_init
@dataclass(frozen=True, slots=True)
class Mention:
    """One time expression found in the text, with its resolution.

    ``start``/``end`` are character offsets into the annotated text; ``rule`` names the
    extraction rule that matched (provenance); ``said`` holds what the text stated.
    """

    start: int
    end: int
    text: str
    rule: str
    said: Said
    resolution: Resolution

    def to_record(self) -> dict[str, Any]:
        """The flat JSON Lines record (the public ``tzsched extract --jsonl`` schema)."""
        res = self.resolution
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": res.timex_type,
            "value": res.value,
            "utc_start": iso_z(res.start),
            "utc_end": iso_z(res.end),
            "granularity": res.granularity,
            "zone": res.zone,
            "zone_source": res.zone_source,
            "approximate": res.approximate,
            "notes": [n.to_dict() for n in res.notes],
            "mod": res.mod,
            "local": res.local,
            "rule": self.rule,
            "alternatives": [a.to_dict() for a in res.alternatives],
        }


@final
@direct_init
@dataclass(frozen=True, slots=True)
class Link:
    """Mentions that restate one moment, and whether they agree.

    ``members`` are indices into :attr:`Annotation.mentions`. ``delta_seconds`` is the
    largest difference between members' UTC starts; ``cause`` names the likely reason
    of a disagreement (or of an agreement reached by reading a label loosely).
    """

    members: tuple[int, ...]
    agree: bool
    delta_seconds: float
    cause: str | None
    tolerance_seconds: float
    connector: str = ""
    notes: tuple[Note, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {
            "members": list(self.members),
            "agree": self.agree,
            "delta_seconds": self.delta_seconds,
            "cause": self.cause,
            "tolerance_seconds": self.tolerance_seconds,
            "connector": self.connector,
            "notes": [n.to_dict() for n in self.notes],
        }


@final
@direct_init
@dataclass(frozen=True, slots=True)
class Annotation:
    """Every time expression of one text, resolved, and the links between them."""

    text: str
    context: Context
    home: str
    home_source: ZoneSource
    dateline: Dateline | None
    mentions: tuple[Mention, ...]
    links: tuple[Link, ...] = field(default=())

    def to_record(self, article_id: Any = None) -> dict[str, Any]:
        """The JSON Lines record of ``tzsched extract --jsonl`` for this text."""
        return {
            "id": article_id,
            "mentions": [m.to_record() for m in self.mentions],
            "links": [link.to_record() for link in self.links],
            "home": self.home,
            "home_source": self.home_source,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "published": self.context.published.isoformat(),
        }

    def to_json(self, article_id: Any = None) -> str:
        import json  # here, not at the top: ``import tzsched`` alone need not load it

        return json.dumps(self.to_record(article_id), ensure_ascii=False, separators=(",", ":"))

