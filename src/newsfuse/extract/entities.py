"""Named entities: their mentions in a text, and which mentions name the same one.

Mentions come from spaCy's named-entity recogniser, without possessive endings and titles
("President Putin's" is a mention of "Putin"). Mentions name one entity when, after that:
- they are the same words, in any case;
- one is a surname and the other the full name ending in it ("Putin", "Vladimir Putin");
- a person's first name alone, and the one full name of the text that begins with it
  ("Pete", "Pete Davidson");
- one is the acronym of the other ("NATO", "North Atlantic Treaty Organization");
- both are places whose consonants agree (transliterations: "Kyiv" and "Kiev").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsfuse.text.credits import agency_as_written

if TYPE_CHECKING:
    from spacy.tokens import Doc

KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
}
TITLES = frozenset(
    """
    president vice prime minister secretary general gen gen. maj maj. lt lt. col col. sgt
    sen sen. senator rep rep. representative gov gov. governor mayor chancellor ambassador
    spokesperson spokesman spokeswoman chief director dr dr. mr mr. mrs mrs. ms ms. prof
    prof. foreign defense defence state press deputy king queen prince princess pope judge
    justice former acting commander admiral adm adm. captain capt capt. officer leader
    chairman chairwoman chair ceo founder
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# What a description of one person is headed by ("the Portland police chief").
PERSON_HEADS = frozenset(
    """
    spokesperson spokesman spokeswoman aide adviser advisor diplomat lawmaker senator analyst
    expert envoy minister negotiator lawyer attorney president secretary governor mayor
    chancellor ambassador chief director judge commander captain officer leader chairman
    chairwoman ceo founder detective sheriff prosecutor official witness neighbor neighbour
    resident doctor nurse teacher woman man girl boy mother father wife husband daughter son
    member soldier guard worker employee student survivor victim passenger friend brother
    sister relative professor researcher scientist engineer pilot driver owner manager
    executive representative agent activist protester journalist reporter correspondent
    aunt uncle niece nephew cousin grandmother grandfather grandson granddaughter parent
    stepmother stepfather stepson stepdaughter girlfriend boyfriend widow widower mom dad
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# Words that make a name an organisation's.
ORGANISATION_WORDS = frozenset(
    """
    technologies technology inc inc. corp corp. corporation company co. group ltd ltd. llc
    agency council ministry department bank university institute committee party union
    association foundation service services news times post press network
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
_POSSESSIVE = re.compile(r"['’]s?$")
_VOWELS = set("aeiouyhw")


@dataclass(frozen=True)
class Mention:
    """A name as a text writes it: its span, its words without titles, and its kind."""

    start: int
    end: int
    text: str
    name: str
    kind: str


def mentions(doc: Doc) -> list[Mention]:
    found = []
    for entity in doc.ents:
        kind = KINDS.get(entity.label_)
        if kind is None:
            continue
        if kind == "person" and ORGANISATION_WORDS & {w.lower() for w in entity.text.split()}:
            kind = "organization"  # the recogniser's slip: "Maxar Technologies" is no person
        name = bare_name(entity.text, kind)
        if name:
            found.append(Mention(entity.start_char, entity.end_char, entity.text, name, kind))
    return _majority_kinds(found)


def _majority_kinds(found: list[Mention]) -> list[Mention]:
    """Each name with the kind the text gives it most: "Kyiv" tagged a person once and a
    place twice is a place."""
    counts: dict[str, Counter[str]] = {}
    for mention in found:
        counts.setdefault(mention.name, Counter())[mention.kind] += 1
    return [
        Mention(m.start, m.end, m.text, m.name, counts[m.name].most_common(1)[0][0]) for m in found
    ]


def bare_name(text: str, kind: str) -> str:
    """The name without a leading "the", a possessive ending or (for people) titles."""
    words = _POSSESSIVE.sub("", " ".join(text.split())).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if kind == "person":
        # The name follows the last title: "Russian President Vladimir Putin".
        titled = [i for i, word in enumerate(words[:-1]) if word.lower() in TITLES]
        if titled:
            words = words[titled[-1] + 1 :]
        # "told Reuters Kandil's visit ...": the recogniser joins the agency to the name.
        # (A short agency name counts only in capitals: "AP Smith", never "Ani DiFranco".)
        if len(words) > 1 and words[0][:1].isupper() and agency_as_written(words[0]):
            words = words[1:]
    return " ".join(words).strip(" .,")


@dataclass(frozen=True)
class NamedEntity:
    """One entity and the mentions that name it."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: tuple[Any, ...]  # whatever the caller keyed the mentions with


def group(names: Iterable[tuple[str, str, Any]]) -> list[NamedEntity]:
    """Entities from (name, kind, mention) triples, in order of first mention."""
    items = list(names)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, int] = {}
    for number, (name, kind, _) in enumerate(items):
        key = f"{_family_kind(kind)}:{name.lower()}"
        if key in by_key:
            parent[find(number)] = find(by_key[key])
        else:
            by_key[key] = number
    distinct = sorted(by_key.items(), key=lambda item: item[1])
    for i, (_, left) in enumerate(distinct):
        for _, right in distinct[i + 1 :]:
            if same_entity(items[left][0], items[left][1], items[right][0], items[right][1]):
                parent[find(right)] = find(left)
    _join_first_names(items, [number for _, number in distinct], parent, find)
    return _collect(items, find)


def _join_first_names(
    items: list[tuple[str, str, Any]], distinct: list[int], parent: list[int], find: Any
) -> None:
    """A person named by a first name alone ("Pete") is the one person of the text whose
    full name begins with it ("Pete Davidson"), when just one does and the first name
    names no one else on its own."""
    alone = Counter(find(n) for n in distinct)
    for number in distinct:
        name, kind, _ = items[number]
        if kind != "person" or " " in name or alone[find(number)] > 1:
            continue
        fuller = {
            find(other)
            for other in distinct
            if items[other][1] == "person"
            and items[other][0].split()[0] == name
            and " " in items[other][0]
        }
        if len(fuller) == 1:
            parent[find(number)] = fuller.pop()


def _family_kind(kind: str) -> str:
    return "named" if kind in {"person", "organization"} else kind


def _collect(items: list[tuple[str, str, Any]], find: Any) -> list[NamedEntity]:
    members: dict[int, list[int]] = {}
    for number in range(len(items)):
        members.setdefault(find(number), []).append(number)
    entities = []
    for root in sorted(members, key=lambda r: min(members[r])):
        chosen = [items[i] for i in members[root]]
        names = Counter(name for name, _, _ in chosen)
        kinds = Counter(kind for _, kind, _ in chosen)
        # The fullest name, most used among the fullest: "Vladimir Putin" over "Putin".
        name = max(names, key=lambda n: (len(n.split()), names[n], n))
        entities.append(
            NamedEntity(
                name=name,
                # The recogniser sometimes takes a person for an organisation ("Biden").
                kind="person" if "person" in kinds else kinds.most_common(1)[0][0],
                aliases=tuple(sorted(names)),
                mentions=tuple(mention for _, _, mention in chosen),
            )
        )
    return entities


def same_entity(left: str, left_kind: str, right: str, right_kind: str) -> bool:
    """Whether two different names name one entity (see the module's rules)."""
    if _family_kind(left_kind) != _family_kind(right_kind):
        return False
    if left_kind == "person" or right_kind == "person":
        return _surname_of(left, right) or _surname_of(right, left)
    if _acronym_of(left, right) or _acronym_of(right, left):
        return True
    return left_kind == right_kind == "place" and _transliterated(left, right)


def _surname_of(short: str, full: str) -> bool:
    short_words, full_words = short.split(), full.split()
    return (
        1 <= len(short_words) < len(full_words) and full_words[-len(short_words) :] == short_words
    )


def _acronym_of(short: str, full: str) -> bool:
    letters = short.replace(".", "")
    words = [
        w for w in full.split() if w[:1].isupper() and w.lower() not in {"of", "the", "and", "for"}
    ]
    return len(words) >= 2 and letters.isupper() and letters == "".join(w[0] for w in words)


def _transliterated(left: str, right: str) -> bool:
    if " " in left or " " in right or left[:1].lower() != right[:1].lower():
        return False
    return (
        len(left) >= 4 and abs(len(left) - len(right)) <= 1 and _skeleton(left) == _skeleton(right)
    )


def _skeleton(name: str) -> str:
    """First letter and the consonants after it, doubled letters once: "Kyiv", "Kiev": "kv"."""
    lower = name.lower()
    consonants = [c for c in lower[1:] if c.isalpha() and c not in _VOWELS]
    skeleton = lower[0]
    for letter in consonants:
        if letter != skeleton[-1]:
            skeleton += letter
    return skeleton
