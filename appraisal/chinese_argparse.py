"""argparse speaking Chinese: usage, help, section titles and every error, laid out in terminal cells.

argparse writes its own words in English (`usage:`, `options:`, `show this help message and exit`,
`invalid choice: …`). The parser here titles its sections in Chinese, adds its own `-h` with a Chinese help, and
turns each error argparse can raise into one Chinese sentence (an unknown command gets the nearest one as a
suggestion). The help formatter measures text in terminal cells, since a CJK character takes two, so the columns
line up and wrapped lines fit the terminal.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable
from typing import NoReturn

HELP_HELP = "显示本帮助并退出"
VERSION_HELP = "显示版本号并退出"


def cells(text: str) -> int:
    """The width of `text` on a terminal: wide and full-width characters take two cells."""
    from rich.cells import cell_len  # only when help is shown, as everything below

    return cell_len(text)


_USAGE_PARTS = r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+"  # argparse's own


def wrap(text: str, width: int) -> list[str]:
    """`text` wrapped to `width` cells by the editor's line-breaking rules (禁则; Latin words and numbers with
    their units kept whole), white space collapsed as argparse does."""
    from appraisal.text.line_breaking import break_lines  # pure text; does not load Textual

    return [line.rstrip() for line in break_lines(" ".join(text.split()), width) if line.strip()]


class ChineseHelpFormatter(argparse.HelpFormatter):
    """`用法：` for `usage:`, and widths in terminal cells (argparse counts characters)."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        """argparse's usage, wrapped again in cells, continuation lines under the first argument."""
        text = super()._format_usage(usage, actions, groups, "用法：" if prefix is None else prefix)
        if prefix == "":  # argparse working out a subcommand's prog, not a usage anyone reads
            return text
        prefix = "用法：" if prefix is None else prefix
        rest = " ".join(text.strip().removeprefix(prefix).split()).removeprefix(self._prog).strip()
        parts = re.findall(_USAGE_PARTS, rest)
        width = self._width - self._current_indent
        head = prefix + self._prog
        indent = cells(head) + 1 if cells(head) + 1 <= 0.75 * width else cells(prefix)
        lines = [head]
        for part in parts:
            if cells(lines[-1]) + 1 + cells(part) > width and cells(lines[-1]) > indent:
                lines.append(" " * (indent - 1))
            lines[-1] += " " + part
        return "\n".join(lines) + "\n\n"

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            widths = [cells(self._format_action_invocation(action)) + self._current_indent]
            widths += [cells(self._format_action_invocation(sub)) + self._current_indent for sub in _commands(action)]
            self._action_max_length = max(self._action_max_length, *widths)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width))

    def _format_action(self, action: argparse.Action) -> str:
        """argparse's own layout, with the invocation's width in cells. Commands are listed at the level of the
        options (argparse puts a line with the metavar above them and indents them under it)."""
        if isinstance(action, argparse._SubParsersAction):
            return self._join_parts([self._format_action(command) for command in _commands(action)])
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        parts: list[str] = []
        help_text = self._expand_help(action) if action.help and action.help.strip() else ""
        if not help_text:
            parts.append(f"{indent}{header}\n")
        else:
            lines = self._split_lines(help_text, help_width)
            if cells(header) <= action_width:
                padding = " " * (action_width - cells(header) + 2)
                parts.append(f"{indent}{header}{padding}{lines[0]}\n")
            else:
                parts.append(f"{indent}{header}\n{' ' * help_position}{lines[0]}\n")
            parts.extend(f"{' ' * help_position}{line}\n" for line in lines[1:])
        return self._join_parts(parts)


def _commands(action: argparse.Action) -> list[argparse.Action]:
    """The command entries of a subparsers action (none for any other action)."""
    return list(action._get_subactions()) if isinstance(action, argparse._SubParsersAction) else []


def _quoted(value: str) -> str:
    """argparse's repr() of a value (`'abc'`) back to the text the user typed."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _choices(text: str) -> str:
    return "、".join(_quoted(part.strip()) for part in text.split(","))


_TYPE_NAMES = {"int": "整数", "float": "数字"}

# argparse's messages (Python 3.11–3.13), each as a pattern and its Chinese sentence.
# Patterns as strings, compiled by `re` on first use (its cache): the command line pays nothing for them unless
# it shows help or an error.
_MESSAGES: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (
        r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
        lambda m: f"“{_quoted(m['value'])}”不是可选的值，可选的有：{_choices(m['choices'])}",
    ),
    (
        r"invalid (?P<type>\w+) value: (?P<value>.*)",
        lambda m: f"“{_quoted(m['value'])}”不是{_TYPE_NAMES.get(m['type'], '有效的值')}",
    ),
    (r"the following arguments are required: (?P<names>.*)", lambda m: f"缺少必需的参数：{m['names']}"),
    (r"unrecognized arguments: (?P<args>.*)", lambda m: f"无法识别的参数：{m['args']}"),
    (r"expected one argument", lambda m: "后面需要跟一个值"),
    (r"expected at most one argument", lambda m: "后面最多只能跟一个值"),
    (r"expected at least one argument", lambda m: "后面至少需要跟一个值"),
    (r"expected (?P<count>\d+) arguments?", lambda m: f"后面需要跟 {m['count']} 个值"),
    (r"not allowed with argument (?P<other>.*)", lambda m: f"不能与 {m['other']} 同时使用"),
    (r"ignored explicit argument (?P<value>.*)", lambda m: f"不接受值“{_quoted(m['value'])}”"),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
        lambda m: f"选项 {m['option']} 不明确，可能是：{_choices(m['matches'])}",
    ),
    (r"one of the arguments (?P<names>.*) is required", lambda m: f"{m['names']} 中必须给出一个"),
]
_ARGUMENT = r"(?s)argument (?P<name>[^:]+): (?P<message>.*)"


def translate(message: str) -> str:
    """One of argparse's error messages in Chinese; a message it does not know is kept as it is."""
    argument = re.fullmatch(_ARGUMENT, message)
    name, inner = (argument["name"], argument["message"]) if argument else (None, message)
    for pattern, chinese in _MESSAGES:
        found = re.fullmatch(pattern, inner)
        if found:
            inner = chinese(found)
            break
    if name is None:
        return inner
    if name.startswith("-"):
        return f"参数 {name.split('/')[-1]}：{inner}"
    return f"{name}：{inner}"


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese section titles, help and errors; a usage error is one sentence and exit code 2.

    `commands`: for the top-level parser, the command names, so an unknown command gets a suggestion.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_HELP)
        self.command_names: list[str] = []

    def format_help(self) -> str:
        """argparse's help with a full-width colon after each section title (`选项：`)."""
        titles = "|".join(re.escape(group.title) for group in self._action_groups if group.title)
        return re.sub(rf"^({titles}):$", r"\1：", super().format_help(), flags=re.MULTILINE)

    def error(self, message: str) -> NoReturn:
        unknown = re.fullmatch(r"argument 命令: invalid choice: (?P<value>.*?) \(choose from .*\)", message)
        if unknown and self.command_names:
            import difflib  # only for this message

            typed = _quoted(unknown["value"])
            nearest = difflib.get_close_matches(typed, self.command_names, n=1, cutoff=0.5)
            hint = f"您是不是要输入 {self.prog} {nearest[0]}？" if nearest else ""
            self.exit(2, f"参数有误：没有“{typed}”这个命令。{hint}用“{self.prog} --help”查看所有命令。\n")
        self.exit(2, f"参数有误：{translate(message)}。用“{self.prog} --help”查看用法。\n")
