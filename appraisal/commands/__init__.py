"""One module per subcommand: NAME, HELP, add_arguments(parser), run(args) -> exit code.

Keep imports of heavy modules (Textual, python-docx) inside `run`, so `--help` and other commands start fast.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appraisal.service import Service


def user_service() -> Service:
    """The application layer with the user's settings (`config.toml`), read once, by the command that needs them
    (`list` or `--help` never read it). A file that cannot be read stops the command with its one sentence (the
    TUI says it and goes on with the defaults); a rule switched off there that does not exist is said on stderr."""
    from appraisal.service import Service, Settings

    settings = Settings.load()
    for notice in settings.notices():
        print(notice, file=sys.stderr)
    return Service(settings)
