"""Texts that are no report of one's work at all — a news story, a how-to — told by their marks, so that the
importer says so instead of filing them under a template: a news story has its dateline and bylines (本报讯,
（记者 张三）, 来源：) and reports what others said and did (据介绍, 出席, 会上); a how-to walks the reader through
steps (第一步, 点击, 菜单). Neither speaks in the first person singular: a text that does (本人、我, three times or
more) is never taken for one of these, whatever it quotes."""

from __future__ import annotations

from dataclasses import dataclass

from appraisal.text.chars import HAN_UNIFIED
from appraisal.text.lazy_regex import lazy_compile

_HEAD_CHARS = 200  # a dateline or byline stands at the start (or the end) of a news story
_NEWS_MARKS = lazy_compile(
    rf"本报讯|本报记者|本报通讯员|[{HAN_UNIFIED}]{{1,6}}(?:日报|晚报|时报|新闻网|网|台)讯|新华社|中新社|中新网|"
    rf"[（(]\s*(?:记者|通讯员|实习生)|(?:记者|通讯员)\s+[{HAN_UNIFIED}]{{2,3}}(?=\s|$|[）)])"
)
# A web page's furniture: a report copied from a site has it too, so it counts only with reporting beside it.
_PAGE_MARKS = lazy_compile(r"责任编辑|来源[：:]|发布时间")
_REPORTED = lazy_compile(r"据介绍|据了解|据悉|获悉|记者了解到|会上|出席|致辞|表示，|表示,|透露")
_STEPS = lazy_compile(
    r"第[一二三四五六七八九十0-9]{1,2}步|操作步骤|步骤[一二三四五六七八九十0-9：:]|点击(?![量率])|单击|双击|勾选|"
    r"菜单|按钮|下拉框|教程|操作方法|如下图|截图|快捷键"
)
_STRONG_PERSONAL = 3  # mentions of 本人、我: a report of one's own work, whatever else it holds


@dataclass(frozen=True)
class Foreign:
    """A text of a kind no template is for, and the marks that tell it (for the reasons shown to the user)."""

    kind: str  # 新闻报道 or 操作说明
    marks: tuple[str, ...]

    def reason(self) -> str:
        shown = "".join(f"“{mark}”" for mark in self.marks[:3])  # quoted items need no 、 between them
        return f"像是{self.kind}（有{shown}等）"


def foreign_text(text: str, personal: int, collective: int) -> Foreign | None:
    """A news story or a how-to, or None. `personal`, `collective`: mentions of 本人、我 and of 我们、我局."""
    if personal >= _STRONG_PERSONAL:
        return None
    news = _news_story(text, personal, collective)
    return news if news is not None else _how_to(text)


def _news_story(text: str, personal: int, collective: int) -> Foreign | None:
    """Two news marks, or one at the start or the end (a dateline, a byline); or, in a text where nobody says 本人、我,
    what others said and did, told as a reporter tells it (or beside a web page's furniture)."""
    found = list(_NEWS_MARKS.finditer(text))
    news = [m.group().strip("（( \t\u3000") for m in found]
    at_ends = any(m.start() < _HEAD_CHARS or m.end() > len(text) - _HEAD_CHARS for m in found)
    page = [m.group().rstrip("：:") for m in _PAGE_MARKS.finditer(text)]
    reported = [m.group().rstrip("，,") for m in _REPORTED.finditer(text)]
    told = personal == 0 and ((len(reported) >= 3 and collective <= 2) or (bool(page) and len(reported) >= 2))
    if (news and at_ends) or len(news) >= 2 or told:
        return Foreign("新闻报道", tuple(dict.fromkeys(mark for mark in news + reported + page if mark)))
    return None


def _how_to(text: str) -> Foreign | None:
    """Two different marks of steps (第一步, 点击, 菜单), or three of one."""
    steps = [m.group() for m in _STEPS.finditer(text)]
    if len(set(steps)) >= 2 or len(steps) >= 3:
        return Foreign("操作说明", tuple(dict.fromkeys(steps)))
    return None
