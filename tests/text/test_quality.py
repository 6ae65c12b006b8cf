from __future__ import annotations

import pytest

from newsfuse.text.quality import (
    garble_signs,
    paragraph_garble_signs,
    reporting_verbs,
    spinner_verb_spans,
)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "to reach written agreements. between Russia and the West",
            ["full stop inside a sentence"],
        ),
        (
            "facing a “massive DDoS attack”. preventing customers from paying",
            ["full stop inside a sentence"],
        ),
        ("“We see NATO at our doorstep,” he said. -he declares.", ["stray tail"]),
        ("and that disturbs the picture. .", ["detached or doubled full stop"]),
        ("due to an apparent cyberattack . The perpetrators", ["detached or doubled full stop"]),
        (
            "the mayor resigned, despite although she gave no reason for it",
            ["two connectives for one link"],
        ),
        ("the talks went on in spite of because of the storm", ["two connectives for one link"]),
    ],
)
def test_round_trip_damage_is_seen(text: str, kinds: list[str]) -> None:
    assert [sign.kind for sign in garble_signs(text)] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, U.S. Ambassador to NATO Julianne Smith said the U.S. will verify it.",
        "The talks start at 9 a.m. on Monday, Gen. Smith said, and end by 5 p.m. local time.",
        "It was never . . . a plan, she said, and the museum, etc. was closed.",
        "“I agree. We need to give diplomacy every chance,” he said.",
        "The match went ahead despite the rain, although the crowd was small.",
        "Although despite its flaws the plan passed, because despite everything it worked.",
    ],
)
def test_normal_news_writing_shows_no_damage(text: str) -> None:
    assert garble_signs(text) == []
    assert paragraph_garble_signs(text) == []


def test_quotes_must_balance_within_a_paragraph() -> None:
    assert paragraph_garble_signs("“It is over,” she said. “We are calm.”") == []
    stray = paragraph_garble_signs("“We will believe it,” he said. Climb the ladder.”")
    assert [sign.kind for sign in stray] == ["closing quote without an opening one"]


def test_reporting_verbs() -> None:
    text = "Biden stated it. Putin declared it. Smith said so. Jones told them. He expressed doubt."
    verbs = reporting_verbs(text)
    assert verbs.said == 2
    assert dict(verbs.spinner) == {"stated": 1, "declared": 1, "expressed": 1}
    assert verbs.said_share == 0.4
    assert [text[a:b] for a, b in spinner_verb_spans(text)] == ["stated", "declared", "expressed"]
    assert reporting_verbs("No speech here.").said_share == 1.0
