"""Language identification (py3langid, offline, ~0.1 s to load)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class LanguageGuess:
    language: str
    probability: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> LanguageGuess:
    """The most likely language of `text` (ISO 639-1) and its probability."""
    language, probability = _identifier().classify(text)
    return LanguageGuess(language=str(language), probability=float(probability))


# Below this many letters a guess is noise.
_MINIMUM_LETTERS = 40
# A guess must be this sure before the text is called a given language.
_CONFIDENT = 0.9


def detect_language(text: str) -> str | None:
    """The language of a document, or None when the text is too short to tell."""
    if sum(1 for char in text if char.isalpha()) < _MINIMUM_LETTERS:
        return None
    guess = identify(text)
    return guess.language if guess.probability >= _CONFIDENT else None


def is_other_language(line: str, language: str | None) -> bool:
    """Whether `line` is confidently in a language other than `language`."""
    if language is None or sum(1 for char in line if char.isalpha()) < 15:
        return False
    guess = identify(line)
    return guess.language != language and guess.probability >= _CONFIDENT
