"""Ask an OpenAI-compatible server for a chat completion: llama.cpp's server, Ollama,
vLLM, LM Studio and hosted APIs all answer `POST {base}/chat/completions` alike.

Everything is bounded: the time of each try, the tries, the tokens asked for and the bytes
read back. The server's answer is untrusted: anything but a JSON object holding a text
completion is an error, never half-read. The key, when the server needs one, is read from
an environment variable when the request is sent: it is never a field of the settings (which
are pickled to Dask workers and may be printed), never in an error message.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from newsfuse._exceptions import WriterError
from newsfuse.defaults import LLM_KEY_VARIABLE, LLM_MAX_TOKENS, LLM_TIMEOUT_SECONDS

# The environment variable holding the server's key, unless the settings name another.
KEY_VARIABLE = LLM_KEY_VARIABLE
# A fixed seed and no temperature: servers that honour them answer alike each time.
SEED = 20220215
# An answer is a short brief: anything larger than this is not one.
_MOST_BYTES = 1 << 20
# Statuses worth a second try: the server is busy or failed for the moment.
_TRANSIENT = frozenset({408, 425, 429, 500, 502, 503, 504})
_PAUSE_SECONDS = 0.5
_PIECE_BYTES = 1 << 16


@dataclass(frozen=True)
class LlmSettings:
    """Where and how to ask for a written brief."""

    url: str  # the API's base (http://127.0.0.1:8080/v1) or its chat-completions address
    model: str
    key_variable: str = KEY_VARIABLE
    timeout_seconds: float = LLM_TIMEOUT_SECONDS  # each try
    tries: int = 2
    max_tokens: int = LLM_MAX_TOKENS

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise WriterError(f"{self.url}: not an http(s) address of a language model server")

    @property
    def endpoint(self) -> str:
        """The chat-completions address: the base's path extended, its query kept (some
        hosted APIs take their version there)."""
        parts = urlsplit(self.url)
        path = parts.path.rstrip("/")
        if not path.endswith("/chat/completions"):
            path += "/chat/completions"
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))

    @property
    def shown(self) -> str:
        """The endpoint as messages name it: without a user, password or query, which may
        hold a key."""
        parts = urlsplit(self.endpoint)
        host = parts.hostname or ""
        host = f"[{host}]" if ":" in host else host
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


Message = dict[str, str]


def complete(settings: LlmSettings, messages: list[Message]) -> str:
    """The server's reply to `messages`, or `WriterError` saying why there is none."""
    body = json.dumps(
        {
            "model": settings.model,
            "messages": messages,
            "temperature": 0,
            "seed": SEED,
            "max_tokens": settings.max_tokens,
            "stream": False,
        }
    ).encode()
    failure = WriterError(f"{settings.shown}: not asked")
    for attempt in range(max(settings.tries, 1)):
        if attempt:
            time.sleep(_PAUSE_SECONDS * attempt)
        try:
            return _reply_text(_post(settings, body), settings)
        except _TransientError as error:
            failure = WriterError(str(error))
    raise failure


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not followed: urllib would follow a POST's redirect as a
    GET carrying the key to wherever it points."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


class _TransientError(Exception):
    """A failure another try may not meet: a timeout, a refused connection, a busy server."""


def _post(settings: LlmSettings, body: bytes) -> bytes:
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    key = os.environ.get(settings.key_variable)
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(settings.endpoint, data=body, headers=headers, method="POST")
    where = settings.shown
    deadline = time.monotonic() + settings.timeout_seconds
    try:
        with _OPENER.open(request, timeout=settings.timeout_seconds) as response:
            answer = _read_bounded(response, deadline, where)
    except urllib.error.HTTPError as error:
        message = f"{where}: the server answered {error.code} {error.reason}"
        if error.code in _TRANSIENT:
            raise _TransientError(message) from None
        raise WriterError(message) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise _TransientError(f"{where}: no answer ({reason})") from None
    except OSError as error:  # a connection cut mid-answer
        raise _TransientError(f"{where}: no answer ({error})") from None
    return answer


def _read_bounded(response: Any, deadline: float, where: str) -> bytes:
    """The answer's bytes, read a piece at a time: each read waits at most the timeout,
    and a server sending a byte now and then is cut off at the deadline."""
    pieces: list[bytes] = []
    size = 0
    while piece := response.read(_PIECE_BYTES):
        pieces.append(piece)
        size += len(piece)
        if size > _MOST_BYTES:
            raise WriterError(f"{where}: an answer of more than {_MOST_BYTES} bytes")
        if time.monotonic() > deadline:
            raise _TransientError(f"{where}: the answer took longer than the timeout")
    return b"".join(pieces)


def _reply_text(answer: bytes, settings: LlmSettings) -> str:
    """The completion's text, or `WriterError` if the answer is not a completion."""
    where = settings.shown
    try:
        parsed: Any = json.loads(answer)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WriterError(f"{where}: the answer is not JSON") from None
    try:
        content = parsed["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise WriterError(f"{where}: the answer holds no chat completion") from None
    if not isinstance(content, str) or not content.strip():
        raise WriterError(f"{where}: the completion is empty")
    return content
