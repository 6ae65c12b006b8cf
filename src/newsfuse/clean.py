"""Clean: remove page furniture from already-extracted article text.

`clean_article` works line by line, in this order, each step seeing what the earlier ones
removed:

1. lines that are furniture by their own words (navigation, share buttons, comment
   prompts in any language, "Source link", promotions), aggregator disclaimers,
   copyright lines and reporter credit lines;
2. the headline (kept as the article's title) and lines that repeat it;
3. broadcast transcripts (all-caps lines, speaker labels) that repeat the article;
4. paragraphs that repeat an earlier paragraph, and photo or video captions;
5. the zones around the body: short labels before the first paragraph of prose, and after
   the last one everything that is not a sentence, everything after an end-of-article
   marker, and lines in another language;
6. a dateline opening the first or second paragraph of the body ("KYIV, Ukraine (AP) — ",
   "New York, NY – ", or the outlet's own name: "PanARMENIAN.Net - ").

Every removal keeps its reason, and the cleaned text keeps a map back to the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.models import Article, CleanText, Removal
from newsfuse.text import credits, furniture
from newsfuse.text.language import detect_language, is_other_language
from newsfuse.text.lexical import STOP_WORDS, TermIndex, containment, content_terms, words
from newsfuse.text.textmap import TextBuilder

# A paragraph of at least this many words that ends like a sentence is article prose; the
# body runs from the first such paragraph to the last. Related-headline lists and bylines
# stay below it, and news paragraphs rarely do.
BODY_PARAGRAPH_WORDS = 15
# A line after the last paragraph is still prose, whatever ends it, from this many words
# with this many sentence breaks inside.
PROSE_WORDS = 30
PROSE_SENTENCE_BREAKS = 2
_SENTENCE_BREAK = re.compile(r"[a-z0-9%)][.!?][\"”’)]? (?=[A-Z“\"])")
# Share of a line's content terms found in an earlier line for it to count as a repeat.
REPEAT_CONTAINMENT = 0.9
# Share of a transcript block's content terms found in the rest of the article for the
# block to count as a repeat of it (a broadcast transcript rewords the article).
TRANSCRIPT_CONTAINMENT = 0.5
# Labels of sections ("International", "World News") are this short.
LABEL_WORDS = 3
# A line ending with a colon and longer than this opens a list of the article's own; the
# labels of teaser lists ("Related stories:", "You might also like:") are this short.
LIST_LABEL_WORDS = 5

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$|[\"”’][.!?…]?$")
# A rule some pages glue to the end of the last paragraph ("... at SCI Phoenix.------"):
# it is cut off the line, so that the paragraph still ends like a sentence.
_RULE_CHARACTERS = "-=_*~#+•·"
# A wire agency's name written after an article's last sentence has at most this many words.
_CREDIT_WORDS = 3
# Brackets of credits closing a paragraph hold at most this many characters.
_CREDIT_BRACKET_CHARACTERS = 600
_CREDIT_BRACKETS = 3
# "KYIV, Ukraine (AP) — ", "(Reuters) - ", or a day and the agency: "Dec 17 (Reuters) - ".
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March"
    r"|April|June|July|August|September|October|November|December"
)
# A town in mixed case and its state, as local news and press releases open: "New York,
# NY – ", "Dekalb, Ill. — " (not a company's "Inc." or "Ltd.").
_TOWN_AND_STATE = (
    r"(?:[A-Z][a-z]+\.? ){0,3}[A-Z][a-z]+, "
    r"(?:[A-Z]{2}|D\.C\.|(?!(?:Inc|Ltd|Co|Corp)\.)[A-Z][a-z]{1,4}\.)"
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]*){0,4}\s*(?:\([^()]{1,40}\))?|\([^()]{1,40}\)"
    rf"|(?:{_MONTH}) \d{{1,2}}\s*\([^()]{{1,40}}\)|{_TOWN_AND_STATE})"
    r"\s*[-—–]{1,2}\s+(?=[A-Z“\"])"
)
# Capitalised words: names, roughly, once common words are left out.
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_PROMOTION = "link or promotion"
_OUTLET_PROMOTION = re.compile(
    r"^\W*(click|tap) here\b|\b(app|apps|newsletters?|alerts|podcast)\W*$", re.IGNORECASE
)
_CLOSING_MARKS = "\"”’')] "
# Removals after which nothing more of the article follows.
_END_MARKERS = frozenset(
    {
        "comment prompt",
        _PROMOTION,
        "aggregator disclaimer",
        "copyright line",
        "reporter credits",
    }
)


@dataclass(frozen=True)
class _Line:
    index: int
    start: int
    end: int
    text: str
    # Where the raw line ends, past a rule or credits cut off its end (`end` when none).
    whole_end: int


def clean_article(article: Article) -> CleanText:
    """The article's text without page furniture, with the map back to the raw text."""
    lines = _split_lines(article.raw_text)
    removed: dict[int, str] = {}
    _mark_patterns(lines, removed)
    _mark_headline(lines, removed, article.title)
    _mark_transcripts(lines, removed)
    _mark_repeats_and_captions(lines, removed)
    language = detect_language(" ".join(line.text for line in lines if line.index not in removed))
    _mark_zones(lines, removed, language)
    return _build(article, lines, removed, language)


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    for match in re.finditer(r"[^\n]+", raw):
        text = match.group(0)
        stripped = text.strip()
        if not stripped:
            continue
        start = match.start() + (len(text) - len(text.lstrip()))
        whole_end = start + len(stripped)
        unruled = _without_trailing_credit(_without_trailing_rule(stripped))
        if any(char.isalnum() for char in unruled):
            stripped = unruled
        lines.append(_Line(len(lines), start, start + len(stripped), stripped, whole_end))
    return lines


def _without_trailing_rule(line: str) -> str:
    """The line without a rule of two characters or more glued to its end."""
    unruled = line.rstrip(_RULE_CHARACTERS)
    return unruled.rstrip() if len(line) - len(unruled) >= 2 else line


def _without_trailing_credit(line: str) -> str:
    """The line without what credits the story glued after its last sentence: a wire
    agency's name ("... to sneak into the US. PTI"), the agency's brackets of reporters and
    contacts ("... Otto said. (Editing by Scott Malone)"); they made the paragraph no
    sentence, and furniture."""
    line = _without_bracketed_credits(line)
    cut = len(line)
    for _ in range(_CREDIT_WORDS):
        cut = line.rfind(" ", 0, cut)
        if cut <= 0:
            return line
        before, credit = line[:cut].rstrip(), " ".join(line[cut:].split())
        if _is_sentence(before) and credits.agency_as_written(credit):
            return before
    return line


def _without_bracketed_credits(line: str) -> str:
    """The line without the brackets closing it that credit reporters and editors or give a
    reporter's contact ("(Additional reporting by ...; Editing by ...)", "((name@agency.com;
    +51 1 221 2130))"), when a sentence ends before them."""
    kept = line
    for _ in range(_CREDIT_BRACKETS):
        if not kept.endswith(")"):
            break
        opening = kept.rfind(" (")
        if opening < 0 or len(kept) - opening > _CREDIT_BRACKET_CHARACTERS:
            break
        inside = kept[opening:].strip().strip("()")
        # An agency's name alone, "(Reuters)", is left: it marks a photo caption.
        if not (credits.is_credit_line(inside) or "@" in inside):
            break
        kept = kept[:opening].rstrip()
    return kept if kept != line and _is_sentence(kept) else line


def _pattern_reason(line: str) -> str | None:
    if not any(char.isalnum() for char in line):
        return "no words (a rule or decoration)"
    if furniture.is_disclaimer(line):
        return "aggregator disclaimer"
    if credits.copyright_line(line) is not None:
        return "copyright line"
    if credits.is_credit_line(line):
        return "reporter credits"
    if credits.byline_author(line) is not None:
        return "byline"
    return furniture.furniture_reason(line)


def _mark_patterns(lines: list[_Line], removed: dict[int, str]) -> None:
    for line in lines:
        reason = _pattern_reason(line.text)
        if reason is not None:
            removed[line.index] = reason


def _mark_headline(lines: list[_Line], removed: dict[int, str], title: str | None) -> None:
    if not title:
        return
    title_words = words(title)
    body_start = next((line.index for line in lines if _is_body_paragraph(line.text)), len(lines))
    first = True
    for line in lines:
        if line.index in removed:
            continue
        if not _repeats_headline(words(line.text), title_words, line.index < body_start):
            continue
        removed[line.index] = "headline (kept as the title)" if first else "repeats the headline"
        first = False


def _repeats_headline(line_words: list[str], title_words: list[str], above_body: bool) -> bool:
    """A line that is the headline again, give or take a few words. Above the body, a
    shortened headline counts too (sites repeat it as a kicker or a breadcrumb)."""
    if len(line_words) < 3 or len(line_words) > len(title_words) + 3:
        return False
    shorter, longer = sorted((line_words, title_words), key=len)
    close_in_length = above_body or len(shorter) >= 0.75 * len(longer)
    return close_in_length and containment(shorter, longer) >= 0.9


def _mark_transcripts(lines: list[_Line], removed: dict[int, str]) -> None:
    for block in _transcript_blocks([line for line in lines if line.index not in removed]):
        in_block = {line.index for line in block}
        rest_terms = [
            term
            for line in lines
            if line.index not in removed and line.index not in in_block
            for term in content_terms(line.text)
        ]
        block_terms = [term for line in block for term in content_terms(line.text)]
        if containment(block_terms, rest_terms) >= TRANSCRIPT_CONTAINMENT:
            for line in block:
                removed[line.index] = "broadcast transcript repeating the article"


def _transcript_blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of consecutive transcript-like lines with at least two in capitals."""
    blocks: list[list[_Line]] = []
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and (
            furniture.is_all_caps(line.text) or furniture.has_speaker_label(line.text)
        ):
            run.append(line)
            continue
        if sum(1 for member in run if furniture.is_all_caps(member.text)) >= 2:
            blocks.append(run)
        run = []
    return blocks


def _mark_repeats_and_captions(lines: list[_Line], removed: dict[int, str]) -> None:
    earlier = TermIndex()
    for line in lines:
        if line.index in removed:
            continue
        terms = frozenset(content_terms(line.text))
        if len(terms) >= 5 and earlier.holders(terms, REPEAT_CONTAINMENT):
            removed[line.index] = "repeats an earlier paragraph"
            continue
        credit = credits.caption_credit(line.text)
        if credit is not None:
            removed[line.index] = f"photo or video caption ({credit})"
            continue
        earlier.add(terms)


def _is_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def _is_body_paragraph(text: str) -> bool:
    return _is_sentence(text) and len(words(text)) >= BODY_PARAGRAPH_WORDS


def _mark_zones(lines: list[_Line], removed: dict[int, str], language: str | None) -> None:
    kept = [line for line in lines if line.index not in removed]
    body = [line.index for line in kept if _is_body_paragraph(line.text)]
    if not body:
        return
    first, last = body[0], body[-1]
    for line in kept:
        if line.index < first and _is_label(line.text, language):
            removed[line.index] = "page furniture before the article"
    names = set(_names(" ".join(line.text for line in kept if line.index <= last)))
    _mark_tail(lines[last + 1 :], removed, language, names)


def _is_label(text: str, language: str | None) -> bool:
    short_label = len(words(text)) <= LABEL_WORDS and not _is_sentence(text)
    return short_label or is_other_language(text, language)


def _mark_tail(
    tail: list[_Line], removed: dict[int, str], language: str | None, names: set[str]
) -> None:
    """Furniture after the article's last body paragraph. `names` (the article's so far)
    grows with each line kept."""
    ended = listing = promoted = False
    for line in tail:
        if line.index in removed:
            # Only a promotion of the outlet's own, before anything else ended the article,
            # may have the article go on after it.
            promoted = not ended and _promotes_outlet(removed[line.index], line.text)
            ended = ended or removed[line.index] in _END_MARKERS
            listing = False
            continue
        if ended and promoted and _goes_on(line.text, names):
            pass  # a promotion set inside the article's last lines: each must go on
        elif ended:
            removed[line.index] = "page furniture after the end of the article"
            promoted = False
        elif _announces_list(line.text):
            listing = True  # "The band's tour dates:": the article goes on with a list
        elif listing and not _is_sentence(line.text):
            continue
        elif not (_is_sentence(line.text) or _is_prose(line.text)) or is_other_language(
            line.text, language
        ):
            removed[line.index] = "page furniture after the article"
            listing = False
        if line.index not in removed:
            names |= _names(line.text)


def _names(text: str) -> frozenset[str]:
    """The capitalised words of `text` that are not common words ("The", "But"): its
    names, roughly."""
    found = (match.group() for match in _CAPITALISED.finditer(text))
    return frozenset(word for word in found if word.lower() not in STOP_WORDS)


def _promotes_outlet(reason: str, text: str) -> bool:
    """Whether a promotion asks the reader to take the outlet's app, newsletter or alerts
    ("CLICK HERE TO GET THE FOX NEWS APP", "Sign up for our daily newsletter"): pages set
    these inside an article's last paragraphs, where a link to elsewhere ("Source link",
    "Read more: ...") closes it."""
    return reason == _PROMOTION and _OUTLET_PROMOTION.search(text) is not None


def _goes_on(text: str, names: set[str]) -> bool:
    """Whether a line right after a promotion ("CLICK HERE TO GET THE APP") still tells the
    article: a sentence naming someone or something the article named ("Brooke tearfully
    asked before apologizing to the actor."). A teaser after the promotion names others,
    or is a headline with no closing mark, or asks ("Who will make the Rock Hall?")."""
    asks = text.rstrip(_CLOSING_MARKS).endswith("?")
    return _is_sentence(text) and not asks and bool(_names(text) & names)


def _is_prose(text: str) -> bool:
    """A paragraph of several sentences, whatever ends it: the article's last, with a name,
    a grade or a credit glued after its last sentence ('... up and down." Dr. Sripal
    Bangalore'), is no furniture."""
    return (
        len(words(text)) >= PROSE_WORDS
        and len(_SENTENCE_BREAK.findall(text)) >= PROSE_SENTENCE_BREAKS
    )


def _announces_list(text: str) -> bool:
    """Whether a line opens a list of the article's own ("The band's 2020 tour dates:"):
    it ends with a colon and says more than a section label ("Related:", "Read more:")."""
    return text.rstrip().endswith(":") and len(words(text)) > LIST_LABEL_WORDS


def _build(
    article: Article, lines: list[_Line], removed: dict[int, str], language: str | None
) -> CleanText:
    builder = TextBuilder(article.raw_text)
    removals = [
        Removal(line.start, line.whole_end, removed[line.index])
        for line in lines
        if line.index in removed
    ]
    removals += [
        Removal(line.end, line.whole_end, "rule or credits after the last sentence")
        for line in lines
        if line.index not in removed and line.whole_end > line.end
    ]
    dateline = _dateline([line for line in lines if line.index not in removed], article.outlet)
    if dateline is not None:
        removals.append(dateline)
    for line in lines:
        if line.index not in removed:
            start = dateline.end if dateline and dateline.start == line.start else line.start
            builder.add_paragraph(start, line.end)
    return CleanText(
        article_id=article.id,
        text=builder.text,
        pieces=builder.pieces,
        removals=tuple(sorted(removals, key=lambda removal: removal.start)),
        language=language,
    )


def _outlet_opening(outlet: str | None) -> re.Pattern[str] | None:
    """The outlet's name opening a paragraph as a dateline does ("PanARMENIAN.Net - ")."""
    if not outlet or not outlet.strip():
        return None
    return re.compile(rf"(?i:{re.escape(outlet.strip())})\s*[-—–]{{1,2}}\s+(?=[A-Z“\"])")


def _dateline(kept: list[_Line], outlet: str | None) -> Removal | None:
    """The dateline opening the first paragraph of the body ("KYIV (AP) — ", "New York, NY
    – ", or the outlet's own name: "PanARMENIAN.Net - "), if any; a standfirst above the
    body may come first, short or a whole sentence ("Teenager Autumn Veatch ... survived
    ...", then "BELLINGHAM — The voice on the phone was a miracle.")."""
    own_name = _outlet_opening(outlet)
    paragraphs = 0
    for line in kept:
        match = _DATELINE.match(line.text) or (own_name and own_name.match(line.text))
        if match is not None and _is_sentence(line.text):
            return Removal(line.start, line.start + match.end(), "dateline")
        paragraphs += _is_body_paragraph(line.text)
        if paragraphs == 2:
            return None
    return None
