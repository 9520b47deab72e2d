"""Where things live: `APPRAISAL_HOME` when set (tests and portable use), else the platform's dirs.

The environment is read once, at the top of each face (`resolve`: the command line's `main`, the app a browser
tab runs), and every folder below is taken from that reading. Library code used without a face (a script, a
benchmark) resolves on first use. Tests set `APPRAISAL_HOME` and then resolve, as a face would at start.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "appraisal"


@dataclass(frozen=True)
class Places:
    """The program's folders, as resolved from the environment."""

    data: Path
    config: Path
    cache: Path  # files the program can always make again (the checker's prebuilt dictionary)
    exports: Path  # where exports go unless the user chose a folder for the draft (see `export_dir`)


_places: Places | None = None


def resolve(environ: Mapping[str, str] = os.environ) -> Places:
    """Read the environment (again) and make it the one every folder is taken from: called at the top of a face."""
    global _places
    value = environ.get("APPRAISAL_HOME")
    if value:
        home = Path(value).expanduser()
        _places = Places(data=home, config=home / "config", cache=home / "cache", exports=home / "exports")
    else:
        documents = Path(platformdirs.user_documents_dir())
        _places = Places(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            exports=documents if documents.is_dir() else Path.home(),
        )
    return _places


def places() -> Places:
    """The folders as resolved at the top of the face, or now when nothing has resolved them yet."""
    return _places if _places is not None else resolve()


def data_dir() -> Path:
    return places().data


def config_dir() -> Path:
    return places().config


def cache_dir() -> Path:
    """Files the program can always make again (the checker's prebuilt dictionary): losing them costs only time."""
    return places().cache


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def user_templates_dir() -> Path:
    return config_dir() / "templates"


def export_dir() -> Path:
    """Where exports go unless the user chose a folder for the draft: the user's Documents folder, where a Word
    file is looked for (never the current folder: started from a source checkout, that buries the files in the
    project's tree; nor beside the draft, in a hidden data folder). Under APPRAISAL_HOME, its `exports` folder:
    portable use keeps everything together, and tests never write into the user's home."""
    return places().exports


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) and make it 0700: drafts are personal data."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    if os.name == "posix" and missing:
        os.chmod(path, 0o700)
    return path
