"""A pair of restatements read as the same instant gets its link without a verdict
(agree._same_reading): the link must be the one _verdict gives the pair."""

from __future__ import annotations

from collections.abc import Sequence
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tzsched
from tzsched import api
from tzsched.agree import _groups, _Member, _same_reading, _verdict
from tzsched.strategies import articles, restatements, statements
from tzsched.types import Context, Mention


def _unlinked(text: str, mentions: Sequence[Mention], dst: str = "report") -> tuple[tuple[Mention, ...], tuple[()]]:
    return tuple(mentions), ()


def _check(text: str, context: Context) -> int:
    """Compare both ways for every group of the mentions as resolved (before any link
    refined them); the number of pairs taken the short way."""
    with mock.patch.object(api, "link_and_refine", _unlinked):
        mentions = tzsched.annotate(text, context).mentions
    taken = 0
    for indices, connectors in _groups(text, mentions):
        connector = "+".join(dict.fromkeys(connectors))
        short = _same_reading(indices, mentions, connector)
        if short is None:
            continue
        taken += 1
        members = [_Member(i, mentions[i], mentions[i].resolution, context.dst) for i in indices]
        refined: dict[int, _Member] = {}
        assert short == _verdict(members, connector, refined), text
        assert not refined  # nothing about the members changes
    return taken


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(restatements(perturbation="any"), restatements(), articles(), statements()))
def test_the_short_way_gives_the_verdicts_link(case) -> None:  # type: ignore[no-untyped-def]
    _check(case.text, case.context)


def test_sentences_of_each_kind() -> None:
    ctx = Context.parse("2025-05-19T10:00:00-04:00", home="America/New_York")
    taken = 0
    for text in ("The vote ends at 5 p.m. EDT (2100 GMT).", "It starts at noon EDT / 1600 GMT.",
                 "Talks resume at 3 p.m. local time (1900 GMT).", "Polls close at 8 p.m. ET, or 0000 GMT Tuesday.",
                 "About 10 a.m. Eastern (1400 GMT) the rally began.", "From 9 to 11 a.m. EDT (1300-1500 GMT)."):
        taken += _check(text, ctx)
    assert taken >= 3
