"""`heading-in-text`: a line of section text that is a heading of the template (`三、四项主要工作实绩`,
`（一）服务中心实绩。一年来，…`), usually pasted along with last year's text. The exporter numbers and prints the
headings itself, so such a line would appear twice.

A line counts when it is a numbered (`一、` `（一）` `(一)` `1.` `第一部分` `#`) title or alias of a section of the
template, alone or running into its paragraph, or a title alone on its line without a number. Aliases shorter than
five 字 (`加强学习`, `廉洁自律`) only count as a section's own title would: they are common as the writer's own
sub-points. Numbered points of the writer's own (`一、加强政治理论武装`) never match.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.templates import Template
from appraisal.text.counting import NOT_ZI
from appraisal.text.lazy_regex import lazy_compile

_CN = "[一二三四五六七八九十]{1,3}"
_NUMBER = lazy_compile(
    rf"#{{1,6}}\s*"
    rf"|第{_CN}(?:部分|项|方面)\s*[、.．:：]?\s*"
    rf"|{_CN}\s*[、.．]\s*"
    rf"|[（(]\s*{_CN}\s*[）)]\s*[、.．]?\s*"
    r"|\d{1,2}\s*[、.．](?!\d)\s*"
    r"|[（(]\s*\d{1,2}\s*[）)]\s*"
)
_RUN_IN = lazy_compile(r"[。：:；;，,．]")
_NOT_WORD = NOT_ZI
_TRAILING = " \t\u3000。：:；;，,．.、"
MIN_ALIAS_ZI = 5
MAX_TITLE_CHARS = 40


def normalise(text: str) -> str:
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def _titles(template: Template) -> tuple[frozenset[str], frozenset[str]]:
    """(exact titles, titles and long aliases), normalised, of the sections that have a printed heading."""
    titles: set[str] = set()
    names: set[str] = set()
    for placed in template.walk():
        section = placed.section
        if not section.heading:
            continue
        title = normalise(section.title)
        titles.add(title)
        names.add(title)
        names.update(normalise(alias) for alias in section.aliases if len(normalise(alias)) >= MIN_ALIAS_ZI)
    for name in list(names):
        names.update((name + "方面", name + "情况", name + "方面情况"))
    return frozenset(titles), frozenset(names)


class HeadingInText(Rule):
    name = "heading-in-text"
    title = "正文中的标题"
    severity = WARNING
    family = "layout"
    description = "正文中出现了模板的栏目标题（多为粘贴时带入），导出时标题会重复。"
    fields = frozenset({"section"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        titles, names = ctx.shared("titles", lambda: _titles(ctx.template))
        for index, line in enumerate(item.lines):
            start = len(line) - len(line.lstrip())
            if start == len(line):
                continue
            end = self._heading_end(line, start, titles, names)
            if end is not None:
                heading = line[start:end].rstrip(_TRAILING)
                yield self.finding(
                    item,
                    index + 1,
                    start + 1,
                    end + 1,
                    f"“{heading}”像是模板的栏目标题，导出时会自动加上标题，正文中不必再写。",
                )

    @staticmethod
    def _heading_end(line: str, start: int, titles: frozenset[str], names: frozenset[str]) -> int | None:
        """Where the heading at the start of the line ends, or None when the line does not start with one."""
        number = _NUMBER.match(line, start)
        body = line.rstrip()
        if number is None:
            if len(body) - start <= MAX_TITLE_CHARS and normalise(body[start:]) in titles:
                return len(body)
            return None
        rest_start = number.end()
        if len(body) - start <= MAX_TITLE_CHARS and normalise(body[rest_start:]) in names:
            return len(body)
        cut = _RUN_IN.search(line, rest_start, min(len(line), rest_start + MAX_TITLE_CHARS))
        if cut is not None and normalise(line[rest_start : cut.start()]) in names:
            return cut.end()
        return None
