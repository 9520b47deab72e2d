"""`typo-in-context`: misspellings no list holds, found with the model of the language (dictionary, readings,
shapes); each positive has a hard negative beside it, and the texts marked by hand (`⟦…⟧`) say where the finding
must be."""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from appraisal import paths
from appraisal.checks import IDLE, RULES, CheckOptions, apply_fixes, check_section, language, prebuilt
from appraisal.checks.typo_in_context import suspects

from .first_run import first_run
from .marks import draft_with, template, unmark

RULE = "typo-in-context"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"


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
        ("以实际行动⟦章⟧显了新时代的担当。", "彰"),  # same sound: 章/彰
        ("双方就合作事项进行了友好⟦蹉⟧商。", "磋"),
        ("全面⟦惯⟧彻落实会议精神。", "贯"),
        ("我们要坚定不移地狠抓⟦洛⟧实。", "落"),  # 贯切 is on the typo list: that rule reports it
        ("他的工作态度十分认真负⟦则⟧。", "责"),
        # A correction beyond doubt is offered even where a name could stand: a short run between punctuation.
        ("会上，⟦回⟧议认为，各项工作扎实推进。", "会"),
    ],
)
def test_a_misspelt_word_is_found_and_fixed(marked: str, fix: str) -> None:
    text, spans = unmark(marked)
    (_rule, line, column, end) = spans[0]
    found = findings(text)
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [(line, column, end, fix)]
    assert "疑为" in found[0][4]
    draft = draft_with("results.service", text)
    mine = [f for f in check_section(draft, template(), "results.service") if f.rule == RULE]
    assert apply_fixes(text, mine) == text[: column - 1] + fix + text[column:]


@pytest.mark.parametrize(
    "text",
    [
        "以实际行动彰显了新时代的担当。",  # the right forms of the positives above
        "双方就合作事项进行了友好磋商。",
        "全面贯彻落实会议精神。",
        "会议由局党组书记、局长王世龙主持，局长王世龙作了讲评。",  # a name after a title
        "实施了西美至乐诚寺4公里道路改造，完成座危桥改造。",  # place words: 寺, 桥
        "主要是虎形、梓树、东坡、海形等村的通组道路。",  # names in a list, standing alone between 顿号
        "开展村干部述职述廉群众直评直议，落实“一户一策”。",  # parallel coinages: 直评直议, 一户一策
        "围绕消费提质扩容，提高精准施策的水平，发挥包片领导作用，加强师德师风建设。",  # present-day 公文 words
        "召开机关各股室负责人会议。",
        "严以修身、严以用权、严以律己。",
        "洽谈引进江苏凯迪亚新型材料等企业。",  # a company's name after a place name
        "组织“智汇良策”研讨，开展“晨读夜研”活动。",  # coinages in quotation marks
        "创新建立“五督八必三廉勤”监督机制，落实“四搭举措”。",  # numbered abbreviations
        "王晓萍说，省纪委书记傅明先批示肯定。",  # names before a verb of saying, after a title
        "运营普法微信公众号和微博，铸牢理想信念，精准发力，追责问责。",  # present-day words
        "自觉参家镇党委理论中心组学习。",  # a slip before a place word is left alone: names end so too
        "坚持以人民为中心的发展思想，不断增强群众的获得感、幸福感、安全感。",
        "全年完成固定资产投资12亿元，同比增长8.5%。",
        "持之以恒纠治“四风”，驰而不息改进作风。",  # present-day 公文 words (gongwen_words.txt): not 救治
        "优化营商环境是高质量发展的题中应有之义。",  # not 之一
        "争先晋位态势良好，晋位升级成效明显。",  # not 先进
    ],
)
def test_hard_negatives_stay_silent(text: str) -> None:
    assert findings(text) == []


def test_a_non_word_written_twice_in_the_draft_is_taken_as_meant() -> None:
    """A name or a local term the dictionary lacks is written the same way each time; a slip is written once."""
    assert findings("以实际行动章显了新时代的担当。") != []
    assert findings("以实际行动章显了新时代的担当。", conduct="章显本色。") == []
    # unless a common word explains it beyond doubt: 公作 is 工作 however often it is written
    assert len(findings("完成公作任务。", conduct="公作扎实。")) == 1
    assert findings("章显同志负责宣传工作。") == []  # a surname before a title: a name


def test_a_pair_the_confusions_list_decides_is_left_to_it() -> None:
    """`已来`/`以来` is a confusions entry: wrong after a time word (the list's finding), the writer's elsewhere —
    even in a draft that writes `以来` too, which alone would make this rule take `已来` for its slip."""
    assert findings("2025年以来，县农业农村局认真贯彻落实县委部署；客人已来，会议开始。") == []
    draft = draft_with("results.service", "2025年已来，县农业局认真贯彻落实县委部署。")
    rules = [f.rule for f in check_section(draft, template(), "results.service") if f.rule.startswith("typo")]
    assert rules == ["typo"]
    # with the list switched off the pair is this rule's again: nothing else would report the slip
    draft = draft_with("results.service", "2025年以来，县农业农村局认真贯彻落实县委部署；客人已来，会议开始。")
    options = CheckOptions(disabled=frozenset({"typo"}))
    assert [
        f.rule for f in check_section(draft, template(), "results.service", options) if f.rule.startswith("typo")
    ] == [RULE]


def test_two_close_candidates_name_the_doubt_and_fix_nothing() -> None:
    text, spans = unmark("我们要认真⟦座⟧好各项工作。")  # 做好 or 作好: both are words, neither clearly wins
    found = findings(text)
    assert [(f[1], f[2], f[3]) for f in found] == [(spans[0][2], spans[0][3], None)]
    assert "“做好”或“作好”" in found[0][4] and "请核对" in found[0][4]


def test_the_line_api_gives_the_candidates_best_first() -> None:
    (suspect,) = suspects("全面惯彻落实会议精神")
    assert (suspect.start, suspect.wrong, suspect.clear) == (2, "惯", True)
    assert suspect.candidates[0][:3] == ("贯", "贯彻", "惯彻")


def test_it_runs_when_typing_stops_not_on_every_key() -> None:
    from appraisal.checks import FAST

    assert RULES[RULE].tier is IDLE
    draft = draft_with("results.service", "全面惯彻落实会议精神。")
    typing = check_section(draft, template(), "results.service", tiers=frozenset({FAST}))
    assert RULE not in {f.rule for f in typing}


@pytest.mark.parametrize("module", ["language", "char_ngrams", "person_names"])
def test_the_language_data_is_not_loaded_at_start_nor_by_the_typing_path(module: str) -> None:
    probe = (
        "from appraisal.checks import FAST, check_section\n"
        f"from appraisal.checks.{module} import _load\n"
        "from appraisal.draft import Draft\n"
        "from appraisal.templates import load_template\n"
        "t = load_template('cadre-annual')\n"
        "d = Draft.new(t, name='张三', unit='某局', year=2025)\n"
        "d.sections['conduct'] = '全面惯彻落实会议精神，他坐在我的傍边。'\n"
        "check_section(d, t, 'conduct', tiers=frozenset({FAST}))\n"
        "print(_load.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


@pytest.mark.parametrize("name", ["report.txt", "clean_township.txt"])
def test_the_checkers_clean_reports_raise_no_false_alarm(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8-sig")
    assert findings(text) == []


@pytest.fixture(scope="module")
def first_dictionary(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, language.Language]:
    """The dictionary made from the data files in an empty cache folder, as a first run makes it (which writes the
    prebuilt copy): made once for the damage tests below, which each start from a copy of it."""
    return first_run(tmp_path_factory, language.language, language._load, "language-*.marshal")


@pytest.mark.xdist_group("prebuilt-dictionary")  # one first run for all four
@pytest.mark.parametrize("damage", [b"", b"\x00garbage", marshal.dumps({"a": 1, "b": 2}), marshal.dumps((1, 2))])
def test_a_damaged_prebuilt_dictionary_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_dictionary: tuple[str, language.Language], damage: bytes
) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path))
    paths.resolve()  # as a face does at start
    name, first = first_dictionary
    (tmp_path / "cache").mkdir(mode=0o700)
    prebuilt = tmp_path / "cache" / name
    prebuilt.write_bytes(damage)
    language._load.cache_clear()
    try:
        again = language.language()
        assert "彰显" in again and again.similar("章") == first.similar("章")
        assert prebuilt.read_bytes() != damage  # made again for the next process
    finally:
        language._load.cache_clear()


def test_the_prebuilt_copy_is_named_by_its_data_files_without_reading_them(tmp_path: Path) -> None:
    """A rebuilt dictionary (other bytes, so another size or time) gets a copy of its own; the same files keep
    their name, however often they are asked about."""
    import os

    words, chars = tmp_path / "words.txt.gz", tmp_path / "chars.txt"
    words.write_bytes(b"a" * 100)
    chars.write_bytes(b"b" * 10)
    first = prebuilt.data_key([words, chars])
    assert prebuilt.data_key([words, chars]) == first
    words.write_bytes(b"a" * 101)  # rebuilt
    second = prebuilt.data_key([words, chars])
    stat = words.stat()
    words.write_bytes(b"c" * 101)  # the same size; the time tells
    os.utime(words, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert len({first, second, prebuilt.data_key([words, chars])}) == 3


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path))
    paths.resolve()  # as a face does at start
    language._load.cache_clear()
    try:
        assert "贯彻" in language.language()
        assert [s.wrong for s in suspects("全面惯彻落实会议精神")] == ["惯"]
    finally:
        language._load.cache_clear()


def test_fix_all_leaves_the_guesses_to_the_writer(tmp_path: Path) -> None:
    """`check --fix` and the review screen's "fix all" apply only certain fixes; a correction worked out from the
    dictionary is applied one at a time, by the writer."""
    from appraisal.checks import fix_draft
    from appraisal.checks.documents import check_document, write_fixed_copy

    draft = draft_with("results.service", "全面惯彻落实会议精神,扎实推进。")
    assert fix_draft(draft, template()) == 1  # the half-width comma only
    assert draft.sections["results.service"] == "全面惯彻落实会议精神，扎实推进。"
    path = tmp_path / "总结.txt"
    path.write_text("全面惯彻落实会议精神,扎实推进。\n", encoding="utf-8")
    copy, count = write_fixed_copy(check_document(path))
    assert count == 1 and copy.read_text(encoding="utf-8") == "全面惯彻落实会议精神，扎实推进。\n"


def test_a_misspelling_the_typo_list_reports_is_not_reported_twice() -> None:
    """Where the list of common misspellings (`typo`) already names a word, the context rule stays silent there: the
    writer would otherwise see two findings, sometimes with two different fixes, on one slip."""
    from appraisal.checks.lexicon import load_data

    twice = []
    for raw in load_data("typo"):
        example = raw.get("example")
        if not example:
            continue
        draft = draft_with("results.service", example)
        found = check_section(draft, template(), "results.service")
        listed = [(f.line, f.column, f.end_column) for f in found if f.rule == "typo"]
        context = [(f.line, f.column, f.end_column) for f in found if f.rule == RULE]
        if any(
            line == l2 and start < end2 and start2 < end for line, start, end in context for l2, start2, end2 in listed
        ):
            twice.append(example)
    assert twice == []


def test_the_typo_list_is_matched_once_per_field_for_both_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """`typo` and `typo-in-context` ask the same question of a field (where the list reports): one check run
    answers it once, and each rule still gets it (the list's slip reported once, by the list)."""
    from appraisal.checks import check_draft, typo

    words = typo.matcher()
    asked: list[str] = []
    find_in = words.find_in

    def counting(item):  # type: ignore[no-untyped-def]
        asked.append(item.key)
        return find_in(item)

    monkeypatch.setattr(words, "find_in", counting)
    draft = draft_with("results.service", "我们要坚定不移地狠抓贯切落实。")
    found = [f for f in check_draft(draft, template()) if f.rule in ("typo", RULE)]
    assert [(f.rule, f.fix) for f in found] == [("typo", "贯彻")]
    assert len(asked) == len(set(asked))  # each field once, not once per rule


def test_with_the_typo_list_switched_off_its_slip_is_still_reported_by_context() -> None:
    """typo-in-context stays silent where `typo` reports; with `typo` switched off nothing would report the slip."""
    from appraisal.checks import CheckOptions

    draft = draft_with("results.service", "我们要坚定不移地狠抓贯切落实。")
    found = check_section(draft, template(), "results.service", CheckOptions(disabled=frozenset({"typo"})))
    assert [(f.rule, f.fix) for f in found if f.rule in ("typo", RULE)] == [(RULE, "彻")]
