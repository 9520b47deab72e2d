"""`missing-figure`: a unit or rate with its number left out. Positives from the spec and real report phrasing; hard
negatives where the unit is a word, a rate, a label, or follows a Chinese numeral or a space."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, check_draft

from .marks import draft_with, spans_of, template

POSITIVES = [
    "全年完成税收⟦亿元⟧，占全区税收总额的三成。",
    "全区网络零售额同比增长⟦%⟧，增速居全市第二。",
    "一般公共预算收入增幅⟦-%⟧，完成年度目标任务。",
    "累计投资⟦万元⟧，用于老旧农贸市场改造提升。",
    "项目一期⟦万平方米⟧厂房已完成主体施工。",
    "全年收储土地46宗、⟦亩⟧，有力保障了项目用地。",
    "完成城区主干道改造提升路段⟦公里⟧，新增停车泊位800个。",
    "出口额占比提高⟦个百分点⟧，结构持续优化。",
    "新增光伏装机容量⟦万千瓦⟧，年发电量大幅提升。",
    "接待游客⟦万人次⟧。",
    "流转土地⟦万亩⟧，发展高效设施农业。",
    "帮助企业拿到意向订单⟦亿美元⟧，稳住了外贸基本盘。",
    "辖区面积⟦平方公里⟧，常住人口12.6万人。",
    "全年实现增加值⟦亿元⟧、增长⟦%⟧，分别完成年度目标的⟦%⟧和⟦%⟧。",
    "同比增长 ⟦%⟧，高于全市平均水平。",
    "增速达到⟦—%⟧，创近年新高。",
    "建成高标准农田⟦万亩⟧，粮食产量稳中有升。",
    "排查整改隐患86处，整改率⟦……%⟧。",
    "争取上级资金⟦万元⟧以上，缓解了财政压力。",
    "全年实现营收⟦亿⟧，利润总额同比持平。",
    "帮助企业融资⟦亿⟧，用于技术改造和设备更新。",
    "引导农户流转⟦亩⟧土地，发展稻虾共养。",
    "完成核心示范区⟦亩⟧改造，带动周边连片发展。",
    "新建标准化厂房约⟦多平方米⟧，已全部招租。",
    "规上企业数量较上年增加⟦家⟧，总数达到126家。",
    "全年发生生产安全事故较上年减少⟦起⟧，安全形势总体平稳。",
    # The shapes of `figure_shapes`: a number missing in the middle of a sentence.
    "道路保洁合格率达⟦，⟧市容环境明显改善。",
    "群众满意度测评达到98%，政务服务事项按时办结率为⟦。⟧",
    "通过集中采购，节约资金⟦万余元⟧。",
    "推行“街长制”管理，建成⟦个⟧社区城管服务点。",
    "全年新增⟦家⟧规上企业，培育⟦个⟧省级示范村。",
    "接待来访群众⟦批人次⟧，办结诉求1260件。",
    "排查整改隐患⟦处⟧，整改率达到100%。",
    "全年响应社区“吹哨”⟦次⟧。",
    "在全市营商环境评价中排名第⟦位⟧。",
    "3个国考断面水质均值为⟦类⟧，饮用水水源地水质达到或优于⟦类⟧的比例达100%。",
    "村集体经济收入比上年增长⟦倍⟧，产值是上年的⟦倍⟧。",  # a multiple with no number
    "服务网络覆盖⟦个⟧行政村，累计⟦件⟧信访事项按期办结。",  # a measure word after a verb of counting
    # A report whose figures were stripped: the traces left in a sentence.
    "完成全社会固定资产投资⟦亿元⟧，增长⟦；⟧农民人均纯收入到达⟦元⟧，增长⟦。⟧",
    "全年辖区实现税收⟦万元⟧，同比增长⟦。⟧",
    "粮经种植面积比调整为：⟦，⟧粮经产值比为：⟦。⟧",
    "渔牧业产值已占到农业总产值的⟦以上⟧，带动作用增强。",
    "新增就业人数占目标任务的⟦左右⟧，完成全年目标任务的⟦。⟧",
    "对困难群众每人补助⟦元⟧，实际利用外资⟦美元⟧，按现行汇率计算折合⟦美元⟧；",
    "新增农民专业合作社⟦个⟧，惠及农户⟦户⟧，新建口袋公园⟦处⟧。",
    "软弱涣散村党组织整顿提升⟦个⟧，验收达标⟦项⟧，今年新建了⟦个⟧。",  # the verb right before the measure word
    "走访慰问困难群众⟦户⟧，新增专项债券项目⟦个⟧。",
    "带队走访企业⟦家次⟧，接待企业咨询⟦批次⟧。",  # one finding for a count unit, not a second on its 次
    "设置了⟦个⟧职能窗口，自⟦月份⟧运行以来，接待参观人员⟦批多人次⟧。",
    "全年共受理群众来信 ⟦件⟧，接待来访群众　⟦人次⟧，调处矛盾纠纷 ⟦余起⟧。",  # the blank left as spaces
]

NEGATIVES = [
    "对接推进“万亩千亿”新产业平台建设，谋划储备重大项目。",
    "全力打造万亩平台，推动产业集聚发展。",
    "新签约亿元以上项目12个，总投资78.6亿元。",
    "规划面积18平方公里的城南商贸物流片区已纳入市级重点片区。",
    "农产品流通损耗率下降到百分之五以下。",
    "成功承办预制菜产业博览会，现场签约金额三亿元。",
    "投入数十万元更新执法装备，近亿元项目顺利落地。",
    "全年实现外贸进出口总额86.4 亿元，同比增长9.2 %。",
    "实现营业收入12.5\u2009亿元，利润增长3\u2009%。",
    "每天上午8:30准时召开调度会，按1:1比例安排配套资金。",
    "万元GDP能耗同比下降，亩均税收达到每亩35万元。",
    "全年共扶持产值超亿元企业15家，新增年销售额超千万元的企业7家。",
    "各项指标增幅（%）详见附表，金额单位：万元。",
    "商品房均价为每平方米8600元，土地出让价格按元/平方米计算。",
    "提高了几个百分点，多个百分点的差距正在缩小。",
    "建成万亩良田示范区，吨钢能耗持续下降。",
    "统计行驶公里数，打通服务群众最后一公里。",
    "建成万吨级冷链物流中心，库容达到1.2万吨。",
    "营业收入增长10多万元，上缴税金100余万元。",
    "GDP同比增长率以CPI%口径测算。",
    "争取省级专项资金亿元以上的项目3个。",
    "不论涉及资金多少万元，都严格履行集体决策程序，若干个百分点的差距不容忽视。",
    "水稻亩产达到650公斤，亩均效益提高12%，田亩面积全部核实到户。",
    "持续增加个人所得税专项附加扣除宣传，个别企业仍有顾虑，多个部门联合解读。",
    "成千上万的群众受益，收入过亿，年营收破万亿，逾万人参加培训。",
    "全年实现营业收入三亿，带动就业两千人。",
    "累计培育市级以上龙头企业26家，新增规上企业 8 家。",
    "亿万农民群众的获得感持续增强，十万火急的任务也从不推诿。",
    "协调解决“急难愁盼”问题，做到件件有回音、事事有着落。",
    # Hard negatives of `figure_shapes`: the verb has its figure, or the measure word begins a word.
    "政务服务事项按时办结率达到100%，群众满意度明显提升，覆盖面不断扩大。",
    "合格率达到国家标准，占比为全市最高。",
    "捐助困难群众三万余元，争取资金近万余元。",
    "完成项目审批28个，建立台账56本，召开座谈会12场，组织起来的志愿者队伍达到1200人。",
    "开展个人有关事项报告抽查核实，成立支部3个，举办期间接待游客5万人次。",
    "全年服务群众1.2万人次，检验食品500批次。",
    "依次开展自查、互查，其次是抽查，民营企业家座谈会每季度一次。",
    "把便民服务中心建成名副其实的群众之家，考核名列前茅，打造家喻户晓的服务品牌。",  # an idiom after the verb
    "排名第三位，第一批试点已经完成，次第展开。",
    "预计完成固定资产投资4.9个亿，争取资金三个亿。",
    "水质均值为Ⅲ类，分为三类管理，属于二类的企业12家，同类问题已整改。",
    "村集体经济收入成倍增长，实现倍增计划，增长2倍，增长倍数居全市第一。",
    "带动户均增收3000元，不涉及个人隐私，覆盖所有行政村，累计12件。",
    # Hard negatives of the stripped-figure shapes: the figure is there, or the words need none.
    "完成投资3.5亿元，增长12%；农业增加值比上年有所增长，收入稳步增长。",
    "全县经济持续向好，增长势头强劲，财政收入稳定增长；",
    "具体分工调整为：",
    "比分为：3比1，结果是：全部合格。",
    "占全县总人口的三分之一以上，完成全年目标任务的98%以上，完成了计划的大部分。",
    "人均可支配收入达到3.2万元，金额单位为元，每亩补助120元，补助元旦慰问。",
    "新认定企业家，新建派出所，设立办事处，走访贫困户，查处违法案件，举办第四期，新建厂房三座。",
    "完成各项，开展专项，依法查处，逐一排查处置，整改落实个别问题，提升个人素质，新建一个。",
    "新增个体户，帮扶低保户，慰问困难户，建成服务站所。",
    "本月份完成投资3亿元，各月份均衡，截至10月份，建立了个人档案，开展了个别谈话，已发生多起，接待500批多人次。",
    "相继成立了证券交易所，活动高价请明星出场，新增规上企业家，依法查处，开展专项。",  # 所, 场, 家 end words
    "召开会议 32 场，收集诉求 18 条，局长　王 名。",  # spaces around figures; a name spaced out
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_missing_figure_found(marked: str) -> None:
    found, expected = spans_of("missing-figure", marked)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_missing_figure_not_found(marked: str) -> None:
    found, expected = spans_of("missing-figure", marked)
    assert expected == []
    assert found == []


def test_enough_cases() -> None:
    assert len(POSITIVES) >= 10 and len(NEGATIVES) >= 10


def test_message_quotes_the_words_before_the_gap() -> None:
    draft = draft_with("results.duties", "全区网络零售额同比增长%，增速居全市第二。")
    found = [f for f in check_draft(draft, template()) if f.rule == "missing-figure"]
    assert [(f.section, f.line, f.column, f.end_column) for f in found] == [("results.duties", 1, 12, 13)]
    assert found[0].message == "“同比增长%”中缺少具体数字。"
    assert found[0].severity == "error" and found[0].fix is None


def test_missing_figure_inside_an_address_is_ignored() -> None:
    found, _expected = spans_of("missing-figure", "详见 http://www.example.gov.cn/a?rate=%25万元 公开信息。")
    assert found == []


def test_rule_is_registered() -> None:
    assert (RULES["missing-figure"].severity, RULES["missing-figure"].fixable) == ("error", False)


def test_a_rate_broken_before_its_figure_is_left_to_broken_line() -> None:
    """`完成率达到` / `98%以上。`: the figure opens the next line (text copied line by line), nothing is stripped;
    the same rate with a full stop after it and a figure opening the next sentence still lacks its number."""
    broken = "推动老旧电梯更新改造86台，整改合格率达到\n98%以上。"
    assert spans_of("missing-figure", broken) == ([], [])
    stripped = "推动老旧电梯更新改造86台，整改合格率达到⟦。⟧\n98%的电梯完成改造。"
    found, expected = spans_of("missing-figure", stripped)
    assert found == expected != []
    assert spans_of("missing-figure", "整改合格率达到\n98%以上。") == ([], [])  # no clause before it: still a break


@pytest.mark.parametrize("after", ["2025年完成全部改造。", "1.加强日常巡查", "12345热线接诉即办。"])
def test_a_year_an_item_or_a_number_opening_the_next_line_is_not_the_rates_figure(after: str) -> None:
    """Only a count (`98%`, `412件`) opening the next line is the figure a line ending in `达到` was broken from."""
    found, expected = spans_of("missing-figure", f"整改合格率达⟦到⟧\n{after}")
    assert found == expected != []
