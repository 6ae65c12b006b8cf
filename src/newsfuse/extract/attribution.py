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

Offsets are those of the text parsed. Speakers are the words of the text ("he", "the NATO
chief"); `newsfuse.extract.speakers` resolves them to names.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.extract.entities import TITLES
from newsfuse.text.lexical import QUOTATION

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SPEECH_VERBS = frozenset(
    """
    say tell add state declare note explain ask answer reply respond warn claim insist argue
    suggest announce confirm deny admit acknowledge report write tweet post predict estimate
    believe think accuse urge describe reiterate stress emphasize express assert remark
    mention recall concede promise vow threaten testify indicate signal agree caution
    complain contend maintain observe recount reveal allege charge counter boast joke
    assure pledge inform advise recommend
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# Verbs of belief, intention and stance: news attributes these as it does speech.
STANCE_VERBS = frozenset(
    """
    worry fear hope expect want feel know doubt wonder consider understand assume plan
    intend propose demand call urge criticize praise blame question dispute reject dismiss
    defend support oppose condemn denounce hail welcome explore discuss cite reference
    attack slam blast accuse label
    endorse echo decline offer promise encourage rule
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# Verbs that tell who speaks only right beside a quote ("..., Akin continued.", "Limbaugh
# continued: “...”"); elsewhere they say nothing of speech ("Russia continued to mass").
BESIDE_QUOTE_VERBS = frozenset(
    """
    continue conclude begin quip exclaim shout yell scream whisper chant plead muse marvel
    sigh laugh joke interject retort concur
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# Verbs by which polls, studies and reports say something, read as attribution only with
# a clause ("A poll shows that voters ..."): "police found the body" attributes nothing.
CLAUSE_VERBS = frozenset({"show", "find", "conclude", "determine"})
# Cues that attribute a clause only, never an object ("told reporters", "found the body").
_CLAUSE_ONLY = (
    frozenset({"say", "tell", "add", "write", "assure", "inform", "advise"}) | CLAUSE_VERBS
)
# Reported speech says something in at least this many characters.
_REPORTED_CHARACTERS = 12
# A quote has at least this many words; shorter quoted words are names or scare quotes.
_QUOTE_WORDS = 4
# The cue of a direct quote lies within this many tokens of the quote.
_CUE_REACH = 8
# How a verb of stance holds what it attributes ("called the decision a “huge win”").
_STANCE_OBJECTS = frozenset({"dobj", "oprd", "dative", "attr"})
# A paragraph opened by a name and a colon ("PENCE: Well, ...", "Sanders: Clinton needs
# ..."), perhaps inside the quotation mark of a quoted transcript.
_LABEL = re.compile(
    r"(?:^|(?<=\n))[\"“]?(?P<name>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}):[ ]+"
    r"(?P<said>[^\n]*\S)"
)
# Verbs of thought: quoted words inside what someone is said to think are the words of
# whoever says so ("Obama said Americans have come to believe “that climate change is
# real”").
_THINKING = frozenset(
    {"believe", "think", "feel", "know", "hope", "fear", "want", "expect", "worry", "doubt"}
)
# Possessives that name no one a reader could tell ("our claim that ...").
_UNRESOLVED_POSSESSIVES = frozenset({"my", "our", "your", "their", "its"})
# Nouns that name what someone says or holds ("his claim that ...").
_CLAIM_NOUNS = frozenset(
    """
    claim statement assertion allegation argument contention suggestion warning promise
    pledge insistence announcement belief view assessment prediction accusation charge
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
# A quote this close to the end of an attributed one, nothing quoted between, continues it.
_CONTINUATION_REACH = 200


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """The words naming a speaker, and the head word among them ("chief" in "the NATO
    chief", "Smith" in "Julianne Smith")."""

    start: int
    end: int
    head: Span


@dataclass(frozen=True)
class Attribution:
    """What was said (one or more spans), who said it and the cue word, as spans of the text.
    `speech` is false for verbs of stance ("rejected", "urged"), which news also attributes."""

    content: tuple[Span, ...]
    speaker: Speaker | None
    cue: Span | None
    direct: bool
    speech: bool = True


def attributions(doc: Doc) -> list[Attribution]:
    """The attributions of a parsed text, in order of their content."""
    text = doc_text(doc)
    labelled = _labelled(doc, text)
    direct = [found for found in _direct_quotes(doc, text) if not _within(found, labelled)]
    covered = [part for found in [*labelled, *direct] for part in found.content]
    reported = [
        found
        for found in [*_reported(doc), *_set_in(doc), *_according_to(doc), *_claimed(doc)]
        if not any(_overlaps(part, quote) for part in found.content for quote in covered)
    ]
    return sorted([*labelled, *direct, *reported], key=lambda found: found.content[0].start)


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
        content = _unpunctuated(_tokens_between(doc, match.start("said"), match.end("said")))
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
    """Whether the words are a surname in capitals of a person the text names ("PENCE" of
    "Mike Pence"): a transcript's label, never a heading ("LISTEN:", "UPDATE:")."""
    return (
        words.isupper()
        and " " not in words
        and any(e.label_ == "PERSON" and e[-1].text.upper() == words for e in doc.ents)
    )


def _overlaps(left: Span, right: Span) -> bool:
    return left.start < right.end and right.start < left.end


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
        same_cue = cue is not None and found and found[-1].cue == _span(cue)
        if cue is not None and not same_cue:
            found.append(Attribution((inner,), _speaker(cue), _span(cue), direct=True))
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
        if verb.i in inside or verb is child or not _is_cue(verb) or _negated(verb):
            continue
        reported = {"ccomp", "xcomp"} | (set() if _is_speech_verb(verb) else _STANCE_OBJECTS)
        besides = [t for t in child.subtree if t.i not in inside and not t.is_punct]
        if child.dep_ in reported and besides:  # the quoted words are not all it said
            found.append(verb)
    for verb in found:
        speaker = _speaker(verb)
        owns = (
            speaker is not None
            and not _is_pronoun(doc, speaker)
            and verb.lemma_.lower() not in _THINKING
        )
        if speaker is not None and (verb is found[-1] or owns):
            return verb
    return None


def _negated(verb: Token) -> bool:
    """ "he cannot defend his record" attributes nothing to him."""
    return any(child.dep_ == "neg" for child in verb.children)


def _is_pronoun(doc: Doc, speaker: Speaker) -> bool:
    return bool(doc_text(doc)[speaker.start : speaker.end].lower() in _PRONOUNS)


def _cue_after(doc: Doc, end: int, quoted: str) -> Token | None:
    """A speech verb just after the closing mark, unless the quote ended its sentence with
    a full stop (news writes `"...," she said`, and `"...?" she asked`)."""
    if quoted.rstrip().endswith("."):
        return None
    tokens = _tokens_between(doc, end, end + 80)[:_CUE_REACH]
    for token in tokens:
        if token.is_sent_start and token.idx > end + 2:
            break
        if _is_speech_verb(token, beside_quote=True):
            return token
    return None


def _cue_before(doc: Doc, start: int) -> Token | None:
    tokens = _tokens_between(doc, start - 80, start)[-_CUE_REACH:]
    for token in reversed(tokens):
        if _is_speech_verb(token, beside_quote=True) and _speaker(token) is not None:
            return token
        if token.text in {".", "!", "?"} and token.idx < start - 2:
            break
    return None


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens starting in `[start, end)` of the text."""
    starts = _token_starts(doc)
    return list(doc[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])


def doc_text(doc: Doc) -> str:
    """The document's text, kept: spaCy builds `doc.text` anew on each call."""
    cached: str | None = doc.user_data.get("newsfuse.text")
    if cached is None:
        cached = doc.text
        doc.user_data["newsfuse.text"] = cached
    return cached


def _token_starts(doc: Doc) -> list[int]:
    cached: list[int] | None = doc.user_data.get("newsfuse.token_starts")
    if cached is None:
        cached = [token.idx for token in doc]
        doc.user_data["newsfuse.token_starts"] = cached
    return cached


def _is_speech_verb(token: Token, beside_quote: bool = False) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in {"VERB", "AUX"} and (
        lemma in SPEECH_VERBS or (beside_quote and lemma in BESIDE_QUOTE_VERBS)
    )


def _is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in {"VERB", "AUX"} and (
        lemma in SPEECH_VERBS or lemma in STANCE_VERBS or lemma in CLAUSE_VERBS
    )


def _speaker(cue: Token) -> Speaker | None:
    """The subject of the cue verb; of the verb it depends on when it has none ("asking
    her" in "Blige sings, before asking her"); for "that" or "who", the noun they stand for."""
    verb = cue
    for _ in range(3):
        subject = _subject(verb)
        if subject is not None:
            return subject
        if verb.dep_ not in {"advcl", "xcomp", "conj", "pcomp", "relcl"} or verb.head is verb:
            break
        verb = verb.head
    return None


def _subject(cue: Token) -> Speaker | None:
    # The subject of a passive cue is who was told ("Residents are asked to ..."): the
    # speaker is its agent, "by X", if named.
    for child in cue.children:
        if child.dep_ == "nsubj":
            if child.lower_ in {"that", "which", "who"} and cue.dep_ == "relcl":
                return _phrase(cue.head)
            return _phrase(child)
        if child.dep_ == "agent":  # "was told by X"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _phrase(objects[0])
    return None


def _subtree(token: Token) -> Span:
    """The noun phrase of a subject, without a relative clause or apposition after it."""
    trailing = {
        t.i
        for child in token.children
        if child.i > token.i
        and child.dep_ in {"relcl", "appos", "acl", "punct"}
        and not _names_the_speaker(token, child)
        for t in child.subtree
    }
    kept = [t for t in token.subtree if t.i not in trailing and not t.is_punct] or [token]
    first, last = kept[0], kept[-1]
    # A parse may run a subject across a paragraph break ("12:15 p.m.\n\nDonald Trump").
    start = max(first.idx, doc_text(token.doc).rfind("\n", first.idx, token.idx) + 1)
    return Span(start, last.idx + len(last.text))


def _phrase(token: Token) -> Speaker:
    """The noun phrase headed by `token`, with the head marked."""
    span = _subtree(token)
    return Speaker(span.start, span.end, _span(token))


def _names_the_speaker(head: Token, apposition: Token) -> bool:
    """ "Ambassador to NATO Julianne Smith": the apposition is the name, and is kept."""
    titled = head.pos_ != "PROPN" or head.lower_.strip(".") in TITLES
    return bool(apposition.dep_ == "appos" and apposition.pos_ == "PROPN" and titled)


def _span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text))


def _reported(doc: Doc) -> list[Attribution]:
    found = []
    for token in doc:
        if not _is_cue(token) or _negated(token):
            continue
        speaker = _speaker(token)
        content = _said(token)
        if (
            speaker is not None
            and content is not None
            and content.end - content.start >= _REPORTED_CHARACTERS
        ):
            speech = _is_speech_verb(token)
            found.append(
                Attribution((content,), speaker, _span(token), direct=False, speech=speech)
            )
    return found


def _said(verb: Token) -> Span | None:
    """What a cue verb attributes: its clause ("said Russia has moved"), or the object and
    complement of a verb of stance ("urged Americans to check", "denied the report")."""
    # A clause the parser heads by a noun or adjective is a clause still ("said the words
    # “lump” the good Muslims with the bad", "said Clinton was “justified”").
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"})
    ]
    if clauses:
        return _clause(clauses[0])
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative", "attr", "oprd", "xcomp"}]
    if verb.lemma_.lower() in _CLAUSE_ONLY:
        # "assured residents that the water was safe": the parser may hang the that-clause
        # on the one told, not on the verb.
        told_that = [
            c
            for o in objects
            for c in o.children
            if c.dep_ in {"acl", "relcl", "ccomp"}
            and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        ]
        return _clause(told_that[0]) if told_that else None
    if not objects:  # "called for a moratorium", "pushed for reducing the rate"
        objects = [o for c in verb.children if c.lower_ == "for" for o in c.children]
    if not objects:
        return None
    spans = [_clause(child) for child in objects]
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _clause(head: Token) -> Span:
    """The words of a reported clause, without the "that" opening it or punctuation at
    either end."""
    tokens = [
        t
        for t in head.subtree
        if not (t.dep_ == "mark" and t.head == head and t.lower_ in {"that", "whether", "if"})
    ]
    return _unpunctuated(tokens) or _span(head)


def _set_in(doc: Doc) -> list[Attribution]:
    """Speech set inside what it attributes ("The state, he said, has no plans to raise
    taxes"): the clause around the verb of speech, less the verb and its speaker, was said."""
    found = []
    for token in doc:
        if token.dep_ != "parataxis" or not _is_speech_verb(token):
            continue
        speaker = _speaker(token)
        if speaker is None:
            continue
        cue = {t.i for t in token.subtree}
        runs: list[list[Token]] = []
        for word in token.head.subtree:
            if word.i in cue:
                runs.append([])
            elif runs and runs[-1]:
                runs[-1].append(word)
            else:
                runs.append([word])
        spans = [_unpunctuated(run) for run in runs if run]
        content = tuple(span for span in spans if span is not None)
        if sum(span.end - span.start for span in content) >= _REPORTED_CHARACTERS:
            found.append(Attribution(content, speaker, _span(token), direct=False))
    return found


def _unpunctuated(words: list[Token]) -> Span | None:
    """The span of the words without punctuation at either end; None if nothing is left."""
    while words and words[0].is_punct:
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return Span(words[0].idx, words[-1].idx + len(words[-1].text)) if words else None


def _claimed(doc: Doc) -> list[Attribution]:
    """A claim named by a noun, its holder by a possessive ("Trump's claim that there have
    been “thousands of shootings”", "the ministry's statement that troops would return")."""
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in _CLAIM_NOUNS:
            continue
        holders = [c for c in token.children if c.dep_ == "poss"]
        clauses = [
            c
            for c in token.children
            if c.dep_ in {"acl", "ccomp", "relcl"}
            and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        ]
        if holders and clauses and holders[0].lower_ not in _UNRESOLVED_POSSESSIVES:
            content = _clause(clauses[0])
            if content.end - content.start >= _REPORTED_CHARACTERS:
                found.append(
                    Attribution((content,), _holder(holders[0]), _span(token), direct=False)
                )
    return found


def _holder(possessor: Token) -> Speaker:
    """The possessor's phrase without its possessive ending ("the mayor" of "the mayor's")."""
    phrase = _phrase(possessor)
    ending = [c for c in possessor.children if c.dep_ == "case" and c.idx >= phrase.head.end]
    end = min((c.idx for c in ending), default=phrase.end)
    return Speaker(phrase.start, max(end, phrase.head.end), phrase.head)


def according_to_names(according: Token) -> list[Token]:
    """Whom "according to" names: the objects of its "to"."""
    return [
        o for c in according.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"
    ]


def _according_to(doc: Doc) -> list[Attribution]:
    found = []
    for token in doc:
        if token.lower_ != "according":
            continue
        objects = according_to_names(token)
        if not objects:
            continue
        phrase = {t.i for t in token.subtree}
        sentence = [t for t in token.sent if t.i not in phrase and not t.is_punct]
        if len(sentence) < 3:
            continue
        content = Span(sentence[0].idx, sentence[-1].idx + len(sentence[-1].text))
        found.append(Attribution((content,), _phrase(objects[0]), _span(token), direct=False))
    return found
