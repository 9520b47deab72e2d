"""Drafting help from the command line and the service, against a REAL HTTP server on 127.0.0.1 started by the
tests (`openai_server`), speaking the OpenAI chat API plain and streamed, and failing in each way a real one can."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from assisting import CURRENT, TEMPLATE, run_assist, section_draft
from fresh_interpreter import loaded_after
from openai_server import ANSWER, Model, answering, configure

from appraisal.assist import build_request, secret_marks, unverified
from appraisal.config import AssistConfig
from appraisal.draft import Draft
from appraisal.notes import NewNote, add_notes
from appraisal.service import Service, Settings

# ---------------------------------------------------------------- answers


@pytest.mark.parametrize("mode", ["stream", "plain"])
def test_the_answer_is_a_proposal_with_its_unverified_facts_flagged(
    mode: str, model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = answering(model, appraisal_home, mode)
    path = section_draft()
    before = path.read_bytes()
    code, out, err = run_assist(capsys, path, "--task", "polish", "--yes")
    assert code == 0, err
    assert "将发送给 " + url in out and CURRENT in out  # what is sent is shown first
    assert "".join(ANSWER) in out
    flagged = out.split("未经核实")[1].split("—— 检查结果")[0]
    for fact in ("数字：120家", "数字：35亿元", "日期：2026年5月", "单位：省商务厅", "提法：“满意窗口”"):
        assert fact in flagged, fact
    assert "86家" not in flagged and "21个" not in flagged
    assert "+本人牵头推进营商环境优化工作" in out  # shown against the current text
    assert "草稿未作改动" in out
    assert path.read_bytes() == before
    (sent,) = state.requests
    assert sent["model"] == "test-model" and sent["stream"] is True
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]
    assert "只能使用用户给出的原文和素材中已有的事实" in sent["messages"][0]["content"]
    assert CURRENT in sent["messages"][1]["content"]


def test_the_stream_is_shown_as_it_arrives(model: tuple[Model, str]) -> None:
    state, url = model
    service = Service(Settings(assist=AssistConfig(base_url=url, model="m", timeout=10)))
    draft = Draft.new(TEMPLATE, name="张三", year=2026)
    draft.sections["results.service"] = CURRENT
    request = service.assist_request(draft, TEMPLATE, "results.service", "polish")
    pieces: list[str] = []

    def shown(piece: str) -> None:
        pieces.append(piece)
        state.first_piece_seen.set()

    proposal = service.assist(draft, TEMPLATE, request, shown)
    assert state.streamed_live == [True]  # the first piece was handed on while the server held back the rest
    assert pieces == ANSWER
    assert proposal.text == "".join(ANSWER)
    assert proposal.findings == service.check_section(
        draft.model_copy(update={"sections": {**draft.sections, "results.service": proposal.text}}),
        TEMPLATE,
        "results.service",
    )


def test_from_notes_sends_the_sections_notes_and_flags_what_they_do_not_say(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, _ = answering(model, appraisal_home)
    path = section_draft("")
    add_notes(2026, [NewNote("走访企业120家", None, "results.service", "cadre-annual")])
    add_notes(2026, [NewNote("参加理论学习12次", None, "study", "cadre-annual")])
    code, out, _ = run_assist(capsys, path, "--task", "from-notes", "--yes")
    assert code == 0
    sent = state.requests[0]["messages"][1]["content"]
    assert "走访企业120家" in sent and "理论学习12次" not in sent  # only this section's notes
    flagged = out.split("未经核实")[1]
    assert "120家" not in flagged and "35亿元" in flagged


# ---------------------------------------------------------------- errors: one sentence, nothing changed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


ERRORS = [
    ("401", "模型服务拒绝了访问（401），请检查环境变量 APPRAISAL_TEST_KEY 中的密钥。"),
    ("429", "模型服务繁忙或调用次数已超限（429），请稍后再试。"),
    ("html", "返回的不是 OpenAI 兼容格式的答复"),
    ("not-chat", "返回的不是 OpenAI 兼容格式的答复"),
    ("cut", "模型的答复中途断开，已收到的部分不予采用，请重试。"),
    ("slow", "模型服务在 0.5 秒内没有答完"),
]


@pytest.mark.parametrize(("mode", "message"), ERRORS)
def test_each_error_is_one_chinese_sentence_and_the_draft_is_unchanged(
    mode: str,
    message: str,
    model: tuple[Model, str],
    appraisal_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("APPRAISAL_TEST_KEY", "secret-key")
    state, _ = answering(model, appraisal_home, mode, api_key_env="APPRAISAL_TEST_KEY", timeout=0.5)
    path = section_draft()
    before = path.read_bytes()
    started = time.monotonic()
    code, _out, err = run_assist(capsys, path, "--task", "polish", "--yes")
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == before
    assert state.headers[0]["Authorization"] == "Bearer secret-key"
    assert time.monotonic() - started < 5


def test_connection_refused(appraisal_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    configure(appraisal_home, f"http://127.0.0.1:{_free_port()}/v1")
    path = section_draft()
    before = path.read_bytes()
    code, _out, err = run_assist(capsys, path, "--task", "polish", "--yes")
    assert code == 2 and "连接被拒绝" in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_a_missing_key_variable_sends_nothing(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    state, url = model
    monkeypatch.delenv("APPRAISAL_TEST_KEY", raising=False)
    configure(appraisal_home, url, api_key_env="APPRAISAL_TEST_KEY")
    code, _out, err = run_assist(capsys, section_draft(), "--task", "polish", "--yes")
    assert code == 2 and "环境变量 APPRAISAL_TEST_KEY 没有设置" in err
    assert state.requests == []


# ---------------------------------------------------------------- what is never sent


@pytest.mark.parametrize(
    "text",
    [
        "【内部】本人牵头推进营商环境优化工作，全年走访企业86家。",
        "秘密★1年 本人全年走访企业86家。",
        "涉及机密事项3件。",
    ],
)
def test_marked_text_is_never_sent(
    text: str, model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    configure(appraisal_home, url)
    code, out, err = run_assist(capsys, section_draft(text), "--task", "polish", "--yes")
    assert code == 2 and "不得发给模型，未发送任何内容" in err
    assert out == ""  # not even shown as about to be sent
    assert state.requests == []


def test_a_marked_note_is_never_sent(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    configure(appraisal_home, url)
    (note,) = add_notes(2026, [NewNote("内部资料：某项目底数", None, "results.service", "cadre-annual")])
    code, _out, err = run_assist(capsys, section_draft(), "--task", "expand", "--yes")
    assert code == 2 and f"素材第{note.id}条中的“内部资料”" in err
    assert state.requests == []


def test_ordinary_words_are_not_markings() -> None:
    texts = [("原文", "严守国家秘密和工作秘密，加强内部管理，健全内部控制制度。")]
    assert secret_marks(texts) == []


def test_without_yes_and_without_a_terminal_nothing_is_sent(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    configure(appraisal_home, url)
    code, out, err = run_assist(capsys, section_draft(), "--task", "polish")
    assert code == 1 and "请加 --yes" in err and "未发送任何内容" in out
    assert state.requests == []


def test_without_configuration_it_says_how_and_sends_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_assist(capsys, section_draft(), "--task", "polish", "--yes")
    assert code == 2 and "还没有配置写作助手，未发送任何内容" in err and "[assist]" in err
    assert out == ""


def test_nothing_to_work_on_is_refused_before_sending() -> None:
    with pytest.raises(Exception, match="还是空的"):
        build_request("polish", TEMPLATE, "study", "", [])
    with pytest.raises(Exception, match="还没有素材"):
        build_request("from-notes", TEMPLATE, "study", "", [])


def test_unverified_keeps_what_the_sources_say() -> None:
    sources = ["全年走访企业86家，参加市商务局培训。", "2026-03-05 张明同志带队检查"]
    proposal = "2026年3月5日，本人陪同张明同志走访企业86家，协调市商务局，形成新格局，获李华同志肯定。"
    assert [(u.kind, u.text) for u in unverified(proposal, sources)] == [("人名", "李华同志")]


def test_the_http_client_is_imported_only_when_a_request_is_made() -> None:
    code = (
        "from appraisal import cli\n"
        "cli.build_parser()\n"
        "import appraisal.service, appraisal.commands.assist, appraisal.assist\n"
    )
    assert loaded_after(code, ("urllib.request", "http.client")) == []


def test_the_assist_settings_come_from_config_toml(appraisal_home: Path) -> None:
    from appraisal.errors import AppraisalError

    assert Settings.load().assist is None
    configure(appraisal_home, "http://10.0.0.5:8000/v1/", api_key_env="UNIT_KEY", timeout=30)
    assist = Settings.load().assist
    assert assist is not None
    assert (assist.base_url, assist.model, assist.api_key_env, assist.timeout) == (
        "http://10.0.0.5:8000/v1",
        "test-model",
        "UNIT_KEY",
        30,
    )
    configure(appraisal_home, "10.0.0.5:8000")
    with pytest.raises(AppraisalError, match=r"字段 assist.base_url：应以 http:// 或 https:// 开头"):
        Settings.load()
