"""Talking to an OpenAI-compatible chat endpoint (`POST {base_url}/chat/completions`), answer streamed as it
arrives (server-sent events), or read whole when the server answers plain JSON.

The standard library's `urllib` is used, not httpx: one POST and a line-by-line read of the response is all this
needs, `http.client` decodes a chunked body as it arrives (so streaming is real: each `data:` line is handed on as
soon as it is read), it adds no dependency, and nothing is imported until a request is made. Every failure is an
`AssistError` with one Chinese sentence; the caller changes nothing in the draft when one is raised.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from typing import Any

from appraisal.config import AssistConfig
from appraisal.errors import AppraisalError

MAX_ANSWER_BYTES = 2 * 1024 * 1024


class AssistError(AppraisalError):
    """The model could not give an answer; the message says why in one sentence."""


def api_key(config: AssistConfig) -> str | None:
    """The key from the environment variable the config names (None when it names none)."""
    if not config.api_key_env:
        return None
    value = os.environ.get(config.api_key_env, "").strip()
    if not value:
        raise AssistError(f"环境变量 {config.api_key_env} 没有设置，取不到模型的密钥，未发送任何内容。")
    return value


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
    return AssistError(f"无法连接模型服务 {config.base_url}：{reason}。")


def _timeout(config: AssistConfig) -> AssistError:
    return AssistError(f"模型服务在 {config.timeout:g} 秒内没有答复，请稍后再试，或在 config.toml 中调大 timeout。")


def _not_openai(config: AssistConfig) -> AssistError:
    return AssistError(f"{config.base_url} 返回的不是 OpenAI 兼容格式的答复，请检查 base_url 是否指向聊天接口。")


def _cut_off() -> AssistError:
    return AssistError("模型的答复中途断开，已收到的部分不予采用，请重试。")


def chat(
    config: AssistConfig, messages: list[dict[str, str]], on_text: Callable[[str], None] = lambda _text: None
) -> str:
    """Send `messages`, hand each piece of the answer to `on_text` as it arrives, return the whole answer."""
    key = api_key(config)
    body = json.dumps(
        {"model": config.model, "messages": messages, "stream": True, "temperature": 0.3}, ensure_ascii=False
    ).encode("utf-8")
    headers = {"Content-Type": "application/json", "Accept": "text/event-stream, application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(f"{config.base_url}/chat/completions", data=body, headers=headers, method="POST")
    try:
        response = urllib.request.urlopen(request, timeout=config.timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise _http_error(exc.code, config) from None
    except urllib.error.URLError as exc:
        raise _connection_error(exc.reason, config) from None
    except TimeoutError:
        raise _timeout(config) from None
    except (http.client.HTTPException, OSError) as exc:
        raise _connection_error(exc, config) from None
    with response:
        kind = response.headers.get_content_type()
        try:
            if kind == "text/event-stream":
                return _read_stream(response, config, on_text)
            if kind == "application/json" or kind.endswith("+json"):
                text = _message_text(_json(response.read(MAX_ANSWER_BYTES + 1), config), config)
                on_text(text)
                return text
        except TimeoutError:
            raise _timeout(config) from None
        except (http.client.IncompleteRead, ConnectionError):
            raise _cut_off() from None
    raise _not_openai(config)


def _json(raw: bytes, config: AssistConfig) -> Any:
    if len(raw) > MAX_ANSWER_BYTES:
        raise AssistError("模型的答复太长，已放弃。")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _not_openai(config) from None


def _server_error(data: Any) -> AssistError | None:
    error = data.get("error") if isinstance(data, dict) else None
    if error is None:
        return None
    detail = error.get("message") if isinstance(error, dict) else error
    return AssistError(f"模型服务报告错误：{str(detail)[:200]}。")


def _message_text(data: Any, config: AssistConfig) -> str:
    """`choices[0].message.content` of a whole (not streamed) answer."""
    error = _server_error(data)
    if error is not None:
        raise error
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise _not_openai(config) from None
    if not isinstance(content, str):
        raise _not_openai(config)
    return content


def _read_stream(lines: Iterable[bytes], config: AssistConfig, on_text: Callable[[str], None]) -> str:
    """The `data:` events of a stream, each delta handed on as it arrives. The stream must end with `[DONE]` or a
    `finish_reason`: a connection that just stops is a cut-off answer, not a short one."""
    pieces: list[str] = []
    size = 0
    finished = False
    for raw in lines:
        size += len(raw)
        if size > MAX_ANSWER_BYTES:
            raise AssistError("模型的答复太长，已放弃。")
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line.startswith("data:"):
            continue  # blank separators, `event:`, `id:`, `:` comments
        payload = line[5:].strip()
        if payload == "[DONE]":
            finished = True
            break
        data = _json(payload.encode("utf-8"), config)
        error = _server_error(data)
        if error is not None:
            raise error
        try:
            choice = data["choices"][0] if data["choices"] else {}
            delta = choice.get("delta") or {}
            text = delta.get("content")
        except (KeyError, TypeError, AttributeError):
            raise _not_openai(config) from None
        if isinstance(text, str) and text:
            pieces.append(text)
            on_text(text)
        if choice.get("finish_reason"):
            finished = True
    if not finished:
        raise _cut_off()
    return "".join(pieces)
