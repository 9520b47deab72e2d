"""HTML: a well-formed page, user text never becomes markup, print CSS for A4."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from appraisal.draft import Draft
from appraisal.export import ExportOptions, render
from appraisal.templates import Template


class Page(HTMLParser):
    """Elements (tag, attributes) and, per element, the text directly inside it."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, str]] = []
        self.stack: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((self.stack[-1] if self.stack else "", data))

    def tags(self) -> list[str]:
        return [tag for tag, _ in self.elements]

    def blocks(self, *names: str) -> list[tuple[str, str]]:
        """(tag, text) of the elements named, text joined across inline children."""
        return [(tag, text) for tag, text in self.texts if tag in names]


def page_of(draft: Draft, template: Template, options: ExportOptions) -> tuple[str, Page]:
    html = render(draft, template, "html", options).decode("utf-8")
    page = Page(html)
    assert page.stack == [], "every element is closed"
    return html, page


def test_page_structure(draft: Draft, template: Template, options: ExportOptions) -> None:
    html, page = page_of(draft, template, options)
    assert html.startswith("<!DOCTYPE html>\n")
    assert ("html", {"lang": "zh-CN"}) in page.elements
    assert ("meta", {"charset": "utf-8"}) in page.elements
    assert ("title", "2026年度个人总结") in page.texts
    assert page.blocks("h1") == [("h1", "2026年度个人总结")]
    assert page.blocks("h2")[:2] == [("h2", "一、品行修养"), ("h2", "二、理论学习")]
    assert ("h3", "（一）服务中心实绩") in page.texts
    paragraphs = page.blocks("p")
    assert paragraphs[0] == ("p", draft.sections["intro"])
    assert paragraphs[-2:] == [("p", "李明"), ("p", "2026年12月8日")], "落款: name, then the date"
    assert page.tags().count("script") == 0 and "<link" not in html, "self-contained, no scripts"


def test_print_css(draft: Draft, template: Template, options: ExportOptions) -> None:
    html, _ = page_of(draft, template, options)
    assert "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }" in html
    assert 'content: "— " counter(page) " —"' in html
    assert "font-size: 16pt; line-height: 28.95pt" in html
    assert "text-indent: 2em" in html
    assert '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"' in html
    assert '"黑体", "SimHei"' in html and '"楷体_GB2312", "KaiTi_GB2312"' in html
    assert "font-size: 22pt" in html and '"方正小标宋简体"' in html


def test_user_text_is_never_markup(draft: Draft, template: Template, options: ExportOptions) -> None:
    typed = [
        "<script>alert('考核')</script>会议纪要。",
        "1. 以数字加点开头的一段。",
        "# 以井号开头的一段。",
        "- 以短横开头的一段。",
        "*重点* 与 _下划线_ 与 **加粗** 保持原样。",
        "路径 C:\\新建文件夹\\总结.docx 与 \\* 都保留反斜杠。",
        "&amp; 与 &lt; 原样显示。",
        "[链接](http://example.com) 与 `代码`。",
        "---",
    ]
    draft.sections["conduct"] = "\n".join(typed)
    html, page = page_of(draft, template, options)
    assert page.tags().count("script") == 0
    assert "<script>" not in html and "&lt;script&gt;alert" in html
    for tag in ("ol", "ul", "li", "em", "a", "code", "hr"):
        assert tag not in page.tags(), f"user text became <{tag}>"
    assert page.tags().count("strong") == 0, "no run-in heading here, and user ** stays text"
    start = page.texts.index(("h2", "一、品行修养"))
    assert page.texts[start + 1 : start + 1 + len(typed)] == [("p", line) for line in typed]


def test_run_in_heading_is_set_off(draft: Draft, template: Template, options: ExportOptions) -> None:
    html, page = page_of(draft, template, dataclasses.replace(options, run_in_headings=True))
    assert "<p><strong>（一）服务中心实绩</strong>。一年来，牵头推进" in html
    assert ("h3", "（一）服务中心实绩") not in page.texts
    assert "p > strong:first-child" in html, "styled as a 楷体 heading, not bold"


def test_title_and_name_are_escaped(draft: Draft, template: Template, options: ExportOptions) -> None:
    draft.title = "<i>2026</i> & 总结"
    draft.profile.name = '"李明"<br>'
    _, page = page_of(draft, template, options)
    assert ("h1", "<i>2026</i> & 总结") in page.texts and ("title", "<i>2026</i> & 总结") in page.texts
    assert ("p", '"李明"<br>') in page.texts
    assert "i" not in page.tags() and "br" not in page.tags()
