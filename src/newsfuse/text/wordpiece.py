"""BERT's uncased WordPiece tokenizer, as all-MiniLM-L6-v2 expects its input.

The model package ships no tokenizer, and the Hugging Face `tokenizers` package would bring
the hub client along; the algorithm is short: clean, lower-case, strip accents, split on
white space and punctuation, then cut each word into the longest pieces the vocabulary
knows. The vocabulary is the model's own `vocab.txt` (Apache-2.0, see resources/NOTICE.md).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"
_MAX_WORD_CHARACTERS = 100
# ASCII control characters BERT drops (tab, newline and return are white space to it).
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_WORD = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, int]:
    text = resources.files("newsfuse.resources").joinpath("minilm_vocab.txt").read_text("utf-8")
    return {token: number for number, token in enumerate(text.splitlines())}


def token_ids(text: str, max_length: int = 256) -> list[int]:
    """`[CLS]`, the word pieces of `text` (cut to fit), `[SEP]`, as vocabulary ids."""
    vocab = vocabulary()
    pieces = [piece for word in basic_words(text) for piece in word_pieces(word, vocab)]
    pieces = pieces[: max_length - 2]
    return [vocab[CLS], *(vocab[piece] for piece in pieces), vocab[SEP]]


def basic_words(text: str) -> list[str]:
    """Words as BERT's basic tokenizer makes them: punctuation marks are words of their own.
    Most news text is ASCII, where two patterns do what the character-by-character rules
    do (every printable ASCII mark that is not a letter or digit is punctuation to BERT)."""
    if text.isascii():
        return _ASCII_WORD.findall(_ASCII_CONTROL.sub("", text).lower())
    return _basic_words_of_any_text(text)


def _basic_words_of_any_text(text: str) -> list[str]:
    normalized = _strip_accents(_space_out_ideographs(_clean(text)).lower())
    words: list[str] = []
    for chunk in normalized.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                words.append(char)
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


def word_pieces(word: str, vocab: dict[str, int]) -> list[str]:
    """The longest-match-first pieces of `word`, or `[UNK]` if it cannot be cut."""
    if len(word) > _MAX_WORD_CHARACTERS:
        return [UNK]
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                pieces.append(piece)
                break
            end -= 1
        else:
            return [UNK]
        start = end
    return pieces


def _clean(text: str) -> str:
    kept = []
    for char in text:
        if char in "\x00\ufffd" or (_is_control(char)):
            continue
        kept.append(" " if char.isspace() else char)
    return "".join(kept)


def _is_control(char: str) -> bool:
    if char in "\t\n\r":
        return False
    return unicodedata.category(char) in ("Cc", "Cf")


def _space_out_ideographs(text: str) -> str:
    return "".join(f" {char} " if _is_ideograph(ord(char)) else char for char in text)


def _is_ideograph(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _strip_accents(text: str) -> str:
    return "".join(
        char for char in unicodedata.normalize("NFD", text) if unicodedata.category(char) != "Mn"
    )


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")
