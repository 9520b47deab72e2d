"""The collector's thresholds while a face starts (`appraisal.app.garbage`): seldom collections until the face is
up, then the thresholds as they were; nothing changes for a process that never asked."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest

from appraisal.app import garbage


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """This process's thresholds, put back whatever the test did."""
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)
    garbage._usual = None


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's collector")
def test_seldom_until_as_usual(thresholds: tuple[int, int, int]) -> None:
    garbage.collect_seldom()
    assert gc.get_threshold() == (garbage.YOUNGEST, garbage.OLDER, garbage.OLDER)
    garbage.collect_seldom()  # asked again: the usual thresholds are still the ones from before
    garbage.collect_as_usual()
    assert gc.get_threshold() == thresholds


def test_as_usual_without_seldom_changes_nothing(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(1234, 5, 6)
    garbage.collect_as_usual()
    assert gc.get_threshold() == (1234, 5, 6)
