"""`placeholder`: text left to be filled in. Positives and hard negatives in the style of real reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from appraisal.checks import RULES, check_draft
from appraisal.checks.documents import check_document

from .marks import draft_with, spans_of, template

POSITIVES = [
    # A lone X before a title or a name, an X at either end of a range, single underscores (issue 19 item 11).
    "县委⟦x⟧书记要求我们当知行合一的奋斗者，⟦X⟧同志作了表态发言。",
    "组织开展⟦X⟧社区“邻里节”活动，居民参与率明显提高。",
    "全年约谈提醒干部⟦x-x⟧人次，新建示范点⟦3～x⟧个。",
    "完成时间：⟦_月_日⟧；填报日期：⟦2026年_月_日⟧。",
    "由于⟦_⟧总体进展顺利，街道被评为示范街道。",
    "写出心得体会⟦_⟧篇，修通水泥路近⟦_⟧公里。",
    "⟦*⟧街道认真贯彻落实区委全会精神，中共⟦*⟧市 ⟦*⟧ 镇第四届代表大会胜利召开。",
    "全面落实省委“⟦x+x+x⟧”工作部署。",
    "与⟦x⟧传媒大学合作建成影视基地，编印一本⟦x⟧故事书。",
    "PM2.5平均浓度为⟦X⟧微克/立方米，⟦X⟧河当涂段水质稳定。",
    "按照县委⟦X⟧届⟦X⟧次全会和⟦X⟧县党代会安排，落实对⟦X⟧系列重要指示精神。",
    "2014⟦年 月 日⟧",
    "⟦20XX⟧年，在局党组的坚强领导下，我认真履行岗位职责。",
    "积极参加⟦XX⟧党校组织的中青年干部培训班，考试成绩优秀。",
    "配合⟦××⟧区开展联合执法行动，查处违法经营行为。",
    "全年办理行政许可事项⟦X⟧件，办结率达到100%。",
    "完成投资⟦X.X⟧亿元，同比增长⟦XX⟧%。",
    "于⟦X⟧月⟦X⟧日前完成全部整改任务。",
    "联系⟦**⟧区⟦**⟧街道开展结对共建。",
    "协助⟦某某⟧同志完成了专项审计的配合工作。",
    "全年共走访企业⟦____⟧家，帮助解决实际问题。",
    "全年共走访企业⟦＿＿＿⟧家，帮助解决实际问题。",
    "牵头组织⟦（此处填写活动名称）⟧，参与群众达到3000余人次。",
    "⟦【单位名称】⟧被评为全市商务系统先进集体。",
    "创新工作的具体成效⟦待补充⟧。",
    "⟦TODO⟧ 补写招商引资部分的数据。",
    "⟦201×⟧年以来，连续多年被评为优秀公务员。",
    "⟦20**⟧年度考核为优秀等次。",
    "全年新增供地⟦X⟧宗，保障了重点项目用地需求。",
    "全市营商环境评价排名第⟦X⟧，较上年前移5位。",
    "协调⟦X⟧科技公司落户经开区，完成注册登记。",
    "走访企业⟦_⟧家，收集意见建议46条。",
    "规模以上工业增加值下降⟦xx⟧2.3%，降幅比上年收窄。",
    "农村居民人均增收⟦xx⟧36元，增幅居全县前列。",
    "1⟦20xx⟧年，全面完成年度目标任务。",
    "本人任⟦**⟧县人社局副局长，协助⟦**⟧县委组织部做好干部培训工作。",
    "全面落实⟦**⟧重点工作⟦**⟧清单，逐项销号管理。",
    "参加⟦X⟧市党校中青年干部培训班学习。",
    "全年召开专题工作会议⟦x⟧次，在前进路和⟦xx⟧大道沿街安装宣传牌⟦xx⟧个。",
    "负债高达1.5亿元（包括利息⟦xx⟧万元），⟦xx⟧年全系统亏损780万元。",
    "与 ⟦X⟧ 业务工作同部署、同落实，为推进 ⟦X⟧ 政治生态持续向好营造了良好环境。",
    "全年办理群众来信⟦xx⟧件，按期办结率100%。",
    "在防汛救灾中的表现⟦（请补充典型事例）⟧，受到群众好评。",
    "根据区政府⟦〔…〕⟧号文件要求，新建道路⟦*⟧公里。",  # brackets of blanks; a lone star before a unit
    "转发《关于做好防汛工作的通知》（区办发⟦〔*〕⟧12号），新增绿地⟦*⟧平方米。",
    "全年开展⟦【  】⟧次专项检查，投入⟦*⟧万元。",
]

NEGATIVES = [
    "系统账号为nongye_2026，资料文件名为“述职报告_终稿.docx”，存放在内部网络。",
    "X光机、X射线检测均为行业术语，X山水系统另行说明。",
    "引进X系列产品，开展X型检测。",
    "坚持“1+4+1”工作体系，计算公式为a*b，注*：数据为初步统计。",
    "对照X光机、X射线设备的使用规范，开展1-2次专项检查，Excel表格按月报送。",
    "为企业员工统一采购XXL码工作服，节约经费1.2万元。",
    "协调医院购置X光机和X射线防护设备，改善基层诊疗条件。",
    "新建标准化厂房3×4排，总建筑面积2.6万平方米。",
    "推进200×300米的物流仓储用地平整工作。",
    "全年X光机检查人数1.2万人次，排名第三。",
    "第X代移动通信和XR应用场景建设稳步推进。",
    "查验集装箱3x20尺柜，抽检比例10%。",
    "文件编号为DOC_2026_001，归档编号为A_12。",
    "推行“1+X”证书制度，培训技能人才860人。",
    "组建“X+1”服务专班，实行专人专班服务。",
    "为卫生院购置 X 光机和 X 射线防护设备，比较 A 方案与 B 方案的优劣。",
    "统计资料有待补充完善，下一步将加强数据核实。",
    "相关数据尚待核实，暂不对外公布。",
    "企业变量名统一为 biz_id 和 shop__code，便于系统对接。",
    "相关信息已在 http://xx.example.gov.cn/todo_list 公开。",
    "TODOS 是一款任务管理软件，我们未予采用。",
    "某企业因违规经营被依法查处，某种程度上起到了警示作用。",
    "2019年以来，连续多年被评为优秀公务员。",
    "深入学习《中华人民共和国行政许可法》第二十条的规定。",
    "【典型案例】社区便民服务中心实现“一站式”办理。",
    "***",
    "坚持“一岗双责”，做到两手抓、两手都要硬。",
    "完成Windows XP系统的国产化替代，更新终端设备120台。",
    "开展第X代移动通信基站建设调研。",
    "组队参加全市机关运动会4×100米接力比赛并获得第二名。",
    "根据《关于加强基层治理的意见》（区委发〔2026〕3号），实行7*24小时值守。",  # a real 文号, a product
    "【重点工作】全年新建道路3公里*，注：*为初步统计数据。",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_placeholder_found(marked: str) -> None:
    found, expected = spans_of("placeholder", marked)
    assert expected, "a positive case marks what is expected"
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_placeholder_not_found(marked: str) -> None:
    found, expected = spans_of("placeholder", marked)
    assert expected == []
    assert found == []


def test_enough_cases() -> None:
    assert len(POSITIVES) >= 10 and len(NEGATIVES) >= 10


def test_markdown_emphasis_is_formatting_only_in_a_markdown_file(tmp_path: Path) -> None:
    """`**重点工作**` in a .md file is bold; the same text in a .txt file is two blanks left in."""
    body = "一、品行修养\n全面落实**重点工作**清单，逐项销号管理，全年完成整改任务36项。\n"
    found = {}
    for suffix in (".md", ".txt"):
        path = tmp_path / f"总结{suffix}"
        path.write_text(body, encoding="utf-8")
        found[suffix] = [
            (f.line, f.column, f.end_column) for f in check_document(path).findings if f.rule == "placeholder"
        ]
    assert found[".md"] == []
    assert found[".txt"] == [(2, 5, 7), (2, 11, 13)]


def test_positions_on_later_lines_and_message() -> None:
    draft = draft_with("law", "严格依法行政。\n全年办理复议案件XX件，均未被纠错。")
    found = [f for f in check_draft(draft, template()) if f.rule == "placeholder"]
    assert [(f.section, f.line, f.column, f.end_column, f.severity) for f in found] == [("law", 2, 9, 11, "error")]
    assert found[0].message == "“XX”是未填写的占位符，请填上实际内容。"
    assert found[0].fix is None


def test_placeholder_in_the_title() -> None:
    draft = draft_with("law", "严格依法行政。")
    draft.title = "20XX年度个人总结"
    found = [f for f in check_draft(draft, template()) if f.rule == "placeholder"]
    assert [(f.section, f.line, f.column, f.end_column) for f in found] == [(None, 1, 1, 5)]
    assert found[0].message.startswith("标题中")


def test_rule_is_registered_as_an_error() -> None:
    rule = RULES["placeholder"]
    assert (rule.severity, rule.fixable) == ("error", False)
    assert rule.description
