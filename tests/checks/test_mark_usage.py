"""`punctuation`'s reviewer marks (`mark_usage`): mixed marks, 顿号 with 等 and between 一是/二是, a mark after a
bracketed Arabic number, a question mark ending a statement, a sentence mark inside 《》, straight single quotes,
`<>` for 〈〉, a document number's year without 〔〕. Each positive has its hard negatives."""

from __future__ import annotations

import pytest

from appraisal.checks import apply_fixes, check_section
from appraisal.checks.mark_usage import usage

from .marks import draft_with, spans_of, template

POSITIVES = [
    "圆满完成年度任务⟦，。⟧下一步继续努力。",
    "具体做法如下⟦：，⟧一是加强领导。",
    "主要做法是⟦：，⟧一是建强队伍。",
    "粮经种植面积比调整为⟦：:⟧粮经产值比为⟦:：⟧",  # not a stripped figure's colon: missing-figure is silent
    "确保粮食生产安全⟦；。⟧",
    "检查门店146家次⟦、，⟧立案9起。",
    "深入开展学习、培训、调研等⟦、⟧活动。",
    "组织观看、讨论⟦、⟧等环节。",
    "一是加强组织领导⟦、⟧二是完善工作机制，三是强化督导考核。",
    "（1）加强组织领导⟦、⟧（2）完善工作机制。",
    "　　（1）⟦、⟧规范农资经营。",
    "　　(2)⟦、⟧推进红色物业建设。",
    "全年未发生重大农产品质量安全事件⟦？⟧执法检查全面开展。",
    "认真学习《中华人民共和国乡村振兴促进法⟦。⟧》。",
    "推进⟦'⟧菜篮子⟦'⟧工程建设。",
    "开展了走访、座谈⟦……⟧等活动。",
    "一⟦.⟧加强理论学习",
    "　　三⟦．⟧存在的问题",
    "推进‘菜篮子⟦'⟧工程建设。",
    "根据《关于印发⟦<办法>⟧的通知》要求，《关于印发⟦<⟧**县评价办法的通知》。",
    "根据《关于印发⟦<**>⟧县评价办法的通知》要求。",
    "按照（湘政发⟦〔201910号⟧）和（益赫政发⟦201612号⟧）、（湘财绩⟦2020〕7号⟧）要求。",
    # The misuses GB/T 15834 lists itself (附录 A, B).
    "组织开展政策宣讲、入户走访⟦、⟧以及志愿服务活动。",  # A.3
    "每周下村三⟦、⟧四次，带动二⟦、⟧三十户群众。",  # A.4
    "有三⟦、⟧四名同志参加，休息五⟦、⟧六天。",  # A.4: 名 before people counts them
    "认真学习⟦《全国组织工作会议》⟧精神。",  # A.13: 精神 after it is the meeting's
    "参加⟦《全县安全生产工作会议》⟧和⟦《青年干部培训班》⟧，开展⟦《我为群众办实事实践活动》⟧。",  # A.13
    "开展理论学习、专题调研、走访慰问⟦、⟧……",  # B.2.4
    "　　首先⟦、⟧坚持政治引领。其次⟦、⟧狠抓队伍建设；第二⟦、⟧加强作风建设。",  # B.3.1
]

NEGATIVES = [
    "圆满完成年度任务。下一步继续努力。每天8:30召开调度会，比分为3:1。",
    "粮经种植面积比调整为：，粮经产值比为：。",  # a stripped figure: missing-figure's
    "开展学习、培训等活动，荣获一等、二等奖，评定、等级。",
    "一是加强组织领导；二是完善工作机制，三是强化督导考核。第1、2季度完成。",
    "（1）规范农资经营。(2)推进建设。",
    "群众满意不满意？这是标准。工作做得好不好？群众说了算。我们始终问自己：群众满意吗？是否到位？",
    "他问：“这项工作什么时候完成？”还有一篇文章《谁是最可爱的人？》。",
    "为什么群众要跑好几趟，还不要吃闭门羹？西域东瀛可有先例？环球虎年？",  # rhetorical, a title
    "认真学习《中华人民共和国乡村振兴促进法》。",
    "开展了走访、座谈等活动……一等奖。",
    "……等重大事项均经合法性审查。独立起草……等文件……份。学习、培训，……等活动。",  # blanks to fill in
    "一、加强理论学习，增长3.5个百分点，第一.5不是序号。",
    "推进‘菜篮子’工程建设，Xi'an and it's fine.",
    "人均收入>5000元，a<b。",
    "按照（湘政发〔2019〕10号）和（国办发〔2018〕35号）要求，文号[2020]12号。",
    "组织开展政策宣讲、入户走访，以及志愿服务活动；学习以及运用。",
    # A.4: two names shortened (二、三产业, 一、二年级, 第三、四季度), a heading's 一、, numbers not next to each other.
    "推进二、三产业融合，一、二年级学生，第三、四季度，三、五个村，一、二次供水，二、三次分配，区委十届三、四次全会，五、六次会议，省委三、四次、五次全会。",
    "一、二十年来坚持不懈\n　　二、三年来的主要工作",
    # A.13: documents, reports and a programme are works.
    "学习《关于召开全县安全生产工作会议的通知》《在全市经济工作会议上的讲话》，观看《中国诗词大会》。",
    "开展学习、调研，……，走访……户。",
    # A.4: two ordinals are a list, not a rough number: ranks, places, colleges, names of kinds.
    "分获一、二名，分列二、三名，位列全省一、二位，录取一、二本院校，加强一、二次设备和一、二次能源管理。",
    # A.13: a work named after a meeting: a news title with a verb, a film, a motion.
    "转发《习近平主持召开中央全面深化改革委员会第五次会议》，观看电影《遵义会议》，提交《提请召开全县安全生产工作会议》的提案。",
    # B.2.4: a heading number with an ellipsis left to fill is a template's placeholder.
    "1、……\n　　第一、……",
    # A lone < or > outside a title compares two things; <> as a pair holds a title.
    "全年收入增速>全市平均水平，收入<支出，增速>平均水平。",
    # B.3.1: ranks and numbers listed, and the words inside a clause.
    "荣获全市第一、全省第三，第一、二季度，首先、其次、最后三个层次，第一、第二批次。",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_mark_usage_found(marked: str) -> None:
    found, expected = spans_of("punctuation", marked)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_mark_usage_not_found(marked: str) -> None:
    found, expected = spans_of("punctuation", marked)
    assert expected == []
    assert found == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("圆满完成年度任务，。下一步继续努力。", "圆满完成年度任务。下一步继续努力。"),
        ("具体做法如下：，一是加强领导。", "具体做法如下：一是加强领导。"),
        ("具体做法如下:,一是加强领导。", "具体做法如下：一是加强领导。"),
        ("深入开展学习、培训、调研等、活动。", "深入开展学习、培训、调研等活动。"),
        ("一是加强组织领导、二是完善工作机制。", "一是加强组织领导；二是完善工作机制。"),
        # Inside 《》 these two fixes apply: they write the marks as every issued title does (GB/T 15834 B.4, 4.15.3;
        # test_quoted_as_issued).
        ("认真学习《乡村振兴促进法。》。", "认真学习《乡村振兴促进法》。"),
        ("开展了走访、座谈……等活动。", "开展了走访、座谈等活动。"),
        ("开展了走访、座谈...等活动。", "开展了走访、座谈等活动。"),
        ("独立起草...等文件。", "独立起草……等文件。"),  # a blank to fill: its dots made an ellipsis, not deleted
        ("一.加强理论学习", "一、加强理论学习"),
        ("推进'菜篮子'工程，推进‘米袋子'工程。", "推进‘菜篮子’工程，推进‘米袋子’工程。"),
        ("根据《关于印发<办法>的通知》要求。", "根据《关于印发〈办法〉的通知》要求。"),
        ("按照（湘政发〔201910号）要求。", "按照（湘政发〔2019〕10号）要求。"),
        ("宣讲、走访、以及志愿服务。", "宣讲、走访，以及志愿服务。"),
        ("每周下村三、四次。", "每周下村三四次。"),
        ("走访、慰问、……", "走访、慰问……"),
        ("首先、坚持政治引领。", "首先，坚持政治引领。"),
        ("参加《全县安全生产工作会议》。", "参加《全县安全生产工作会议》。"),  # which marks, the writer decides
    ],
)
def test_fixes(text: str, fixed: str) -> None:
    draft = draft_with("results.service", text)
    found = [f for f in check_section(draft, template(), "results.service") if f.rule == "punctuation"]
    assert apply_fixes(text, found) == fixed


@pytest.mark.parametrize(
    ("marked", "reported"),
    [
        ("1.加强理论学习；\n2.强化督导考核⟦；⟧\n二、存在的问题", True),
        ("（一）加强学习；\n（二）改进作风⟦；⟧\n三、下一步打算", True),
        ("（一）加强学习；\n（二）改进作风；\n（三）严守纪律。\n二、存在的问题", False),
        ("一是加强学习；\n二是改进作风；", False),
        ("1.加强理论学习；\n2.强化督导考核；\n3.严守纪律。", False),
    ],
)
def test_the_last_item_of_a_list_ends_with_a_full_stop(marked: str, reported: bool) -> None:
    found, expected = spans_of("punctuation", marked)
    assert bool(expected) == reported
    assert found == expected


def test_a_question_mark_ending_a_statement_has_no_fix() -> None:
    """`fix all` applies punctuation's fixes in bulk: a question without a word that asks is rare, not impossible."""
    assert [fix for _start, _end, _message, fix in usage("全年未发生重大农产品质量安全事件？执法检查全面开展。")] == [
        None
    ]


def test_an_unpaired_straight_single_quote_has_no_fix() -> None:
    assert [(start, fix) for start, _end, _message, fix in usage("推进'菜篮子工程建设。")] == [(2, None)]


def test_a_straight_quote_closing_a_chinese_one_is_not_an_unbalanced_quote() -> None:
    draft = draft_with("results.service", "推进‘菜篮子'工程建设，开展“三服务\"活动。")
    rules = [f.rule for f in check_section(draft, template(), "results.service")]
    assert "unbalanced-quote" not in rules and rules.count("punctuation") == 2


def test_a_counting_word_with_a_dunhao_is_named_in_the_message() -> None:
    assert [message for _start, _end, message, _fix in usage("　　其次、狠抓队伍建设。")] == [
        "“其次”作序次语，后面用逗号，不用顿号（GB/T 15834 B.3.1）。"
    ]
