"""Statements: a sentence split into the statements it makes (see `claims`): attributed
content and the frame around it, coordinated and added clauses, each a `Piece` of the
sentence with its speaker."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsfuse.extract import SPEECH_VERBS, STANCE_VERBS, according_to_names, doc_text
from newsfuse.text.lexical import content_terms, is_denial

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# A claim has at least this many content terms: "He said so." states nothing to check;
# "She hasn't been arrested" does. Where a sentence is split, a piece needs as many
# without its denials (`stating_terms`), so a statement and its denial split alike.
MIN_TERMS = 2
# Verbs of speech: a date beside one tells when something was said.
SPEECH_LEMMAS = frozenset(
    "say tell add state declare note announce confirm report write tweet post warn".split()  # noqa: SIM905
)

# What is left of a sentence once its attributed content is taken out states something of
# its own only with this many content terms beyond the speaker and the cue ("Tuesday's
# developments came as officials reported" does not; it frames what they reported).
_FRAME_TERMS = 5
# Clauses added to a sentence's main one that state a fact of their own.
_ADDED_CLAUSES = frozenset({"advcl", "appos", "npadvmod", "acl", "relcl", "conj", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECTS = frozenset({"dobj", "attr", "dative"})
_PASSIVE = frozenset({"auxpass", "nsubjpass"})
_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "parataxis"})
_EDGE = " \t\n,;:—–-\"“”'‘’("
_LEADING_LINKS = frozenset({"and", "but", "or", "while", "whereas", "so"})
# How many times a piece is cut again after its first cuts.
_CUT_DEPTH = 2
# What a statement says its subject did takes at least this many tokens ("has resigned").
_DOING_TOKENS = 2


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    speaker: str | None = None
    quoted: bool = False  # words in quotation marks: one statement, as said
    shared_subject: tuple[int, int] | None = None  # the subject it shares with a verb before
    speech: bool = False  # what a verb of speech reports (not of stance: "offered to")


def stating_terms(text: str) -> int:
    """How many content terms `text` has beside its denials: its size as a statement. A
    statement and its denial are split alike ("said he was embarrassed", "said he was not
    embarrassed"): a copy that adds "not" must still meet its origin's claim, one for one,
    to be caught."""
    return sum(1 for term in content_terms(text) if not is_denial(term))


def statements(sentence: SpacySpan, attributed: list[Piece]) -> list[Piece]:
    """The statements of a sentence: attributed content, the rest of the sentence where it
    states something beyond its frame, each split at the clauses it adds."""
    pieces: list[Piece] = []
    clauses = [_reported_clause(sentence, piece) for piece in attributed]
    text = doc_text(sentence.doc)
    # Content too short to state anything ("I think this is crazy": "this is crazy") is no
    # attribution to split at: the sentence states what it states whole.
    stating = [c for c in clauses if c and stating_terms(text[c.start : c.end]) >= MIN_TERMS]
    if attributed and not stating and _only_a_reply(sentence, attributed):
        return []  # "“Yes,” Clinton said": who spoke, and nothing said
    nested: list[Piece] = []
    for piece in sorted(stating, key=lambda p: (p.start, -p.end)):
        if not pieces or piece.start >= pieces[-1].end:  # overlapping: the first, longest
            pieces.append(piece)
        elif _inside(piece, pieces[-1]) and (not nested or piece.start >= nested[-1].end):
            nested.append(piece)
    rest = _outside(sentence.start_char, sentence.end_char, pieces)
    if pieces:
        rest = _stating(sentence, rest)
    found = []
    for piece in sorted([*_unnested(sentence, pieces, nested), *rest], key=lambda p: p.start):
        found += [piece] if piece.quoted else split_clauses(sentence, piece)
    return found


def _inside(piece: Piece, outer: Piece) -> bool:
    """Whether `piece` is speech reported inside `outer`'s content (not a verb of stance
    inside it: in "Kleiner has offered to waive its costs, according to Lee", what Kleiner
    offered is no statement without Kleiner)."""
    inside = outer.start < piece.start and piece.end <= outer.end
    return inside and piece.speech and not outer.quoted


def _unnested(sentence: SpacySpan, pieces: list[Piece], nested: list[Piece]) -> list[Piece]:
    """Attributed content with the attributions nested in it taken out as statements of
    their own ("X announced withdrawing comes as Putin said Russia is ready to talk": what
    Putin said is one statement, what is left of X's content another where it says more
    than who said it)."""
    found: list[Piece] = []
    for piece in pieces:
        inner = [n for n in nested if _inside(n, piece)]
        if not inner:
            found.append(piece)
            continue
        left = _outside(piece.start, piece.end, inner)
        found += _stating(sentence, [Piece(p.start, p.end, piece.speaker) for p in left])
        found += inner
    return found


def _reported_clause(sentence: SpacySpan, piece: Piece) -> Piece | None:
    """The clause an attribution's content states: a quote inside a reported clause ("Putin
    said leaders “had taken a decision” to withdraw", "said the announcement gave “ground
    for cautious optimism”") is that whole clause; other content headed by no verb
    ("reported payment issues", "echoed a chant heard in Tunisia") states nothing as a
    clause does: the sentence states it whole."""
    tokens = [t for t in sentence if piece.start <= t.idx < piece.end]
    if not tokens:
        return None
    for ancestor in [tokens[0], *tokens[0].ancestors]:
        if ancestor.dep_ == "ccomp" and ancestor.head.lemma_.lower() in SPEECH_LEMMAS:
            clause = [t for t in ancestor.subtree if sentence.start <= t.i < sentence.end]
            start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
            start, end = min(start, piece.start), max(end, piece.end)
            # A quote that is the whole clause stays whole ("“Each child winced and some
            # whined,” a prosecutor said" is one statement, as said).
            whole = piece.quoted and (start, end) == (piece.start, piece.end)
            return Piece(start, end, piece.speaker, quoted=whole, speech=piece.speech)
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i == t.i or t.head.i not in inside]
    return piece if any(t.pos_ in {"VERB", "AUX"} for t in heads) else None


def _outside(start: int, end: int, taken: list[Piece]) -> list[Piece]:
    """The stretches of [start, end) no piece of `taken` covers."""
    stretches, position = [], start
    for piece in sorted(taken, key=lambda p: p.start):
        if piece.start > position:
            stretches.append(Piece(position, piece.start))
        position = max(position, piece.end)
    if position < end:
        stretches.append(Piece(position, end))
    return stretches


def _states_beyond_frame(sentence: SpacySpan, piece: Piece) -> bool:
    """Whether what surrounds attributed content says more than who said it and when."""
    tokens = [t for t in sentence if piece.start <= t.idx < piece.end]
    return stating_terms(_beside_frame(tokens)) >= _FRAME_TERMS


def _only_a_reply(sentence: SpacySpan, attributed: list[Piece]) -> bool:
    """Whether all a sentence says is who spoke and an interjection ("“Yes,” Clinton
    said", "“Oh, no,” she replied"): what is attributed holds nothing but interjections,
    and its frame no content term beside the verb of speech and its subject. Short is
    still a statement ("Putin said he was not embarrassed", "“Why now?” she asked")."""
    said = {t.i for t in sentence if any(p.start <= t.idx < p.end for p in attributed)}
    if not said or any(sentence.doc[i].pos_ not in {"INTJ", "PUNCT"} for i in said):
        return False
    frame = [t for t in sentence if t.i not in said]
    return stating_terms(_beside_frame(frame)) == 0


def _beside_frame(tokens: list[Token]) -> str:
    """The words of `tokens` less the verbs of speech and their subjects."""
    cues = {t.i for t in tokens if t.lemma_.lower() in _CUES}
    # The speaker's name, not what the frame tells of them ("Bloomberg, an independent who
    # has registered as both a Republican and a Democrat, said"): that is a statement.
    speakers = {
        w.i for t in tokens if t.i in cues for c in _speakers_of(t) for w in _named_part(c)
    }  # fmt: skip
    return " ".join(t.text for t in tokens if t.i not in cues and t.i not in speakers)


def _stating(sentence: SpacySpan, stretches: list[Piece]) -> list[Piece]:
    """Of the stretches around attributed content, what states something: a stretch saying
    more than who said it and when, else the clauses of its own it holds. A frame never
    runs past a semicolon: what follows one is a sentence of its own ("Putin declares
    ...; Biden warns of an invasion")."""
    text = doc_text(sentence.doc)
    found = []
    for stretch in stretches:
        cut = text.find(";", stretch.start, stretch.end)
        if cut >= 0 and stating_terms(text[cut + 1 : stretch.end]) >= MIN_TERMS:
            found += _stating(sentence, [replace(stretch, end=cut)])
            found.append(replace(stretch, start=cut + 1))
        elif _states_beyond_frame(sentence, stretch):
            found.append(stretch)
        else:
            found += _own_clauses(sentence, stretch)
    return found


def _own_clauses(sentence: SpacySpan, piece: Piece) -> list[Piece]:
    """What a frame's stretch states however short: a clause coordinated with another, with
    a subject of its own or its cue's ("Five children were hurt, police said, but the
    extent of their injuries is unclear"; "a spokeswoman said the team is considering it,
    and will respond in two weeks"), or the clause a relative clause holding the cue hangs
    from ("Officials are still searching for a handgun, which they believe is in a wooded
    area")."""
    inside = {t.i for t in sentence if piece.start <= t.idx < piece.end}
    clauses = [_coordinated_clause(sentence.doc[i], inside) for i in sorted(inside)]
    clauses.append(_before_relative_cue(sentence, inside))
    return [replace(clause, speaker=piece.speaker) for clause in clauses if clause is not None]


def _before_relative_cue(sentence: SpacySpan, inside: set[int]) -> Piece | None:
    """The words of a stretch before a relative clause set off by a comma and holding a
    cue (in the stretch or in the attributed content after it), when they make a main
    clause ("Officials are still searching for a handgun" of "..., which they believe is in
    a wooded area"). A relative clause with no comma before it is part of what the clause
    says ("It was not the approach that I thought was right")."""
    doc = sentence.doc
    for cue in (t for t in sentence if t.lemma_.lower() in _CUES):
        relative = next((a for a in [cue, *cue.ancestors] if a.dep_ == "relcl"), None)
        if relative is None or relative.head.i not in inside:
            continue
        first = min(t.i for t in relative.subtree)
        if first == 0 or doc[first - 1].text != ",":
            continue
        words = [
            doc[i] for i in sorted(inside) if i < first and not (doc[i].is_punct or doc[i].is_space)
        ]
        if not any(_is_main_clause(w, words) for w in words):
            continue
        if (piece := _statement_of(words)) is not None:
            return piece
    return None


def _is_main_clause(verb: Token, words: list[Token]) -> bool:
    """Whether `verb` heads a clause with its own subject that depends on none of `words`,
    and is no verb of speech ("..., says McGregor, who ..." is a frame)."""
    return (
        verb.pos_ in {"VERB", "AUX"}
        and verb.lemma_.lower() not in _CUES
        and _has(verb, _SUBJECTS)
        and (verb.dep_ in {"ROOT", "conj"} or verb.head not in words)
    )


def _coordinated_clause(verb: Token, inside: set[int]) -> Piece | None:
    """The clause `verb` heads when it is coordinated with another, lies whole inside the
    stretch and has a subject of its own or shares a cue's."""
    # A verb of speech reporting content of its own ("and added that ...") is a frame;
    # without any, it is what was done ("and will respond in the next two weeks").
    if verb.dep_ != "conj" or (verb.lemma_.lower() in _CUES and _has(verb, _CONTENT)):
        return None
    cue_subject = verb.head.lemma_.lower() in _CUES and verb.pos_ in {"VERB", "AUX"}
    if not _has(verb, _SUBJECTS) and not cue_subject:
        return None
    words = [t for t in verb.subtree if not t.is_space and (t.dep_ != "cc" or t.head.i != verb.i)]
    if not all(t.i in inside for t in words):
        return None
    return _statement_of(words, _subject_shared(verb))


def _statement_of(
    words: list[Token], shared_subject: tuple[int, int] | None = None
) -> Piece | None:
    """The piece from the first of `words` to the last, when it has the content terms of a
    statement (`MIN_TERMS`)."""
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if stating_terms(doc_text(words[0].doc)[start:end]) < MIN_TERMS:
        return None
    return Piece(start, end, shared_subject=shared_subject)


def _speakers_of(cue: Token) -> list[Token]:
    """Who a cue gives as speaking: its subject ("the sheriff said"), or whom "according
    to" names ("According to Sheriff Javier Salazar, ...")."""
    found = [c for c in cue.children if c.dep_ in _SUBJECTS]
    if cue.lemma_.lower() == "accord":
        found += according_to_names(cue)
    return found


def _named_part(subject: Token) -> list[Token]:
    """A subject's words less what describes it or any noun in it: appositions and clauses
    ("relatives of the two women Malaysia has accused, by applying poison to her face":
    what Malaysia did, and how, is a statement as a clause on the subject's own noun is)."""
    described = {
        w.i
        for t in subject.subtree
        for c in t.children
        if c.dep_ in {"appos", "relcl", "acl"} or c.pos_ == "VERB"
        for w in c.subtree
    }
    return [w for w in subject.subtree if w.i not in described]


def split_clauses(sentence: SpacySpan, piece: Piece, depth: int = 0) -> list[Piece]:
    """`piece` cut at each semicolon and before each clause it adds to its main one:
    coordinated clauses stating their own fact, and clauses added after a comma that run
    to its end; each part cut again (a clause added to the first of two coordinated ones
    runs to the second)."""
    text = doc_text(sentence.doc)
    if depth == 0 and ";" in text[piece.start : piece.end]:
        parts, start = [], piece.start
        for match in re.finditer(";", text[piece.start : piece.end]):
            parts.append(Piece(start, piece.start + match.start(), piece.speaker))
            start = piece.start + match.end()
        parts.append(Piece(start, piece.end, piece.speaker))
        return [found for part in parts for found in split_clauses(sentence, part, 1)]
    tokens = [t for t in sentence if piece.start <= t.idx < piece.end]
    if not tokens:
        return []
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    cuts = {
        cut: _subject_shared(child)
        for head in heads
        for child in head.children
        if (cut := _added_clause_start(child, inside, tokens[-1].i)) is not None
    }
    subjects = {sentence.doc[i].idx: shared for i, shared in cuts.items()}
    bounds = [piece.start, *sorted(subjects), piece.end]
    parts = _joined_short(
        [
            Piece(a, b, piece.speaker, shared_subject=subjects.get(a, piece.shared_subject))
            for a, b in itertools.pairwise(bounds)
        ],
        text,
    )
    if len(parts) == 1 or depth >= _CUT_DEPTH:
        return parts
    return [found for part in parts for found in split_clauses(sentence, part, depth + 1)]


def _joined_short(parts: list[Piece], text: str) -> list[Piece]:
    """The parts, each too short to state anything joined to the one before it (the first
    to the one after it)."""
    found: list[Piece] = []
    for part in parts:
        if part.start >= part.end:
            continue
        if found and stating_terms(text[part.start : part.end]) < MIN_TERMS:
            found[-1] = replace(found[-1], end=part.end)
        else:
            found.append(part)
    if len(found) > 1 and stating_terms(text[found[0].start : found[0].end]) < MIN_TERMS:
        found[:2] = [replace(found[0], end=found[1].end)]
    return found


def _added_clause_start(child: Token, inside: set[int], last: int) -> int | None:
    """Where a clause `child` adds begins (the token to cut before), if it is one."""
    if (
        child.i not in inside
        or child.dep_ not in _ADDED_CLAUSES
        or child.lemma_.lower() in _CUES  # "..., an army statement said, ...": a frame
    ):
        return None
    subtree: list[int] = [int(t.i) for t in child.subtree if t.i in inside]
    first = min(subtree)
    if first <= child.head.i or first == min(inside):
        return None  # before its head, or the whole piece
    before = child.doc[first - 1]
    if child.dep_ == "conj":
        if not _states_its_own_fact(child):
            return None
        return int(before.i) if before.lower_ in _LEADING_LINKS else first
    if before.text == ";" or (before.text == "," and max(subtree) >= last - 1):
        return first  # "...; Biden warns ...", or "..., forcing the city to close it."
    return None


def _subject_shared(child: Token) -> tuple[int, int] | None:
    """The span of the subject a coordinated verb or an added participle ("..., forcing the
    city to close it") without one of its own shares with the verb it depends on."""
    participle = child.dep_ == "advcl" and child.tag_ == "VBG"
    if (child.dep_ != "conj" and not participle) or _has(child, _SUBJECTS):
        return None
    subject = next((c for c in child.head.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    words = list(subject.subtree)
    return int(words[0].idx), int(words[-1].idx + len(words[-1].text))


def after_subject(span: SpacySpan) -> tuple[int, int] | None:
    """The character span of a statement's words after the subject of its main verb (what
    it says the subject did or is), when the subject comes first and words are left."""
    root = span.root
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS and span.start <= c.i < root.i]
    if not subjects:
        return None
    after = max(token.i for subject in subjects for token in subject.subtree) + 1
    if span.end - after < _DOING_TOKENS:
        return None
    rest = span.doc[after : span.end]
    return int(rest.start_char), int(rest.end_char)


def _states_its_own_fact(verb: Token) -> bool:
    """Whether a coordinated verb states its own fact: with a subject of its own, or acting
    on an object of its own (a clause among them) after a verb that acts on one too or is
    passive ("One grabbed the purse and shot the man once more", "was shot four times and
    underwent surgery", "released footage but did not say how many left");
    "was arrested Sunday and charged with five counts" is one fact. A word with an object
    acts, whatever its tag says (the tagger takes "underwent" for an adjective)."""
    verbs = {"VERB", "AUX"}
    if verb.head.pos_ not in verbs or (verb.pos_ not in verbs and not _has(verb, _OBJECTS)):
        return False
    return _has(verb, _SUBJECTS) or (
        _has(verb, _OBJECTS | {"ccomp"})
        and (_has(verb.head, _OBJECTS) or _has(verb.head, _PASSIVE))
    )


def _has(token: Token, dependencies: frozenset[str]) -> bool:
    return any(child.dep_ in dependencies for child in token.children)


def trimmed(text: str, start: int, end: int, inside: bool) -> tuple[int, int]:
    """The span without the commas, dashes, quotation marks and joining words at its
    edges ("and the city closed it," is "the city closed it"; inside a sentence, "that
    the city closed it" too)."""
    while start < end and text[start] in _EDGE:
        start += 1
    word = re.match(r"(\w+)\s+", text[start:end])
    links = _LEADING_LINKS | {"that"} if inside else _LEADING_LINKS
    if word and word.group(1).lower() in links:
        start += word.end()
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def is_subject(span: SpacySpan, start: int, end: int) -> bool:
    return any(t.dep_ in _SUBJECTS for t in span if start <= t.idx < end)


_CUES = SPEECH_VERBS | STANCE_VERBS | {"accord"}  # "according to"
