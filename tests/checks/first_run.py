"""A checker model made as a first run makes it: from its data files, in an empty cache folder, which writes its
prebuilt copy. The damage tests make it once per module and start each case from a copy of that."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from appraisal import paths

T = TypeVar("T")


def first_run(
    tmp_path_factory: pytest.TempPathFactory, model: Callable[[], T], cached: Any, copy_glob: str
) -> tuple[str, T]:
    """(the prebuilt copy's file name, the model) after `model()` in a new home; `cached` is the per-process
    cache of the loader (emptied before and after, so the process reads no other home's model)."""
    home = tmp_path_factory.mktemp("first-run")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("APPRAISAL_HOME", str(home))
        paths.resolve()
        cached.cache_clear()
        try:
            made = model()
            (prebuilt,) = (home / "cache").glob(copy_glob)
        finally:
            cached.cache_clear()
    paths.resolve()
    return prebuilt.name, made
