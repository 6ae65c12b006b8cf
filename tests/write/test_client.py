from __future__ import annotations

import time

import pytest

from newsfuse._exceptions import WriterError
from newsfuse.write.client import SEED, LlmSettings, complete

from .fake_llm import HANG, MALFORMED, NO_CHOICES, fake_llm

_ASKED = [{"role": "user", "content": "Write."}]


def _settings(url: str, **changes: object) -> LlmSettings:
    return LlmSettings(url=url, model="tiny", **changes)  # type: ignore[arg-type]


def test_a_completion_is_asked_for_at_temperature_zero_with_a_fixed_seed() -> None:
    with fake_llm("A sentence. [F1]") as server:
        assert complete(_settings(server.url, max_tokens=123), _ASKED) == "A sentence. [F1]"
    [request] = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.body["model"] == "tiny"
    assert request.body["temperature"] == 0
    assert request.body["seed"] == SEED
    assert request.body["max_tokens"] == 123
    assert request.body["messages"] == _ASKED
    assert request.body["stream"] is False


def test_the_key_is_sent_from_the_environment_and_named_nowhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MY_LLM_KEY", "sk-secret-123")
    settings = _settings("http://127.0.0.1:1/v1", key_variable="MY_LLM_KEY")
    assert "sk-secret" not in repr(settings)
    with fake_llm("Fine. [F1]", 401) as server:
        complete(_settings(server.url, key_variable="MY_LLM_KEY"), _ASKED)
        with pytest.raises(WriterError) as refused:
            complete(_settings(server.url, key_variable="MY_LLM_KEY"), _ASKED)
    assert server.requests[0].headers["Authorization"] == "Bearer sk-secret-123"
    assert "401" in str(refused.value) and "sk-secret" not in str(refused.value)


def test_no_key_no_authorization_header(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSFUSE_LLM_KEY", raising=False)
    with fake_llm("Fine. [F1]") as server:
        complete(_settings(server.url), _ASKED)
    assert "Authorization" not in server.requests[0].headers


def test_a_full_chat_completions_address_is_taken_as_it_is() -> None:
    with fake_llm("Fine. [F1]") as server:
        complete(_settings(server.url + "/chat/completions/"), _ASKED)
    assert server.requests[0].path == "/v1/chat/completions"


def test_a_busy_server_is_tried_again() -> None:
    with fake_llm(503, "Fine. [F1]") as server:
        assert complete(_settings(server.url, tries=2), _ASKED) == "Fine. [F1]"
    assert len(server.requests) == 2


def test_a_refusal_is_not_tried_again() -> None:
    with fake_llm(404, "Fine. [F1]") as server, pytest.raises(WriterError, match="answered 404"):
        complete(_settings(server.url, tries=3), _ASKED)
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("step", "message"),
    [(MALFORMED, "not JSON"), (NO_CHOICES, "no chat completion"), ("   ", "empty")],
)
def test_an_answer_that_is_no_completion_is_an_error(step: str, message: str) -> None:
    with fake_llm(step) as server, pytest.raises(WriterError, match=message):
        complete(_settings(server.url), _ASKED)


def test_a_hanging_server_is_given_up_on_in_bounded_time() -> None:
    with fake_llm(HANG) as server:
        started = time.monotonic()
        with pytest.raises(WriterError, match="no answer"):
            complete(_settings(server.url, timeout_seconds=0.5, tries=2), _ASKED)
        assert time.monotonic() - started < 5
    assert len(server.requests) == 2


def test_a_server_nobody_listens_on_is_an_error() -> None:
    with fake_llm("unused") as server:
        url = server.url
    with pytest.raises(WriterError, match="no answer"):
        complete(_settings(url, tries=1), _ASKED)


def test_only_http_addresses_are_taken() -> None:
    with pytest.raises(WriterError, match="not an http"):
        _settings("file:///etc/passwd")


def test_a_redirect_is_not_followed_with_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFUSE_LLM_KEY", "sk-secret-123")
    with fake_llm(307) as server, pytest.raises(WriterError, match="answered 307"):
        complete(_settings(server.url), _ASKED)
    assert len(server.requests) == 1


def test_errors_name_the_server_without_what_its_address_may_hide() -> None:
    with fake_llm(404) as server:
        port = server.url.split(":")[-1].split("/")[0]
        hidden = f"http://user:sk-in-url@127.0.0.1:{port}/v1?key=sk-in-query"
        with pytest.raises(WriterError) as refused:
            complete(_settings(hidden, tries=1), _ASKED)
    assert str(refused.value).startswith(f"http://127.0.0.1:{port}/v1/chat/completions: ")
    assert "sk-in" not in str(refused.value)


def test_the_endpoint_extends_the_path_and_keeps_the_query() -> None:
    settings = _settings("https://api.example.com/openai/v1/?api-version=2024-06-01")
    assert settings.endpoint == (
        "https://api.example.com/openai/v1/chat/completions?api-version=2024-06-01"
    )
    assert settings.shown == "https://api.example.com/openai/v1/chat/completions"
