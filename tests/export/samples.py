"""Sample drafts for the export tests: an invented 区发改局 deputy director's 2026 summary, written for this project,
and a four-level template."""

from __future__ import annotations

import datetime as dt

from appraisal.templates import Template

EXPORT_DATE = dt.date(2026, 12, 8)

SECTIONS = {
    "intro": (
        "2026年，在局党组的坚强领导下，我认真履行副局长职责，分管项目服务、价格和信用体系建设工作，"
        "现将一年来的情况报告如下。"
    ),
    "conduct": (
        "始终把政治标准放在首位，自觉在思想上政治上行动上同党中央保持高度一致，坚决落实区委、区政府各项决策部署。\n"
        "严格遵守中央八项规定及其实施细则精神，带头执行“三重一大”集体决策制度，重大事项及时向主要负责同志请示报告。"
    ),
    "study": (
        "全年参加局党组理论学习中心组学习12次，撰写心得体会4篇，在全局干部大会上作专题辅导1次。"
        "坚持带着问题学，围绕优化营商环境、扩大有效投资等重点课题开展调研，形成调研报告2篇，其中1篇获区领导批示。"
    ),
    "results.service": (
        "一年来，牵头推进全区重点项目建设，全年共安排区级重点项目86个，完成投资142.6亿元，同比增长8.3%。\n"
        "建立项目“周调度、月通报”机制，协调解决用地、用能、审批等问题57个，推动12个项目提前开工。"
    ),
    "results.duties": (
        "分管的价格工作平稳有序，全年开展成本监审3项，完成居民阶梯水价调整听证1次，未发生价格异常波动。"
        "信用体系建设扎实推进，归集各类信用信息31万条，办理信用修复申请214件，区城市信用监测排名较上年提升6位。"
    ),
    "results.innovation": (
        "探索推行企业投资项目“承诺制+标准地”改革，将一般工业项目从拿地到开工的时间压缩至45个工作日以内，"
        "相关做法被市发展改革委转发推广。"
    ),
    "results.foundation": (
        "着眼长远，组织编制全区“十五五”重大项目储备库，首批入库项目210个，总投资约1260亿元；"
        "梳理完善项目审批服务事项清单，为今后项目谋划和储备打下基础。"
    ),
    "party": (
        "认真履行“一岗双责”，定期研究分管科室党建工作，参加所在支部组织生活会，讲专题党课1次，"
        "指导分管科室党员开展志愿服务12次。"
    ),
    "law": "严格依法履职，分管领域行政规范性文件全部经过合法性审查；全年办理行政复议和诉讼案件各1件，均未被纠错。",
    "integrity": (
        "严格落实党风廉政建设责任制，与分管科室负责人签订廉政责任书，对项目审批、资金安排等关键环节开展廉政风险排查，"
        "排查风险点18个，制定防控措施26条。本人及家属无违规经商办企业情况。"
    ),
    "weakness.work": "最不满意的是部分重点项目前期工作进度偏慢，有3个项目因征迁问题未能按计划开工。",
    "weakness.ability": "最需要提高的是运用数字化手段分析研判经济运行的能力，今后将加强数据分析方面的学习。",
}


def deep_template(*, run_in: bool = False) -> Template:
    """Four heading levels, an optional empty section and a heading-less closing section."""
    return Template.model_validate(
        {
            "id": "deep",
            "name": "四级标题",
            "run_in_headings": run_in,
            "sections": [
                {"id": "intro", "title": "开头语", "heading": False},
                {
                    "id": "work",
                    "title": "主要工作",
                    "children": [
                        {
                            "id": "work.a",
                            "title": "经济工作",
                            "children": [
                                {
                                    "id": "work.a.x",
                                    "title": "项目建设",
                                    "children": [
                                        {"id": "work.a.x.one", "title": "重点项目", "required": True},
                                        {"id": "work.a.x.two", "title": "一般项目"},
                                    ],
                                },
                                {"id": "work.a.y", "title": "招商引资", "required": True},
                            ],
                        },
                        {"id": "work.b", "title": "社会事业"},
                        {"id": "work.c", "title": "民生实事", "required": True},
                    ],
                },
                {"id": "spare", "title": "其他"},
                {"id": "plans", "title": "下步打算", "required": True},
                {"id": "closing", "title": "结束语", "heading": False},
            ],
        }
    )
