"""Every patch of Textual and textual-serve, in one place, pinned to the versions they were made for.

Each module here copies or overrides something private of Textual (or of textual-serve) because the public API
cannot do what the app needs: whole 字 on every frame, a terminal driver that knows what a closed window means,
Chinese line breaking in the editor, a palette and a checkbox in Chinese, the browser server behind a secret.
`manifest.py` says for each what it does, why, the upstream issue, and the full hash of every Textual source it
copies or relies on; tests/tui/test_textual_compat.py walks it.

The copies match one version only. `patches_on()` is the start-up guard: when another Textual is installed it
says so in one log line and every patch stands aside, so the app runs on Textual's stock behaviour (the browser
server, whose patch is its security, refuses to start instead: `serve_patches_on()`). The check costs one stat
of the pinned version's `dist-info` folder; the installed version is looked up only when that is missing.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from appraisal.tui.textual_compat.manifest import TEXTUAL, TEXTUAL_SERVE

# The versions the patches were made for; pyproject.toml pins the same (tests check that they agree).
PINNED = {"textual": TEXTUAL, "textual-serve": TEXTUAL_SERVE}

log = logging.getLogger(__name__)
_MODULES = {"textual": "textual", "textual-serve": "textual_serve"}
_decided: dict[str, bool] = {}


def installed_version(distribution: str) -> str | None:
    """The installed version of `distribution` (None when it is not installed): the pinned one when its
    dist-info folder is beside the package (one stat), else what importlib.metadata says (slower)."""
    spec = importlib.util.find_spec(_MODULES[distribution])
    if spec is None or not spec.submodule_search_locations:
        return None
    site = Path(next(iter(spec.submodule_search_locations))).parent
    if (site / f"{_MODULES[distribution]}-{PINNED[distribution]}.dist-info").is_dir():
        return PINNED[distribution]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def _decide(distribution: str) -> bool:
    if distribution not in _decided:
        found = installed_version(distribution)
        _decided[distribution] = found == PINNED[distribution]
        if not _decided[distribution]:
            log.warning(
                "%s %s is installed, the patches in appraisal.tui.textual_compat were made for %s: they are off, "
                "%s runs as it comes",
                distribution,
                found,
                PINNED[distribution],
                distribution,
            )
    return _decided[distribution]


def patches_on() -> bool:
    """Whether the installed Textual is the one the patches were made for (decided, and logged, once)."""
    return _decide("textual")


def serve_patches_on() -> bool:
    """Whether the installed textual-serve is the one the browser server's patch was made for."""
    return _decide("textual-serve")
