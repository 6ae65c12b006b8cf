"""Who said what: direct quotes and reported speech, with their speakers and cues.

1. Direct quotes are found by their quotation marks (straight or curly), then attributed
   to the verb whose reported clause quotes them among other words (`Sanders said the
   breaks "do nothing"`), else to a speech verb just after the closing mark (`"...,"
   Smith said`, `"...," said Smith`) or just before the opening one (`Smith said:
   "..."`); a quote that follows an attributed quote in the same paragraph (`"A," he
   said. "B."`), or opens a paragraph after one, continues it.
2. Reported speech: a speech verb with a clause as its complement ("Biden said Russia
   has...") gives the clause as what was said and the verb's subject as who said it; a
   verb of stance its object ("urged Americans to leave", "called for a moratorium").
3. "according to X": X said the rest of the sentence; "X's claim that P": X holds P.
4. A paragraph a name opens with a colon (a transcript's "PENCE: Well, ...", a headline's
   "Sanders: Clinton needs to ...") is what that name says.

Quotes and labels are found here; reported speech in `reported`, the cue words and the
records in `cues`. Offsets are those of the text parsed. Speakers are the words of the
text ("he", "the NATO chief"); `newsfuse.extract.speakers` resolves them to names.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from newsfuse.extract.cues import (
    STANCE_OBJECTS,
    THINKING,
    Attribution,
    Span,
    Speaker,
    cue_lemma,
    doc_text,
    is_cue,
    is_speech_verb,
    negated,
    overlaps,
    span_of,
    speaker_of,
    subject_of,
    token_starts,
    unpunctuated,
)
from newsfuse.extract.reported import reported_speech
from newsfuse.text.lexical import QUOTATION

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A quote has at least this many words; shorter quoted words are names or scare quotes.
_QUOTE_WORDS = 4
# The cue of a direct quote lies within this many tokens of the quote.
_CUE_REACH = 8
# A paragraph opened by a name and a colon ("PENCE: Well, ...", "Sanders: Clinton needs
# ..."), perhaps inside the quotation mark of a quoted transcript.
_LABEL = re.compile(
    r"(?:^|(?<=\n))[\"“]?(?P<name>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}):[ ]+"
    r"(?P<said>[^\n]*\S)"
)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
# A quote this close to the end of an attributed one, nothing quoted between, continues it.
_CONTINUATION_REACH = 200


def attributions(doc: Doc) -> list[Attribution]:
    """The attributions of a parsed text, in order of their content."""
    text = doc_text(doc)
    labelled = _labelled(doc, text)
    direct = [found for found in _direct_quotes(doc, text) if not _within(found, labelled)]
    covered = [part for found in [*labelled, *direct] for part in found.content]
    reported = [
        found
        for found in reported_speech(doc)
        if not any(overlaps(part, quote) for part in found.content for quote in covered)
    ]
    found = [*labelled, *direct, *reported]
    found = [one for one in found if not _nested_stance(doc, one, found)]
    return sorted(found, key=lambda one: one.content[0].start)


def _nested_stance(doc: Doc, stance: Attribution, found: list[Attribution]) -> bool:
    """A stance or thought inside what someone else is reported to say is part of what
    they say: in "an aide said Clinton plans to visit", the plan is the aide's report, and
    in "Clinton told the audience that she believes we must ...", what "she" believes is
    what Clinton said. Each is attributed once, to who says it."""
    cue = stance.cue
    if cue is None or stance.speaker is None or stance.direct:
        return False
    if stance.speech:
        token = _tokens_between(doc, cue.start, cue.end)
        thought = bool(token) and cue_lemma(token[0]) in THINKING
        if not (thought and _is_pronoun(doc, stance.speaker)):
            return False
    return any(
        other is not stance and any(part.start <= cue.start < part.end for part in other.content)
        for other in found
    )


def _within(found: Attribution, labelled: list[Attribution]) -> bool:
    return any(
        part.start >= label.content[0].start and part.end <= label.content[-1].end
        for part in found.content
        for label in labelled
    )


def _labelled(doc: Doc, text: str) -> list[Attribution]:
    """Paragraphs a name opens with a colon: a transcript's turns ("PENCE: Well, look,
    ...") and headlines that give what someone says ("Sanders: Clinton needs to ..."). The
    label is a person's name, or the surname in capitals of a person the text names; never
    a heading ("LISTEN:", "Editor's note:"), a place or a company ("Dow Jones Reprints:")."""
    found = []
    for match in _LABEL.finditer(text):
        name = Span(match.start("name"), match.end("name"))
        words = text[name.start : name.end]
        content = unpunctuated(_tokens_between(doc, match.start("said"), match.end("said")))
        if content is None or not (_is_named(doc, name) or _is_named_surname(doc, words)):
            continue
        speaker = Speaker(name.start, name.end, name)
        found.append(Attribution((content,), speaker, None, direct=False))
    return found


def _is_named(doc: Doc, name: Span) -> bool:
    """Whether the words are, whole, the name of a person the text names."""
    return any(
        entity.label_ == "PERSON"
        and entity.start_char <= name.start
        and name.end <= entity.end_char
        for entity in doc.ents
        if entity.start_char < name.end and name.start < entity.end_char
    )


def _is_named_surname(doc: Doc, words: str) -> bool:
    """Whether the words are the surname of a person the text names, in capitals or not
    ("PENCE" or "Pence" of "Mike Pence"): a transcript's label or a headline's speaker
    ("Pence: Flowers won't be at debate"), never a heading ("LISTEN:", "UPDATE:")."""
    return " " not in words and any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text.upper() == words.upper()
        for e in doc.ents
    )


def _direct_quotes(doc: Doc, text: str) -> list[Attribution]:
    found: list[Attribution] = []
    for match in QUOTATION.finditer(text):
        closed = match.group(0)[-1] in '”"'
        inner = Span(match.start() + 1, match.end() - (1 if closed else 0))
        quoted = text[inner.start : inner.end]
        if not _is_utterance(quoted):
            continue
        cue = (
            _reporting_verb(doc, inner)
            or _cue_after(doc, match.end(), quoted)
            or _cue_before(doc, match.start())
        )
        if cue is None and (named := _dash_speaker(text, match.end())) is not None:
            found.append(
                Attribution((inner,), Speaker(named.start, named.end, named), None, direct=True)
            )
            continue
        same_cue = cue is not None and found and found[-1].cue == span_of(cue)
        if cue is not None and not same_cue:
            found.append(Attribution((inner,), speaker_of(cue), span_of(cue), direct=True))
        elif found and (same_cue or _continues(text, found[-1], match.start())):
            last = found[-1]
            found[-1] = Attribution((*last.content, inner), last.speaker, last.cue, direct=True)
    return found


def _is_utterance(quoted: str) -> bool:
    """Quoted words that someone said: four words or more, or fewer that end in their own
    punctuation ("You winning?"). Short quoted words inside a sentence are scare quotes."""
    words = quoted.split()
    return len(words) >= _QUOTE_WORDS or (bool(words) and quoted.rstrip()[-1:] in ",.?!")


_DASH_NAME = re.compile(r"\s*[―—–-]\s*([A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3})")


def _dash_speaker(text: str, end: int) -> Span | None:
    """The name after a dash that closes a quote: "… ― Adriana Rodarte"."""
    match = _DASH_NAME.match(text, end)
    return Span(match.start(1), match.end(1)) if match else None


def _continues(text: str, previous: Attribution, start: int) -> bool:
    """A quote soon after an attributed one, with no other quote between: the same
    speaker goes on (`"A," he said. "B."`, or the next paragraph opening with a quote)."""
    between = text[previous.content[-1].end + 1 : start]
    return len(between) < _CONTINUATION_REACH and not re.search(r"[“”\"]", between)


def _reporting_verb(doc: Doc, inner: Span) -> Token | None:
    """The cue whose reported content quotes these words among others ("Sanders said the
    tax breaks “do nothing to boost the economy”", "Pepper called the decision a “huge win
    for Ohio voters”"): the cue, wherever it stands. Of nested ones, the innermost, unless
    a pronoun speaks it or it tells a thought ("Trump said he thought drugs were a “very
    big factor”": the quoted words are those of whom the outer verb names)."""
    tokens = _tokens_between(doc, inner.start, inner.end)
    if not tokens:
        return None
    inside = {token.i for token in tokens}
    found = []
    for child in [tokens[0], *tokens[0].ancestors]:
        verb = child.head
        if verb.i in inside or verb is child or not is_cue(verb) or negated(verb):
            continue
        reported = {"ccomp", "xcomp"} | (set() if is_speech_verb(verb) else STANCE_OBJECTS)
        besides = [t for t in child.subtree if t.i not in inside and not t.is_punct]
        if child.dep_ in reported and besides:  # the quoted words are not all it said
            found.append(verb)
    for verb in found:
        speaker = speaker_of(verb)
        owns = (
            speaker is not None
            and not _is_pronoun(doc, speaker)
            and cue_lemma(verb) not in THINKING
        )
        if speaker is not None and (verb is found[-1] or owns):
            return verb
    return None


def _is_pronoun(doc: Doc, speaker: Speaker) -> bool:
    return bool(doc_text(doc)[speaker.start : speaker.end].lower() in _PRONOUNS)


def _cue_after(doc: Doc, end: int, quoted: str) -> Token | None:
    """A speech verb just after the closing mark, unless the quote ended its sentence with
    a full stop (news writes `"...," she said`, and `"...?" she asked`), and never past the
    paragraph's end (a crosshead below, "Egypt vows ...", is no cue of the quote above)."""
    if quoted.rstrip().endswith("."):
        return None
    text = doc_text(doc)
    tokens = _tokens_between(doc, end, end + 80)[:_CUE_REACH]
    for token in tokens:
        if (token.is_sent_start and token.idx > end + 2) or "\n" in text[end : token.idx + 1]:
            break
        if is_speech_verb(token, beside_quote=True):
            return token
    return None


def _cue_before(doc: Doc, start: int) -> Token | None:
    tokens = _tokens_between(doc, start - 80, start)[-_CUE_REACH:]
    for token in reversed(tokens):
        # A verb of speech inside a phrase of the cue before, with no subject of its own
        # ("..., the governor said in declaring an emergency. “...”"), is no cue of its
        # own: the quote goes on. "… responded with a statement to what they had said: “…”"
        # has one.
        if token.dep_ == "pcomp" and subject_of(token) is None:
            continue
        if is_speech_verb(token, beside_quote=True) and speaker_of(token) is not None:
            return token
        if token.text in {".", "!", "?"} and token.idx < start - 2:
            break
    return None


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens starting in `[start, end)` of the text."""
    starts = token_starts(doc)
    return list(doc[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])
