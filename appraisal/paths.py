"""Where things live: `APPRAISAL_HOME` when set (tests and portable use), else the platform's dirs."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "appraisal"


def home_override() -> Path | None:
    """The `APPRAISAL_HOME` folder, read on every call so tests can change it."""
    value = os.environ.get("APPRAISAL_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = home_override()
    return home if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    home = home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Files the program can always make again (the checker's prebuilt dictionary): losing them costs only time."""
    home = home_override()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def user_templates_dir() -> Path:
    return config_dir() / "templates"


def export_dir() -> Path:
    """Where exports go unless the user chose a folder for the draft: the user's Documents folder, where a Word
    file is looked for (never the current folder: started from a source checkout, that buries the files in the
    project's tree; nor beside the draft, in a hidden data folder). Under APPRAISAL_HOME, its `exports` folder:
    portable use keeps everything together, and tests never write into the user's home."""
    home = home_override()
    if home:
        return home / "exports"
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) and make it 0700: drafts are personal data."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    if os.name == "posix" and missing:
        os.chmod(path, 0o700)
    return path
