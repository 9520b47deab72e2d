"""`typo-in-context` with the context of running text: a character that is a word by itself (or part of one) but
whose neighbours fit a similar character far better (`傍边` → `旁边`, `对不气` → `对不起`), weighed with the counts of
character triples (`appraisal.checks.char_ngrams`), and a person's name known by what it is made of
(`appraisal.checks.person_names`). Each positive has hard negatives beside it; the sentences are ours."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from appraisal import paths
from appraisal.checks import char_ngrams, check_section
from appraisal.checks.person_names import person_names
from appraisal.checks.typo_in_context import suspects

from .first_run import first_run
from .marks import draft_with, template, unmark

RULE = "typo-in-context"


def findings(text: str, **others: str) -> list[tuple[int, int, int, str | None, str]]:
    draft = draft_with("results.service", text, **others)
    return [
        (f.line, f.column, f.end_column, f.fix, f.message)
        for f in check_section(draft, template(), "results.service")
        if f.rule == RULE
    ]


@pytest.mark.parametrize(
    ("marked", "fix"),
    [
        ("他坐在我的⟦傍⟧边，一句话也不说。", "旁"),  # 傍 is a word (傍晚); 旁边 fits its neighbours
        ("请大家准时参加，谢谢，对不⟦气⟧。", "起"),  # 气 is a word; 对不起 is what the pairs around it say
    ],
)
def test_a_word_in_the_wrong_place_is_found_by_its_neighbours(marked: str, fix: str) -> None:
    text, spans = unmark(marked)
    (_rule, line, column, end) = spans[0]
    assert [(f[0], f[1], f[2], f[3]) for f in findings(text)] == [(line, column, end, fix)]


@pytest.mark.parametrize(
    "text",
    [
        "他坐在我的旁边，一句话也不说。",  # the right forms of the positives
        "请大家准时参加，谢谢，对不起。",
        "开展食品安全整治百日行动，倒逼责任落实。",  # a word of the dictionary is meant: not 政治, 倒闭
        "踔厉奋发、笃行不怠，勇毅前行。",  # a rare character is typed on purpose: not 独行
        "本人在昌和村常态化开展走访企业工作。",  # before a place word: 昌和村 is a name
        "市纪委书记、市监委主任讲话。区纪委书记、区监委主任参加。",  # written twice: meant, not 建委
        "我下了课以后，就去图书馆看书。",  # 可以 would cut 以后 in two
        "做到不负组织重托、不辱发展使命、不改为民初心。",  # clauses in parallel: not 不如
    ],
)
def test_context_hard_negatives_stay_silent(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Each of these was flagged before the name model (忠良, 主动, 韦德, 政权, 渔民, 张志军, 崔健).
        "社会科学院赵仲良研究员作了报告。",
        "村里的户主董安仁自豪地说，日子越过越好。",  # the surname itself taken for a slip (主动)
        "老党员魏德义创办的合作社带动了就业。",
        "参加座谈的有沙振权、沈求安、邓宇民等。",  # names in a list, no title beside them
        "妻舅张志辉帮忙照看。",
        "（崔建时摄）",
        "宫学莉同志认真履行职责，按时完成各项任务。",
        "出席会议的有卢国纪、许连捷、叶宝山等。",  # 国际, 连接: a list of people
        "（记者王树青摄）",  # a photo's credit after a name: not 青蛇
    ],
)
def test_a_persons_name_stays_silent_without_a_title(text: str) -> None:
    assert findings(text) == []


def test_name_characters_are_told_from_slips_after_a_surname() -> None:
    names = person_names()
    assert names.in_a_name("宫学莉同志", 2) and names.in_a_name("刘志辉介绍", 2)
    assert not names.in_a_name("我们要高心工作", 3)  # 高 is a surname, but 心 is no name character
    assert not names.in_a_name("王的", 1)


def test_the_counts_prefer_the_common_sequence() -> None:
    model = char_ngrams.char_ngrams()
    assert model.gain("以我", "门", "也要", "们") > 5  # 我们 is far more common than 我门 (after 所以我)
    assert model.gain("|", "在", "加上", "再") > 0  # 再加上 at the start of a sentence
    assert model.gain("全面", "贯", "彻落", "惯") < -5  # and a slip makes the text less probable
    assert model.count("的") > model.count("彰") > 0
    assert model.triple("再加上") > model.triple("在加上")


def test_the_kept_terms_of_a_score_are_those_it_would_work_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """`score` keeps each log-probability it works out: a score asked again (kept terms) is the very float worked
    out afresh, and the store is emptied past LOG_P_KEPT terms."""
    import math

    model = char_ngrams.char_ngrams()
    asked = [
        ("以我", "门", "也要", 0),
        ("|", "在", "加上", 0),
        ("全面", "贯", "彻落", 1),
        ("|", "章", "|", 0),
        ("我", "们", "", 0),
    ]

    def afresh(before: str, ch: str, after: str, first: int) -> float:
        text, at = before + ch + after, len(before)
        return sum(
            math.log(model.p(text[max(0, end - 2) : end], text[end]))
            for end in range(at + first, min(at + 3, len(text)))
        )

    for args in asked * 2:  # the second time from the kept terms
        assert model.score(*args[:3], first=args[3]) == afresh(*args)
    monkeypatch.setattr(char_ngrams, "LOG_P_KEPT", 3)
    model.score("以我", "门", "也要")
    assert len(model._log_p) <= 3 + 3  # emptied before the terms of one score are added


def test_the_counts_looked_up_again_are_those_looked_up_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """`p`, `_stats` and `triple` keep what they look up (up to SEEN_KEPT entries each, then start again): asked
    again, each answers as a model with nothing kept does."""
    model = char_ngrams.char_ngrams()
    monkeypatch.setattr(char_ngrams, "SEEN_KEPT", 3)
    grams = ["我们也", "以我门", "再加上", "在加上", "贯彻落", "惯彻落", "|章显", "彰显|", "𠀀们", "们𠀀𠀀"]
    for _ in range(2):
        fresh = char_ngrams.CharNgrams(*model.parts())  # the same counts, nothing kept
        for gram in grams:
            assert model.p(gram[:-1], gram[-1]) == fresh.p(gram[:-1], gram[-1]), gram
            assert model.triple(gram) == fresh.triple(gram) and model.count(gram[:2]) == fresh.count(gram[:2])
        assert max(len(model._p), len(model._pairs_seen), len(model._triples_seen)) <= 3 + 1
    assert model.triple("再加上") > model.triple("在加上")


@pytest.fixture(scope="module")
def first_counts(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, char_ngrams.CharNgrams]:
    """The counts made from the data file in an empty cache folder, as a first run makes them (which writes the
    prebuilt copy): made once for the damage tests below, which each start from a copy of it."""
    return first_run(tmp_path_factory, char_ngrams.char_ngrams, char_ngrams._load, "char-ngrams-*.marshal")


@pytest.mark.xdist_group("prebuilt-counts")  # one first run for all four
@pytest.mark.parametrize("damage", [b"", b"\x00garbage", marshal.dumps({"a": 1}), marshal.dumps((1, 2, 3, 4, 5, 6, 7))])
def test_a_damaged_prebuilt_copy_of_the_counts_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_counts: tuple[str, char_ngrams.CharNgrams], damage: bytes
) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path))
    paths.resolve()  # as a face does at start
    name, first = first_counts
    (tmp_path / "cache").mkdir(mode=0o700)
    prebuilt = tmp_path / "cache" / name
    prebuilt.write_bytes(damage)
    char_ngrams._load.cache_clear()
    try:
        again = char_ngrams.char_ngrams()
        assert again.triple("再加上") == first.triple("再加上") > 0
        assert again.gain("以我", "门", "也要", "们") == first.gain("以我", "门", "也要", "们")
        assert prebuilt.read_bytes() != damage  # made again for the next process
        char_ngrams._load.cache_clear()
        assert char_ngrams.char_ngrams().count("的") == first.count("的")  # and read from it
    finally:
        char_ngrams._load.cache_clear()


@pytest.mark.xdist_group("prebuilt-counts")
def test_the_counts_are_mapped_from_their_copy_and_a_copy_cut_short_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_counts: tuple[str, char_ngrams.CharNgrams]
) -> None:
    """The arrays of the counts are read in place from the prebuilt copy (mapped, not read); a copy whose arrays run
    past its end (a disk filled while it was written) is made again from the data file."""
    from appraisal.checks import prebuilt as copies

    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path))
    paths.resolve()
    name, first = first_counts
    path = tmp_path / "cache" / name
    chars, *arrays, after, before = first.parts()
    copies.keep_mapped(path, "char-ngrams", (chars, after, before), arrays)
    whole = path.read_bytes()
    char_ngrams._load.cache_clear()
    try:
        mapped = char_ngrams.char_ngrams()
        assert isinstance(mapped._pair_keys, memoryview) and isinstance(mapped._triple_counts, memoryview)
        assert mapped.parts() == first.parts()
        assert mapped.gain("以我", "门", "也要", "们") == first.gain("以我", "门", "也要", "们")
        cut = tmp_path / "cut"
        cut.write_bytes(whole[: len(whole) - 100])
        cut.replace(path)  # a new file: the one mapped above is never changed under its mapping
        char_ngrams._load.cache_clear()
        again = char_ngrams.char_ngrams()
        assert not isinstance(again._pair_keys, memoryview)  # made from the data file
        assert again.parts() == first.parts() and path.read_bytes() == whole  # and kept whole for the next process
    finally:
        char_ngrams._load.cache_clear()


def test_suspects_of_both_kinds_come_left_to_right_in_one_line() -> None:
    line = "他坐在我的傍边，全面惯彻落实会议精神"
    assert [(s.start, s.wrong) for s in suspects(line)] == [(5, "傍"), (10, "惯")]


@pytest.mark.parametrize(
    "text",
    [
        # Each was flagged before (重创, 学习, 精简, 副职, 科研): a coinage, a slogan, an abbreviation of a body.
        "大力建设众创空间，孵化企业20家。",
        "坚持深学细悟、真学真用，不断提高理论水平。",  # a slogan whose halves open alike
        "坚持精建细管，提升城市品质。",
        "与佛职院签订校企合作协议。",  # an abbreviated college's name before 院
        "完成项目可研报告编制。",
        "全年出满勤、干满点，没有请过一天假。",
    ],
)
def test_coinages_slogans_and_abbreviations_stay_silent(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    ("marked", "fix"),
    [
        ("要全面⟦惯⟧彻、认真落实。", "贯"),  # four characters at a clause end, but no slogan: 全 and 惯 open no halves
        ("各级要严格⟦惯⟧彻，抓好落实。", "贯"),  # 严 is a modifier, 惯 is not
    ],
)
def test_a_slip_at_the_end_of_a_clause_is_still_found(marked: str, fix: str) -> None:
    text, spans = unmark(marked)
    (_rule, line, column, end) = spans[0]
    assert [(f[0], f[1], f[2], f[3]) for f in findings(text)] == [(line, column, end, fix)]


@pytest.mark.parametrize(
    "text",
    [
        # Flagged before: the dictionary lacks the word and a similar character makes one (达里, 海尔, 坐在, 之一),
        # but the counts of running text do not prefer the correction there: two models must agree.
        "代表团一行访问了哥斯达黎加和巴拿马。",
        "俄罗斯总理切尔诺梅尔金会见了代表团。",
        "合作伙伴恩佐在会上讲话。",
        "这些刊物古雅之意较浓。",
    ],
)
def test_a_correction_the_counts_of_running_text_do_not_prefer_stays_silent(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    ("marked", "fix"),
    [
        ("他一直跟同学⟦劳⟧天，坐不住。", "老"),  # both models prefer 老天: the least gain that is still found
        ("否⟦者⟧的话我们的工作就白做了。", "则"),
        # The character before makes the slip likely (舆论宣 begins 宣传), so its own term is against the
        # correction; what follows takes 渲 far better (silent from 8d25a42 until the followers were weighed alone)
        ("加强舆论⟦宣⟧染，营造良好氛围。", "渲"),
    ],
)
def test_a_slip_both_models_agree_on_is_still_found(marked: str, fix: str) -> None:
    text, spans = unmark(marked)
    (_rule, line, column, end) = spans[0]
    assert [(f[0], f[1], f[2], f[3]) for f in findings(text)] == [(line, column, end, fix)]


@pytest.mark.parametrize(
    "text",
    [
        # Flagged before (有种, 建起): a character seen fewer than 20 times in running text is chosen, not slipped
        # into (an input method offers the common one first), unless a common word explains it beyond doubt.
        "扩大冰糖柚种植规模。",
        "车轮溅起泥水。",
        # Even beyond doubt when the common word only sounds near it or looks like it (勠 lù, 努 nǔ): 勠力同心
        "团结带领全镇干部群众勠力同心，攻坚克难。",
    ],
)
def test_a_rare_character_in_a_non_word_is_taken_as_chosen(text: str) -> None:
    assert findings(text) == []


def test_a_rare_character_is_still_corrected_beyond_doubt() -> None:
    text, spans = unmark("我们要日积月⟦樏⟧，不断进步。")  # 樏 is rare, but 日积月累 explains it beyond doubt
    (_rule, line, column, end) = spans[0]
    assert [(f[0], f[1], f[2], f[3]) for f in findings(text)] == [(line, column, end, "累")]


@pytest.mark.parametrize(
    "text",
    [
        # Flagged before (真的): an administrative unit after a determiner or a pronoun is a noun of its own.
        "我镇的工作得到上级肯定。",
        "我们到邻县学习了其他镇的好做法。",
    ],
)
def test_an_administrative_unit_after_a_determiner_stays_silent(text: str) -> None:
    assert findings(text) == []


def test_a_verb_and_its_result_before_an_object_is_a_coinage() -> None:
    """Flagged before (坚强): present-day 公文 makes verbs of a verb and its result (建强, 守牢), and they take an
    object; the adjective 坚强 goes on with 的, so there 建强 is still a slip."""
    assert findings("持续建强人才队伍，守牢安全底线。") == []
    text, spans = unmark("他有着⟦建⟧强的意志。")
    (_rule, line, column, end) = spans[0]
    assert [(f[0], f[1], f[2], f[3]) for f in findings(text)] == [(line, column, end, "坚")]


@pytest.mark.parametrize(
    "text",
    [
        # Flagged before (提交, 减负): a verb character and a noun character abridge a verb and its object.
        "推动机关全面提效，服务更加便捷。",
        "全力抓好减贫和防返贫工作。",
    ],
)
def test_a_verb_and_its_object_abridged_is_a_coinage(text: str) -> None:
    assert findings(text) == []


def test_a_verb_and_a_noun_that_a_common_word_explains_beyond_doubt_is_still_a_slip() -> None:
    text, spans = unmark("他的⟦生⟧体不太好，要多休息。")  # 生体: a verb and a noun, but 身体 explains it beyond doubt
    (_rule, line, column, end) = spans[0]
    assert [(f[0], f[1], f[2], f[3]) for f in findings(text)] == [(line, column, end, "身")]
