"""tzsched.testing: the checks hold an extractor to generated cases the same way on every machine."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import find

from tzsched.strategies import statements
from tzsched.testing import assert_resolves


def _case() -> object:
    return find(statements(datetime(2025, 5, 19, 14, 0, tzinfo=UTC), "UTC"), lambda s: True)


def test_the_right_aware_instant_passes() -> None:
    case = _case()
    assert_resolves(case, lambda text, ctx: [datetime(2025, 5, 19, 14, 0, tzinfo=UTC)])  # type: ignore[arg-type]


@pytest.mark.parametrize("as_triple", [False, True])
def test_a_naive_datetime_from_the_extractor_fails_whatever_the_process_zone(as_triple: bool) -> None:
    """A naive datetime was converted with astimezone(), which reads the process's zone:
    an extractor returning naive UTC wall times passed under TZ=UTC and failed elsewhere,
    with a message showing an instant the extractor never returned."""
    case = _case()
    naive = datetime(2025, 5, 19, 14, 0)

    def extract(text: str, ctx: object) -> list[object]:
        return [(case.part.start, case.part.end, naive)] if as_triple else [naive]  # type: ignore[attr-defined]

    with pytest.raises(AssertionError, match="naive datetime 2025-05-19T14:00:00"):
        assert_resolves(case, extract)  # type: ignore[arg-type]
