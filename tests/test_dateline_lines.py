"""find_dateline tries its pattern at line starts alone, and only at lines that may hold
a dateline it takes: it must find what a search of the whole head finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tzsched.discourse import _DATELINE, find_dateline
from tzsched.lexicon import lexicon
from tzsched.types import Dateline
from tzsched.zones import city, region_zones


def _reference(text: str) -> Dateline | None:
    """find_dateline as it was, with _DATELINE.finditer over the head."""
    for m in _DATELINE.finditer(text[:600]):
        if m.group("title") and not m.group("agency"):
            continue
        name = m.group("city").strip().rstrip(",")
        region = (m.group("region") or "").strip() or None
        place_zone = lexicon().dateline_places.get(" ".join(name.lower().split()))
        if place_zone is not None:
            return Dateline(start=m.start("city"), end=m.end(), city=name.title(), zone=place_zone,
                            region=region, agency=m.group("agency"))
        found = city(name.title(), region) or city(name, region)
        if found is None and region is None:
            continue
        zone = found.zone if found else None
        if zone is None and region is not None:
            zones = region_zones(region)
            if found is None and not zones:
                continue
            zone = zones[0] if zones else None
        if zone is None:
            continue
        month = day = None
        if m.group("mon"):
            month = lexicon().months.get(m.group("mon").rstrip(".").lower())
            day = int(m.group("day")) if month else None
        return Dateline(start=m.start("city"), end=m.end(), city=found.name if found else name.title(), zone=zone,
                        region=region, agency=m.group("agency"), month=month, day=day)
    return None


# dateline parts in capitals and title case, places the lexicon and gazetteer know and do
# not, agencies, dates, dashes, blanks, line breaks, and prose that looks like a head
_PIECES = [
    "\n", "\n\n", " ", "\t", ", ", ",", "NAIROBI", "Nairobi", "PARIS", "Paris", "UNITED NATIONS", "NEW YORK",
    "New York", "PERTH", "SPRINGFIELD", "Kenya", "Scotland", "Ill.", "France", "(AP)", "(AFP)", " (Reuters) ",
    "(", ")", "May 19", "Oct. 3", " — ", " – ", " -- ", " - ", " _ ", ":", "-", "_", "The", "Officials said",
    "Brussels", "ZZYZX", "A", "B.", "O'NEILL", "St. Louis", "Mo.", "1998", "said on Monday", "x" * 40,
]
_HEADS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400)
@given(_HEADS)
def test_line_starts_find_what_the_search_finds(text: str) -> None:
    assert find_dateline(text) == _reference(text)


@given(_HEADS, _HEADS)
def test_a_dateline_past_the_first_line(first: str, second: str) -> None:
    text = first + "\n" + second + "\nNAIROBI, Kenya (AP) _ Bombs exploded."
    assert find_dateline(text) == _reference(text)


def test_heads_of_each_kind() -> None:
    for text in ("\n\nNAIROBI, Kenya (AP) _\n\nBombs exploded.", "Brussels (AFP) - Ministers met.",
                 "The mayor said:\nPARIS, May 19 (Reuters) - Talks resumed.", "Officials said - nothing.",
                 "\tDAR ES SALAAM, Tanzania (AP) _ The blast", "No dateline here.\nNor here."):
        assert find_dateline(text) == _reference(text), text
    assert find_dateline("The mayor said:\nPARIS, May 19 (Reuters) - Talks resumed.") is not None
