"""Which reports of a family credit another's outlet, and so came after it.

A report that writes "Fauci told CNN's State of the Union", "according to Reuters" or
"first reported by Axios" took that from the outlet it names: of two versions of one text,
the one crediting the other's outlet is the later one, whatever their wording or their
publication times (a page's time is often that of its last update). So is a report that
introduces another's text as what it quotes ("In a blog post, the company outlined its new
policy. Its chief talent officer said:" and then the post, word for word, from its first
sentence): the post is where the words come from, however much the report adds around it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from newsfuse.models import Article

# Words of an outlet's name that name no outlet on their own.
_GENERIC = frozenset({"news", "the", "www", "com", "org", "net", "co", "uk", "online", "media"})
# An outlet's name is matched from this many letters on (shorter ones name too much).
_SHORTEST = 3
# Phrases that credit the outlet named after them, or before them ("CNN reported").
_BEFORE_NAME = (
    r"told|according to|(?:first |originally )?reported by|reporting by|in an interview with|"
    r"said (?:in an interview )?(?:to|with)|(?:speaking|talking) to|citing|via|courtesy of|"
    r"(?:first |originally )?(?:published|appeared) (?:by|in|on)"
)
# A report quoted from its start: the quotation opens with one of its first this many sentences.
_OPENING_SENTENCES = 2
_AFTER_NAME = r"(?:first |originally |has |had )?(?:reported|revealed|obtained|broke the news)"


def outlet_names(article: Article) -> frozenset[str]:
    """The names an outlet goes by, lower-case: its name as given and its web address's
    own label ("edition.cnn.com" is "cnn")."""
    names = set()
    if article.outlet:
        names.add(_label(article.outlet))
    if article.url:
        names.add(_label(urlsplit(article.url).hostname or ""))
    return frozenset(name for name in names if len(name) >= _SHORTEST and name not in _GENERIC)


def _label(name: str) -> str:
    """A web address's own label, the one before its public ending ("edition.cnn.com" →
    "cnn", "bbc.co.uk" → "bbc"); a name that is no address, as it is."""
    parts = name.lower().strip().split(".")
    if len(parts) < 2:
        return name.lower().strip().removeprefix("the ")
    while len(parts) > 1 and (parts[-1] in _GENERIC or len(parts[-1]) == 2):
        parts.pop()
    return parts[-1]


def credited_by(articles: Sequence[Article], texts: Sequence[str]) -> list[set[int]]:
    """For each article, the others whose texts (`texts`, in the same order) credit its
    outlet. An outlet that credits itself ("CNN's own reporting") counts for nothing. Each
    text is searched once, for all the outlets at a time."""
    names = [outlet_names(article) for article in articles]
    owners: dict[str, set[int]] = {}
    for number, own in enumerate(names):
        for name in own:
            owners.setdefault(name, set()).add(number)
    found: list[set[int]] = [set() for _ in articles]
    if not owners:
        return found
    pattern = _credit_pattern(tuple(sorted(owners, key=lambda name: (-len(name), name))))
    for crediting, text in enumerate(texts):
        for match in pattern.finditer(text):
            name = (match.group("before") or match.group("after")).lower()
            if name in names[crediting]:
                continue
            for credited in owners.get(name, ()):
                found[credited].add(crediting)
    return found


def quoted_by(sentences: Sequence[Sequence[str]]) -> list[set[int]]:
    """For each report (by its sentences' texts), the others that quote it from its start:
    a sentence of theirs ending with a colon, the next one the report's first sentence (or
    its second, after a headline or a dateline the quoting report left out)."""
    openings: dict[str, set[int]] = {}
    for number, own in enumerate(sentences):
        for text in own[:_OPENING_SENTENCES]:
            openings.setdefault(_plain(text), set()).add(number)
    found: list[set[int]] = [set() for _ in sentences]
    for quoting, own in enumerate(sentences):
        for lead_in, following in itertools.pairwise(own):
            if not lead_in.rstrip().endswith(":"):
                continue
            for quoted in openings.get(_plain(following), ()):
                if quoted != quoting:
                    found[quoted].add(quoting)
    return found


def _plain(text: str) -> str:
    return " ".join(text.split()).lower()


@lru_cache(maxsize=64)
def _credit_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # An outlet's name is written with a capital ("Time reported", never "at the time
    # reported"); the rest of it in any case ("CNN", "Cnn").
    named = "|".join(f"(?-i:{re.escape(name[0].upper())}){re.escape(name[1:])}" for name in names)
    return re.compile(
        rf"\b(?:{_BEFORE_NAME})\s+(?:the\s+)?(?P<before>{named})\b"
        rf"|\b(?P<after>{named})(?:['’]s(?:\s+[A-Z][\w-]*){{0,4}})?\s+(?:{_AFTER_NAME})\b",
        re.IGNORECASE,
    )
