"""Drafting help against a REAL HTTP server on 127.0.0.1, started here, that speaks the OpenAI chat-completions API
(plain JSON and `stream: true` server-sent events) and fails in each way a real one can. The server invents figures
on purpose, so the 未经核实 flags are tested on what a model really sends back."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from appraisal import cli
from appraisal.assist import build_request, secret_marks, unverified
from appraisal.config import AssistConfig
from appraisal.draft import Draft
from appraisal.notes import NewNote, add_notes
from appraisal.service import Service, Settings
from appraisal.store import create_draft, load_draft
from appraisal.templates import load_template

TEMPLATE = load_template("cadre-annual")
CURRENT = "本人牵头推进营商环境优化工作，全年走访企业86家，协调解决融资难题21个。"
# What the "model" answers: 86家 and 21个 are in the text; 120家, 35亿元, 2026年5月, 省商务厅 and “满意窗口” are not.
ANSWER = [
    "本人牵头推进营商环境优化工作，",
    "全年走访企业86家、回访120家，",
    "协调解决融资难题21个，带动投资35亿元。",
    "2026年5月，获省商务厅通报表扬，",
    "所在窗口获评“满意窗口”。",
]


@dataclass
class Model:
    """What the test server does next (`mode`) and what it was sent."""

    mode: str = "stream"
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    first_piece_seen: threading.Event = field(default_factory=threading.Event)
    streamed_live: list[bool] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


def _handler(model: Model) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            del format, args

        def _body(self, status: int, kind: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _event(self, data: object) -> None:
            self._chunk(b"data: " + json.dumps(data, ensure_ascii=False).encode() + b"\n\n")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            model.requests.append(json.loads(self.rfile.read(length)))
            model.headers.append(dict(self.headers))
            mode = model.mode
            if self.path != "/v1/chat/completions":
                self._body(404, "application/json", b'{"error": {"message": "not found"}}')
            elif mode in ("401", "429"):
                self._body(int(mode), "application/json", b'{"error": {"message": "no"}}')
            elif mode == "html":
                self._body(200, "text/html", b"<html><body>Welcome to nginx!</body></html>")
            elif mode == "not-chat":
                self._body(200, "application/json", b'{"data": [{"id": "m"}]}')
            elif mode == "plain":
                answer = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(ANSWER)}}]}
                self._body(200, "application/json", json.dumps(answer, ensure_ascii=False).encode())
            elif mode == "slow":
                model.release.wait(10)
            else:
                self._stream(mode)

        def _stream(self, mode: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self._chunk(b": keep-alive\n\n")
            for n, piece in enumerate(ANSWER):
                self._event({"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
                if n == 0:  # the client must have shown the first piece before the rest is even sent
                    model.streamed_live.append(model.first_piece_seen.wait(5))
                if mode == "cut" and n == 2:
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
            self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            self._chunk(b"data: [DONE]\n\n")
            self._chunk(b"")

    return Handler


@pytest.fixture
def model() -> Iterator[tuple[Model, str]]:
    state = Model()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    state.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


def _configure(home: Path, base_url: str, **extra: object) -> None:
    lines = ["[assist]", f'base_url = "{base_url}"', 'model = "test-model"']
    lines += [f"{key} = {json.dumps(value)}" for key, value in extra.items()]
    (home / "config").mkdir(exist_ok=True)
    (home / "config" / "config.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _draft(text: str = CURRENT) -> Path:
    draft = Draft.new(TEMPLATE, name="张三", year=2026)
    draft.sections["results.service"] = text
    return create_draft(draft)


def _assist(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, str, str]:
    code = cli.main(["assist", str(path), "--section", "results.service", *extra])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- answers


@pytest.mark.parametrize("mode", ["stream", "plain"])
def test_the_answer_is_a_proposal_with_its_unverified_facts_flagged(
    mode: str, model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    state.mode = mode
    state.first_piece_seen.set()
    _configure(appraisal_home, url)
    path = _draft()
    before = path.read_bytes()
    code, out, err = _assist(capsys, path, "--task", "polish", "--yes")
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


def test_apply_writes_the_proposal_as_a_new_revision(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    state.first_piece_seen.set()
    _configure(appraisal_home, url)
    path = _draft()
    revision = load_draft(path).revision
    code, out, _ = _assist(capsys, path, "--task", "expand", "--yes", "--apply")
    assert code == 0 and "已把建议写入" in out
    saved = load_draft(path)
    assert saved.sections["results.service"] == "".join(ANSWER)
    assert saved.revision == revision + 1


def test_from_notes_sends_the_sections_notes_and_flags_what_they_do_not_say(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    state.first_piece_seen.set()
    _configure(appraisal_home, url)
    path = _draft("")
    add_notes(2026, [NewNote("走访企业120家", None, "results.service", "cadre-annual")])
    add_notes(2026, [NewNote("参加理论学习12次", None, "study", "cadre-annual")])
    code, out, _ = _assist(capsys, path, "--task", "from-notes", "--yes")
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
    ("slow", "模型服务在 0.5 秒内没有答复"),
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
    state, url = model
    state.mode = mode
    state.first_piece_seen.set()
    monkeypatch.setenv("APPRAISAL_TEST_KEY", "secret-key")
    _configure(appraisal_home, url, api_key_env="APPRAISAL_TEST_KEY", timeout=0.5)
    path = _draft()
    before = path.read_bytes()
    started = time.monotonic()
    code, _out, err = _assist(capsys, path, "--task", "polish", "--yes", "--apply")
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == before
    assert state.headers[0]["Authorization"] == "Bearer secret-key"
    assert time.monotonic() - started < 5


def test_connection_refused(appraisal_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _configure(appraisal_home, f"http://127.0.0.1:{_free_port()}/v1")
    path = _draft()
    before = path.read_bytes()
    code, _out, err = _assist(capsys, path, "--task", "polish", "--yes")
    assert code == 2 and "连接被拒绝" in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_a_missing_key_variable_sends_nothing(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    state, url = model
    monkeypatch.delenv("APPRAISAL_TEST_KEY", raising=False)
    _configure(appraisal_home, url, api_key_env="APPRAISAL_TEST_KEY")
    code, _out, err = _assist(capsys, _draft(), "--task", "polish", "--yes")
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
    _configure(appraisal_home, url)
    code, out, err = _assist(capsys, _draft(text), "--task", "polish", "--yes")
    assert code == 2 and "不得发给模型，未发送任何内容" in err
    assert out == ""  # not even shown as about to be sent
    assert state.requests == []


def test_a_marked_note_is_never_sent(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    _configure(appraisal_home, url)
    (note,) = add_notes(2026, [NewNote("内部资料：某项目底数", None, "results.service", "cadre-annual")])
    code, _out, err = _assist(capsys, _draft(), "--task", "expand", "--yes")
    assert code == 2 and f"素材第 {note.id} 条中的“内部资料”" in err
    assert state.requests == []


def test_ordinary_words_are_not_markings() -> None:
    texts = [("原文", "严守国家秘密和工作秘密，加强内部管理，健全内部控制制度。")]
    assert secret_marks(texts) == []


def test_without_yes_and_without_a_terminal_nothing_is_sent(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = model
    _configure(appraisal_home, url)
    code, out, err = _assist(capsys, _draft(), "--task", "polish")
    assert code == 1 and "请加 --yes" in err and "未发送任何内容" in out
    assert state.requests == []


def test_without_configuration_it_says_how_and_sends_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _assist(capsys, _draft(), "--task", "polish", "--yes")
    assert code == 2 and "还没有配置写作助手，未发送任何内容" in err and "[assist]" in err
    assert out == ""


def test_nothing_to_work_on_is_refused_before_sending() -> None:
    with pytest.raises(Exception, match="还是空的"):
        build_request("polish", TEMPLATE, "study", "", [])
    with pytest.raises(Exception, match="还没有素材"):
        build_request("from-notes", TEMPLATE, "study", "", [])


def test_apply_refuses_when_the_section_changed_meanwhile(model: tuple[Model, str]) -> None:
    state, url = model
    state.first_piece_seen.set()
    service = Service(Settings(assist=AssistConfig(base_url=url, model="m")))
    path = _draft()
    _path, draft, template = service.open_draft(str(path))
    proposal = service.assist(draft, template, service.assist_request(draft, template, "results.service", "polish"))
    changed = load_draft(path)
    changed.sections["results.service"] = "别人刚写的。"
    from appraisal.store import save_draft

    save_draft(changed, path)
    with pytest.raises(Exception, match="在此期间已被修改"):
        service.apply_assist(path, proposal)
    assert load_draft(path).sections["results.service"] == "别人刚写的。"


def test_unverified_keeps_what_the_sources_say() -> None:
    sources = ["全年走访企业86家，参加市商务局培训。", "2026-03-05 张明同志带队检查"]
    proposal = "2026年3月5日，本人陪同张明同志走访企业86家，协调市商务局，形成新格局，获李华同志肯定。"
    assert [(u.kind, u.text) for u in unverified(proposal, sources)] == [("人名", "李华同志")]


def test_the_http_client_is_imported_only_when_a_request_is_made() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from appraisal import cli\n"
        "cli.build_parser()\n"
        "import appraisal.service, appraisal.commands.assist, appraisal.assist\n"
        "print(sorted(m for m in ('urllib.request', 'http.client', 'ssl') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_assist_settings_come_from_config_toml(appraisal_home: Path) -> None:
    from appraisal.errors import AppraisalError

    assert Settings.load().assist is None
    _configure(appraisal_home, "http://10.0.0.5:8000/v1/", api_key_env="UNIT_KEY", timeout=30)
    assist = Settings.load().assist
    assert assist is not None
    assert (assist.base_url, assist.model, assist.api_key_env, assist.timeout) == (
        "http://10.0.0.5:8000/v1",
        "test-model",
        "UNIT_KEY",
        30,
    )
    _configure(appraisal_home, "10.0.0.5:8000")
    with pytest.raises(AppraisalError, match=r"字段 assist.base_url：应以 http:// 或 https:// 开头"):
        Settings.load()
