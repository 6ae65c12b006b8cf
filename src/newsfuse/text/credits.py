"""Who a text credits: wire agencies by the names texts give them, copyright lines, credit
lines ("Reporting by ...; Editing by ..."), bylines, a dateline's credit ("KYIV (Reuters)
—") and a caption's bracketed credit ("(AP Photo/Efrem Lukatsky)"). Ingest reads them as
metadata, cleaning removes the lines, provenance reads an article's credits."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Wire agencies by the names texts use for them, mapped to one canonical name.
WIRE_AGENCIES: dict[str, str] = {
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "upi": "UPI",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "cnn": "CNN",
}
_AGENCY_ALTERNATION = "|".join(
    sorted((re.escape(name) for name in WIRE_AGENCIES), key=len, reverse=True)
)
_AGENCY_IN_TEXT = re.compile(rf"\b(?:{_AGENCY_ALTERNATION})\b", re.IGNORECASE)


def canonical_agency(name: str) -> str | None:
    return WIRE_AGENCIES.get(" ".join(name.lower().split()))


def agency_as_written(name: str) -> str | None:
    """The wire agency `name` names as it is written, canonical: a short name only in
    capitals ("AP" and "ANI" are also ordinary words, "Ap" or "Ani", when not upper-case)."""
    if len(name) <= 4 and not name.isupper():
        return None
    return canonical_agency(name)


def agencies_named(text: str) -> list[str]:
    """Wire agencies `text` names, canonical, in order of first mention."""
    seen: dict[str, None] = {}
    for match in _AGENCY_IN_TEXT.finditer(text):
        agency = agency_as_written(match.group(0))
        if agency:
            seen.setdefault(agency, None)
    return list(seen)


@dataclass(frozen=True)
class CopyrightLine:
    holder: str | None
    year: int | None


_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)
_ALL_RIGHTS = re.compile(r"\ball rights reserved\b", re.IGNORECASE)
_COPYRIGHT_HOLDER = re.compile(
    r"(?i:copyright|©|\(c\))[\s©]*(?:(?P<first>(?:19|20)\d{2})(?:\s*[-–]\s*(?P<last>(?:19|20)\d{2}))?)?"
    r"[,\s]*(?i:by\s+|of\s+)?(?i:the\s+)?(?P<holder>[A-Z][\w&'-]*(?: (?:[A-Z][\w&'-]*|of|and|&))*)?"
)


def copyright_line(line: str) -> CopyrightLine | None:
    """The holder and year of a copyright line, or None if `line` is not one."""
    if len(line) > 400 or not (_COPYRIGHT.match(line) or _ALL_RIGHTS.search(line)):
        return None
    match = _COPYRIGHT_HOLDER.search(line)
    if match is None:
        return CopyrightLine(holder=None, year=None)
    year = match.group("last") or match.group("first")
    holder = match.group("holder")
    if holder and holder.split()[0].lower() in {"all", "copyright", "registered"}:
        holder = None
    return CopyrightLine(holder=holder, year=int(year) if year else None)


# "Reporting by Jane Roe in Kyiv; Editing by John Doe" opens its line with these words and
# holds only names and connectives beside them; "... contributed to this report" closes a
# line of names.
_CREDIT_OPENING = re.compile(
    r"^(?:additional |further )?(?:reporting|writing|editing|compiled|research)"
    r"(?: and (?:reporting|writing|editing))? by\b",
    re.IGNORECASE,
)
_CREDIT_WORDS = frozenset(
    [
        "by",
        "and",
        "in",
        "from",
        "at",
        "with",
        "of",
        "the",
        "additional",
        "further",
        "reporting",
        "writing",
        "editing",
        "compiled",
        "research",
    ]
)
_CONTRIBUTED = re.compile(r"\bcontributed\b.{0,25}\breport(?:ing)?\b", re.IGNORECASE)


def is_credit_line(line: str) -> bool:
    """A line that credits reporters and editors ("... contributed to this report")."""
    if len(line) > 600:
        return False
    if _CONTRIBUTED.search(line):
        return True
    if not _CREDIT_OPENING.match(line):
        return False
    lower_case = re.findall(r"\b[a-z][a-z'-]*\b", line)
    return all(word in _CREDIT_WORDS for word in lower_case)


_BYLINE = re.compile(r"^\s*(?i:by)\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*$")


def byline_author(line: str) -> str | None:
    """The name in a "By Jane Doe" line, or None."""
    match = _BYLINE.match(line)
    return match.group("name") if match else None


_DATELINE_CREDIT = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,5}\s*)?"
    r"\((?P<credit>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,4})\)\s*[-—–:]"
)


def dateline_credit(paragraph: str) -> str | None:
    """Who a dateline opening a paragraph credits ("KYIV (Reuters) - ..." gives "Reuters"),
    with wire agencies under their canonical name, or None."""
    match = _DATELINE_CREDIT.match(paragraph)
    if match is None:
        return None
    credit = match.group("credit")
    return canonical_agency(credit) or credit


# A paragraph that ends in a bare credit in brackets is a photo or video caption:
# "... returning to their bases. (Reuters)", "(AP Photo/Efrem Lukatsky)". A word of the
# credit is taken whole (the lookahead): "(AAAA…" must not be tried as every split of it.
_CAPTION_CREDIT = re.compile(
    r"[.!?”\"’)]\s*\((?P<credit>(?:[A-Z][\w.&'-]*(?![\w.&'-])|of|the|and|/|,|\s)+)\)\s*$"
)


def caption_credit(paragraph: str) -> str | None:
    """The credit of a photo or video caption paragraph, or None."""
    match = _CAPTION_CREDIT.search(paragraph)
    if match is None:
        return None
    credit = " ".join(match.group("credit").split())
    words = credit.replace("/", " ").split()
    if not 1 <= len(words) <= 6 or re.fullmatch(r"[A-Z]-?[A-Z.]{0,4}", credit):
        # "(D-N.J)", "(NATO)": an abbreviation, not a credit, unless it is an agency.
        return credit if canonical_agency(credit) else None
    return credit
