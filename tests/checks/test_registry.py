"""The rule registry: stable names, severities, Chinese descriptions, which rules fix; a rule is easy to add and
to switch off."""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

import pytest

from appraisal.checks import RULES, CheckOptions, Context, Field, Finding, Rule, check_draft, check_section
from appraisal.checks import registry as registry_module
from appraisal.draft import AdoptedFact
from appraisal.store import load_draft
from appraisal.templates import load_template

from .report import DRAFT

SPEC_RULES = {
    "section-empty": "error",
    "section-too-short": "warning",
    "section-too-long": "warning",
    "total-too-long": "warning",
    "profile-incomplete": "error",
    "placeholder": "error",
    "missing-figure": "error",
    "missing-figure-in-context": "warning",
    "halfwidth-punctuation": "warning",
    "unbalanced-quote": "warning",
    "duplicate-sentence": "warning",
    "year-mismatch": "warning",
    "heading-in-text": "warning",
    "typo": "warning",
    "typo-in-context": "warning",
    "de-di-de": "warning",
    "repeated-word": "warning",
    "wording": "warning",
    "political-term": "warning",
    "collocation": "warning",
    "broken-line": "warning",
    "number-usage": "warning",
    "punctuation": "warning",
    "user-word": "warning",
    "copied-from-last-year": "warning",
    "unverified-fact": "warning",
}


def test_the_rules_of_the_spec_with_their_severities() -> None:
    assert {name: rule.severity for name, rule in RULES.items()} == SPEC_RULES
    assert all(name == rule.name for name, rule in RULES.items())


def test_descriptions_are_chinese_sentences() -> None:
    for rule in RULES.values():
        assert rule.description.endswith("。")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.description)


def test_the_fixing_rules() -> None:
    fixing = [name for name, rule in RULES.items() if rule.fixable]
    assert fixing == [
        "halfwidth-punctuation",
        "typo",
        "typo-in-context",
        "de-di-de",
        "repeated-word",
        "political-term",
        "number-usage",
        "punctuation",
    ]


@pytest.mark.parametrize("name", sorted(SPEC_RULES))
def test_each_rule_can_be_switched_off(name: str) -> None:
    template = load_template("cadre-annual")
    draft = load_draft(DRAFT)
    draft.sections["weakness.ability"] = ""  # so that section-empty has something to say
    draft.sections["integrity"] += "严" * 800  # and section-too-long, total-too-long
    draft.sections["results.duties"] += "全" * 1500
    draft.sections["results.service"] += "服" * 1200
    draft.sections["study"] += "今后将再接再励，深入推进供给侧改革。"  # typo, wording
    draft.sections["study"] += "全面惯彻落实会议精神。"  # typo-in-context
    draft.sections["study"] += "要认真的落实各项政策，进一步进一步加强管理。"  # de-di-de, repeated-word
    draft.sections["study"] += "完成投资3千万元，各项工作...全面推进。"  # number-usage, punctuation
    draft.sections["study"] += "学习《中国共产党纪律处份条例》。"  # political-term
    draft.sections["study"] += "外出考察丰富了视野。"  # collocation
    draft.sections["study"] += "各村签订环境卫生责任书份。"  # missing-figure-in-context
    draft.sections["study"] += "\n对照“四\n风”问题深入自查。"  # broken-line
    extra = MappingProxyType({"抓手": "套话"})
    draft.sections["study"] += "发挥抓手作用。"  # user-word, with the user's list below
    draft.sections["study"] += "带动投资35亿元。"  # unverified-fact: adopted from the drafting help, unconfirmed
    draft.unverified["study"] = [AdoptedFact(kind="数字", text="35亿元")]
    last_year = draft.model_copy(deep=True)  # the same text last year: copied-from-last-year
    every = check_draft(draft, template, CheckOptions(extra_words=extra), last_year)
    assert name in {f.rule for f in every}
    without = check_draft(draft, template, CheckOptions(disabled=frozenset({name}), extra_words=extra), last_year)
    assert without == [f for f in every if f.rule != name]


class NoWeiXiao(Rule):
    """An example rule written the way a new rule is: a class, then one line in the registry."""

    name = "no-wei-xiao"
    severity = "warning"
    family = "wording"
    description = "“微小”一词显得过谦。"

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        for index, line in enumerate(item.lines):
            at = line.find("微小")
            if at >= 0:
                yield self.finding(item, index + 1, at + 1, at + 3, "“微小”显得过谦。")


def test_a_new_rule_is_one_class_and_one_registry_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "no-wei-xiao", NoWeiXiao())
    assert registry_module.RULES is RULES
    template = load_template("cadre-annual")
    draft = load_draft(DRAFT)
    draft.sections["law"] = "作出了微小的贡献。"
    found = [f for f in check_section(draft, template, "law") if f.rule == "no-wei-xiao"]
    assert [(f.section, f.line, f.column, f.end_column, f.severity) for f in found] == [("law", 1, 4, 6, "warning")]
    assert [
        f.rule
        for f in check_draft(draft, template, CheckOptions(disabled=frozenset({"no-wei-xiao"})))
        if f.rule == "no-wei-xiao"
    ] == []


def test_every_rule_has_a_chinese_title() -> None:
    """The title names the check in messages such as “占位符”检查未能运行."""
    for rule in RULES.values():
        assert rule.title and all("\u4e00" <= ch <= "\u9fff" for ch in rule.title), rule.name


def test_severity_is_the_enum_with_its_chinese_word() -> None:
    from appraisal.checks import Severity

    finding = Finding("placeholder", "error", None, 1, 1, 1, "…")  # type: ignore[arg-type]  # the word, as a rule may write it
    assert finding.severity is Severity.ERROR and finding.severity == "error"
    assert (Severity.ERROR.label, Severity.WARNING.label) == ("错误", "提示")
    with pytest.raises(ValueError):
        Finding("placeholder", "fatal", None, 1, 1, 1, "…")  # type: ignore[arg-type]


def test_each_rule_lives_in_the_module_named_after_it() -> None:
    """`missing-figure` is in `missing_figure.py`: a reader looking for a rule finds it by its name."""
    for name, rule in RULES.items():
        assert type(rule).__module__ == "appraisal.checks." + name.replace("-", "_"), name


def test_what_is_known_about_a_rule_is_said_on_the_rule() -> None:
    from appraisal.checks import FAST, Tier
    from appraisal.checks.documents import SECTION_RULES

    for rule in RULES.values():
        assert rule.family and rule.family.isascii() and rule.family.islower(), rule.name
        assert isinstance(rule.tier, Tier), rule.name
    idle = {"typo-in-context", "de-di-de", "repeated-word", "missing-figure-in-context"}
    assert {name for name, rule in RULES.items() if rule.tier is FAST} == set(SPEC_RULES) - idle
    assert {"section-empty", "section-too-short", "section-too-long", "total-too-long"} == SECTION_RULES
    assert [name for name, rule in RULES.items() if rule.marks_gap] == ["missing-figure", "missing-figure-in-context"]


def test_the_fast_tier_alone_leaves_the_idle_rules_out(monkeypatch: pytest.MonkeyPatch) -> None:
    from appraisal.checks import FAST, IDLE

    class IdleWeiXiao(NoWeiXiao):
        tier = IDLE

    monkeypatch.setitem(RULES, "no-wei-xiao", IdleWeiXiao())
    template = load_template("cadre-annual")
    draft = load_draft(DRAFT)
    draft.sections["law"] = "作出了微小的贡献。"
    typing = check_section(draft, template, "law", tiers=frozenset({FAST}))
    idle = check_section(draft, template, "law", tiers=frozenset({IDLE}))
    assert "no-wei-xiao" not in {f.rule for f in typing}
    assert [f.rule for f in idle] == ["no-wei-xiao"]
    assert sorted(typing + idle, key=lambda f: (f.line, f.column, f.rule)) == sorted(
        check_section(draft, template, "law"), key=lambda f: (f.line, f.column, f.rule)
    )
