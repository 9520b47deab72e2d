"""Word export laid out to GB/T 9704-2012 (see GBT9704.md): the office can hand it in without re-formatting.

How: a small package of our own (styles, settings, font table, empty core properties) is opened with python-docx,
which then manages the parts (footers, relationships, core properties) while paragraphs and runs are written as
raw WordprocessingML, because the layout needs attributes python-docx has no API for (`w:eastAsia`, `w:hint`,
`w:firstLineChars`, `w:docGrid`). Starting from our own package instead of python-docx's default template keeps
out its Letter page, Japanese theme fonts, thumbnail and "python-docx" author.

Layout, in Word units (twips = 1/20 pt; half-points for font sizes):

- A4 11906 × 16838 twips; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm → text block 156 × 225 mm.
- 22 lines a page: exact line spacing 579 twips (28.95 pt; 22 × 579 = 12738 ≤ the 12756-twip text height).
- 28 字 a line: document grid `linesAndChars`, char pitch = text width ÷ 28 = 15.79 pt, written as `w:charSpace`,
  the difference from the Normal font size (16 pt) in 1/4096 pt (ECMA-376 17.6.5), rounded down so 28 always fit.
- Every run names its East Asian font (`w:eastAsia`, with `w:hint="eastAsia"` so “”、—— and … are set full width)
  and Times New Roman for digits and Latin letters; the styles name the same fonts.
- Page numbers `— N —` in 4号宋体, odd pages right and even pages left, one character in from the edge
  (`w:evenAndOddHeaders` with a default and an even footer), about 7 mm below the text block.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from xml.sax.saxutils import escape

from appraisal.draft import Draft
from appraisal.export import ExportOptions
from appraisal.export.outline import Heading, Outline, build_outline, signature_indents
from appraisal.templates import Template

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Fonts (the names the receiving office's machines have; LibreOffice and WPS substitute where missing).
LATIN = "Times New Roman"
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
HEADING_FONTS = {1: HEITI, 2: KAITI, 3: FANGSONG, 4: FANGSONG}

# Sizes in points.
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号

TWIPS_PER_MM = 1440 / 25.4
PAGE_WIDTH = 11906  # A4 210 mm
PAGE_HEIGHT = 16838  # A4 297 mm
MARGIN_TOP = round(37 * TWIPS_PER_MM)  # 2098
MARGIN_BOTTOM = round(35 * TWIPS_PER_MM)  # 1984
MARGIN_LEFT = round(28 * TWIPS_PER_MM)  # 1587
MARGIN_RIGHT = round(26 * TWIPS_PER_MM)  # 1474
HEADER_DISTANCE = round(15 * TWIPS_PER_MM)
# The page number's line is exactly one 4号 character high, and the footer distance is measured from the page's
# bottom edge to the bottom of that line: the 一字线, at the middle of the line, then lies 7 mm below the 35-mm text
# block edge (GB/T 9704 7.5: 一字线上距版心下边缘 7 mm).
PAGE_NUMBER_LINE = PAGE_NUMBER_PT * 20
FOOTER_DISTANCE = round((35 - 7) * TWIPS_PER_MM - PAGE_NUMBER_LINE / 2)

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
LINE_PITCH = TEXT_HEIGHT // LINES_PER_PAGE  # 579 twips = 28.95 pt
CHAR_SPACE = math.floor((TEXT_WIDTH / 20 / CHARS_PER_LINE - BODY_PT) * 4096)  # -842
INDENT_CHARS = 2
SIGNATURE_RIGHT_CHARS = 4


def _fonts(east_asia: str, latin: str = LATIN) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}" w:hint="eastAsia"/>'


def _size(points: float) -> str:
    half_points = round(points * 2)
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


_LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
_SPACING = f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
_BODY_INDENT = f'<w:ind w:firstLineChars="{INDENT_CHARS * 100}" w:firstLine="{INDENT_CHARS * BODY_PT * 20}"/>'
# 28 字 a line in Word, WPS and LibreOffice alike: paragraphs do not snap to the character grid (LibreOffice gives a
# 16-pt character two cells of the 15.79-pt grid, setting only 14 a line), and body text is condensed by 0.3 pt
# instead, so a character is 15.7 pt wide: 28 fit in the 442.25-pt line, 29 (455.3 pt) do not. The grid stays in
# the section, so Word's 页面设置 still shows 每行 28 字、每页 22 行.
_CONDENSED = '<w:spacing w:val="-6"/>'
_NOT_CONDENSED = '<w:spacing w:val="0"/>'
_NO_FIRST_LINE = 'w:firstLineChars="0" w:firstLine="0"'
_NO_INDENT = f"<w:ind {_NO_FIRST_LINE}/>"


def _paragraph_style(style_id: str, name: str, ppr: str, rpr: str, *, outline_level: int | None = None) -> str:
    outline = f'<w:outlineLvl w:val="{outline_level}"/>' if outline_level is not None else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{ppr}{outline}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def _styles_xml() -> str:
    not_bold = '<w:b w:val="0"/><w:bCs w:val="0"/><w:color w:val="000000"/>'
    headings = "".join(
        _paragraph_style(
            f"Heading{level}",
            f"heading {level}",
            "<w:keepNext/>",
            _fonts(font) + not_bold + _size(BODY_PT),
            outline_level=level - 1,
        )
        for level, font in HEADING_FONTS.items()
    )
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(FANGSONG)}{_size(BODY_PT)}{_LANG}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{_SPACING}</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    normal = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:widowControl w:val="0"/><w:snapToGrid w:val="0"/>{_SPACING}{_BODY_INDENT}<w:jc w:val="both"/>'
        f"</w:pPr><w:rPr>{_fonts(FANGSONG)}{_CONDENSED}{_size(BODY_PT)}{_LANG}</w:rPr></w:style>"
    )
    title = _paragraph_style(
        "Title",
        "Title",
        f'{_NO_INDENT}<w:jc w:val="center"/>',
        _fonts(XIAOBIAOSONG) + not_bold + _NOT_CONDENSED + _size(TITLE_PT),
    )
    footer = (
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
        f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{PAGE_NUMBER_LINE}" w:lineRule="exact"/>{_NO_INDENT}'
        f"</w:pPr><w:rPr>{_fonts(SONGTI, SONGTI)}{_NOT_CONDENSED}{_size(PAGE_NUMBER_PT)}</w:rPr></w:style>"
    )
    character_default = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
        "</w:style>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
        f"{defaults}{normal}{title}{headings}{footer}{character_default}</w:styles>"
    )


_SETTINGS_XML = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W_NS}">'
    '<w:zoom w:percent="100"/>'
    '<w:defaultTabStop w:val="420"/>'
    "<w:evenAndOddHeaders/>"
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:useFELayout/><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    "</w:settings>"
)


def _font_entry(name: str, alt: str, family: str, pitch: str, charset: str) -> str:
    alt_name = f'<w:altName w:val="{alt}"/>' if alt else ""
    return (
        f'<w:font w:name="{name}">{alt_name}<w:charset w:val="{charset}"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
    )


# altName tells Word and LibreOffice what to use on a machine without the GB2312 fonts.
_FONT_TABLE_XML = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W_NS}">'
    + _font_entry(LATIN, "", "roman", "variable", "00")
    + _font_entry(FANGSONG, "仿宋", "modern", "fixed", "86")
    + _font_entry(KAITI, "楷体", "modern", "fixed", "86")
    + _font_entry(HEITI, "SimHei", "modern", "fixed", "86")
    + _font_entry(SONGTI, "SimSun", "auto", "variable", "86")
    + _font_entry(XIAOBIAOSONG, "宋体", "script", "default", "86")
    + "</w:fonts>"
)

_SECTION_XML = (
    f'<w:sectPr><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
    f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_LEFT}" '
    f'w:header="{HEADER_DISTANCE}" w:footer="{FOOTER_DISTANCE}" w:gutter="0"/>'
    '<w:cols w:space="425"/>'
    f'<w:docGrid w:type="linesAndChars" w:linePitch="{LINE_PITCH}" w:charSpace="{CHAR_SPACE}"/>'
    "</w:sectPr>"
)

_CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)

_PACKAGE_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/settings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
        '<Override PartName="/word/fontTable.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        '<Relationship Id="rId2" Target="docProps/core.xml" '
        'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"/>'
        "</Relationships>"
    ),
    "word/_rels/document.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="styles.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
        '<Relationship Id="rId2" Target="settings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"/>'
        '<Relationship Id="rId3" Target="fontTable.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"/>'
        "</Relationships>"
    ),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{_SECTION_XML}</w:body></w:document>'
    ),
    "word/settings.xml": _SETTINGS_XML,
    "word/fontTable.xml": _FONT_TABLE_XML,
    "docProps/core.xml": _CORE_XML,
}


def _package() -> bytes:
    """The empty document our export starts from (built in memory: a few kilobytes, a millisecond)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in {**_PACKAGE_PARTS, "word/styles.xml": _styles_xml()}.items():
            package.writestr(name, xml.encode("utf-8"))
    return buffer.getvalue()


# ---------------------------------------------------------------- paragraphs


def _text(text: str) -> str:
    """`w:t` elements; a tab typed in the text becomes a Word tab."""
    parts = [f'<w:t xml:space="preserve">{escape(part)}</w:t>' if part else "" for part in text.split("\t")]
    return "<w:tab/>".join(parts)


RUN_MAX_CHARS = 1_000_000
"""lxml refuses a text node over 10 MB ('Text node too long'), about 3.3 million CJK characters: longer text is
split over several runs of the same fonts, which Word shows as one paragraph."""


def run_xml(text: str, east_asia: str, latin: str = LATIN) -> str:
    fonts = _fonts(east_asia, latin)
    pieces = [text[start : start + RUN_MAX_CHARS] for start in range(0, len(text), RUN_MAX_CHARS)] or [""]
    return "".join(f"<w:r><w:rPr>{fonts}</w:rPr>{_text(piece)}</w:r>" for piece in pieces)


def _paragraph(style: str | None, runs: str, ppr: str = "", mark_font: str = FANGSONG) -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{style_xml}{ppr}<w:rPr>{_fonts(mark_font)}</w:rPr></w:pPr>{runs}</w:p>"


def _right_indent(chars: float) -> str:
    hundredths = round(chars * 100)
    return f'<w:ind w:right="{round(chars * BODY_PT * 20)}" w:rightChars="{hundredths}" {_NO_FIRST_LINE}/>'


def signature_xml(outline: Outline) -> str:
    """落款 after one blank line: the date 4 字 from the right edge, the unit and name centred over it (GB/T 9704
    7.3.5)."""
    lines = outline.signature_lines
    paragraphs = [_paragraph(None, "")]
    for line, indent in zip(lines, signature_indents(lines, SIGNATURE_RIGHT_CHARS), strict=True):
        ppr = _right_indent(indent) + '<w:jc w:val="right"/>'
        paragraphs.append(_paragraph(None, run_xml(line, FANGSONG), ppr))
    return "".join(paragraphs)


def body_xml(outline: Outline) -> str:
    """Title, one blank line, headings and paragraphs, then the 落款."""
    parts = [_paragraph("Title", run_xml(outline.title, XIAOBIAOSONG), mark_font=XIAOBIAOSONG), _paragraph(None, "")]
    for block in outline.blocks:
        if isinstance(block, Heading):
            font = HEADING_FONTS.get(block.level, FANGSONG)
            style = f"Heading{min(block.level, 4)}"
            parts.append(_paragraph(style, run_xml(block.label, font), mark_font=font))
            continue
        runs = run_xml(block.text, FANGSONG)
        if block.lead is not None:
            runs = run_xml(block.lead.run_in_label, HEADING_FONTS.get(block.lead.level, FANGSONG)) + runs
        parts.append(_paragraph(None, runs))
    parts.append(signature_xml(outline))
    return "".join(parts)


def page_number_xml(*, odd: bool) -> str:
    """`— N —` with a PAGE field: odd pages right-aligned one character in, even pages left-aligned."""
    one_char = PAGE_NUMBER_PT * 20
    side = "right" if odd else "left"
    ppr = f'<w:ind w:{side}="{one_char}" {_NO_FIRST_LINE}/><w:jc w:val="{side}"/>'

    def field(fld: str) -> str:
        return f"<w:r><w:rPr>{_fonts(SONGTI, SONGTI)}</w:rPr>{fld}</w:r>"

    runs = (
        run_xml("— ", SONGTI, SONGTI)
        + field('<w:fldChar w:fldCharType="begin"/>')
        + field('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + field('<w:fldChar w:fldCharType="separate"/>')
        + run_xml("1", SONGTI, SONGTI)
        + field('<w:fldChar w:fldCharType="end"/>')
        + run_xml(" —", SONGTI, SONGTI)
    )
    return _paragraph("Footer", runs, ppr, mark_font=SONGTI)


def _fragment(xml: str) -> list[object]:
    from docx.oxml import parse_xml

    root = parse_xml(f'<w:root xmlns:w="{W_NS}">{xml}</w:root>')
    return list(root)


def to_docx(outline: Outline, *, now: dt.datetime | None = None) -> bytes:
    from docx import Document

    document = Document(io.BytesIO(_package()))
    body = document.element.body
    section_properties = body[-1]
    for element in _fragment(body_xml(outline)):
        section_properties.addprevious(element)

    section = document.sections[0]
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        container = footer._element
        for child in list(container):
            container.remove(child)
        container.extend(_fragment(page_number_xml(odd=odd)))

    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = outline.title[:255]  # python-docx refuses longer properties (a ValueError, no export)
    properties.author = outline.name[:255]
    properties.last_modified_by = ""
    properties.language = "zh-CN"
    properties.revision = 1
    properties.created = now
    properties.modified = now

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(draft: Draft, template: Template, options: ExportOptions) -> bytes:
    """The file's bytes (see `appraisal.export.FORMATS`)."""
    return to_docx(build_outline(draft, template, options))
