"""The secrecy guard reads text as a person does (SPEC §8, issue 23 item 2): every way of writing a marking that a
person reads as 机密/绝密/秘密★/【内部】/内部资料/密级 is refused, whatever the characters behind it; ordinary words
that merely contain 秘/密/内部 pass. And it screens everything that is sent: section, notes, template title and
guidance (item 11), against the REAL test server, which must receive nothing."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from openai_server import Model, configure

from appraisal import cli, paths
from appraisal.assist import secret_marks
from appraisal.draft import Draft
from appraisal.notes import NewNote, add_notes
from appraisal.store import create_draft
from appraisal.templates import builtin_dir, load_template

ZW = "\u200b"  # zero width space
SHY = "\u00ad"  # soft hyphen
WJ = "\u2060"  # word joiner
IDEOGRAPHIC = "\u3000"
WINGDINGS_STAR = "\uf0ab"  # what Word stores for the Wingdings star

# (the text, the marking the user is shown)
MARKED = [
    # 机密 itself, even between words that could hide it
    ("涉及机密事项3件。", "机密"),
    ("手机密件。", "机密"),
    ("这是机密码本。", "机密"),
    # traditional characters
    ("涉及機密事項3件。", "機密"),
    ("絕密★長期 本人全年走访企业86家。", "絕密"),
    ("內部資料：某項目底數。", "內部資料"),
    ("密級：秘密", "密級"),
    ("本材料祕密★1年。", "祕密★"),
    # whitespace inside the word: ASCII, ideographic, a line break, a tab
    ("涉及机 密事项。", "机密"),
    (f"涉及机{IDEOGRAPHIC}密事项。", "机密"),
    ("涉及机\n密事项。", "机密"),
    ("涉及绝\t密事项。", "绝密"),
    ("内部\n资料，注意保存。", "内部资料"),
    ("秘密\n★1年 本人全年走访企业86家。", "秘密★"),
    # invisible characters inside the word
    (f"涉及机{ZW}密事项。", "机密"),
    (f"涉及绝{SHY}密事项。", "绝密"),
    (f"内{WJ}部资料。", "内部资料"),
    (f"密{ZW}级：秘密", "密级"),
    ("\ufeff机\u200d密", "机密"),
    # every star glyph, either side
    ("秘密★1年 正文。", "秘密★"),
    ("秘密☆1年 正文。", "秘密☆"),
    ("秘密✭1年 正文。", "秘密✭"),
    ("秘密✱1年 正文。", "秘密✱"),
    ("秘密*1年 正文。", "秘密*"),
    ("秘密＊1年 正文。", "秘密＊"),
    ("秘密⭐1年 正文。", "秘密⭐"),
    (f"秘密{WINGDINGS_STAR}1年 正文。", f"秘密{WINGDINGS_STAR}"),
    ("★秘密 正文。", "★秘密"),
    ("秘 密 ★ 1 年 正文。", "秘密★"),
    ("ＭＩ秘密★一年", "秘密★"),
    # 秘密 / 内部 alone in any bracket shape
    ("【内部】本人全年走访企业86家。", "【内部】"),
    ("〖内部〗本人全年走访企业86家。", "〖内部〗"),
    ("「内部」本人全年走访企业86家。", "「内部」"),
    ("『内部』正文。", "『内部』"),
    ("［内部］正文。", "［内部］"),
    ("[内部]正文。", "[内部]"),
    ("（内部）正文。", "（内部）"),
    ("(内部)正文。", "(内部)"),
    ("〔内部〕正文。", "〔内部〕"),
    ("《内部》正文。", "《内部》"),
    ("〈内部〉正文。", "〈内部〉"),
    ("︻内部︼正文。", "︻内部︼"),
    ("【 内 部 】正文。", "【内部】"),
    ("【秘密】正文。", "【秘密】"),
    ("（秘密★1年）正文。", "（秘密★1年）"),
    ("〖内部资料〗正文。", "〖内部资料〗"),
    ("【內部】正文。", "【內部】"),
    # the internal phrases
    ("内部资料，请勿外传。", "内部资料"),
    ("内部文件。", "内部文件"),
    ("内部材料。", "内部材料"),
    ("内部参考。", "内部参考"),
    ("内部刊物第3期。", "内部刊物"),
    ("内部传阅。", "内部传阅"),
    ("仅供内部使用。", "仅供内部"),
    ("仅限内部。", "仅限内部"),
    ("限于内部。", "限于内部"),
    ("内部★ 正文。", "内部★"),
    ("注意保密。", "注意保密"),
    ("密级：秘密", "密级"),
    # the circled ideograph
    ("㊙ 本人全年走访企业86家。", "㊙"),
    ("㊙\ufe0f 正文。", "㊙"),
]

ORDINARY = [
    "担任办公室秘书，负责文稿起草。",
    "秘书科全年办理文件1200件。",
    "牵头开展内部控制建设，修订内部控制制度12项。",
    "【内部控制】全年修订制度12项。",
    "（三）内部控制",
    "与各科室密切配合，加强沟通。",
    "组织开展内部审计3次，整改问题15个。",
    "（内部审计）全年开展3次。",
    "严守国家秘密和工作秘密，加强内部管理。",
    "健全单位内部管理制度。",
    "保守秘密，遵守纪律。",
    "全年发表信息★★★ 共 5 篇。",
    "密切联系群众，内部团结。",
    "严格保密纪律，落实保密责任制。",
    "为群众重置手机密码120次。",
    "与计算机密切相关的工作。",
    "飞机密集起降时段做好服务。",
]


@pytest.mark.parametrize(("text", "marking"), MARKED)
def test_every_way_of_writing_a_marking_is_refused(text: str, marking: str) -> None:
    assert [m.marking for m in secret_marks([("原文", text)])] == [marking]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_words_still_pass(text: str) -> None:
    assert secret_marks([("原文", text)]) == []


# ---------------------------------------------------------------- everything that is sent is screened


CLEAN = "本人牵头推进营商环境优化工作，全年走访企业86家，协调解决融资难题21个。"


def _assist(capsys: pytest.CaptureFixture[str], draft: Draft, task: str) -> tuple[int, str, str]:
    path = create_draft(draft)
    code = cli.main(["assist", str(path), "--section", "results.service", "--task", task, "--yes"])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_note_in_traditional_characters_sent_with_expand_is_refused(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    configure(appraisal_home, url)
    (note,) = add_notes(2026, [NewNote("內部資料：某項目底數35億元", None, "results.service", "cadre-annual")])
    draft = Draft.new(load_template("cadre-annual"), name="张三", year=2026)
    draft.sections["results.service"] = CLEAN
    code, out, err = _assist(capsys, draft, "expand")
    assert code == 2 and f"素材第{note.id}条中的“內部資料”" in err and "未发送任何内容" in err
    assert out == "" and state.requests == []


def _user_template(title: str, guidance: str) -> None:
    """A copy of cadre-annual as the user's own template `marked`, with this title and guidance for
    results.service."""
    folder = paths.user_templates_dir() / "marked"
    shutil.copytree(builtin_dir() / "cadre-annual", folder)
    data = (folder / "template.toml").read_text(encoding="utf-8")
    data = data.replace('id = "cadre-annual"', 'id = "marked"').replace('title = "服务中心实绩"', f'title = "{title}"')
    assert tomllib.loads(data)["id"] == "marked"
    (folder / "template.toml").write_text(data, encoding="utf-8")
    (folder / "results.service.md").write_text(f"## 写什么\n\n{guidance}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("title", "guidance", "told"),
    [
        ("服务中心实绩（內部）", "写本人所做的工作。", "栏目名称中的“（內部）”"),
        ("服务中心实绩", "本栏内容属内部\u200b资料，写本人所做的工作。", "栏目的撰写要求中的“内部资料”"),
    ],
)
def test_the_templates_title_and_guidance_are_screened(
    title: str,
    guidance: str,
    told: str,
    model: tuple[Model, str],
    appraisal_home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    state, url = model
    configure(appraisal_home, url)
    _user_template(title, guidance)
    template = load_template("marked")
    assert template.section("results.service").title == title
    draft = Draft.new(template, name="张三", year=2026)
    draft.sections["results.service"] = CLEAN
    code, out, err = _assist(capsys, draft, "polish")
    assert code == 2 and told in err and "未发送任何内容" in err
    assert out == "" and state.requests == []
