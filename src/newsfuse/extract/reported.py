"""Reported speech: a verb of speech with a clause ("Biden said Russia has ..."), a verb of
stance with its object ("urged Americans to leave"), speech set inside what it attributes
("The state, the governor said, has no plans ..."), "according to X" and "X's claim that P".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.extract.cues import (
    CLAUSE_VERBS,
    Attribution,
    Span,
    Speaker,
    doc_text,
    is_cue,
    is_speech_verb,
    negated,
    phrase_of,
    span_of,
    speaker_of,
    subject_of,
    unpunctuated,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def reported_speech(doc: Doc) -> list[Attribution]:
    """Every attribution of reported speech in a parsed text."""
    return [
        *_spoken(doc),
        *_set_in(doc),
        *_as_said(doc),
        *_according_to(doc),
        *_claimed(doc),
    ]


# Cues that attribute a clause only, never an object ("told reporters", "found the body",
# "recalled its ambassador", "posted a video", "observed a minute of silence").
_CLAUSE_ONLY = (
    frozenset(
        """
        say tell add write assure inform advise recall post observe maintain charge point
        """.split()  # noqa: SIM905 (a word list reads best as text)
    )
    | CLAUSE_VERBS
)


# Entities that tell when, not what: "called Friday for releasing the videos".
_WHEN = frozenset({"DATE", "TIME"})


# Reported speech says something in at least this many characters.
_REPORTED_CHARACTERS = 12


# Possessives that name no one a reader could tell ("our claim that ...").
_UNRESOLVED_POSSESSIVES = frozenset({"my", "our", "your", "their", "its"})


# Nouns that name what someone says or holds ("his claim that ...").
_CLAIM_NOUNS = frozenset(
    """
    claim statement assertion allegation argument contention suggestion warning promise
    pledge insistence announcement belief view assessment prediction accusation charge
    """.split()  # noqa: SIM905 (a word list reads best as text)
)


def _spoken(doc: Doc) -> list[Attribution]:
    found = []
    for token in doc:
        if not is_cue(token) or negated(token):
            continue
        speaker = speaker_of(token)
        content = _said(token)
        if (
            speaker is not None
            and content is not None
            and content.end - content.start >= _REPORTED_CHARACTERS
        ):
            speech = is_speech_verb(token)
            found.append(
                Attribution((content,), speaker, span_of(token), direct=False, speech=speech)
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
        return _clause(_own_clause(verb, clauses))
    objects = [
        c
        for c in verb.children
        if c.dep_ in {"dobj", "dative", "attr", "oprd", "xcomp"} and c.ent_type_ not in _WHEN
    ]
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
    # "accused the GOP of stoking the issue", "blasted him for not paying": the charge is
    # what is attributed, with the one charged.
    charges = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}]
    spans = [_clause(child) for child in objects + charges if child.i > objects[0].i]
    spans.append(_clause(objects[0]))
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _own_clause(verb: Token, clauses: list[Token]) -> Token:
    """Of the clauses a parse gives a cue, the first not cut off from it by a semicolon or a
    colon: in "It was a quiet week; the ministry says the reservoir will be full", the
    parse hangs "It was a quiet week" on "says" as well."""
    text = doc_text(verb.doc)
    for clause in clauses:
        end = max(t.idx + len(t.text) for t in clause.subtree)
        if clause.i > verb.i or not any(mark in text[end : verb.idx] for mark in ";:"):
            return clause
    return clauses[0]


def _clause(head: Token) -> Span:
    """The words of a reported clause, without the "that" opening it or punctuation at
    either end."""
    tokens = [
        t
        for t in head.subtree
        if not (t.dep_ == "mark" and t.head == head and t.lower_ in {"that", "whether", "if"})
    ]
    return unpunctuated(tokens) or span_of(head)


def _set_in(doc: Doc) -> list[Attribution]:
    """Speech set inside what it attributes ("The state, he said, has no plans to raise
    taxes"): the clause around the verb of speech, less the verb and its speaker, was said."""
    found = []
    for token in doc:
        if token.dep_ != "parataxis" or not is_speech_verb(token):
            continue
        if (said := _said_around(token, speaker_of(token))) is not None:
            found.append(said)
    return found


def _said_around(cue: Token, speaker: Speaker | None) -> Attribution | None:
    """The clause a cue is set in, said by `speaker`, when it says something."""
    if speaker is None:
        return None
    content = _around(cue)
    if sum(s.end - s.start for s in content) < _REPORTED_CHARACTERS:
        return None
    return Attribution(content, speaker, span_of(cue), direct=False)


def _around(cue: Token) -> tuple[Span, ...]:
    """The clause the cue is set in, less the cue's own words: what it attributes."""
    inside = {t.i for t in cue.subtree}
    runs: list[list[Token]] = []
    for word in cue.head.subtree:
        if word.i in inside:
            runs.append([])
        elif runs and runs[-1]:
            runs[-1].append(word)
        else:
            runs.append([word])
    # A run of function words alone ("that" in "satisfied that, as the tweet put it, he
    # had ...") says nothing.
    spans = [unpunctuated(run) for run in runs if any(not _function_word(w) for w in run)]
    return tuple(span for span in spans if span is not None)


def _function_word(word: Token) -> bool:
    return word.is_punct or word.dep_ in {"mark", "cc"}


def _as_said(doc: Doc) -> list[Attribution]:
    """ "As the minister said, the talks go on", "as a memo put it, ...": an "as" clause
    with a verb of speech and nothing said of its own attributes the clause it is set in."""
    found = []
    for token in doc:
        if token.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ == "as" for c in token.children
        ):
            continue
        objects = [c for c in token.children if c.dep_ in {"dobj", "ccomp", "xcomp"}]
        put_it = token.lemma_ == "put" and [o.lower_ for o in objects] == ["it"]
        if not (put_it or (is_speech_verb(token) and not objects)) or negated(token):
            continue
        # Its own subject: "the attack was no gun battle, as previously described" is said
        # by whoever said it, not by "the attack".
        if (said := _said_around(token, subject_of(token))) is not None:
            found.append(said)
    return found


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
                    Attribution((content,), _holder(holders[0]), span_of(token), direct=False)
                )
    return found


def _holder(possessor: Token) -> Speaker:
    """The possessor's phrase without its possessive ending ("the mayor" of "the mayor's")."""
    phrase = phrase_of(possessor)
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
        found.append(Attribution((content,), phrase_of(objects[0]), span_of(token), direct=False))
    return found
