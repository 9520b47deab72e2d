"""The application layer: settings read once and applied everywhere, and a rule that raises never hidden."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import pytest

from appraisal.checks import RULES, CheckOptions, Context, Field, Finding, Rule, Severity
from appraisal.cli import main
from appraisal.draft import Draft, Progress
from appraisal.errors import AppraisalError
from appraisal.service import ExportTarget, Service, Settings, StrictExportRefused
from appraisal.store import create_draft, load_draft
from appraisal.templates import load_template

FAILED_MESSAGE = "“会出错”检查未能运行，检查结果可能不完整，请把此情况告知开发者。"


def write_config(home: Path, text: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(text, encoding="utf-8")


def sample_draft() -> Draft:
    template = load_template("cadre-annual")
    draft = Draft.new(template, name="周明远", unit="某区商务局", position="副局长", year=2025)
    draft.sections["law"] = "严格依法履职,全年办理行政复议案件XX件。"
    return draft


class Raises(Rule):
    """A rule with a bug: it raises on every call."""

    name = "always-raises"
    title = "会出错"
    severity = Severity.WARNING
    description = "总是出错的规则。"
    fixable = True

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        raise RuntimeError("bug in the rule")


@pytest.fixture
def raising_rule(monkeypatch: pytest.MonkeyPatch) -> Rule:
    rule = Raises()
    monkeypatch.setitem(RULES, rule.name, rule)
    return rule


def test_settings_come_from_config_toml(appraisal_home: Path) -> None:
    write_config(
        appraisal_home,
        '[checks]\ndisabled = ["placeholder", "no-such-rule"]\nextra_words = { "抓手" = "“抓手”是套话。" }\n'
        'allowed_words = ["某某"]\n[export]\nrun_in_headings = true\n',
    )
    settings = Settings.load()
    assert settings.checks.disabled == frozenset({"placeholder", "no-such-rule"})
    assert dict(settings.checks.extra_words) == {"抓手": "“抓手”是套话。"}
    assert settings.checks.allowed_words == frozenset({"某某"})
    assert settings.run_in_headings is True
    assert settings.unknown_rules == ("no-such-rule",)
    assert settings.notices() == ["设置中停用的检查规则“no-such-rule”不存在，已忽略。"]  # said by both faces
    assert Settings.load(appraisal_home / "nowhere.toml") == Settings()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[checks]\ndisabled = 3\n", '字段 checks.disabled：应为列表，如 ["甲", "乙"]'),
        ("[checks]\ndisable = []\n", "字段 checks.disable：不是可用的项目，请检查拼写"),
        ('[checks]\nextra_words = ["抓手"]\n', '字段 checks.extra_words：应为表，如 { 词语 = "说明" }'),
        ('[export]\nrun_in_headings = "是"\n', "字段 export.run_in_headings：应为 true 或 false"),
    ],
)
def test_a_bad_config_is_one_chinese_sentence(appraisal_home: Path, text: str, reason: str) -> None:
    write_config(appraisal_home, text)
    with pytest.raises(AppraisalError) as error:
        Settings.load()
    path = appraisal_home / "config" / "config.toml"
    assert error.value.message == f"设置文件 {path} 有误，{reason}。"


def test_disabled_rules_apply_to_every_operation() -> None:
    service = Service(Settings(checks=CheckOptions(disabled=frozenset({"placeholder", "halfwidth-punctuation"}))))
    template = load_template("cadre-annual")
    draft = sample_draft()
    rules = {f.rule for f in Service().check_draft(draft, template)}
    assert {"placeholder", "halfwidth-punctuation"} <= rules
    assert not {"placeholder", "halfwidth-punctuation"} & {f.rule for f in service.check_draft(draft, template)}
    assert not {"placeholder", "halfwidth-punctuation"} & {
        f.rule for f in service.check_section(draft, template, "law")
    }
    assert service.fix_draft(draft, template) == 0
    assert "," in draft.sections["law"]


def test_a_raising_rule_is_one_error_finding_and_logged(raising_rule: Rule, caplog: pytest.LogCaptureFixture) -> None:
    template = load_template("cadre-annual")
    draft = sample_draft()
    service = Service()
    with caplog.at_level(logging.ERROR, logger="appraisal"):
        found = service.check_draft(draft, template)
    failed = [f for f in found if f.rule == "check-failed"]
    assert [(f.severity, f.section, f.message) for f in failed] == [(Severity.ERROR, None, FAILED_MESSAGE)]
    assert {"placeholder", "halfwidth-punctuation"} <= {f.rule for f in found}, "the other rules still ran"
    assert "always-raises" in caplog.text and "RuntimeError: bug in the rule" in caplog.text
    assert [f.message for f in service.check_section(draft, template, "law") if f.rule == "check-failed"] == [
        FAILED_MESSAGE
    ]
    assert service.errors(draft, template)[0].rule == "check-failed"
    assert service.fix_draft(draft, template) == 1, "the other rules' fixes are still applied"


def test_a_raising_rule_stops_strict_export(raising_rule: Rule, tmp_path: Path) -> None:
    template = load_template("cadre-annual")
    draft = sample_draft()
    draft.sections["law"] = "严格依法履职。"
    with pytest.raises(StrictExportRefused) as refused:
        Service(Settings(checks=CheckOptions(disabled=frozenset({"section-empty", "profile-incomplete"})))).export(
            draft, template, [ExportTarget("txt", folder=tmp_path)], strict=True
        )
    assert "check-failed" in {f.rule for f in refused.value.errors}
    assert list(tmp_path.iterdir()) == []


def test_a_raising_rule_through_the_command_line(
    raising_rule: Rule, capsys: pytest.CaptureFixture[str], appraisal_home: Path
) -> None:
    path = create_draft(sample_draft())
    code = main(["check", "--format", "concise", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"{path}:1:1: error check-failed {FAILED_MESSAGE}" in out.splitlines()
    assert "placeholder" in out
    assert err == "", "no traceback on the terminal"
    log = (appraisal_home / "appraisal.log").read_text(encoding="utf-8")
    assert "always-raises" in log and "RuntimeError: bug in the rule" in log


def test_a_raising_rule_in_a_document_check(
    raising_rule: Rule, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = tmp_path / "总结.txt"
    document.write_text("2025年度个人总结\n\n一、政治品质和道德品行\n严格依法履职。\n", encoding="utf-8")
    code = main(["check", "--format", "concise", str(document)])
    out, _err = capsys.readouterr()
    assert code == 1
    assert f"{document}:1:1: error check-failed {FAILED_MESSAGE}" in out.splitlines()


def test_last_year_draft_prefers_the_same_writer() -> None:
    template = load_template("cadre-annual")
    mine = Draft.new(template, name="周明远", year=2024)
    other = Draft.new(template, name="李明", year=2024)
    create_draft(other)
    create_draft(mine)
    this_year = create_draft(Draft.new(template, name="周明远", year=2025))
    found = Service.last_year_draft("cadre-annual", 2025, "周明远", this_year)
    assert found is not None and found.id == mine.id
    assert Service.last_year_draft("cadre-annual", 2024, "周明远", None) is None


def test_list_drafts_says_which_cannot_be_read() -> None:
    template = load_template("cadre-annual")
    good = create_draft(Draft.new(template, name="周明远", year=2025))
    bad = good.with_name("坏的.json")
    bad.write_text("{", encoding="utf-8")
    rows = {row.path.name: row for row in Service.list_drafts()}
    assert rows[good.name].draft is not None and rows[good.name].progress == Progress(0, 12, 0)
    assert rows[bad.name].draft is None and rows[bad.name].problem
    assert load_draft(good).profile.name == "周明远"


def test_export_names_what_was_written_before_a_failure(tmp_path: Path) -> None:
    from appraisal.service import ExportFailed

    template = load_template("cadre-annual")
    draft = sample_draft()
    (tmp_path / "已有文件夹.txt").mkdir()
    targets = [
        ExportTarget("md", folder=tmp_path),
        ExportTarget("txt", path=tmp_path / "已有文件夹.txt", overwrite=True),
    ]
    with pytest.raises(ExportFailed) as failed:
        Service().export(draft, template, targets)
    assert [p.suffix for p in failed.value.written] == [".md"] and failed.value.written[0].is_file()
    assert "是一个文件夹" in failed.value.message


def test_export_without_strict_returns_the_errors(tmp_path: Path) -> None:
    template = load_template("cadre-annual")
    result = Service().export(sample_draft(), template, [ExportTarget("txt", folder=tmp_path)])
    assert [p.parent for p in result.written] == [tmp_path]
    assert result.errors and all(f.severity is Severity.ERROR for f in result.errors)
    assert "placeholder" in {f.rule for f in result.errors}


def test_export_reuses_the_errors_just_listed_for_the_same_draft_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The export dialog lists the errors, then the export checks before writing: the same draft (a copy, saved
    in between) is not checked twice; a changed text always is, and its own errors come back."""
    import appraisal.service as service_module

    checked: list[str] = []
    real = service_module.check_draft

    def counting(draft: Draft, *args: object) -> list[Finding]:
        checked.append(draft.sections["law"])
        return real(draft, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(service_module, "check_draft", counting)
    template = load_template("cadre-annual")
    service = Service()
    draft = sample_draft()
    listed = service.errors(draft.model_copy(deep=True), template)
    draft.revision, draft.updated = draft.revision + 1, "2026-12-07T15:00:00+00:00"  # an autosave in between
    result = service.export(draft.model_copy(deep=True), template, [ExportTarget("txt", folder=tmp_path)])
    assert len(checked) == 1 and result.errors == listed and "placeholder" in {f.rule for f in listed}

    draft.sections["law"] = "严格依法履职，全年办理行政复议案件12件。"  # the placeholder XX filled in
    result = service.export(draft, template, [ExportTarget("txt", folder=tmp_path)])
    assert len(checked) == 2 and "placeholder" not in {f.rule for f in result.errors}
