"""Crediting another outlet: the report that names the outlet it took its text from is the
later one, whatever its publication time says."""

from __future__ import annotations

import json

from newsfuse.models import Article, Source
from newsfuse.provenance import analyse
from newsfuse.provenance.credits import credited_by, outlet_names, quoted_by
from newsfuse.text.embed import default_encoder

from ..conftest import make_source

INTERVIEW = [
    "The country's top infectious disease expert said on Sunday that schools in most places could reopen in the fall with care.",
    "He said masks and distancing in classrooms would let most children return safely this year.",
    "Districts with rising case counts should wait until the spread slows, he added on the program.",
    "He also said a vaccine could be ready for wide use by the end of the year if trials go well.",
]
RETOLD = [
    "The country's top infectious disease expert told CNN's State of the Union on Sunday that schools in most places could reopen in the fall with care.",
    "He said masks and distancing in classrooms would let most children return safely this year.",
    "Districts with rising case counts should wait until the spread slows, he added on the program.",
    "He also said a vaccine could be ready for wide use by the end of the year if trials go well.",
]


def _article(outlet: str | None, url: str | None) -> Article:
    return Article(id=outlet or "x", path="p.txt", raw_text="", outlet=outlet, url=url)


def test_an_outlet_goes_by_its_name_and_its_web_address() -> None:
    assert outlet_names(_article("CNN", "https://edition.cnn.com/2020/a")) == {"cnn"}
    assert outlet_names(_article("The Guardian", None)) == {"guardian"}
    assert outlet_names(_article(None, "https://www.bbc.co.uk/news/1")) == {"bbc"}
    assert outlet_names(_article(None, None)) == frozenset()


def test_a_text_that_credits_an_outlet_came_after_it() -> None:
    articles = [_article("CNN", None), _article("Axios", None), _article("Reuters", None)]
    texts = [
        "CNN's own reporting found that CNN reported it first.",  # an outlet crediting itself
        "Fauci told CNN's State of the Union that schools could reopen.",
        "The talks failed, according to people familiar with them.",
    ]
    assert credited_by(articles, texts) == [{1}, set(), set()]
    # A name written as a plain word names no outlet.
    magazine = [_article("Time", None), _article("Axios", None)]
    assert credited_by(magazine, ["", "At the time reported figures were lower."]) == [set(), set()]
    assert credited_by(magazine, ["", "Time reported the figures first."]) == [{1}, set()]
    assert credited_by(articles, ["Axios first reported the plan.", "", ""]) == [
        set(),
        {0},
        set(),
    ]


def _json(sentences: list[str], published: str, outlet: str) -> Source:
    record = {
        "title": "Schools can reopen, expert says",
        "text": "\n\n".join(sentences),
        "published": published,
        "url": f"https://www.{outlet}.com/a",
    }
    return make_source(json.dumps(record), f"{outlet}.json", ".json")


def test_the_credited_outlet_is_the_origin_though_its_page_is_dated_later() -> None:
    # The retelling's page is dated earlier (a time of first draft, or a wrong one): it
    # still names the outlet whose interview it retells.
    interview = _json(INTERVIEW, "2020-07-12T18:00:00", "cnn")
    retold = _json(RETOLD, "2020-07-12T15:00:00", "axios")
    analysed = {s.article.url: s for s in analyse([retold, interview], default_encoder())}
    assert analysed["https://www.cnn.com/a"].provenance is not None
    assert analysed["https://www.cnn.com/a"].provenance.relation == "original"
    retelling = analysed["https://www.axios.com/a"].provenance
    assert retelling is not None
    assert retelling.relation != "original"
    assert retelling.origin == interview.id


POST = [
    "Starting today, every reader of the Harbor Gazette can download our archive back to 1921.",
    "We scanned more than two million pages over four years with help from the city library.",
    "The archive stays free for students and for anyone with a library card.",
]


def test_a_report_that_quotes_another_from_its_start_came_after_it() -> None:
    report = [
        "The Harbor Gazette opened its archive on Tuesday.",
        "In a post on its website, its editor wrote:",
        *POST,
        "The library said demand had doubled since the morning.",
    ]
    assert quoted_by([POST, report]) == [{1}, set()]
    # A colon before a sentence the other has further in is no quotation of it from its start.
    later = ["Readers were told:", POST[2]]
    assert quoted_by([POST, later]) == [set(), set()]


def test_the_post_a_report_quotes_whole_is_the_origin_though_the_report_is_fuller() -> None:
    post = make_source("Our archive is open\n\n" + "\n\n".join(POST) + "\n", "post.txt")
    report = make_source(
        "Gazette opens its archive\n\n"
        "The Harbor Gazette opened its archive to the public on Tuesday morning.\n\n"
        "In a post on its website, the paper's editor, Mara Lindqvist, wrote:\n\n"
        + "\n\n".join(POST)
        + "\n\nThe city library said requests for old issues had doubled since the morning.\n",
        "report.txt",
    )
    analysed = {s.article.path: s for s in analyse([report, post], default_encoder())}
    original = analysed["post.txt"].provenance
    quoting = analysed["report.txt"].provenance
    assert original is not None and original.relation == "original"
    assert quoting is not None and quoting.relation != "original"
    assert quoting.origin == post.id
