"""What page furniture looks like: the line patterns that clean removes and ingest reads.

Scraped article text keeps bits of the page around it: navigation, share buttons, comment
prompts (in the site's language, which need not be the article's), "Source link", lists of
related headlines, copyright lines, aggregator disclaimers, credit lines and photo
captions (credits are read by `credits`). Each pattern here matches a whole line, so an
article sentence that merely mentions "comments" or "copyright" is never touched.
"""

from __future__ import annotations

import re

from newsfuse.text.dates import CALENDAR_WORDS

# Characters that decorate furniture lines ("» Share", "Related:", "• Home |").
_DECORATION = " \t\u00a0|•·»«›‹>:–—-_*#=~/\\"


def normalize_line(line: str) -> str:
    """Lower-cased, with runs of white space folded and decoration trimmed."""
    folded = " ".join(line.split()).lower().replace("’", "'")
    return folded.strip(_DECORATION).rstrip(".!").strip(_DECORATION)


def _whole(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(alternatives) + r")$", re.UNICODE)


_NAVIGATION = _whole(
    r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)",
    r"(?:jump|go) to (?:the )?(?:main )?content",
    r"back to (?:the )?top(?: button)?",
    r"(?:toggle|open|close) (?:navigation|menu|search)",
    r"(?:main )?menu|home|search|close|navigation|sections|more|next|previous",
    r"(?:next|previous) (?:article|story|post)",
    r"you are here",
)
_SHARING = _whole(
    r"share(?: this)?(?: article| story| page| post)?(?: on [\w ]{2,20})?",
    r"share (?:via|by) [\w ]{2,20}",
    r"click to (?:share|email|print)[\w ()]{0,40}",
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|print|copy link"
    r"|copy|tweet|messenger|flipboard)(?: (?:facebook|twitter|x|linkedin|whatsapp|telegram"
    r"|reddit|pinterest|email|print|copy link|copy|tweet|messenger|flipboard))*",
    r"\d+ shares?",
    r"(?:listen to|print) this (?:article|story)(?: [\w :]{0,20})?",
    r"\d+ min(?:ute)?s? read",
)
_COMMENTS_EN = _whole(
    r"leave a (?:reply|comment)(?: cancel reply)?",
    r"cancel reply",
    r"comments? (?:are|is) (?:closed|disabled|off)",
    r"\d* ?comments?",
    r"no comments?(?: yet)?",
    r"(?:post|add|write|view|show|hide|load|read) (?:a |the |all )?comments?",
    r"join the (?:conversation|discussion)",
    r"be the first to comment",
    r"your email address will not be published.*",
    r"required fields are marked.*",
    r"you must be logged in to (?:post a )?comment",
    r"(?:log|sign) in to (?:post a )?comment",
    r"giphy app key not set.*",
)
# Comment and log-in prompts of other languages, matched as a part of the line: sites
# leave them in the language of the site, which is often not the article's.
_COMMENTS_OTHER = re.compile(
    "|".join(
        (
            r"yorum yap",  # Turkish
            r"üye (?:girişi|değilseniz|olun)",
            r"kommentar(?:e)? (?:schreiben|verfassen|hinterlassen)",  # German
            r"hinterlasse einen kommentar",
            r"müssen (?:sie )?angemeldet sein",
            r"laiss(?:er|ez) un commentaire",  # French
            r"vous devez (?:être connecté|vous connecter)",
            r"(?:publier|ajouter|écrire) un commentaire",
            r"dej(?:a|ar) (?:un|tu|una) (?:comentario|respuesta)",  # Spanish
            r"debes (?:iniciar sesión|estar registrado|estar conectado)",
            r"deix(?:e|ar) (?:um|seu|uma) (?:comentário|resposta)",  # Portuguese
            r"(?:você )?precisa (?:fazer login|estar logado)",
            r"lascia un commento",  # Italian
            r"devi (?:essere connesso|effettuare il login)",
            r"laat een reactie achter",  # Dutch
            r"je moet (?:ingelogd|aangemeld) zijn",
            r"(?:dodaj|zostaw|napisz) komentarz",  # Polish
            r"musisz (?:być zalogowany|się zalogować)",
            r"остав(?:ить|ьте) (?:комментарий|отзыв)",  # Russian
            r"чтобы (?:оставить|написать) комментарий",
            r"залиш(?:ити|те) коментар",  # Ukrainian
            r"(?:اترك|أضف) (?:تعليقا|تعليق|ردا)",  # Arabic
            r"tinggalkan (?:balasan|komentar)",  # Indonesian
            r"để lại (?:bình luận|một bình luận)",  # Vietnamese
            r"コメントを(?:残す|書く|する)",  # Japanese
            r"(?:发表|添加)评论",  # Chinese
            r"댓글(?:을)? (?:남기|달기|작성)",  # Korean
        )
    ),
    re.UNICODE,
)
_RELATED = _whole(
    r"source(?: link)?|via|sources?: [\w .,-]{2,60}",
    r"related(?: articles?| stories| posts| news| content| coverage| topics| links)?",
    r"(?:read|see) (?:more|also|next)(?:: .{0,200})?",
    r"(?:also read|more from [\w .]{2,40}|more on this story|more stories|recommended(?: for you)?)"
    r"(?:: .{0,200})?",
    r"you (?:may|might) (?:also )?(?:like|be interested in)",
    r"(?:trending|most (?:read|popular|viewed)|top stories|latest news|popular posts)(?: now)?",
    r"(?:advertisement|ad|sponsored(?: content)?|promoted)",
    r"story continues below(?: advertisement)?",
    r"continue reading(?: below| the main story)?",
    r"(?:subscribe|sign up|register)(?: (?:now|today|for free|to .{0,80}|for .{0,80}))?",
    r"(?:get|download) (?:our|the) (?:app|newsletter)(?: .{0,60})?",
    r"follow us(?: on .{0,60})?",
    r"click here(?: to .{0,80})?",
    r"(?:image|photo|video) (?:source|caption|copyright|credit)s?(?:: .{0,120})?",
    r"tags?: .{0,200}",
)
# Reprint and licensing notices publishers print above or below every article.
_REPRINTS = _whole(
    r"(?:[\w.&]+ ){0,3}reprints?(?:: .{0,400})?",
    r"this copy is for your personal,? non-?commercial use only.{0,300}",
    r"to order presentation-ready copies.{0,300}",
    r"distribution and use of this material (?:are|is) governed by .{0,200}",
)
_LINE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_NAVIGATION, "navigation"),
    (_SHARING, "share buttons"),
    (_COMMENTS_EN, "comment prompt"),
    (_RELATED, "link or promotion"),
    (_REPRINTS, "reprint notice"),
)


def is_time_stamp(line: str) -> bool:
    """Whether a line is a page's time stamp and nothing more: "Tuesday, May 24, 2005",
    "PUBLISHED: WEDNESDAY, MARCH 13, 2013, 12:38 AM", "22 July 2013 Last updated at 17:50
    GMT". A report's own words about a day have a verb; a stamp has none."""
    found = re.findall(r"[^\W_]+", line.lower())
    if not found or len(found) > _STAMP_WORDS:
        return False
    if not all(word in _STAMP_VOCABULARY or _STAMP_NUMBER.fullmatch(word) for word in found):
        return False
    dated = any(word in CALENDAR_WORDS or _YEAR.fullmatch(word) for word in found)
    timed = found[0] in _STAMP_VERBS and any(_STAMP_NUMBER.fullmatch(word) for word in found)
    return dated or timed  # "Updated 4:08 p.m. ET"


def furniture_reason(line: str) -> str | None:
    """Why `line` is page furniture by its own words alone, or None."""
    normalized = normalize_line(line)
    if not normalized:
        return None
    for pattern, reason in _LINE_PATTERNS:
        if pattern.match(normalized):
            return reason
    return _notice_reason(line, normalized)


def _notice_reason(line: str, normalized: str) -> str | None:
    """Why a short line is furniture by what it holds: a comment prompt, a page notice, a
    leading photo credit, a time stamp."""
    if len(normalized) <= 200 and _COMMENTS_OTHER.search(normalized):
        return "comment prompt"
    if (len(normalized) <= _NOTICE_LENGTH and _PAGE_NOTICES.search(normalized)) or (
        len(normalized) <= _ARCHIVE_NOTE_LENGTH and _ARCHIVE_NOTES.search(normalized)
    ):
        return "page notice"
    if len(line) <= _NOTICE_LENGTH and _LEADING_PHOTO_CREDIT.match(line):
        return "photo caption"
    if len(line) <= _CAPTION_LENGTH and _PLAYER_LABEL.match(line):
        return "photo or video caption"
    if is_time_stamp(line):
        return "time stamp"
    return None


# Time stamps: at most this many words, each a calendar word, a number or a stamp's word.
_STAMP_WORDS = 16
_STAMP_VOCABULARY = CALENDAR_WORDS | {
    *("published", "updated", "posted", "modified", "last", "first", "time", "date", "at"),
    *("on", "am", "pm", "a", "m", "p", "gmt", "utc", "bst", "cet", "cest", "et", "est"),
    *("edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "aest", "ist"),
}
_STAMP_VERBS = frozenset({"published", "updated", "posted", "modified"})
_STAMP_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th|am|pm)?")
_YEAR = re.compile(r"(?:19|20)\d\d")

# Notices of the page around an article, found inside short lines: newsletter offers, video
# players that did not load, the print issue, web archive crawl notes.
_NOTICE_LENGTH = 400
_PAGE_NOTICES = re.compile(
    "|".join(
        (
            r"breaking news emails get breaking news alerts",
            r"get breaking news alerts and special reports",
            r"the news and stories that matter,? delivered",
            r"(?:the )?interactive transcript could not be loaded",
            r"rating is available when the video has been rented",
            r"this feature is not available right now",
            r"this (?:story|article) appears in the [\w ,]{3,40} issue of",
            r"added to the wayback machine",
            # An editor's note on when the piece first ran ("This post originally ran in
            # April 2013."): it opens the line. One naming where it first ran ("This article
            # was originally published by Futurism") is a credit, which provenance reads
            # to tell the copy from its origin, and stays.
            r"^(?:editor'?s note:? )?(?:an? (?:earlier |different |shorter )?version of )?"
            r"this (?:story|article|post|piece|column|essay|interview|review) "
            r"(?:was |has been |had been )?(?:originally|first) "
            r"(?:ran|run|appeared|published|posted|aired) (?:in|on|at) (?:\d|(?:jan|feb|mar"
            r"|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|last|earlier)"
            r"[a-z]*\b)",
            # A site's offer to follow a topic ("Add Donald Trump as an interest to stay up
            # to date on the latest ...", then its button, "Add Interest").
            r"^add [\w .'’-]{2,60} as an interest to stay up to date",
            r"^add interest$",
        )
    )
)
# The web archive's notes on its crawls, which a page saved by it may hold and nothing else
# (a paragraph of several sentences: "These crawls are part of an effort to archive pages
# as they are created ... The goal is to fix all broken links on the web."). Their wording
# is the archive's own, so a longer paragraph holding it is still the note.
_ARCHIVE_NOTE_LENGTH = 1500
_ARCHIVE_NOTES = re.compile(
    r"crawls? (?:are|is) part of an effort to archive pages"
    r"|donating their crawl data to the internet archive"
    r"|web collections curated by [\w .'-]{2,60} using the archive-it service"
)
# A caption that opens with its photo credit: "Gerard Julien / AFP / Getty Images Pope
# John Paul II prays ...".
_LEADING_PHOTO_CREDIT = re.compile(
    r"^\s*(?:[A-Z][\w.'-]+ ){1,3}?/ (?:[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)* / )?"
    r"(?:Getty Images|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock)\b"
)


# A caption that opens with the label of the player or gallery it sat in: a video's "CLOSE"
# button ("CLOSE Vanderbilt Chancellor Nicholas S. Zeppos discusses why ..."), a station's
# "EMBED More News Videos", a photo's "Buy Photo" link (often glued to the story's
# highlights, which repeat its lead), a gallery's "Hide Caption 9 of 43", a player's
# "Enlarge this image toggle caption", the BBC's "Media playback is unsupported on your
# device Media caption ..." and "Image copyright Getty Images Image caption ...".
_CAPTION_LENGTH = 1000
_PLAYER_LABEL = re.compile(
    r"^\s*(?:(?:CLOSE|EMBED|Buy Photo)\s+(?=\S)|Hide Caption \d+ of \d+\b|Enlarge this image\b"
    r"|Media playback is unsupported on your device\b|Media caption\b"
    r"|Image copyright\b.{0,80}?\bImage caption\b|Image caption\b)"
)


# Aggregators and content farms explain themselves in a stock paragraph.
_DISCLAIMER = re.compile(
    "|".join(
        (
            r"is an? (?:automatic|automated) (?:news )?aggregator",
            r"all trademarks belong to their (?:rightful )?owners",
            r"all materials (?:belong )?to their authors",
            r"if you are the owner of (?:the|this) content",
            r"will be (?:deleted|removed) within \d+ hours",
            r"hyperlink to the (?:primary|original) source",
            r"(?:this|the) (?:story|article|post) (?:was|has been) (?:automatically )?"
            r"(?:generated|published|posted|aggregated) from (?:an? )?(?:rss|syndicated|wire)",
            r"has not been edited by [\w .]{2,40} staff",
            r"(?:is )?(?:auto-generated|published) from a (?:syndicated|wire agency) feed",
            r"without modifications to the text",
        )
    ),
    re.IGNORECASE,
)
_AGGREGATOR_NAME = re.compile(
    r"^\s*(?P<name>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}) is an? (?:automatic|automated)"
    r" (?:news )?aggregator"
)


def is_disclaimer(line: str) -> bool:
    """Whether `line` is an aggregator or syndication disclaimer."""
    return len(line) <= 1500 and _DISCLAIMER.search(line) is not None


def aggregator_name(line: str) -> str | None:
    """The aggregator a disclaimer names ("X is an automatic aggregator ..."), or None."""
    match = _AGGREGATOR_NAME.match(line)
    return match.group("name") if match else None


_SPEAKER_LABEL = re.compile(
    r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?: ?// ?[^:]{1,80})?:\s+\S", re.UNICODE
)


def has_speaker_label(line: str) -> bool:
    """A transcript line: "Ian Toner: ..." or "Jane Doe // Reporter: ..."."""
    return _SPEAKER_LABEL.match(line) is not None


def is_all_caps(line: str, minimum_letters: int = 12) -> bool:
    """Whether nearly all the letters of `line` (after a speaker label) are capitals."""
    body = line.split(":", 1)[1] if has_speaker_label(line) else line
    letters = [char for char in body if char.isalpha()]
    if len(letters) < minimum_letters:
        return False
    upper = sum(1 for char in letters if char.isupper())
    return upper / len(letters) >= 0.9
