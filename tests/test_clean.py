from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.clean import clean_article
from newsfuse.models import Article

from .conftest import make_article

BODY = [
    "A container ship lost power and drifted into the harbor bridge on Monday morning, "
    "forcing the city to close the crossing to all traffic.",
    "Two tugboats reached the vessel within minutes, but the tide carried it against the "
    "bridge before they could hold it, the harbor master said.",
    '"The structure is standing, but nobody drives across until engineers have checked it," '
    "the mayor told reporters at the harbor on Monday.",
    "About 28,000 vehicles cross the bridge on a normal weekday, according to figures "
    "published by the city transport office.",
]
TITLE = "Cargo ship strikes harbor bridge, closing main crossing"


def _text(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def _removed(article: Article) -> dict[str, str]:
    clean = clean_article(article)
    return {article.raw_text[r.start : r.end]: r.reason for r in clean.removals}


def test_body_is_kept_whole_and_furniture_removed() -> None:
    raw = _text(
        "Skip to main content",
        "World",
        TITLE,
        "Share",
        *BODY,
        "Source link",
        "Leave a Reply",
        "Council approves new ferry timetable",
        "Storm warning for the coast this weekend",
    )
    article = make_article(raw)
    clean = clean_article(article)
    assert clean.text == "\n\n".join(BODY)
    removed = _removed(article)
    assert removed[TITLE] == "headline (kept as the title)"
    assert removed["Skip to main content"] == "navigation"
    assert removed["World"] == "page furniture before the article"
    assert removed["Council approves new ferry timetable"].startswith("page furniture after")


def test_everything_after_an_end_marker_goes_even_if_it_reads_like_a_sentence() -> None:
    related = "Germany's chancellor meets the president as the tone of the crisis shifts."
    article = make_article(_text(TITLE, *BODY, "Source link", related))
    assert related not in clean_article(article).text


def test_the_article_goes_on_after_a_promotion_of_the_outlets_app() -> None:
    # Pages set "get our app" inside an article's last lines: what follows it and names
    # the article's people is the article; a teaser or a question after it is not.
    body = [*BODY, "Harbor master Ines Calder said the tide had turned within minutes."]
    going_on = "Calder added that the bridge would reopen to cyclists on Friday."
    teaser = "Germany's chancellor meets the president as the tone of the crisis shifts."
    asking = "Will Calder's port close again this winter?"
    raw = _text(TITLE, *body, "CLICK HERE TO GET THE COAST NEWS APP", going_on, teaser, asking)
    article = make_article(raw)
    text = clean_article(article).text
    assert text.endswith(going_on)
    removed = _removed(article)
    assert removed[teaser] == removed[asking] == "page furniture after the end of the article"
    # A link to elsewhere still ends the article, whatever follows it.
    article = make_article(_text(TITLE, *body, "Source link", going_on))
    assert going_on not in clean_article(article).text


def test_a_list_the_article_announces_after_its_last_paragraph_stays() -> None:
    listed = (
        "The crossing's repair schedule this year:",
        "May 4 -- deck inspection",
        "June 9 -- new cables",
    )
    teaser = (
        "Related stories:",
        "Council approves new ferry timetable",
        "Storm warning for the coast",
    )
    article = make_article(_text(TITLE, *BODY, *listed, *teaser))
    clean = clean_article(article)
    assert clean.text.endswith("\n\n".join(listed))
    removed = _removed(article)
    assert all(line in removed for line in teaser)


def test_a_short_closing_sentence_before_any_end_marker_stays() -> None:
    closing = "We are calm. We are strong."
    article = make_article(_text(TITLE, *BODY, closing))
    assert clean_article(article).text.endswith(closing)


def test_repeated_headline_and_repeated_paragraph_are_removed() -> None:
    article = make_article(
        _text(TITLE, TITLE.removesuffix(", closing main crossing"), *BODY, BODY[1])
    )
    clean = clean_article(article)
    assert clean.text.count(BODY[1]) == 1
    assert "repeats the headline" in _removed(article).values()


def test_broadcast_transcript_that_repeats_the_article_is_removed() -> None:
    transcript = [
        "Anchor Jane Roe: A CONTAINER SHIP LOST POWER AND DRIFTED INTO THE HARBOR BRIDGE ON MONDAY.",
        "THE CITY CLOSED THE CROSSING TO ALL TRAFFIC.",
        "Mayor // City of Port Alder: The structure is standing, but nobody drives across.",
        "TWO TUGBOATS REACHED THE VESSEL BUT THE TIDE CARRIED IT AGAINST THE BRIDGE.",
    ]
    article = make_article(_text(TITLE, *BODY) + "\n".join(transcript) + "\n")
    clean = clean_article(article)
    assert clean.text == "\n\n".join(BODY)
    assert set(_removed(article).values()) >= {"broadcast transcript repeating the article"}


def test_an_original_all_caps_transcript_is_kept() -> None:
    transcript = [
        "Host: WELCOME BACK TO THE EVENING SHOW ABOUT GARDENING.",
        "TODAY WE PLANT TOMATOES AND BASIL IN LARGE POTS.",
        "REMEMBER TO WATER THEM EVERY MORNING BEFORE WORK.",
    ]
    article = make_article("\n".join(transcript) + "\n")
    assert "PLANT TOMATOES" in clean_article(article).text


def test_photo_caption_with_credit_is_removed() -> None:
    caption = "The ship rests against the bridge on Monday. (Coast Photo Agency)"
    article = make_article(_text(TITLE, BODY[0], caption, *BODY[1:]))
    assert _removed(article)[caption] == "photo or video caption (Coast Photo Agency)"


def test_a_caption_credited_to_a_wire_agency_is_removed_whole() -> None:
    # The agency's name closing a caption is what tells it a caption: the credits cut off
    # a last sentence ("(Editing by ...)") must not take it first.
    caption = "The ship rests against the bridge on Monday. (Reuters)"
    article = make_article(_text(TITLE, BODY[0], caption, *BODY[1:]))
    assert _removed(article)[caption] == "photo or video caption (Reuters)"


def test_foreign_comment_prompt_and_foreign_tail_lines_are_removed() -> None:
    foreign = "Üye değilseniz hemen üye olun veya giriş yapın."
    other = "Dieser Artikel wurde automatisch aus einem Nachrichtenfeed übernommen und gespeichert."
    article = make_article(_text(TITLE, *BODY, foreign, other))
    clean = clean_article(article)
    assert foreign not in clean.text and other not in clean.text
    assert clean.language == "en"


def test_dateline_opening_the_first_paragraph_is_removed() -> None:
    article = make_article(_text(TITLE, "PORT ALDER (Coast Wire) — " + BODY[0], *BODY[1:]))
    clean = clean_article(article)
    assert clean.text.startswith("A container ship")
    assert "dateline" in _removed(article).values()


def test_an_agency_glued_after_the_last_sentence_is_cut_and_the_paragraph_kept() -> None:
    last = BODY[-1] + " PTI"
    article = make_article(_text(TITLE, *BODY[:-1], last))
    assert clean_article(article).text == "\n\n".join(BODY)
    assert _removed(article)[" PTI"] == "rule or credits after the last sentence"


def test_a_last_paragraph_of_several_sentences_is_kept_whatever_ends_it() -> None:
    last = (
        '"We had tugs alongside in four minutes, but four minutes is a long time with a '
        "spring tide running. Nobody could have held her. The bridge did what it was built to "
        'do, and the engineers will tell us the rest by Friday." Harbor master Ines Okafor'
    )
    related = "Council approves new ferry timetable"
    article = make_article(_text(TITLE, *BODY, last, related))
    assert clean_article(article).text == "\n\n".join([*BODY, last])


def test_credits_in_brackets_after_the_last_sentence_are_cut_and_the_paragraph_kept() -> None:
    last = (
        BODY[-1] + " (Additional reporting by Ann Lee; Editing by Tom Berg)"
        " ((ann.lee@wire.example; +1 555 0100))"
    )
    article = make_article(_text(TITLE, *BODY[:-1], last))
    assert clean_article(article).text == "\n\n".join(BODY)


def test_a_dateline_of_a_day_and_an_agency_is_removed() -> None:
    article = make_article(_text(TITLE, "Dec 17 (Coast Wire) - " + BODY[0], *BODY[1:]))
    assert clean_article(article).text.startswith("A container ship")


def test_a_dateline_below_a_standfirst_is_found() -> None:
    standfirst = "The crossing will stay shut for weeks."
    article = make_article(
        _text(TITLE, standfirst, "PORT ALDER (Coast Wire) — " + BODY[0], *BODY[1:])
    )
    assert clean_article(article).text == "\n\n".join([standfirst, *BODY])


def test_a_dateline_below_a_standfirst_of_a_whole_sentence_is_found() -> None:
    standfirst = (
        "A container ship that lost power drifted into the Alder Bay bridge on Monday, and the "
        "city says the crossing will stay shut for weeks while engineers inspect its piers."
    )
    article = make_article(_text(TITLE, standfirst, "PORT ALDER — " + BODY[0], *BODY[1:]))
    assert clean_article(article).text == "\n\n".join([standfirst, *BODY])


def test_a_dateline_of_a_town_and_its_state_in_mixed_case_is_removed() -> None:
    for dateline in ("Port Alder, WA – ", "Port Alder, Wash. — "):
        article = make_article(_text(TITLE, dateline + BODY[0], *BODY[1:]))
        assert clean_article(article).text == "\n\n".join(BODY)
    # A company's name and its suffix open a sentence of the article.
    company = make_article(_text(TITLE, "Alder Shipping, Inc. – " + BODY[0], *BODY[1:]))
    assert clean_article(company).text.startswith("Alder Shipping, Inc. – A container ship")


def test_the_outlets_own_name_opening_the_body_as_a_dateline_is_removed() -> None:
    article = replace(
        make_article(_text(TITLE, "HarbourNews.net - " + BODY[0], *BODY[1:])),
        outlet="HarbourNews.net",
    )
    assert clean_article(article).text == "\n\n".join(BODY)
    # Another name before a dash is the article's own words.
    other = replace(
        make_article(_text(TITLE, "Harbour Board - " + BODY[0], *BODY[1:])),
        outlet="HarbourNews.net",
    )
    assert clean_article(other).text.startswith("Harbour Board - A container ship")


def test_lines_without_words_are_removed_with_a_reason() -> None:
    article = make_article(_text(TITLE, BODY[0], "* * *", *BODY[1:]))
    assert _removed(article)["* * *"] == "no words (a rule or decoration)"


def test_a_rule_glued_to_the_last_paragraph_is_cut_and_the_paragraph_kept() -> None:
    # Pages end their body with a rule stuck to the last sentence; read as "not a sentence",
    # the article's last (here its longest) paragraph went as furniture after the article.
    last = BODY[-1] + " Engineers will inspect the piers on Tuesday.------"
    article = make_article(_text(TITLE, *BODY[:-1], last))
    assert clean_article(article).text == "\n\n".join([*BODY[:-1], last.removesuffix("------")])


def test_copyright_credit_and_disclaimer_lines_are_removed() -> None:
    tail = [
        "Jane Roe reported from Port Alder. Staff writers contributed to this report.",
        "Copyright © 2025 Coast Wire. All rights reserved.",
        "NewsHub24 is an automatic aggregator of the all world's media. All trademarks belong "
        "to their rightful owners, all materials to their authors.",
    ]
    article = make_article(_text(TITLE, *BODY, *tail))
    assert clean_article(article).text == "\n\n".join(BODY)


def test_mid_article_cross_heads_are_kept() -> None:
    article = make_article(_text(TITLE, *BODY[:2], "Traffic and buses", *BODY[2:]))
    assert "Traffic and buses" in clean_article(article).text


def test_cleaned_text_maps_back_to_the_raw_text() -> None:
    article = make_article(_text("Skip to main content", TITLE, *BODY, "Source link"))
    clean = clean_article(article)
    for piece in clean.pieces:
        assert (
            clean.text[piece.clean_start : piece.clean_start + piece.length]
            == article.raw_text[piece.raw_start : piece.raw_start + piece.length]
        )
    start = clean.text.index("Two tugboats")
    assert article.raw_text[clean.to_raw(start) :].startswith("Two tugboats")


def test_removals_do_not_overlap_kept_text() -> None:
    article = make_article(_text("Share", TITLE, *BODY, "Leave a Reply"))
    clean = clean_article(article)
    for removal in clean.removals:
        for piece in clean.pieces:
            assert piece.raw_start + piece.length <= removal.start or piece.raw_start >= removal.end


_line = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.lists(_line, max_size=12))
def test_cleaning_any_text_keeps_its_invariants(lines: list[str]) -> None:
    article = Article(id="x", path="x.txt", raw_text="\n".join(lines))
    clean = clean_article(article)
    assert "\n\n\n" not in clean.text
    for piece in clean.pieces:
        assert piece.raw_start >= 0 and piece.raw_start + piece.length <= len(article.raw_text)
        assert (
            clean.text[piece.clean_start : piece.clean_start + piece.length]
            == article.raw_text[piece.raw_start : piece.raw_start + piece.length]
        )
    for removal in clean.removals:
        assert 0 <= removal.start < removal.end <= len(article.raw_text)
