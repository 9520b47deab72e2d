"""The verdict and its reasons: what sends a report back (errors, a missing section, another year, a passage
shared with another report, a file that cannot be read) and what does not (warnings)."""

from __future__ import annotations

import random
from pathlib import Path

from review_corpus import paragraph

from appraisal.review import PASS, RETURN, ReviewSettings, review

OPENING = "2026年度考核个人总结\n尊敬的各位领导：\n现将本人2026年度思想和工作情况报告如下：\n"
SECTIONS = [
    ("一、品行修养", "本人始终坚持把政治标准放在首位，严守纪律规矩，团结同志，作风务实，"),
    ("二、理论学习", "本人全年参加理论学习中心组学习十二次，撰写心得体会六篇，"),
    ("三、四项主要工作实绩", ""),
    ("（一）服务中心实绩", "本人牵头推进重点项目建设，协调解决企业用地、用工等问题，"),
    ("（二）分管工作实绩", "本人分管的统计工作按时完成各项调查任务，数据质量稳步提高，"),
    ("（三）创新创优实绩", "本人推动建立企业服务专员制度，做法被全市推广，"),
    ("（四）有潜在、长远效应基础工作实绩", "本人组织梳理全局制度文件，修订完善内部管理制度，"),
    ("四、党建工作", "本人认真履行一岗双责，指导支部规范开展三会一课，"),
    ("五、依法行政", "本人带头学法用法，严格依照法定权限和程序履行职责，"),
    ("六、廉政建设", "本人严格遵守廉洁自律各项规定，管好身边工作人员，"),
    ("七、最不满意的一项工作和急需提高的一个方面能力", ""),
    ("（一）最不满意的一项工作", "本人对项目前期工作推进速度不够满意，"),
    ("（二）急需提高的一个方面能力", "本人的数字化管理能力还需进一步提高，"),
]


def write_report(path: Path, *, drop: str = "", extra: str = "", year: int = 2026, name: str = "周明") -> Path:
    rng = random.Random(path.name)  # each report its own words: no passage in common with another
    lines = [OPENING.replace("2026", str(year)).rstrip("\n")]
    for heading, text in SECTIONS:
        if heading == drop:
            continue
        lines.append(heading)
        if text:
            lines.append(text + paragraph(rng, year, 320) + (extra if heading == "五、依法行政" else ""))
    lines += ["以上报告，请予审议。", name, f"{year}年12月20日"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_reason_that_sends_a_report_back(tmp_path: Path) -> None:
    write_report(tmp_path / "合格.txt", name="李华")
    write_report(tmp_path / "有占位符.txt", extra="全年办理复议案件XX件，完成投资亿元。", name="王强")
    write_report(tmp_path / "缺栏目.txt", drop="六、廉政建设", name="赵敏")
    write_report(tmp_path / "去年的.txt", year=2025, name="钱进")
    write_report(
        tmp_path / "旧文字.txt", extra="\n2025年12月，本人牵头完成了全局档案数字化工作，共整理档案3200卷。", name="孙立"
    )
    (tmp_path / "损坏.docx").write_bytes(b"PK\x03\x04")
    rows = {row.file: row for row in review([tmp_path], ReviewSettings(year=2026), jobs=1).rows}
    assert (rows["合格.txt"].verdict, rows["合格.txt"].reasons) == (PASS, [])
    assert rows["有占位符.txt"].verdict == RETURN
    assert rows["有占位符.txt"].reasons == ["有错误：占位符 1 处、缺少数字 1 处"]
    assert rows["缺栏目.txt"].verdict == RETURN and rows["缺栏目.txt"].reasons == ["缺少栏目：廉政建设"]
    assert rows["缺栏目.txt"].missing == ["廉政建设"]
    assert rows["去年的.txt"].verdict == RETURN
    assert "报告年度为 2025 年，不是审阅的 2026 年" in rows["去年的.txt"].reasons
    assert rows["旧文字.txt"].verdict == RETURN
    assert rows["旧文字.txt"].reasons == ["有 1 处年份与报告年度不符（可能沿用了往年的文字）"]
    assert rows["损坏.docx"].verdict == RETURN and rows["损坏.docx"].reasons[0].startswith("无法读取：损坏.docx")
    assert {row.name for row in rows.values()} == {"李华", "王强", "赵敏", "钱进", "孙立", ""}


def test_warnings_alone_do_not_send_a_report_back(tmp_path: Path) -> None:
    write_report(tmp_path / "标点.txt", extra="本人严格执法,公正文明,")
    (row,) = review([tmp_path], ReviewSettings(year=2026), jobs=1).rows
    assert row.errors == 0 and row.warnings >= 1
    assert row.families["punctuation"][1] >= 1
    assert row.verdict == PASS and row.reasons == [f"提示 {row.warnings} 处，可由本人酌情修改"]


def test_without_a_year_each_report_is_checked_against_its_own(tmp_path: Path) -> None:
    write_report(tmp_path / "去年的.txt", year=2025)
    (row,) = review([tmp_path], ReviewSettings(), jobs=1).rows
    assert (row.year, row.verdict) == (2025, PASS)


def test_the_name_comes_from_the_title_when_the_signature_has_none(tmp_path: Path) -> None:
    path = write_report(tmp_path / "无落款.txt", name="")
    path.write_text(path.read_text(encoding="utf-8").replace("2026年度考核个人总结", "2026年度考核个人总结（吴敏）", 1))
    (row,) = review([tmp_path], ReviewSettings(year=2026), jobs=1).rows
    assert row.name == "吴敏"
