from __future__ import annotations

from dataclasses import replace

import pytest

from newsfuse._exceptions import WriterError
from newsfuse.models import StoryBrief, WrittenBrief
from newsfuse.text.embed import default_encoder
from newsfuse.write import LlmSettings, write_brief

from .conftest import fact_of
from .fake_llm import HANG, MALFORMED, fake_llm


def _write(story: StoryBrief, url: str) -> WrittenBrief | None:
    settings = LlmSettings(url=url, model="tiny", timeout_seconds=1, tries=1)
    return write_brief(story, settings, default_encoder(), sentences=5)


def test_a_faithful_reply_passes_whole(bridge_story: StoryBrief) -> None:
    mayor, pay = fact_of(bridge_story, "Mayor Tobias Renn said"), fact_of(bridge_story, "pay for")
    reply = (
        f"Mayor Tobias Renn said the crossing would stay shut for at least six weeks. [{mayor}]\n"
        f"The ship's operator, Gannet Shipping Lines, said it would pay for the repairs. [{pay}]"
    )
    with fake_llm(reply) as server:
        written = _write(bridge_story, server.url)
    assert written is not None
    assert [s.text for s in written.sentences] == reply.replace(f" [{mayor}]", "").replace(
        f" [{pay}]", ""
    ).splitlines()
    assert written.dropped == () and written.model == "tiny"
    [request] = server.requests
    asked = request.body["messages"][1]["content"]
    assert f"{mayor} [" in asked and "DISPUTED:" in asked


def test_a_reply_mixing_good_and_bad_keeps_the_good(bridge_story: StoryBrief) -> None:
    mayor = fact_of(bridge_story, "Mayor Tobias Renn said")
    reply = (
        f"Mayor Tobias Renn said the crossing would stay shut for at least six weeks. [{mayor}]\n"
        f"Mayor Tobias Renn said the crossing would stay shut for 60 weeks. [{mayor}]\n"
        "The bridge is a landmark."
    )
    with fake_llm(reply) as server:
        written = _write(bridge_story, server.url)
    assert written is not None and len(written.sentences) == 1
    assert [d.reason for d in written.dropped] == ["figure", "uncited"]


@pytest.mark.parametrize("step", [HANG, 500, MALFORMED, "   "])
def test_no_usable_answer_is_an_error(bridge_story: StoryBrief, step: str | int) -> None:
    with fake_llm(step) as server, pytest.raises(WriterError):
        _write(bridge_story, server.url)


def test_an_answer_of_uncited_words_is_a_brief_of_dropped_sentences(
    bridge_story: StoryBrief,
) -> None:
    with fake_llm("Words with no sentence end or id") as server:
        written = _write(bridge_story, server.url)
    assert written is not None
    assert written.sentences == () and [d.reason for d in written.dropped] == ["uncited"]


def test_a_story_with_no_facts_asks_nothing(bridge_story: StoryBrief) -> None:
    with fake_llm("Unused. [F1]") as server:
        assert _write(replace(bridge_story, facts=()), server.url) is None
    assert server.requests == []
