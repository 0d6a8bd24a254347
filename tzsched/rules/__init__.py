"""Extraction rules, one module per expression family.

The order of :func:`all_rules` is the order in which rules are tried at a position:
longer and more specific shapes come first, so that "the past 20 years" is a
duration before "the past" can be a vague reference, and "from 9 to 11 a.m." is a
range before "11 a.m." can be a clock time.
"""

from __future__ import annotations

from . import clock, date, duration, relative
from .base import Piece, Rule

__all__ = ["Piece", "Rule", "all_rules"]


def _by_id(rules: list[Rule]) -> dict[str, Rule]:
    return {r.id: r for r in rules}


def all_rules() -> list[Rule]:
    c = _by_id(clock.rules())
    d = _by_id(date.rules())
    r = _by_id(relative.rules())
    u = _by_id(duration.rules())
    order = [
        c["range.clock"], d["date.iso"], d["date.numeric"],
        c["clock.military"], c["clock.24h"], c["clock.meridiem"], c["clock.oclock"], c["clock.word"],
        d["date.month_day"], d["date.day_month"], d["date.month_year"],
        d["date.quarter"], d["date.fiscal_year"], d["date.decade"], d["date.century"],
        r["rel.day_far"], r["rel.next_day"], r["rel.weekend"],
        u["dur.count"], u["dur.the_past_unit"],
        r["rel.unit"], d["date.season"], d["date.holiday"],
        r["rel.weekday"], r["rel.day"], r["rel.part_of_day"],
        u["set.every"], u["set.word"], r["ref.recent_units"], u["dur.vague_long"], u["dur.vague"],
        d["date.month"], r["ref.word"], d["date.year"],
    ]
    ids = [rule.id for rule in order]
    every = {**c, **d, **r, **u}
    missing = sorted(set(every) - set(ids))
    if missing or len(ids) != len(set(ids)):
        raise AssertionError(f"rule order lists {ids}; missing {missing}")
    return order
