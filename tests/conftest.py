"""Shared fixtures: paths to the repo's data and to ../shared (skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles (docs/testing.md): "fast" for local runs, "thorough" where CI is set
# (CI sets CI=true); HYPOTHESIS_PROFILE picks one by name. Tests that pass their own
# max_examples keep it; the property tests of tzsched.strategies take the profile's.
settings.register_profile("fast", max_examples=60, deadline=None)
# CI's verdict must be reproducible: the thorough profile draws the same examples every
# run (derandomize); local "fast" runs keep exploring new ones.
settings.register_profile(
    "thorough", max_examples=400, deadline=None, print_blob=True, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("thorough" if os.environ.get("CI") else "fast"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
