"""HTML export: the Markdown rendered by markdown-it-py, in one self-contained page that prints on A4.

The Markdown handed to the renderer is escaped (`to_markdown(..., for_renderer=True)`): every ASCII punctuation
character the user typed is backslash-escaped, and raw HTML is switched off, so `*`, `_`, `#`, `<script>`, a leading
`1.` or a backslash appear exactly as typed and never become markup. The page carries its own print CSS (A4,
GB/T 9704 margins, 3号仿宋 body with 2-字 indent and 22 lines a page, `— 1 —` page numbers where the browser
supports page-margin boxes) and font stacks that fall back to the fonts a Windows, macOS or Linux machine has.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

from appraisal.draft import Draft
from appraisal.export import ExportOptions
from appraisal.export.markdown import to_markdown
from appraisal.export.outline import Outline, build_outline
from appraisal.templates import Template

_LATIN = '"Appraisal Latin"'
FANGSONG = (
    f'{_LATIN}, "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", '
    '"Noto Serif CJK SC", "Source Han Serif SC", serif'
)
HEITI = f'{_LATIN}, "黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
KAITI = (
    f'{_LATIN}, "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", serif'
)
XIAOBIAOSONG = (
    f'{_LATIN}, "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", '
    '"宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif'
)
SONGTI = '"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif'
LINE = "28.95pt"  # 225 mm ÷ 22 lines

CSS = f"""
@font-face {{
  font-family: "Appraisal Latin";
  src: local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("Tinos");
  unicode-range: U+0020-007E;
}}
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
@page :right {{
  @bottom-right {{ content: "— " counter(page) " —"; font: 14pt {SONGTI}; vertical-align: top;
                   padding-top: 7mm; margin-right: 1em; }}
}}
@page :left {{
  @bottom-left {{ content: "— " counter(page) " —"; font: 14pt {SONGTI}; vertical-align: top;
                  padding-top: 7mm; margin-left: 1em; }}
}}
html {{ color: #000; background: #fff; }}
body {{ margin: 0; font-family: {FANGSONG}; font-size: 16pt; line-height: {LINE}; }}
@media screen {{
  html {{ background: #e8e8e8; }}
  body {{ width: 156mm; min-height: 225mm; margin: 1em auto; padding: 37mm 26mm 35mm 28mm;
          background: #fff; box-shadow: 0 0 4px #999; }}
}}
h1 {{ margin: 0 0 {LINE}; font-family: {XIAOBIAOSONG}; font-size: 22pt; font-weight: normal;
      line-height: {LINE}; text-align: center; }}
h2, h3, h4, h5, h6 {{ margin: 0; font-size: 16pt; font-weight: normal; line-height: {LINE}; text-indent: 2em;
                      break-after: avoid; page-break-after: avoid; }}
h2 {{ font-family: {HEITI}; }}
h3, p > strong:first-child {{ font-family: {KAITI}; font-weight: normal; }}
h4, h5, h6 {{ font-family: {FANGSONG}; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; orphans: 1; widows: 1; }}
.signature {{ margin-top: {LINE}; padding-right: 4em; text-align: right; }}
.signature > div {{ display: inline-block; text-align: center; }}
.signature p {{ text-indent: 0; text-align: center; }}
"""


def signature_html(outline: Outline) -> str:
    """The 落款: the unit and name centred over the date, the date 4 字 from the right edge."""
    lines = outline.signature_lines
    inner = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return f'<div class="signature"><div>{inner}</div></div>\n'


def to_html(outline: Outline) -> str:
    renderer = MarkdownIt("commonmark", {"html": False})
    body = renderer.render(to_markdown(outline, for_renderer=True))
    author = f'<meta name="author" content="{escape(outline.name)}">\n' if outline.name else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{author}"
        f"<title>{escape(outline.title)}</title>\n"
        f"<style>{CSS}</style>\n"
        "</head>\n"
        "<body>\n"
        f"{body}"
        f"{signature_html(outline)}"
        "</body>\n"
        "</html>\n"
    )


def render(draft: Draft, template: Template, options: ExportOptions) -> bytes:
    """The file's bytes (see `appraisal.export.FORMATS`)."""
    return to_html(build_outline(draft, template, options)).encode("utf-8")
