"""Drafting help against hostile servers and a hostile environment (issue 23 items 4, 5, 7, 8, 9, 10): the REAL
test server on 127.0.0.1 (`openai_server`) drips, sends one endless line, escape sequences and redirects; a second
one stands in for the office proxy and for the host a redirect points at."""

from __future__ import annotations

import logging
import re
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from assisting import CURRENT, TEMPLATE, run_assist, section_draft
from openai_server import ESCAPED_TEXT, Model, answering, configure, serve

from appraisal.config import AssistConfig
from appraisal.draft import Draft
from appraisal.logs import LOG_FILE, configure_logging
from appraisal.service import Service, Settings
from appraisal.store import load_draft

KEY = "sk-Zq8wSECRETkey4711"
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def other() -> Iterator[tuple[Model, str]]:
    """A second server: the proxy, or the host a redirect points at. It records whatever reaches it."""
    with serve() as running:
        yield running


# ---------------------------------------------------------------- item 4: no proxy for a model on this machine


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_loopback_model_is_never_reached_through_the_proxy(
    host: str,
    model: tuple[Model, str],
    other: tuple[Model, str],
    appraisal_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state, url = answering(model, appraisal_home)
    proxy, proxy_url = other
    monkeypatch.setenv("http_proxy", proxy_url.removesuffix("/v1"))
    monkeypatch.setenv("HTTP_PROXY", proxy_url.removesuffix("/v1"))
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    configure(appraisal_home, url.replace("127.0.0.1", host))
    code, _out, err = run_assist(capsys, section_draft(), "--task", "polish", "--yes")
    assert code == 0, err
    assert proxy.requests == []  # the section's text never went to the proxy
    assert len(state.requests) == 1 and CURRENT in state.requests[0]["messages"][1]["content"]


def test_other_hosts_go_through_the_proxy_unless_no_proxy_says_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    from appraisal.assist.connection import is_loopback, route

    monkeypatch.setenv("http_proxy", "http://user:p%40ss@proxy.example:3128")
    monkeypatch.setenv("https_proxy", "http://proxy.example:3128")
    monkeypatch.setenv("no_proxy", "intranet.example")
    for url in ("http://127.0.0.1:8000/v1", "http://127.8.0.1/v1", "http://[::1]:8000/v1", "http://localhost/v1"):
        assert route(url).proxy is None, url
    through = route("http://10.0.0.5:8000/v1/chat/completions")
    assert through.describe() == "proxy.example:3128" and through.target == "http://10.0.0.5:8000/v1/chat/completions"
    assert through.request_headers() == {"Proxy-Authorization": "Basic dXNlcjpwQHNz"}  # user:p@ss
    tunnelled = route("https://model.example/v1/chat/completions")
    assert tunnelled.proxy is not None and tunnelled.target == "/v1/chat/completions"
    assert tunnelled.request_headers() == {}  # the tunnel's credentials go to the proxy only
    assert route("http://intranet.example/v1").proxy is None
    service = Service(Settings(assist=AssistConfig(base_url="http://10.0.0.5:8000/v1", model="m")))
    assert service.assist_destination() == "http://10.0.0.5:8000/v1（模型 m，经代理 proxy.example:3128）"
    service = Service(Settings(assist=AssistConfig(base_url="http://127.0.0.1:8000/v1", model="m")))
    assert service.assist_destination() == "http://127.0.0.1:8000/v1（模型 m）"  # the user is told the truth
    assert [is_loopback(h) for h in ("::1", "[::1]", "::ffff:127.0.0.1", "0.0.0.0", "a.localhost", "10.0.0.1")] == [
        True,
        True,
        True,
        True,
        True,
        False,
    ]


# ---------------------------------------------------------------- item 5: a key that cannot be a header value

BAD_KEYS = [
    f"# 单位模型的密钥\n{KEY}",  # a key file with a comment line
    f"“{KEY}”",  # curly quotes pasted from a chat
    f"{KEY} {KEY}",
    f"{KEY}\r\nX-Evil: 1",
]


def _log(home: Path) -> str:
    path = home / LOG_FILE
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("key", BAD_KEYS)
def test_a_key_that_cannot_be_a_header_is_refused_in_one_sentence_without_showing_it(
    key: str,
    model: tuple[Model, str],
    appraisal_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state, _ = answering(model, appraisal_home, api_key_env="UNIT_KEY")
    monkeypatch.setenv("UNIT_KEY", key)
    path = section_draft()
    before = path.read_bytes()
    code, out, err = run_assist(capsys, path, "--task", "polish", "--yes")
    assert code == 2
    assert err.count("\n") == 1 and "环境变量 UNIT_KEY 中的密钥含有不能用于请求的字符" in err
    assert out == ""  # said before anything is shown or asked
    assert "Traceback" not in err
    assert KEY not in out + err + _log(appraisal_home)
    assert state.requests == []
    assert path.read_bytes() == before


MODES = ["stream", "plain", "401", "429", "html", "cut", "slow", "error-escapes", "redirect-302"]


@pytest.mark.parametrize("mode", MODES)
def test_the_key_is_in_no_message_and_no_log_line(
    mode: str,
    model: tuple[Model, str],
    other: tuple[Model, str],
    appraisal_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state, _ = answering(model, appraisal_home, mode, api_key_env="UNIT_KEY", timeout=1)
    state.redirect_to = other[1] + "/chat/completions"
    monkeypatch.setenv("UNIT_KEY", KEY)
    _code, out, err = run_assist(capsys, section_draft(), "--task", "polish", "--yes")
    logging.getLogger("appraisal.test").error("a record that carries the key %s", KEY)  # as a careless log line would
    assert state.headers[0]["Authorization"] == f"Bearer {KEY}"  # it was sent, to the model only
    assert other[0].requests == []
    assert KEY not in out + err
    assert KEY not in _log(appraisal_home) and "a record that carries the key ***" in _log(appraisal_home)


def test_the_log_keeps_the_key_out_of_a_traceback_too(appraisal_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from appraisal.assist.client import api_key

    monkeypatch.setenv("UNIT_KEY", KEY)
    configure_logging()
    assert api_key(AssistConfig(base_url="http://127.0.0.1:1/v1", model="m", api_key_env="UNIT_KEY")) == KEY
    try:
        raise ValueError(f"Invalid header value b'Bearer {KEY}'")
    except ValueError:
        logging.getLogger("appraisal.tui").exception("drafting help failed")
    assert KEY not in _log(appraisal_home) and "Invalid header value b'Bearer ***'" in _log(appraisal_home)


# ---------------------------------------------------------------- item 7: nothing hostile shown or stored


def test_escape_sequences_from_the_model_are_never_printed_diffed_or_stored(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answering(model, appraisal_home, "escapes")
    path = section_draft()
    code, out, err = run_assist(capsys, path, "--task", "polish", "--yes")
    assert code == 0, err
    assert not CONTROLS.search(out + err), repr(CONTROLS.findall(out + err))
    assert ESCAPED_TEXT in out  # the stream and the proposal show the words
    service = Service(Settings.load())
    _path, draft, template = service.open_draft(str(path))
    request = service.assist_request(draft, template, "results.service", "polish")
    pieces: list[str] = []
    proposal = service.assist(draft, template, request, pieces.append)
    assert proposal.text == ESCAPED_TEXT and "".join(pieces) == ESCAPED_TEXT + "\n"
    assert not any(CONTROLS.search(line) for line in proposal.diff())
    assert not CONTROLS.search(load_draft(path).sections["results.service"])


def test_the_servers_error_message_is_shown_without_its_escapes(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answering(model, appraisal_home, "error-escapes")
    code, out, err = run_assist(capsys, section_draft(), "--task", "polish", "--yes")
    assert code == 2 and "模型服务报告错误：模型过载。" in err
    assert not CONTROLS.search(out + err)


def test_clean_removes_whole_sequences() -> None:
    from appraisal.assist.controls import clean

    assert clean("甲\x1b]52;c;eA==\x07乙\x1b[31m丙\x1b[0m\x1bP1|x\x1b\\丁\x9b2J戊\r\n己\x00\u202e") == "甲乙丙丁戊\n己"


# ---------------------------------------------------------------- items 8, 9: bounded in time and in size


def test_one_deadline_for_the_whole_answer(
    model: tuple[Model, str], appraisal_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answering(model, appraisal_home, "drip", timeout=1.5)  # a piece every 0.5 s for 20 s
    path = section_draft()
    before = path.read_bytes()
    started = time.monotonic()
    code, _out, err = run_assist(capsys, path, "--task", "polish", "--yes")
    elapsed = time.monotonic() - started
    assert code == 2 and "模型服务在 1.5 秒内没有答完" in err
    assert elapsed < 4, elapsed
    assert path.read_bytes() == before


def test_the_size_cap_is_applied_while_reading(model: tuple[Model, str]) -> None:
    state, url = model
    state.mode = "long-line"  # one 64 MB line
    service = Service(Settings(assist=AssistConfig(base_url=url, model="m", timeout=30)))
    draft = Draft.new(TEMPLATE, name="张三", year=2026)
    draft.sections["results.service"] = CURRENT
    request = service.assist_request(draft, TEMPLATE, "results.service", "polish")
    tracemalloc.start()
    try:
        with pytest.raises(Exception, match="模型的答复太长，已放弃"):
            service.assist(draft, TEMPLATE, request)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, peak  # the line is 64 MB; held whole it would take more than that


# ---------------------------------------------------------------- item 10: no key to another host


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_not_followed(
    status: int,
    model: tuple[Model, str],
    other: tuple[Model, str],
    appraisal_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state, _ = answering(model, appraisal_home, f"redirect-{status}", api_key_env="UNIT_KEY")
    target, target_url = other
    state.redirect_to = target_url.replace("127.0.0.1", "localhost") + "/chat/completions"
    monkeypatch.setenv("UNIT_KEY", KEY)
    code, _out, err = run_assist(capsys, section_draft(), "--task", "polish", "--yes")
    assert code == 2 and f"模型服务把请求转往别处（{status}）" in err
    assert target.requests == [] and target.headers == []
