"""`typo-in-context` stays silent on proper nouns: made-up place, company and person names (our own: random pairs of
common characters) in the positions names take — before a place or organisation word, after or before a title —
while a slip in the same sentence shapes is still found."""

from __future__ import annotations

import random

import pytest

from appraisal.checks.typo_in_context import suspects

# Characters names are made of (auspicious ones, as places and firms are named) and the commonest ones of all.
NAME_CHARS = "东西南北中新安和平兴福宁康泰华明阳光河山湖江溪桥城川林丰源盛茂隆昌荣祥瑞德顺永长青云岭峰"
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
PLACE_ENDS = [
    "片区",
    "街道",
    "社区",
    "村",
    "镇",
    "乡",
    "县",
    "区",
    "市",
    "路",
    "街",
    "小区",
    "园区",
    "开发区",
    "新区",
    "大道",
    "广场",
    "花园",
    "家园",
    "湾",
    "港",
]
ORG_ENDS = [
    "公司",
    "集团",
    "医院",
    "学校",
    "中学",
    "小学",
    "幼儿园",
    "合作社",
    "农场",
    "酒店",
    "商场",
    "超市",
    "银行",
    "科技",
    "物流",
    "物业",
    "实业",
    "公园",
    "水库",
]
BEFORE = ["书记", "局长", "镇长", "主任", "同志", "经理", "院长", "董事长", "副局长", "村支书", "组长"]
AFTER = ["同志", "书记", "局长", "主任", "镇长", "经理", "等人", "一行"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"


def made_up_names(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.sample(NAME_CHARS if rng.random() < 0.7 else COMMON, 2))

    shapes = [
        lambda: (
            f"本人在{name()}{rng.choice(PLACE_ENDS)}常态化开展走访企业工作，协调解决{name()}{rng.choice(PLACE_ENDS)}等地问题。"
        ),
        lambda: f"引进{name()}{rng.choice(ORG_ENDS)}等企业，{name()}{rng.choice(ORG_ENDS)}投资建设项目。",
        lambda: (
            f"{rng.choice(BEFORE)}{rng.choice(SURNAMES)}{name()}主持会议，{rng.choice(SURNAMES)}{name()}{rng.choice(AFTER)}参加调研。"
        ),
    ]
    return [rng.choice(shapes)() for _ in range(count)]


def test_made_up_names_in_a_names_position_stay_silent() -> None:
    sentences = made_up_names(20, 1500)
    flagged = [(s, [x.candidates[0][1] for x in suspects(s)]) for s in sentences]
    assert [f for f in flagged if f[1]] == []


@pytest.mark.parametrize(
    "text",
    [
        "本人在丰云片区常态化开展走访企业工作。",  # not 风云: a place before 片区
        "协调解决荣兴片区等地问题。",  # not 荣幸
        "引进隆西物业、康丰公司等企业。",  # not 陇西, not 分公司
        "局长姜川峰主持会议，董时子镇长参加调研。",  # a surname after a title, a name before one
        "集团副总经理魏经大一行到项目现场调研。",
        "召开领导班子述职述廉述学述法报告会，提交述职、述廉、述学、述法报告。",  # coinages in a series
        "年底前完成述学、述法。",
        "投资1650万元的锦花纺纱厂、1500万元的华盛金属公司开工。",  # a firm's name before its trade
        "占地220亩的养殖场初见成效。",  # a measure word after a figure: 亩的 is not 目的
        "深入原廖皇寺村民小组，建设省道锦黄线。",  # a name of three before 寺; a road before 线
        "坚持以为民为宗旨，以育民为中心，以安民为保障。",  # a coinage in a repeated frame: not 渔民
        "督导居民拆除私搭乱建，完成二园移址改建。",  # present-day 公文 words the dictionary now holds
        "实现数据资产入表等多个“首创”，成功进入川企百强。",  # 川企 is not 川崎: a name is not corrected into another
    ],
)
def test_names_and_series_of_coinages_stay_silent(text: str) -> None:
    assert list(suspects(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "全面惯彻落实街道党工委部署。",  # a slip a word away from a place word is still one
        "认真惯彻落实公司党委决策。",
        "以实际行动章显了新时代的担当。",
        "局长在会上强调要全面惯彻落实。",  # after a title, but no surname: not a name
        "全面惯彻全市工作会议精神。",  # 全市 closes no name
        "全面惯彻落实会议精神，全面贯彻落实上级部署。",  # the same frame around the correction: a slip
    ],
)
def test_slips_near_names_positions_are_still_found(text: str) -> None:
    assert [x.wrong for x in suspects(text)] == ["惯" if "惯" in text else "章"]


@pytest.mark.parametrize(
    "text", ["XX局张三姓名：张三　单位：某区商务局", "某局张三姓名、职务", "县教育局王芳同志参加培训。"]
)
def test_a_person_after_the_unit_is_no_slip_for_a_title(text: str) -> None:
    assert list(suspects(text)) == []  # not 局长: a person introduced by the body they work for


@pytest.mark.parametrize("text", ["局张在会上讲话。", "会议由局张主持会议。"])
def test_a_title_misspelt_before_its_verb_is_still_found(text: str) -> None:
    assert [x.candidates[0][1] for x in suspects(text)] == ["局长"]


def test_a_word_written_twice_is_no_series_of_coinages() -> None:
    assert [x.wrong for x in suspects("要认真惯彻、惯彻到底。")] == ["惯", "惯"]


@pytest.mark.parametrize(
    "text",
    [
        # Flagged before (机电, 一家): a short item of a list whose other items are names closed by a place or trade
        # word is a name too.
        "引进华庭宾馆、雅肌电商、百通物流等一批企业。",
        "辖区有新亚酒店、永辉超市、嘉怡家纺等商户。",
    ],
)
def test_a_firm_in_a_list_of_firms_stays_silent(text: str) -> None:
    assert list(suspects(text, document=text)) == []


def test_a_slip_in_a_list_of_firms_that_is_no_name_is_still_found() -> None:
    text = "走访了新华书店、惯彻落实小组、区供销社等单位。"  # an item of seven characters: not a firm's name
    assert [s.wrong for s in suspects(text, document=text)] == ["惯"]
    text = "全面惯彻、落实会议精神。"  # no item closed by a place or trade word
    assert [s.wrong for s in suspects(text, document=text)] == ["惯"]


def test_a_measure_word_after_a_figure_is_no_slip() -> None:
    """Flagged before (中小型): jieba tags 宗, 栋 as other words, yet after a figure they count things."""
    for text in ("完成了12宗小型水利工程。", "新建3栋小型仓库。"):
        assert list(suspects(text, document=text)) == []


def test_an_abbreviated_body_closes_a_name() -> None:
    """Flagged before (居住): the non-word ends inside the abbreviation of a government body (住建部, 发改委)."""
    for text in ("10月25日，据住建部官网消息，新开工住房120套。", "据住建部门统计，全年开工100套。"):
        assert list(suspects(text, document=text)) == []
    text = "他们据住在河边的老房子里。"  # no body after it: 居住
    assert [s.wrong for s in suspects(text, document=text)] == ["据"]
    text = "组织村级干部参加培训，全年陪训干部500人次。"  # 干部 is a word, no body's name: 培训 is still found
    assert [s.wrong for s in suspects(text, document=text)] == ["陪"]


def test_items_of_a_series_that_share_two_characters_stay_silent() -> None:
    """Flagged before (职责, 担负): three items open with different characters before the same two."""
    text = "引导党员干部知责于心、担责于身、履责于行。"
    assert list(suspects(text, document=text)) == []
    text = "全面惯彻、落实、推进。"  # a list, but its items share nothing: the slip is still found
    assert [s.wrong for s in suspects(text, document=text)] == ["惯"]


def test_the_items_of_a_list_the_writer_counts_are_names() -> None:
    """Flagged before in our own guidance (东部): a list of as many items as the count after it, of places or bodies
    (`禾丰、柳岸、新桥、东埠4个社区`); a count of other things, or a count that differs, says nothing of the items."""
    assert list(suspects("联系禾丰、柳岸、新桥、东埠4个社区，年内还牵头负责改造。")) == []
    assert list(suspects("走访东埠、新桥两个村。")) == []
    assert [x.wrong for x in suspects("联系禾丰、柳岸、新桥、东埠3个社区。")] == ["埠"]
    assert [x.wrong for x in suspects("认真惯彻、落实2个文件。")] == ["惯"]
