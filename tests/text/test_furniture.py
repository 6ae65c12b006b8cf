from __future__ import annotations

import pytest

from newsfuse.text import furniture


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "Back to top button",
        "Share",
        "» Share this article",
        "Share on Facebook",
        "Facebook Twitter Email",
        "Leave a Reply",
        "Comments are closed.",
        "12 Comments",
        "Your email address will not be published. Required fields are marked *",
        "You must be logged in to post a comment.",
        "Source link",
        "Related Articles",
        "Read more: Council approves new ferry timetable",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Sign up for our newsletter",
        "GIPHY App Key not set. Please check settings",
        "Order Reprints",
        "Breaking News Emails Get breaking news alerts and special reports. The news and "
        "stories that matter, delivered weekday mornings.",
        "The interactive transcript could not be loaded.",
        "Rating is available when the video has been rented.",
        "This story appears in the December 12, 2017 issue of Forbes.",
        "These crawls are part of an effort to archive pages as they are created.",
        # The web archive's note as a whole paragraph, longer than other notices.
        "These crawls are part of an effort to archive pages as they are created and archive "
        "the pages that they refer to. That way, as the pages that are referenced are changed "
        "or taken from the web, a link to the version that was live when the page was written "
        "will be preserved. Then the Internet Archive hopes that references to these archived "
        "pages will be put in place of a link that would be otherwise be broken, or a "
        "companion link to allow people to see what was originally intended by a page's "
        "authors. The goal is to fix all broken links on the web.",
        "This is a set of web collections curated by Ann Lee using the Archive-It service of "
        "the Internet Archive. They include web captures of the harbor's website.",
        # An editor's note on when the piece first ran.
        "This column originally ran in May 2019. We are running it again for the anniversary.",
        "Editor's note: A version of this article first appeared on Monday in print.",
        "This story was originally posted at 1:47 p.m. Monday:",
        "Gerard Julien / AFP / Getty Images Pope John Paul II prays at the cathedral.",
        # Captions a video player or a gallery leaves, opened by its label.
        "CLOSE The harbor master explains why the bridge was closed. Harbor News",
        "EMBED More News Videos A ship hits the Alder Bay bridge. Watch the report at 6 p.m.",
        "Buy Photo Workers inspect the bridge on Monday. (Photo: Ann Lee / The Courier)Buy Photo "
        "Story Highlights The bridge will be closed for weeks.",
        "Hide Caption 9 of 43 Photos: The search for the ship A tug leaves the harbour on May 2.",
        "Hide Caption 43 of 43",
        "Enlarge this image toggle caption Ann Lee/Harbor News Ann Lee/Harbor News",
        "Add Alder Bay as an interest to stay up to date on the latest Alder Bay news.",
        "Add Interest",
        "Media playback is unsupported on your device Media caption The harbour master: "
        '"We do not know who is in charge"',
        "Image copyright Getty Images Image caption The old harbour wall was built in 1850",
        # Time stamps of the page.
        "Thursday, December 11, 2008",
        "PUBLISHED: WEDNESDAY, MARCH 13, 2013, 12:38 AM",
        "22 July 2013 Last updated at 17:50 GMT",
        "Updated 4:08 p.m. ET",
        "Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order "
        "presentation-ready copies for distribution to your colleagues, use the Order Reprints "
        "tool at the bottom of any article.",
    ],
)
def test_english_furniture_lines_are_recognised(line: str) -> None:
    assert furniture.furniture_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Yorum yapabilmek için üye girişi yapmanız gerekmektedir.",
        "Debes iniciar sesión para publicar un comentario.",
        "Vous devez être connecté pour publier un commentaire.",
        "Sie müssen angemeldet sein, um einen Kommentar zu schreiben.",
        "Lascia un commento",
        "Оставить комментарий",
        "Tinggalkan Balasan",
        "コメントを残す",
    ],
)
def test_comment_prompts_in_other_languages_are_recognised(line: str) -> None:
    assert furniture.furniture_reason(line) == "comment prompt"


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply after the announcement, traders said.",
        "The minister declined to comment on the reports of troop movements.",
        "Comments by the ambassador drew a sharp rebuke from Moscow.",
        "Source: a senior official who spoke on condition of anonymity told reporters the talks had stalled.",
        "Home prices in the capital rose 4 percent last year.",
        "International",
        "The reprints of the 1950 edition sold well in the spring, he said.",
        "Police said officials get news alerts by text and the video was rented.",
        "The report appears in the latest issue of the journal, he said.",
        "Smith / the spokesman said the AP had the story first.",
        "The vote is on May 24, 2005.",
        "Posted to Ukraine on March 3, he served two years.",
        "Close to 28,000 vehicles cross the bridge on a normal weekday.",
        "CLOSER ties with Kyiv were on the agenda, the minister said.",
        "The report was first published by the ministry on Monday, officials said.",
        "Image captions on the site were wrong for a week, the editor said.",
        "He said the story originally ran in a local paper before it spread online.",
        "The archive said its crawls of the harbor site were part of a wider effort, and "
        "that the pages it saved would stay online for anyone to read for years to come.",
        # Where a piece first ran is a credit provenance reads, not furniture.
        "This article was originally published by Harbor Science. Read the original article.",
        "Originally published on Harbor Science.",
    ],
)
def test_article_sentences_are_not_furniture(line: str) -> None:
    assert furniture.furniture_reason(line) is None


def test_aggregator_disclaimer_names_the_aggregator() -> None:
    line = (
        "NewsHub24 is an automatic aggregator of the all world's media. All trademarks belong "
        "to their rightful owners. The content will be deleted within 24 hours."
    )
    assert furniture.is_disclaimer(line)
    assert furniture.aggregator_name(line) == "NewsHub24"
    assert not furniture.is_disclaimer("The aggregator of regional data was updated on Monday.")


def test_transcript_lines() -> None:
    assert furniture.has_speaker_label("Ian Toner: THE TALKS WILL GO ON.")
    assert furniture.has_speaker_label("Jane Doe // Reporter: the talks will go on.")
    assert not furniture.has_speaker_label("The talks will go on, he said: maybe.")
    assert furniture.is_all_caps("Ian Toner: RUSSIA IS SENDING SIGNS OF CALM.")
    assert not furniture.is_all_caps("NATO and the EU met in Brussels on Tuesday.")
    assert not furniture.is_all_caps("USA")
