"""What tells who says something: verbs of speech and stance, the records of an
attribution (`Span`, `Speaker`, `Attribution`) and the reading of a cue verb (its subject as
the speaker, whether it is denied)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsfuse.extract.entities import PERSON_HEADS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


SPEECH_VERBS = frozenset(
    """
    say tell add state declare note explain ask answer reply respond warn claim insist argue
    suggest announce confirm deny admit acknowledge report write tweet post predict estimate
    believe think accuse urge describe reiterate stress emphasize express assert remark
    mention recall concede promise vow threaten testify indicate signal agree caution
    complain contend maintain observe recount reveal allege charge counter boast joke
    assure pledge inform advise recommend comment
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


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """The words naming a speaker, and the head word among them ("chief" in "the NATO
    chief", "Smith" in "Julianne Smith"). A relative pronoun is read here as the phrase it
    stands for ("the ministry" of "the ministry, which said ..."); `written` keeps the
    pronoun's own span then, the words the text gives the speaker where it speaks."""

    start: int
    end: int
    head: Span
    written: Span | None = None


@dataclass(frozen=True)
class Attribution:
    """What was said (one or more spans), who said it and the cue word, as spans of the text.
    `speech` is false for verbs of stance ("rejected", "urged"), which news also attributes."""

    content: tuple[Span, ...]
    speaker: Speaker | None
    cue: Span | None
    direct: bool
    speech: bool = True


def overlaps(left: Span, right: Span) -> bool:
    return left.start < right.end and right.start < left.end


def negated(verb: Token) -> bool:
    """ "he cannot defend his record" attributes nothing to him."""
    return any(child.dep_ == "neg" for child in verb.children)


def doc_text(doc: Doc) -> str:
    """The document's text, kept: spaCy builds `doc.text` anew on each call."""
    cached: str | None = doc.user_data.get("newsfuse.text")
    if cached is None:
        cached = doc.text
        doc.user_data["newsfuse.text"] = cached
    return cached


def token_starts(doc: Doc) -> list[int]:
    cached: list[int] | None = doc.user_data.get("newsfuse.token_starts")
    if cached is None:
        cached = [token.idx for token in doc]
        doc.user_data["newsfuse.token_starts"] = cached
    return cached


def cue_lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatiser errs on a cue ("hopes" read as "hop")."""
    lemma: str = token.lemma_.lower()
    return _MISREAD_LEMMAS.get((lemma, token.lower_[: len(lemma) + 1]), lemma)


# (lemma given, the word's first letters) -> the lemma meant.
_MISREAD_LEMMAS = {("hop", "hope"): "hope", ("hop", "hopi"): "hope"}


def is_speech_verb(token: Token, beside_quote: bool = False) -> bool:
    lemma = cue_lemma(token)
    return token.pos_ in {"VERB", "AUX"} and (
        lemma in SPEECH_VERBS
        or (beside_quote and lemma in BESIDE_QUOTE_VERBS)
        or _phrasal_speech(token, lemma)
    )


# Verbs of speech only with their particle: "pointed out that ...", not "pointed at".
PHRASAL_SPEECH = frozenset({("point", "out")})


def _phrasal_speech(token: Token, lemma: str) -> bool:
    return any((lemma, c.lower_) in PHRASAL_SPEECH for c in token.children if c.dep_ == "prt")


# Particles that make a verb of speech or stance another verb: "the army called up
# reservists", "called off the strike", "wrote down the number", "turned in the report".
_OTHER_SENSE_PARTICLES = frozenset({"up", "off", "in", "down", "away"})


def is_cue(token: Token) -> bool:
    lemma = cue_lemma(token)
    return token.pos_ in {"VERB", "AUX"} and (
        _phrasal_speech(token, lemma)
        or (
            (lemma in SPEECH_VERBS or lemma in STANCE_VERBS or lemma in CLAUSE_VERBS)
            and not any(
                c.dep_ == "prt" and c.lower_ in _OTHER_SENSE_PARTICLES for c in token.children
            )
        )
    )


def speaker_of(cue: Token) -> Speaker | None:
    """The subject of the cue verb; of the verb it depends on when it has none ("asking
    her" in "Blige sings, before asking her", "saying" in "responded by saying"); for
    "that" or "who", the noun they stand for."""
    verb = cue
    for _ in range(3):
        subject = subject_of(verb)
        if subject is not None:
            return subject
        # A passive verb's subject is who is spoken of ("visitors are expected to come"):
        # with no agent named, nobody speaks, whoever the verb before has as its subject.
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        walks_on = verb.dep_ in {"advcl", "xcomp", "conj", "pcomp", "relcl", "prep"}
        if not walks_on or verb.head is verb:
            break
        verb = verb.head
    return None


def subject_of(cue: Token) -> Speaker | None:
    # The subject of a passive cue is who was told ("Residents are asked to ..."): the
    # speaker is its agent, "by X", if named.
    for child in _unquoted_first(cue):
        if child.dep_ == "nsubj":
            if child.lower_ in {"that", "which", "who"} and cue.dep_ == "relcl":
                antecedent = cue.head
                if child.lower_ == "who":
                    antecedent = _who_stands_for(antecedent, child)
                return replace(phrase_of(antecedent), written=span_of(child))
            return phrase_of(child)
        if child.dep_ == "agent":  # "was told by X"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return phrase_of(objects[0])
    return None


def _who_stands_for(noun: Token, who: Token) -> Token:
    """Whom "who" stands for. The parser hangs a relative clause on the nearest noun, often
    a thing inside a phrase about a person ("people involved with the production who
    confirmed ...", "the guy at a sandwich shop in the food court who says ..."): from a
    thing named in a phrase, the named person just before "who" ("a feud with his
    daughter, Chelsea Clinton, who ..."), else the person the phrase tells of."""
    if noun.dep_ != "pobj" or not _is_thing(noun):
        return noun
    before = who.nbor(-1) if who.i > 0 else who
    if before.is_punct and before.i > 0:
        before = before.nbor(-1)
    if before.ent_type_ == "PERSON":
        return before
    for ancestor in noun.ancestors:
        if ancestor.pos_ not in {"NOUN", "PROPN", "PRON"}:
            continue
        if _is_person(ancestor):
            return ancestor
        if ancestor.dep_ != "pobj":  # the phrase's own noun, no person
            break
    return noun


def _is_thing(noun: Token) -> bool:
    """A place, a body or a work by name ("Capitol Hill", "the Sierra Club"), or a common
    noun in the singular that names no person ("the production", "the scene"). Plurals
    are often people the lists do not know ("veterans", "lobbyists"), and stay."""
    if noun.pos_ == "PROPN":
        return noun.ent_type_ in _NAMED_THINGS
    singular = noun.tag_ == "NN"
    return noun.pos_ == "NOUN" and singular and not _is_person(noun) and not _personal(noun)


_NAMED_THINGS = frozenset({"GPE", "LOC", "FAC", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT"})


def _personal(noun: Token) -> bool:
    """ "businessman", "chairwoman", "salesperson": a person by the word's ending."""
    return noun.lower_.endswith(("man", "woman", "person"))


def _is_person(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return (
        noun.ent_type_ in {"PERSON", "NORP"}
        or noun.pos_ == "PRON"
        or lemma in PERSON_HEADS
        or lemma in TITLES
        or lemma in _PEOPLE
    )


# Words for people beside those that head a description of one person.
_PEOPLE = frozenset({"people", "person", "guy", "guest", "folk", "fan", "viewer", "voter"})


def _unquoted_first(cue: Token) -> list[Token]:
    """The cue's dependents, those inside quotation marks last. After a quote the parser
    may give the verb two subjects, one of them the quote's last words ("“... Full panic
    mode,” said Leslie Wimes", "“If it doesn't ...,” said James Acton"): a name inside the
    quoted words never speaks them."""
    text = doc_text(cue.doc)
    children = list(cue.children)
    return sorted(children, key=lambda child: inside_quote(text, child.idx))


def inside_quote(text: str, position: int) -> bool:
    """Whether `position` lies inside quotation marks opened in its paragraph."""
    paragraph = text[text.rfind("\n\n", 0, position) + 1 : position]
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def subtree(token: Token) -> Span:
    """The noun phrase of a subject, without a relative clause or apposition after it."""
    trailing = {
        t.i
        for child in token.children
        if child.i > token.i
        and child.dep_ in {"relcl", "appos", "acl", "punct"}
        and not names_the_speaker(token, child)
        for t in child.subtree
    }
    kept = [t for t in token.subtree if t.i not in trailing and not t.is_punct] or [token]
    first, last = kept[0], kept[-1]
    # A parse may run a subject across a paragraph break ("12:15 p.m.\n\nDonald Trump").
    start = max(first.idx, doc_text(token.doc).rfind("\n", first.idx, token.idx) + 1)
    return Span(start, last.idx + len(last.text))


def phrase_of(token: Token) -> Speaker:
    """The noun phrase headed by `token`, with the head marked."""
    span = subtree(token)
    return Speaker(span.start, span.end, span_of(token))


def names_the_speaker(head: Token, apposition: Token) -> bool:
    """ "Ambassador to NATO Julianne Smith": the apposition is the name, and is kept."""
    titled = head.pos_ != "PROPN" or head.lower_.strip(".") in TITLES
    return bool(apposition.dep_ == "appos" and apposition.pos_ == "PROPN" and titled)


def span_of(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text))


# How a verb of stance holds what it attributes ("called the decision a “huge win”").
STANCE_OBJECTS = frozenset({"dobj", "oprd", "dative", "attr"})


# Verbs of thought: quoted words inside what someone is said to think are the words of
# whoever says so ("Obama said Americans have come to believe “that climate change is
# real”").
THINKING = frozenset(
    {"believe", "think", "feel", "know", "hope", "fear", "want", "expect", "worry", "doubt"}
)


def unpunctuated(words: list[Token]) -> Span | None:
    """The span of the words without punctuation at either end; None if nothing is left."""
    while words and words[0].is_punct:
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return Span(words[0].idx, words[-1].idx + len(words[-1].text)) if words else None
