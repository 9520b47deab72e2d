"""The command line. Each subcommand is a module in `appraisal.commands` listed in COMMANDS.

Nothing here imports Textual: only the TUI commands import it, inside their `run`, so scripts start fast.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol

from appraisal import __version__
from appraisal.chinese_argparse import VERSION_HELP, ChineseArgumentParser
from appraisal.errors import AppraisalError

# Order is the order of `appraisal --help`.
COMMANDS = [
    "new",
    "edit",
    "list",
    "templates",
    "check",
    "import_",
    "export",
    "history",
    "fill",
    "note",
    "assist",
    "unlock",
    "serve",
    "review",
]

# Commands that run once, hold nothing open at their end and end their process at once (`entry`).
SHORT_COMMANDS = frozenset({"check"})
# The editor's faces, which collect garbage seldom until their first frame is drawn (`appraisal.app.garbage`).
EDITOR_COMMANDS = frozenset({None, "edit"})


class Command(Protocol):
    NAME: str
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def command_typed(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` starts with, when it is one (`check`, `import`…); None otherwise (`--help`, nothing,
    a typing slip)."""
    if argv and argv[0] in {module_name.rstrip("_") for module_name in COMMANDS}:  # a module is named by its NAME
        return argv[0]
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand; with `command` (the one the user typed first), of that one alone, so the
    other command modules are not loaded (10 ms of every command). `appraisal --help`, and a command that is not
    one, get the whole parser: the list of commands and the nearest one to a slip."""
    parser = ChineseArgumentParser(
        prog="appraisal",
        description="考核自评助手：按表格栏目撰写年度考核个人总结，检查常见问题，导出 Word、纯文本、Markdown、HTML。",
        epilog="不带参数运行时打开编辑界面：继续最近的草稿，或新建一份。",
    )
    parser.add_argument("--version", action="version", version=f"appraisal {__version__}", help=VERSION_HELP)
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令", parser_class=ChineseArgumentParser)
    for module_name in COMMANDS:
        if command is not None and module_name.rstrip("_") != command:
            continue
        command_module: Command = importlib.import_module(f"appraisal.commands.{module_name}")
        command_parser = sub.add_parser(command_module.NAME, help=command_module.HELP, description=command_module.HELP)
        command_module.add_arguments(command_parser)
        command_parser.set_defaults(run=command_module.run)
        parser.command_names.append(command_module.NAME)
    return parser


def _escape_unencodable(error: UnicodeError) -> tuple[str | bytes, int]:
    """`surrogateescape`, and a `\\udxxx` escape for the lone surrogates it cannot give back as bytes."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    piece = error.object[error.start : error.end]
    if all("\udc80" <= ch <= "\udcff" for ch in piece):
        return bytes(ord(ch) - 0xDC00 for ch in piece), error.end
    return piece.encode("ascii", "backslashreplace").decode("ascii"), error.end


codecs.register_error("appraisal-surrogateescape", _escape_unencodable)


def _tolerant_stdout() -> None:
    """Printing the user's text must never end in a traceback: a lone surrogate from a damaged draft, or a
    character a GBK console lacks, is written as a `\\uxxxx` escape. Where the locale already gives back
    undecodable file-name bytes (`surrogateescape`, the C.UTF-8 locale), those bytes still go out as they were."""
    errors = getattr(sys.stdout, "errors", None)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is None or errors not in ("strict", "surrogateescape"):
        return
    with contextlib.suppress(ValueError, OSError, LookupError):
        reconfigure(errors="appraisal-surrogateescape" if errors == "surrogateescape" else "backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_stdout()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_typed(argv))
    args = parser.parse_args(argv)  # --help and --version end here, before anything else is loaded

    from appraisal import paths
    from appraisal.app.warm_start import warm_start
    from appraisal.logs import configure_logging

    paths.resolve()  # the environment, read once for the whole command
    configure_logging()
    warm_start()  # compiled patterns and parsed data files kept by the last run: ~1 ms instead of 70-100 ms
    try:
        if getattr(args, "run", None) is None:
            from appraisal.commands import start

            return start.run(args)
        result: int = args.run(args)
        return result
    except AppraisalError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    """The console script: `main` in a process of its own, which a short command ends at once
    (`appraisal.app.short_command`) and the editor starts with few collections of garbage."""
    from appraisal.app import garbage, short_command

    argv = sys.argv[1:]
    command = command_typed(argv)
    if command in SHORT_COMMANDS:
        short_command.start()
    elif command in EDITOR_COMMANDS:
        garbage.collect_seldom()
    short_command.leave(main(argv))


if __name__ == "__main__":
    entry()
