from __future__ import annotations

from newsfuse.text.language import detect_language, is_other_language

ENGLISH = (
    "Russia said on Tuesday that some units taking part in the drills would return to their bases."
)


def test_detects_the_language_of_a_document() -> None:
    assert detect_language(ENGLISH) == "en"
    assert (
        detect_language(
            "Die Regierung hat am Dienstag neue Gespräche mit der Opposition angekündigt."
        )
        == "de"
    )


def test_too_little_text_gives_no_answer() -> None:
    assert detect_language("Share") is None


def test_other_language_lines() -> None:
    assert is_other_language("Üye değilseniz hemen üye olun veya giriş yapın.", "en")
    assert not is_other_language(ENGLISH, "en")
    assert not is_other_language("Üye değilseniz hemen üye olun veya giriş yapın.", None)
