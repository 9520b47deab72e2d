"""`--apply` applies the proposal the user reviewed (issue 19 item 3, SPEC §8): kept beside the draft with the text
it was made for, never a new request; refused when the section changed since; a proposal that drops the original's
facts says so before it is accepted; adopted unverified facts stay `unverified-fact` findings until the writer
confirms or edits them. Against the REAL test server on 127.0.0.1 (`openai_server`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from assisting import CURRENT, run_assist, run_cli, section_draft
from openai_server import ANSWER, Model, answering

from appraisal.store import OpenDraft, load_draft

PROPOSED = "".join(ANSWER)
# An answer that keeps none of the original's figures (86家, 21个) and invents one of its own.
SHORT = ["本人牵头推进营商环境优化工作，", "带动投资35亿元，成效明显。"]


def _edit(path: Path, text: str) -> None:
    opened = OpenDraft(path)
    try:
        opened.draft.sections["results.service"] = text
        opened.save()
    finally:
        opened.close()


def test_apply_writes_the_proposal_that_was_shown_and_sends_nothing(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, _ = answering(model, appraisal_home)
    path = section_draft()
    code, out, _ = run_assist(capsys, path, "--task", "polish", "--yes")
    assert code == 0 and PROPOSED in out and "--section results.service --apply（不会再次发送）" in out
    assert load_draft(path).sections["results.service"] == CURRENT  # shown, not written
    state.answer = ["一个用户从未见过的新答复。"]  # what a second request would bring
    revision = load_draft(path).revision
    code, out, err = run_assist(capsys, path, "--apply")
    assert code == 0, err
    assert len(state.requests) == 1  # no new request
    saved = load_draft(path)
    assert saved.sections["results.service"] == PROPOSED and saved.revision == revision + 1
    assert "已把建议写入“服务中心实绩”" in out
    code, _out, err = run_assist(capsys, path, "--apply")  # applied once: nothing kept to apply again
    assert code == 2 and "没有保存的建议" in err


def test_apply_refuses_when_the_section_changed_since_and_sends_nothing(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, _ = answering(model, appraisal_home)
    path = section_draft()
    run_assist(capsys, path, "--task", "polish", "--yes")
    _edit(path, CURRENT + "本人后来又写了一句。")
    before = path.read_bytes()
    code, _out, err = run_assist(capsys, path, "--apply")
    assert code == 2 and "在生成建议之后已被修改，建议未写入草稿" in err and err.count("\n") == 1
    assert path.read_bytes() == before and len(state.requests) == 1


def test_apply_without_a_proposal_says_how_to_get_one(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, _ = answering(model, appraisal_home)
    path = section_draft()
    before = path.read_bytes()
    code, _out, err = run_assist(capsys, path, "--apply")
    assert code == 2 and "没有保存的建议" in err and state.requests == []
    assert path.read_bytes() == before
    with pytest.raises(SystemExit) as ended:  # never both: --apply never sends
        run_assist(capsys, path, "--task", "polish", "--apply")
    assert ended.value.code == 2 and "不能与 --task 同时使用" in capsys.readouterr().err and state.requests == []


def test_the_kept_proposal_is_private_and_beside_the_draft(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answering(model, appraisal_home)
    path = section_draft()
    run_assist(capsys, path, "--task", "polish", "--yes")
    kept = path.with_name(f".{path.name}.assist")
    assert kept.stat().st_mode & 0o777 == 0o600
    entry = json.loads(kept.read_text(encoding="utf-8"))["results.service"]
    assert entry["current"] == CURRENT and entry["text"] == PROPOSED
    assert ["数字", "35亿元"] in entry["unverified"]
    kept.write_text("{damaged", encoding="utf-8")  # an unreadable kept file is no proposal, never a traceback
    code, _out, err = run_assist(capsys, path, "--apply")
    assert code == 2 and "没有保存的建议" in err


def test_a_proposal_that_drops_figures_says_so_before_it_is_accepted(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, _ = answering(model, appraisal_home)
    state.answer = SHORT
    path = section_draft()
    code, out, _ = run_assist(capsys, path, "--task", "condense", "--yes")
    assert code == 0
    assert "注意：建议删去了原文中的 2 处事实" in out and "数字“86家”、数字“21个”" in out
    assert out.index("删去了原文") < out.index("--apply（不会再次发送）")
    before = path.read_bytes()
    code, out, err = run_assist(capsys, path, "--apply")  # not on a terminal: --yes is needed to accept the loss
    assert code == 1 and "这份建议删去了原文中的 2 处事实" in out and "请加 --yes" in err
    assert path.read_bytes() == before
    code, out, _ = run_assist(capsys, path, "--apply", "--yes")
    assert code == 0 and load_draft(path).sections["results.service"] == "".join(SHORT)


def test_adopted_unverified_facts_stay_flagged_until_confirmed_or_edited(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answering(model, appraisal_home)
    path = section_draft()
    run_assist(capsys, path, "--task", "polish", "--yes")
    code, out, _ = run_assist(capsys, path, "--apply")
    assert code == 0 and "其中 5 处未经核实" in out and "--confirm" in out

    def flagged() -> list[str]:
        """The text each `unverified-fact` finding of `check` points at, in order."""
        _code, out, _ = run_cli(capsys, "check", str(path), "--format", "json")
        (report,) = json.loads(out)["files"]
        text = load_draft(path).sections["results.service"].split("\n")
        return [
            text[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
            for f in report["findings"]
            if f["rule"] == "unverified-fact" and f["section"] == "results.service"
        ]

    assert flagged() == ["120家", "35亿元", "2026年5月", "省商务厅", "“满意窗口”"]
    _code, out, _ = run_cli(capsys, "check", str(path))
    assert "数字“35亿元”由写作助手加入，原文和素材中都没有，请核对" in out
    assert "提法“满意窗口”由写作助手加入" in out  # its own quotes, not doubled
    code, out, _ = run_assist(capsys, path, "--confirm", "35亿元", "省商务厅")
    assert code == 0 and "已确认“服务中心实绩”中的 2 处内容无误" in out
    assert flagged() == ["120家", "2026年5月", "“满意窗口”"]
    _edit(path, load_draft(path).sections["results.service"].replace("回访120家", "回访80家"))  # edited away
    assert flagged() == ["2026年5月", "“满意窗口”"]
    code, out, _ = run_assist(capsys, path, "--confirm")
    assert code == 0 and flagged() == []
    assert load_draft(path).unverified == {}


def test_a_fact_adopted_earlier_and_not_confirmed_is_no_source_for_the_next_proposal(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, _ = answering(model, appraisal_home)
    state.answer = SHORT  # keeps 35亿元, which the section holds only because an earlier proposal put it there
    path = section_draft(CURRENT + "带动投资35亿元。", adopted=(("数字", "35亿元"),))
    code, out, _ = run_assist(capsys, path, "--task", "condense", "--yes")
    assert code == 0
    flagged = out.split("—— 未经核实")[1].split("—— 检查结果")[0]
    assert "数字：35亿元" in flagged
    run_assist(capsys, path, "--apply", "--yes")
    assert [f.text for f in load_draft(path).unverified["results.service"]] == ["35亿元"]


def test_a_damaged_list_of_adopted_facts_never_stops_a_draft_from_opening(capsys: pytest.CaptureFixture[str]) -> None:
    path = section_draft(CURRENT + "带动投资35亿元。")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["unverified"] = {
        "results.service": [{"kind": "数字", "text": "35亿元"}, 5, {"text": ""}, {"kind": 1}],
        "x": "y",
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [f.text for f in load_draft(path).unverified["results.service"]] == ["35亿元"]
    data["unverified"] = "这不是列表"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_draft(path).unverified == {}
    code, _out, err = run_cli(capsys, "check", str(path))
    assert code in (0, 1) and err == ""
