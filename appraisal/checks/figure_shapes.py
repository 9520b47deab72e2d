"""More shapes of a missing figure for `missing-figure`, beyond a unit with no number before it: the places in a
sentence where a number must stand and none does.

- A rate or share with a verb that needs its figure, then the clause ends: `合格率达，` `完成率为。`
  `占比提高到；` (`满意度明显提升` has no such verb and is fine).
- A magnitude with 余/多 and nothing before it: `节约资金万余元` (1万余元?), `争取资金亿多元`.
- A measure word between a verb of doing or counting and the thing counted: `建成个服务点`, `新增家企业`,
  `开展次专项检查`, `覆盖个村`, `累计件信访事项` — unless the measure word begins a word there (`完成项目`,
  `建立台账`, `召开座谈会`).
- A count unit with nothing before it at the end of a clause: `接待群众批人次，` `走访企业家次。`
- A blank left as spaces before a measure word that ends a clause: `接待来访群众 人次，` `接受上访信件 件，`.
- A measure word at the end of a clause right after what it counts or after a closing quote:
  `整改隐患处，` `响应“吹哨”次。`
- A month with no number (`自月份运行以来`), a measure word after a verb and 了 (`设置了个职能窗口`); `已发生多起`
  is Chinese for "several", so `多` before a measure word is left alone.
- A rank with no number: `排名第位`, `第批`; a class with no numeral: `水质均值为类`; a multiple with no number:
  `比上年增长倍`.
- The traces of a report whose figures were all stripped: a rate of growth that is a clause of its own right after an
  amount (`完成投资亿元，增长；`), a ratio or value with nothing after its colon (`面积比调整为：，`), a share with
  nothing before its `以上` or nothing at all (`占农业总产值的以上`, `完成全年目标任务的。`), a lone 元 or 美元 after
  what is counted in it (`人均可支配收入达到元，` `实际利用外资美元。`), and a measure word at the end of a clause
  after a verb of counting and the thing counted (`新增农民专业合作社个，` `惠及农户户。`) — only 个, 项, 户, 处, 座,
  and not where they end a word (`办事处`, `依法查处`; 所, 家, 场 end too many: `交易所`, `企业家`, `出场`); and
  one right after such a verb (`整顿提升个，` `新建个。`).

Each gives (gap, start, end): where the number goes, and the words the message quotes (`合格率达`, `建成个`).
"""

from __future__ import annotations

from collections.abc import Iterator

from appraisal.checks.chars import HAN
from appraisal.text.lazy_regex import lazy_compile

_END = "，。；！？,;!?"
_RATE_VERB = lazy_compile(
    r"(?:率|比例|比重|占比|增速|增幅|降幅|满意度|知晓率|覆盖面)(?:均|已|分别|同比|平均|总体|稳定|累计)?"
    r"(?:达到|达|为|是|提高到|提升到|提高至|提升至|下降到|下降至|降至|降到|增至|保持在|稳定在|控制在|超过|突破)"
    rf"(?=[{_END}、）)]|$)"
)
_NOT_A_NUMBER = "〇零一二两三四五六七八九十百千几数近逾超过破上成"  # what may stand for the number before 万余
# The magnitude first, what stands before it tested after it (lookbehinds first, the engine tries every place).
_ABOUT = lazy_compile(rf"[万亿](?<=[{HAN}][万亿])(?<![{_NOT_A_NUMBER}][万亿])(?:余|多)(?=万?元|美元)")
_VERBS = (
    "建成|新建|建设|建立|组建|成立|设立|创建|打造|培育|新增|引进|签约|开工|竣工|举办|开展|召开|组织|接待|受理|办结|"
    "查处|化解|排查|整改|发放|救助|走访|慰问|帮扶|培训|完成|实施|储备|谋划|出台|制定|修订|印发|撰写|形成|发现|解决|"
    "协调|拆除|清理|整治|检查|抽检|审查|办理|评选|表彰|选树|命名|认定|改造|新培育|新引进|新签约|设置|"
    "共有|共计|累计|合计|总计|覆盖|惠及|涉及|带动|吸纳"
)
_MEASURES = "个家项件户所座条批场次名处期篇套台起支类份"
_VERB_SET = frozenset(_VERBS.split("|"))
_VERB_ENDS = "".join(sorted({verb[-1] for verb in _VERB_SET}))
_MEASURE_BEFORE_HAN = lazy_compile(rf"[{_MEASURES}](?<=[{_VERB_ENDS}了][{_MEASURES}])(?=[{HAN}])")
# A measure word that begins a word after such a verb: `完成项目`, `建立台账`, `召开座谈会`, `组织起来`.
_WORDS_AFTER_TEXT = (
    "个人 个别 个性 个体 个案 个税 个数 家庭 家园 家乡 家属 家风 家教 家长 家具 家电 "
    "家政 家族 家访 项目 件数 户籍 户外 户口 户主 户厕 户型 户数 所有 所在 所属 所得 "
    "所以 座谈 条件 条例 条款 条线 条块 批示 批复 批准 批评 批次 场景 场所 场地 场馆 "
    "场次 次数 次序 名单 名称 名义 名额 名录 名片 名牌 名优 处理 处置 处室 处罚 处分 "
    "期间 期限 期末 期初 期刊 期望 期待 篇章 套餐 台账 台阶 台风 起草 起步 起来 起点 "
    "起诉 起始 支部 支持 支付 支出 支撑 支援 支柱 支队 类型 类别 份额 条形 项次 家次 "
    "户次 户均 个个 家家 户户 名副 名列 家喻 所谓 条理 "
)
_WORDS_AFTER = frozenset(_WORDS_AFTER_TEXT.split())
_COUNT_UNIT = lazy_compile(rf"(?:批多人次|批人次|人次|批次|家次|户次|场次)(?=[{_END}]|$)")
# `多` with nothing in front of it before a measure word at a clause's end: `办理各类事务多起，` (not 许多, 较多 …).
_MANY = lazy_compile(
    rf"(?<=[{HAN}])(?<![许较很诸众颇甚繁偏过太好大增最更])多(?=[起个家项件名户次场批处条篇](?:[{_END}、]|$))"
)
# A month with no number: `自月份运行以来` (not 本月份, 各月份).
_MONTH = lazy_compile(r"(?:(?<=[自从于至到])|(?<=截至))月份")
_HAN_OR_QUOTE = lazy_compile(f"[{HAN}”》]")
_COUNTED_THINGS = lazy_compile(
    r"(?:隐患|问题|矛盾|纠纷|案件|线索|项目|群众|活动|会议|诉求|事项|人员|干部|党员|村民|学员|场所|单位|门店|商户|车辆|"
    rf"设施|设备|文件|信息|稿件|简报|提案|建议|议案|”|》)(?P<measure>[{_MEASURES}])(?=[{_END}]|$)"
)
# A blank left as spaces between the words and a measure word that ends the clause: `接待来访群众 人次，`
# `接受上访信件 件，` (the template's number never filled in; a figure broken across lines is broken-line's). Two Han
# characters before the blank: a name spaced out to three (`王 名`) is not one.
_SPACED = lazy_compile(
    rf"(?<=[{HAN}]{{2}})[ \u3000\u00a0]+(?:余|多)?(?:人次|批次|场次|户次|家次|[{_MEASURES}])(?=[{_END}、]|$)"
)
_RANK = lazy_compile(r"(?<!次)第(?=[名位批届期])")
# A multiple with its number left out: `比上年增长倍`, `产值提高了倍` (`成倍增长`, `倍增` are words).
_TIMES = lazy_compile(r"(?:增长|提高|增加|扩大|提升|翻|达到|是上年的|为上年的)了?(?=倍(?![数增]))")
# A class with its numeral left out: `水质均值为类，` `达到或优于类的比例` (Ⅲ类, 二类).
_CLASS = lazy_compile(r"(?:为|于|到|属于|是)(?=类(?:[，。；、,;]|的|$))")


_GROWTH_WORDS = ("增长", "下降", "增加", "减少", "提高", "降低", "上升", "下滑")
_GROWTH = lazy_compile(
    rf"[，,](?<=[元亩吨人户个家项%％米里次][，,])(?:同比|比上年|较上年|比去年|较去年)?"
    rf"(?:{'|'.join(_GROWTH_WORDS)})了?(?=[{_END}])"
)
# Whether a line holds a character a rate word holds: one search of a class, in C (an `any` over the characters,
# `in` each, took three times as long on the benchmark's lines).
_RATE_WORDS = lazy_compile("[率比速幅度面]")
# not 是：， (`主要做法是：，`); the colon first, what stands before it tested after it (a lookbehind first is tried at
# every place of the line)
_COLON_EMPTY = lazy_compile(r"[：:](?<=[为达比][：:])(?=[，。；、,;])")
_SHARE_WORDS = r"(?:任务|目标|计划|总量|总数|总额|总值|总产值|总收入|总人口|总面积|比重|总和|全部)"
_SHARE = lazy_compile(
    rf"(?:占|占到|完成|达到|相当于)[^{_END}：:]{{0,16}}?{_SHARE_WORDS}的(?P<about>以上|左右|以下)?(?=[{_END}、]|$)"
)
_BARE_YUAN = lazy_compile(
    rf"(?:人均|户均|每人|每户|每亩|每名|补助|补贴|奖励|资助|收入|达到|到达|增至|提高到|增加到)(?P<unit>美?元)(?=[{_END}、]|$)"
)
_BARE_DOLLAR = lazy_compile(rf"(?:外资|到位|到账|折合|出口额|进口额|创汇)(?P<unit>美元)(?=[{_END}、]|$)")
_COUNTING_VERBS = (
    "新增|新建|新培育|培育|新认定|认定|惠及|覆盖|建成|打造|引进|组建|成立|新设|设立|创建|走访|慰问|帮扶|举办|开展|"
    "召开|排查|整改|化解|办结|受理|查处|发放|救助|培训|表彰|评选|改造|拆除"
)
# Only measure words that seldom end a word: 所 (交易所), 家 (企业家), 场 (出场), 件 (文件), 名 (排名) … do.
_COUNTED_AT_END = lazy_compile(
    rf"(?:{_COUNTING_VERBS})了?(?P<thing>[{HAN}]{{2,8}}?)(?P<measure>[个项户处座])(?=[{_END}、]|$)"
)
# Words these measure words end: `设立办事处`, `依法查处`, `开展专项` are no missing numbers.
_ENDS_A_WORD_TEXT = (
    "整个 各个 每个 这个 那个 哪个 单个 半个 逐个 "
    "事项 款项 立项 强项 弱项 选项 专项 单项 多项 各项 逐项 "
    "办事处 管理处 联络处 好处 难处 用处 住处 到处 各处 此处 之处 深处 远处 长处 短处 益处 去处 出处 "
    "相处 查处 惩处 判处 论处 "
    "讲座 宝座 星座 底座 基座 插座 在座 满座 客座 "
)
_ENDS_A_WORD = frozenset(_ENDS_A_WORD_TEXT.split())
# 户 ends too many words (贫困户, 用户): only after the people it counts (`惠及群众户`) or doubled (`惠及农户户`).
_HOUSEHOLDS = ("群众", "居民", "村民", "家庭", "农民", "职工", "农户", "住户")
# A measure word doubled after the thing counted is a missing number whatever the thing (`惠及农户户`).
# A verb of doing or counting right before a measure word that ends the clause: `整顿提升个，` `新建个。`.
# Found measure word first (one class the engine skips to) and the verb read back from it with `endswith`: a
# hundred verbs first were tried at every place of every line. The same places as the verbs first: no verb holds a
# mark, so a verb never spans a measure word that ends a clause.
_MEASURE_ENDS_CLAUSE = lazy_compile(rf"[个项件家户处座](?=[{_END}、]|$)")
_VERBS_BEFORE_MEASURE = frozenset((*_VERB_SET, "提升", "转化", "整顿", "达标", "验收", "销号"))
_VERB_LENGTHS = sorted({len(verb) for verb in _VERBS_BEFORE_MEASURE})


def _verb_ends_at(line: str, at: int) -> bool:
    """Whether a verb of `_VERBS_BEFORE_MEASURE` ends at `at`: a set looked up per length (`endswith` with the
    tuple compared every verb)."""
    return any(line[max(0, at - n) : at] in _VERBS_BEFORE_MEASURE for n in _VERB_LENGTHS)


def _words_before(line: str, at: int, count: int = 4) -> int:
    """Where the few Chinese words before `at` begin (for the message)."""
    start = at
    while start > 0 and at - start < count and _HAN_OR_QUOTE.match(line[start - 1]):
        start -= 1
    return start


def stripped_colon(line: str, at: int) -> bool:
    """Whether the colon at `at` is a stripped figure's (`调整为：，`): a missing figure, not two marks in a row."""
    return _COLON_EMPTY.match(line, at) is not None


Gap = tuple[int, int, int]  # where the number goes, and the start and end of the words the message quotes


def gaps(line: str) -> Iterator[Gap]:
    """(gap, start, end) of every place in `line` where a number is missing, in these shapes."""
    yield from _rates(line)
    yield from _measures(line)
    yield from _numbers_left_out(line)
    yield from _stripped(line)


def _rates(line: str) -> Iterator[Gap]:
    """A rate with a verb and no figure (`合格率达，`), a magnitude with 余/多 and nothing before it (`万余元`)."""
    if _RATE_WORDS.search(line) is not None:
        for match in _RATE_VERB.finditer(line):
            yield match.end(), _words_before(line, match.start(), 2), match.end()
    if ("万" in line or "亿" in line) and ("余" in line or "多" in line):
        for match in _ABOUT.finditer(line):
            end = line.index("元", match.end()) + 1
            yield match.start(), _words_before(line, match.start(), 2), end


def _measures(line: str) -> Iterator[Gap]:
    """A measure word with no number: after a verb of doing (`建成个服务点`), a count unit (`批人次，`), after the
    thing counted at a clause's end (`整改隐患处，` `响应“吹哨”次。`)."""
    for match in _MEASURE_BEFORE_HAN.finditer(line):  # the measure word first: far fewer places than verbs
        at = match.start()
        done = at - 1 if line[at - 1] == "了" else at  # `设置了个职能窗口`
        verb = next((line[done - n : done] for n in (2, 3) if line[done - n : done] in _VERB_SET), None)
        if verb is not None and line[at : at + 2] not in _WORDS_AFTER:
            yield at, done - len(verb), at + 1
    if "次" in line:
        for match in _COUNT_UNIT.finditer(line):
            before = line[match.start() - 1 : match.start()]
            if before and _HAN_OR_QUOTE.match(before) and before not in _NOT_A_NUMBER + "万亿多余":
                yield match.start(), _words_before(line, match.start(), 2), match.end()
    if " " in line or "\u3000" in line or "\u00a0" in line:
        for match in _SPACED.finditer(line):
            at = len(match.group()) - len(match.group().lstrip(" \u3000\u00a0")) + match.start()
            yield at, _words_before(line, match.start(), 4), match.end()
    for match in _COUNTED_THINGS.finditer(line):
        at = match.start("measure")
        closer = line[at - 1]
        opener = line.rfind("“" if closer == "”" else "《", 0, at - 1) if closer in "”》" else -1
        yield at, opener if opener >= 0 else _words_before(line, at, 2), at + 1


def _numbers_left_out(line: str) -> Iterator[Gap]:
    """A multiple (`增长倍`), a class (`为类，`), a rank (`第位`) or a month (`自月份`) with no number."""
    if "倍" in line:
        for match in _TIMES.finditer(line):
            yield match.end(), _words_before(line, match.start(), 2), match.end() + 1
    if "类" in line:
        for match in _CLASS.finditer(line):
            yield match.end(), _words_before(line, match.end(), 3), match.end() + 1
    if "第" in line:
        for match in _RANK.finditer(line):
            yield match.end(), _words_before(line, match.end(), 3), match.end() + 1
    if "月份" in line:
        for match in _MONTH.finditer(line):
            yield match.start(), _words_before(line, match.start(), 2), match.end()


def _stripped(line: str) -> Iterator[Gap]:
    """The shapes a report leaves when its figures were stripped (see the module's docstring)."""
    for match in _MEASURE_ENDS_CLAUSE.finditer(line):
        at = match.start()
        after_verb = _verb_ends_at(line, at) or (line[at - 1 : at] == "了" and _verb_ends_at(line, at - 1))
        if after_verb and line[at - 1 : at + 1] not in _ENDS_A_WORD and line[at - 2 : at + 1] not in _ENDS_A_WORD:
            yield at, _words_before(line, at, 4), at + 1
    for match in _GROWTH.finditer(line):  # no test of a growth word first: two lines in three hold one
        yield match.end(), match.start() + 1, match.end()
    if "：" in line or ":" in line:
        for match in _COLON_EMPTY.finditer(line):
            yield match.end(), _words_before(line, match.start(), 3), match.end()
    if "的" in line:
        for match in _SHARE.finditer(line):
            about = match.start("about")
            if about >= 0:
                yield about, _words_before(line, about - 1, 4), match.end()
            else:
                yield match.end(), _words_before(line, match.end(), 4), match.end()
    if "元" in line:
        dollars = _BARE_DOLLAR.finditer(line) if "美元" in line else ()
        for match in (*_BARE_YUAN.finditer(line), *dollars):
            at = match.start("unit")
            if not line[:at].endswith("单位为"):
                yield at, _words_before(line, at, 4), match.end()
    yield from _counted_at_end(line)


def _counted_at_end(line: str) -> Iterator[Gap]:
    """A measure word ending a clause after a verb of counting and the thing counted (`新增农民专业合作社个，`)."""
    for match in _COUNTED_AT_END.finditer(line):
        thing, measure = match.group("thing"), match.group("measure")
        tail = thing[-2:] + measure
        doubled = thing.endswith(measure)
        if thing[-1] in _NOT_A_NUMBER or thing[-1] == "第":
            continue  # the number is there: `新建厂房三座`, `举办第四期`
        if _COUNT_UNIT.match(line, match.start("measure") - 1):
            continue  # `走访企业家次`: a count unit, reported as one above
        if measure == "户" and not thing.endswith(_HOUSEHOLDS):
            continue
        if doubled or not (tail in _ENDS_A_WORD or tail[1:] in _ENDS_A_WORD):
            at = match.start("measure")
            yield at, _words_before(line, at, 4), at + 1
