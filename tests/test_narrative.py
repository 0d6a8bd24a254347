"""Histories and obituaries: a yearless date takes the year the story is in, not the year
of publication, and a story goes on in that year from one date to the next."""

from __future__ import annotations

import tzsched
from tzsched.resolve import _NARRATIVE_REACH

_CTX = tzsched.Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")

# Twelve sentences with no time expression, about 1,100 characters.
_NO_DATES = " ".join([
    "The crews cut through shale with hand drills and black powder, and the spoil was carted away by mule.",
    "Engineers argued over the depth of the cut and over the width of the towpath along the bank.",
    "Farmers along the route sold hay, timber and salted pork to the camps at rising prices.",
    "A fever ran through the camps near the marsh and many labourers walked home to their villages.",
    "The company borrowed from merchants in the port city and paid the crews partly in scrip.",
    "Stone for the lock walls came by wagon from a quarry on the far side of the ridge.",
    "Newspapers in the capital mocked the project as a ditch that would never hold water.",
    "The chief engineer rode the length of the line and wrote long letters to the board.",
    "Several contractors failed and their sections were let again to the next lowest bidders.",
    "Masons from abroad were hired for the aqueduct, which was the hardest work on the line.",
    "At the summit the cut ran through clay that slid back into the trench after every heavy rain.",
    "Boat builders along the river began laying down hulls for barges that would carry grain and coal.",
])

# Between the stated year and the last date: farther than a yearless date looks back for
# a year (_NARRATIVE_REACH), in two stretches each nearer than that.
_STRETCH = " ".join([_NO_DATES] * 2) + " "
_HISTORY = (
    "The canal was first proposed in 1821 and surveyed in 1824. Work began in 1829, "
    "stalled in 1831 and resumed in 1833. "
    + _STRETCH
    + "On 14 June the first lock was finished. "
    + _STRETCH
    + "By 2 August water stood in the upper reach."
)


def _values(text: str) -> dict[str, str]:
    return {m.text: m.resolution.value for m in tzsched.annotate(text, _CTX).mentions}


def test_a_yearless_date_in_a_history_takes_the_year_the_story_is_in() -> None:
    assert _values(_HISTORY)["14 June"] == "1833-06-14"


def test_the_story_goes_on_in_that_year_past_the_reach_of_the_stated_year() -> None:
    assert _HISTORY.index("2 August") - _HISTORY.index("1833") > _NARRATIVE_REACH
    assert len(_STRETCH) < _NARRATIVE_REACH
    assert _values(_HISTORY)["2 August"] == "1833-08-02"


def test_a_date_near_publication_breaks_the_chain() -> None:
    # the date the chain would go on from took a year near publication: 2 August does too
    text = _HISTORY.replace("On 14 June the first lock was finished.",
                            "On 14 June 2024 the canal society met.")
    values = _values(text)
    assert values["14 June 2024"] == "2024-06-14"
    assert not values["2 August"].startswith("1833")


def test_news_is_not_read_as_a_history() -> None:
    text = "The council voted on 14 March. " + _NO_DATES + " By 2 April the works had resumed."
    values = _values(text)
    assert (values["14 March"], values["2 April"]) == ("2025-03-14", "2025-04-02")


def test_would_and_later_look_ahead_from_the_story_not_from_publication() -> None:
    text = _HISTORY.replace("On 14 June the first lock was finished.",
                            "The board said the first lock would open on 14 June.")
    assert _values(text)["14 June"] == "1833-06-14"


def test_will_looks_ahead_from_publication_even_in_a_life_story() -> None:
    obituary = ("Mara Ellison was born in 1931 and studied botany in 1950. She married in 1955, "
                "moved north in 1962 and retired in 1991. A memorial will be held on 14 June.")
    assert _values(obituary)["14 June"] == "2025-06-14"


def test_a_season_and_this_year_in_a_history_are_the_story_s() -> None:
    text = (_HISTORY.split("On 14 June")[0] + "During the summer the crews reached the ridge, and by the end of "
            "the year the upper locks held water.")
    values = _values(text)
    assert values["the summer"] == "1833-SU"
    assert values["the end of the year"] == "1833"


def test_a_season_in_news_is_the_one_near_publication() -> None:
    values = _values("The council voted in 1990 to widen the canal. During the summer the crews will dredge it.")
    assert values["the summer"] == "2025-SU"
