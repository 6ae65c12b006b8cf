"""Quality flags: warnings about a source's text, each with its reason and its evidence.

- "garbled": the damage round-trip machine translation leaves (`newsfuse.text.quality`);
- "spun": "said" replaced by its synonyms throughout (against common phrasing), or most
  sentences taken from the origin with words swapped one for one (against an origin);
- "heavy furniture": much of the page was not the article;
- "aggregator re-post": an aggregator's disclaimer, or the "Source link" that auto-posting
  sites add under what they copy.
"""

from __future__ import annotations

import difflib

from newsfuse.models import FlagEvidence, QualityFlag, Source
from newsfuse.provenance.align import AlignedPair
from newsfuse.text.furniture import normalize_line
from newsfuse.text.lexical import words
from newsfuse.text.quality import paragraph_garble_signs, reporting_verbs, spinner_verb_spans

# Garbled: at least 3 signs and 0.05 a sentence, or, in a short text, 2 signs and 0.2 a
# sentence. No Multi-News article of 570 meets either; 99% show at most one sign.
GARBLED_LEVELS = ((3, 0.05), (2, 0.2))
# Spun against common phrasing: this many synonyms of "said", and "said" in under this
# share of reported speech (news: at least 0.67 in 374 reference articles).
SPINNER_VERBS = 4
SAID_SHARE = 0.5
# Spun against an origin: this share of the aligned sentences has words swapped one for one.
SWAPPED_SHARE = 0.3
# A swap replaces at most this many words; a swapped sentence keeps its length within this
# share and adds or drops at most this many words.
_SWAP_WORDS = 2
_LENGTH_CHANGE = 0.15
_ADDED_OR_DROPPED = 2
# Heavy furniture: this share of the raw text was removed.
FURNITURE_SHARE = 0.25
# Evidence is listed up to this many items a flag.
_EVIDENCE = 12


def text_flags(source: Source) -> list[QualityFlag]:
    """The flags a source's own text earns, with no other source to compare."""
    found = [
        _garbled(source),
        _spun_phrasing(source),
        _heavy_furniture(source),
        _aggregator(source),
    ]
    return [flag for flag in found if flag is not None]


def _sentence_evidence(source: Source, spans: list[tuple[int, int]]) -> tuple[FlagEvidence, ...]:
    """The sentences holding the given spans of the cleaned text, each once, in order."""
    chosen = []
    for sentence in source.sentences:
        if any(sentence.start <= start < sentence.end for start, _ in spans):
            chosen.append(FlagEvidence(sentence.text, sentence.start, sentence.end))
    return tuple(chosen[:_EVIDENCE])


def _garbled(source: Source) -> QualityFlag | None:
    spans, kinds = [], set()
    offset = 0
    for paragraph in source.clean.text.split("\n\n"):
        for sign in paragraph_garble_signs(paragraph):
            spans.append((offset + sign.start, offset + sign.end))
            kinds.add(sign.kind)
        offset += len(paragraph) + 2
    sentences = max(len(source.sentences), 1)
    if not any(
        len(spans) >= count and len(spans) / sentences >= rate for count, rate in GARBLED_LEVELS
    ):
        return None
    reason = (
        f"{len(spans)} signs of round-trip machine translation in {sentences} sentences "
        f"({', '.join(sorted(kinds))})"
    )
    return QualityFlag("garbled", reason, _sentence_evidence(source, spans))


def _spun_phrasing(source: Source) -> QualityFlag | None:
    verbs = reporting_verbs(source.clean.text)
    used = sum(verbs.spinner.values())
    if used < SPINNER_VERBS or verbs.said_share >= SAID_SHARE:
        return None
    common = ", ".join(f"'{verb}' {count}x" for verb, count in verbs.spinner.most_common(3))
    reason = (
        f"reports speech with {common} against 'said' {verbs.said}x: news writing uses 'said' "
        f"for most reported speech, article spinners replace it"
    )
    return QualityFlag(
        "spun", reason, _sentence_evidence(source, spinner_verb_spans(source.clean.text))
    )


def spun_against_origin(source: Source, pairs: list[AlignedPair]) -> QualityFlag | None:
    """Spun when many sentences taken from the origin have their words swapped one for one
    (a writer who rewrites restructures; a spinner substitutes)."""
    swapped = [pair for pair in pairs if _swapped_word_for_word(pair.origin.text, pair.copy.text)]
    if not pairs or len(swapped) / len(pairs) < SWAPPED_SHARE or len(swapped) < 2:
        return None
    reason = (
        f"{len(swapped)} of {len(pairs)} sentences taken from the origin have words swapped "
        "one for one for synonyms"
    )
    evidence = tuple(
        FlagEvidence(p.copy.text, p.copy.start, p.copy.end) for p in swapped[:_EVIDENCE]
    )
    return QualityFlag("spun", reason, evidence)


def _swapped_word_for_word(origin: str, copy: str) -> bool:
    """The copy is the origin with a few words swapped for others, one or two at a time, its
    length and the rest of its words kept."""
    before, after = words(origin), words(copy)
    if abs(len(before) - len(after)) > _LENGTH_CHANGE * max(len(before), 1):
        return False
    swaps = added_or_dropped = 0
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and max(i2 - i1, j2 - j1) <= _SWAP_WORDS:
            swaps += 1
            added_or_dropped += abs((i2 - i1) - (j2 - j1))
        elif tag != "equal":
            added_or_dropped += max(i2 - i1, j2 - j1)
    return swaps >= 2 and added_or_dropped <= _ADDED_OR_DROPPED


def _heavy_furniture(source: Source) -> QualityFlag | None:
    raw = source.article.raw_text
    removed = [r for r in source.clean.removals if not r.reason.startswith("headline")]
    share = sum(r.end - r.start for r in removed) / max(len(raw), 1)
    if share < FURNITURE_SHARE:
        return None
    kinds = sorted({r.reason for r in removed})
    reason = f"{share:.0%} of the text was not the article ({'; '.join(kinds)})"
    evidence = tuple(FlagEvidence(raw[r.start : r.end]) for r in removed[:_EVIDENCE])
    return QualityFlag("heavy furniture", reason, evidence)


def _aggregator(source: Source) -> QualityFlag | None:
    raw = source.article.raw_text
    disclaimers = [r for r in source.clean.removals if r.reason == "aggregator disclaimer"]
    source_links = [
        r
        for r in source.clean.removals
        if r.reason == "link or promotion" and normalize_line(raw[r.start : r.end]) == "source link"
    ]
    if disclaimers:
        reason = "carries an aggregator's disclaimer: the text was copied from another site"
    elif source_links:
        reason = "ends with 'Source link', as sites that re-post others' articles automatically do"
    else:
        return None
    evidence = tuple(FlagEvidence(raw[r.start : r.end]) for r in [*disclaimers, *source_links])
    return QualityFlag("aggregator re-post", reason, evidence)
