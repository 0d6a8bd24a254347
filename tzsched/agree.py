"""Restatement links between mentions, and whether they agree (see issue: agreement)."""

from __future__ import annotations

from collections.abc import Sequence

from .types import Link, Mention

__all__ = ["link_mentions"]


def link_mentions(text: str, mentions: Sequence[Mention]) -> tuple[Link, ...]:
    """Links between mentions that restate one moment. Not built yet: always empty."""
    return ()
