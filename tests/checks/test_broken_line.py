"""`broken-line`: a sentence or quotation broken across paragraphs (text from a PDF) is reported once, on its first
half, and the quote or mark it split is no longer reported by `unbalanced-quote` or `punctuation`."""

from __future__ import annotations

import pytest

from appraisal.checks import check_section

from .marks import draft_with, spans_of, template

POSITIVES = [
    "生态环境是人类生存与发展的根基，保护好生态环境是政⟦府⟧\n义不容辞的责任。近年来，我市深入贯彻落实党中央、国\n"
    "务院关于生态环境保护的决策部署，牢固树立绿色发展理\n念，全力推进生态环境保护各项工作，取得了阶段性成效。",
    "对照⟦“四⟧\n风”问题深入自查，未发现违规问题。",
    "认真学习⟦“以案⟧\n促改”典型案例，筑牢思想防线。",
    "组织学习⟦《中国共产党纪律⟧\n处分条例》，开展警示教育4次。",
    "全年共为辖区企业办理各类审批事项126件⟦次⟧\n，平均办理时限压缩至5个工作日。",
    "坚持以习近平新时代中国特色社会主义思想为指导⟦，⟧\n\n”全面落实各项部署。",
    # A page number of the PDF between the halves of a word or a quotation.
    "一年来，我们坚持以人民为中心，推动经济高质量⟦发⟧\n— 3 —\n展，全年完成投资12亿元。",
    "全年完成固定资产投资12亿元，推动经济高质量⟦发⟧\n\n- 12 -\n\n展取得新成效。",
    "深入开展⟦“四⟧\n\n第3页 共8页\n\n风”问题专项整治，取得明显成效。",
    # A number whose unit opens the next line, a line stopping after a comma or a word no sentence ends with, an
    # item's number alone on its line.
    "全年争取上级项目资金 ⟦3860⟧\n万元，用于农田水利设施建设。",
    "我县加固维修校舍 ⟦12.23 万⟧\n平方米，规划新建校舍7055平方米。",
    "全年共化解矛盾纠纷126起，调处成功率达到98%⟦，⟧\n群众满意度明显提升。",
    "按照县委统一部署，在全局深入开展党⟦的⟧\n群众路线教育实践活动，查摆问题12条。",
    "一、基本情况\n⟦2.⟧\n人员编制\n全局现有人员1894人。",
    "（二）工作开展情况\n⟦（三）⟧\n强化安全生产监管。检查经营场所860家次。",
    "坚持和发展新时代“枫桥经验”，全年共调处矛盾纠⟦纷⟧\n412件，调处成功率98.3%。",
    "注重改进工作作风，在干部职工⟦中⟧\n树立了良好形象。",
    "推动老旧电梯更新改造86台，整改合格率达⟦到⟧\n98%以上。",  # a rate broken before its figure
    "整改合格率达⟦到⟧\n98%以上。",  # the same with no clause before it
    # A long quotation from a PDF page: its closing mark well into the next printed line.
    "全面贯彻落实⟦“坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量⟧\n"
    "发展，更好统筹发展和安全，统筹推进经济社会各项事业，扎实推进共同富裕取得更为明显的实质性进展”要求。",
]

NEGATIVES = [
    "1. 深化供给侧结构性改革,推动产业转型升级。🔧\n2. 加快推进乡村振兴,促进农业现代化进程🌾\n"
    "3. 优化城市功能布局,提升城市品质和形象🏙️\n4. 加强生态环境保护,推动绿色低碳发展✅",
    "一是加强理论学习，提高政治站位和思想认识\n二是深化作风建设，提升服务群众的能力水平\n三是严守纪律规矩，筑牢拒腐防变的思想防线",
    "一、加强政治建设\n始终坚持把政治建设摆在首位。",
    "他强调：\n“要把纪律和规矩挺在前面。”",
    "以上报告，请予评议。\n\n县发展和改革局局长　刘建国\n二〇二六年十二月十八日",
    "全年开展“三服务”活动12次。\n“一线工作法”全面推行。",
    "一年来，我们以稳定发展为要务，推动经济继续保持健康发展\n经济持续稳健发展。据统计，全镇财政收入增长24.7%。",
    # A page number between whole paragraphs, or after a heading: nothing is broken.
    "全年完成固定资产投资12亿元，同比增长8%。\n— 3 —\n二、存在的问题",
    "二、主要工作开展情况和取得的成效\n\n- 4 -\n\n全年完成固定资产投资12亿元。",
    "（一）坚持党建引领，推动基层治理能力持续提升\n— 5 —\n全年召开党委会12次。",
    # Lines that end without a mark and are whole: headings, a salutation, a 落款, a date, a list of items.
    "2.述职报告是广大群众评议干部的依据\n领导干部在某个岗位上工作一段时间之后，通过述职报告汇报履职情况。",
    "会上，8位干部依次述职。科级干部全面展现了中层干部的责任担当与工作实绩\n会议指出，全体干部奋力拼搏，做出了积极贡献。",
    "尊敬的各位领导、同志们，\n现将本人一年来的思想和工作情况报告如下，请予评议。",
    "一是加强组织领导，\n二是完善工作机制，\n三是强化督导考核。",
    "全年完成投资12亿元，同比增长8%。\n2026年12月18日",
    "全年完成投资 12\n人均可支配收入3.2万元。",
    "1.\n2.\n3.",
    "一、2023年工作回顾\n2023年，全镇完成投资12亿元。",
    "全镇经济运行平稳，主要指标如下\n1.地区生产总值12亿元。\n2.财政收入3亿元。",
    "在服务群众中\n我们坚持问题导向。",
    "“海马”是这样出生的\n记者日前在基地看到，小海马已经长到三厘米。",  # a title ending in 的
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_broken_line_found(marked: str) -> None:
    found, expected = spans_of("broken-line", marked)
    assert expected
    assert [(line, column) for line, column, _end in found] == [(line, column) for line, column, _end in expected]


@pytest.mark.parametrize("text", NEGATIVES)
def test_broken_line_not_found(text: str) -> None:
    found, _expected = spans_of("broken-line", text)
    assert found == []


@pytest.mark.parametrize("marked", POSITIVES)
def test_a_break_is_reported_once(marked: str) -> None:
    """The split quote and the mark starting the second half belong to the break: no other rule reports them."""
    text = marked.replace("⟦", "").replace("⟧", "")
    draft = draft_with("results.service", text)
    rules = [f.rule for f in check_section(draft, template(), "results.service") if not f.rule.startswith("section-")]
    assert rules == ["broken-line"]


def test_an_unbalanced_quote_far_from_a_break_is_still_reported() -> None:
    text = "开展“三服务活动，走访企业86家。\n全年办结群众诉求1260件，群众满意度达到96.8%，其中“好差评”好评率为99%。"
    found, _ = spans_of("unbalanced-quote", text)
    assert found == [(1, 3, 4)]


def test_the_message_quotes_both_halves() -> None:
    draft = draft_with("results.service", "对照“四\n风”问题深入自查。")
    (finding,) = [f for f in check_section(draft, template(), "results.service") if f.rule == "broken-line"]
    assert finding.message == "“四……风”被断在两段里（常见于从PDF或网页复制的文字），请把两段接起来。"


def test_a_quotation_split_by_a_page_number_is_not_an_unbalanced_quote() -> None:
    draft = draft_with("results.service", "深入开展“四\n\n— 3 —\n\n风”问题专项整治，取得明显成效。")
    rules = [f.rule for f in check_section(draft, template(), "results.service")]
    assert rules.count("broken-line") == 1
    assert "unbalanced-quote" not in rules
