"""Talking to an OpenAI-compatible chat endpoint (`POST {base_url}/chat/completions`), answer streamed as it
arrives (server-sent events), or read whole when the server answers plain JSON.

`http.client` from the standard library does the talking (`connection` says how the endpoint is reached): one
POST and a line-by-line read of the response is all this needs, a chunked body is decoded as it arrives (so
streaming is real), it adds no dependency, and nothing is imported until a request is made. What comes back is
treated as hostile: the whole answer has one deadline (a server dripping a piece every half second is cut off),
its size is capped while it is read (one endless line is never held whole), a redirect is refused rather than
followed with the key, and control characters are removed from every piece before anyone sees it. The key is
checked before it goes into a header and is never part of a message or a log line. Every failure is an
`AssistError` with one Chinese sentence; the caller changes nothing in the draft when one is raised.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable
from typing import Any

from appraisal.assist.connection import Route, route
from appraisal.assist.controls import StreamCleaner, clean
from appraisal.assist.key import AssistError, api_key
from appraisal.config import AssistConfig

log = logging.getLogger(__name__)

MAX_ANSWER_BYTES = 2 * 1024 * 1024


def _http_error(code: int, config: AssistConfig) -> AssistError:
    if code in (401, 403):
        where = (
            f"环境变量 {config.api_key_env} 中的密钥"
            if config.api_key_env
            else "config.toml 中 [assist] 的 api_key_env"
        )
        return AssistError(f"模型服务拒绝了访问（{code}），请检查{where}。")
    if code == 429:
        return AssistError("模型服务繁忙或调用次数已超限（429），请稍后再试。")
    if code == 404:
        return AssistError(
            f"模型服务上没有这个地址或模型（404），请检查 base_url（通常以 /v1 结尾）和 model “{config.model}”。"
        )
    if 300 <= code < 400:
        return AssistError(
            f"模型服务把请求转往别处（{code}），为免密钥和内容被转发，未予跟随；请把 base_url 改为最终地址。"
        )
    return AssistError(f"模型服务出错（{code}），请稍后再试。")


def _connection_error(reason: object, config: AssistConfig) -> AssistError:
    if isinstance(reason, ConnectionRefusedError):
        return AssistError(f"无法连接模型服务 {config.base_url}：连接被拒绝，请确认服务已启动、地址和端口无误。")
    if isinstance(reason, TimeoutError | socket.timeout):
        return _timeout(config)
    if isinstance(reason, socket.gaierror):
        return AssistError(f"找不到模型服务的主机 {config.base_url}，请检查 base_url 和网络。")
    if isinstance(reason, ssl.SSLError):
        return AssistError(f"与模型服务 {config.base_url} 建立加密连接失败，请检查证书或改用单位提供的地址。")
    detail = clean(str(reason))[:200].replace("\n", " ")  # the server's own words (a bad status line) are hostile
    return AssistError(f"无法连接模型服务 {config.base_url}：{detail or type(reason).__name__}。")


def _timeout(config: AssistConfig) -> AssistError:
    return AssistError(
        f"模型服务在 {config.timeout:g} 秒内没有答完，已放弃；请稍后再试，或在 config.toml 中调大 timeout。"
    )


def _not_openai(config: AssistConfig) -> AssistError:
    return AssistError(f"{config.base_url} 返回的不是 OpenAI 兼容格式的答复，请检查 base_url 是否指向聊天接口。")


def _cut_off() -> AssistError:
    return AssistError("模型的答复中途断开，已收到的部分不予采用，请重试。")


def _too_long() -> AssistError:
    return AssistError("模型的答复太长，已放弃。")


class _Deadline:
    """The whole answer's time limit: when it passes, the connection is shut down under whatever read is
    waiting, from a timer thread; `expired` then tells the reader why its read failed."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._socket: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def left(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def watch(self, sock: socket.socket | None) -> None:
        self._socket = sock
        if not self._timer.is_alive() and not self.expired:
            self._timer.start()
        elif self.expired:
            self._expire()

    def check(self) -> None:
        if time.monotonic() >= self.end:
            self.expired = True
            raise TimeoutError

    def _expire(self) -> None:
        self.expired = True
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def chat(
    config: AssistConfig, messages: list[dict[str, str]], on_text: Callable[[str], None] = lambda _text: None
) -> str:
    """Send `messages`, hand each piece of the answer (cleaned) to `on_text` as it arrives, return the whole
    answer (cleaned)."""
    key = api_key(config)
    body = json.dumps(
        {"model": config.model, "messages": messages, "stream": True, "temperature": 0.3}, ensure_ascii=False
    ).encode("utf-8")
    try:
        way = route(f"{config.base_url}/chat/completions")
    except ValueError:
        raise AssistError(f"模型服务的地址 {config.base_url} 或代理设置有误，请检查，未发送任何内容。") from None
    headers = {
        "Content-Type": "application/json",
        "Accept": "text/event-stream, application/json",
        **way.request_headers(),
    }
    if key:
        headers["Authorization"] = f"Bearer {key}"
    deadline = _Deadline(config.timeout)
    connection = way.connection(deadline.left())
    try:
        return _exchange(connection, way, headers, body, deadline, config, on_text)
    finally:
        deadline.cancel()
        connection.close()


def _exchange(
    connection: http.client.HTTPConnection,
    way: Route,
    headers: dict[str, str],
    body: bytes,
    deadline: _Deadline,
    config: AssistConfig,
    on_text: Callable[[str], None],
) -> str:
    try:
        deadline.watch(None)
        connection.connect()
        deadline.watch(connection.sock)
        connection.request("POST", way.target, body=body, headers=headers)
        response = connection.getresponse()
    except TimeoutError:
        raise _timeout(config) from None
    except (http.client.HTTPException, OSError) as exc:
        if deadline.expired:
            raise _timeout(config) from None
        raise _connection_error(exc, config) from None
    if response.status >= 300:
        raise _http_error(response.status, config)
    kind = response.headers.get_content_type()
    try:
        if kind == "text/event-stream":
            return _read_stream(response, deadline, config, on_text)
        if kind == "application/json" or kind.endswith("+json"):
            text = _message_text(_json(_read_limited(response, deadline), config), config)
            on_text(text)
            return text
    except TimeoutError:
        raise _timeout(config) from None
    except (http.client.HTTPException, OSError):
        if deadline.expired:
            raise _timeout(config) from None
        raise _cut_off() from None
    raise _not_openai(config)


def _read_limited(response: http.client.HTTPResponse, deadline: _Deadline) -> bytes:
    """The whole (not streamed) body, read in pieces so that neither the cap nor the deadline waits for its end."""
    pieces: list[bytes] = []
    size = 0
    while piece := response.read1(65536):
        deadline.check()
        size += len(piece)
        if size > MAX_ANSWER_BYTES:
            raise _too_long()
        pieces.append(piece)
    deadline.check()
    return b"".join(pieces)


def _json(raw: bytes, config: AssistConfig) -> Any:
    if len(raw) > MAX_ANSWER_BYTES:
        raise _too_long()
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _not_openai(config) from None


def _server_error(data: Any) -> AssistError | None:
    error = data.get("error") if isinstance(data, dict) else None
    if error is None:
        return None
    detail = error.get("message") if isinstance(error, dict) else error
    shown = clean(str(detail)).replace("\n", " ").strip()[:200]
    return AssistError(f"模型服务报告错误：{shown}。")


def _message_text(data: Any, config: AssistConfig) -> str:
    """`choices[0].message.content` of a whole (not streamed) answer, cleaned."""
    error = _server_error(data)
    if error is not None:
        raise error
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise _not_openai(config) from None
    if not isinstance(content, str):
        raise _not_openai(config)
    return clean(content)


def _read_stream(
    response: http.client.HTTPResponse, deadline: _Deadline, config: AssistConfig, on_text: Callable[[str], None]
) -> str:
    """The `data:` events of a stream, each delta handed on (cleaned) as it arrives. The stream must end with
    `[DONE]` or a `finish_reason`: a connection that just stops is a cut-off answer, not a short one. Each line
    is read with what is left of the size cap as its limit."""
    pieces: list[str] = []
    cleaner = StreamCleaner()
    size = 0
    finished = False
    while not finished:
        raw = response.readline(MAX_ANSWER_BYTES - size + 1)
        deadline.check()
        if not raw:
            raise _cut_off()
        size += len(raw)
        if size > MAX_ANSWER_BYTES:
            raise _too_long()
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line.startswith("data:"):
            continue  # blank separators, `event:`, `id:`, `:` comments
        payload = line[5:].strip()
        if payload == "[DONE]":
            break
        text, finished = _delta(_json(payload.encode("utf-8"), config), config)
        pieces.append(text)
        shown = cleaner.feed(text)
        if shown:
            on_text(shown)
    rest = cleaner.finish()
    if rest:
        on_text(rest)
    return clean("".join(pieces))


def _delta(data: Any, config: AssistConfig) -> tuple[str, bool]:
    """One event's piece of text, and whether it is the last (its `finish_reason` is set)."""
    error = _server_error(data)
    if error is not None:
        raise error
    try:
        choice = data["choices"][0] if data["choices"] else {}
        delta = choice.get("delta") or {}
        text = delta.get("content")
    except (KeyError, TypeError, AttributeError):
        raise _not_openai(config) from None
    return (text if isinstance(text, str) else ""), bool(choice.get("finish_reason"))
