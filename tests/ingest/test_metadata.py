from __future__ import annotations

from newsfuse.ingest.metadata import ArticleFields, article_id, complete


def _complete(text: str, **given: str) -> dict[str, str | None]:
    article = complete(ArticleFields(path="a.txt", raw_text=text, **given))  # type: ignore[arg-type]
    how = {e.field: e.how for e in article.evidence}
    return {
        "outlet": article.outlet,
        "published": article.published,
        "author": article.author,
        "credit": article.credit,
        "outlet_how": how.get("outlet"),
        "published_how": how.get("published"),
    }


BODY = "The talks resumed in Geneva after a week of pressure from both sides, officials said."


def test_given_metadata_wins_and_is_marked_as_given() -> None:
    found = _complete(f"LONDON (Reuters) - {BODY}", outlet="The Tribune", published="2025-03-03")
    assert found["outlet"] == "The Tribune" and found["outlet_how"] == "given by the input"
    assert found["credit"] == "Reuters"


def test_outlet_from_url_domain() -> None:
    found = _complete(BODY, url="https://www.tribune.example/news/1")
    assert (found["outlet"], found["outlet_how"]) == ("tribune.example", "URL domain")


def test_outlet_and_credit_from_a_dateline_byline() -> None:
    found = _complete(f"GENEVA (AP) — {BODY}")
    assert (found["outlet"], found["credit"]) == ("Associated Press", "Associated Press")


def test_aggregator_disclaimer_names_the_outlet_and_copyright_the_credit() -> None:
    text = (
        f"{BODY}\n\nCopyright © 2022 of the Associated Press. Copyright Registered.\n\n"
        "NewsHub24 is an automatic aggregator of the all world's media. All trademarks belong to "
        "their rightful owners."
    )
    found = _complete(text)
    assert (found["outlet"], found["outlet_how"]) == ("NewsHub24", "aggregator disclaimer")
    assert found["credit"] == "Associated Press"
    assert (found["published"], found["published_how"]) == ("2022", "copyright line (year only)")


def test_date_line_gives_the_date() -> None:
    found = _complete(f"Published: February 15, 2022 10:31 AM EST\n\n{BODY}")
    assert (found["published"], found["published_how"]) == ("2022-02-15", "date line")


def test_date_in_text_on_the_weekday_the_report_names() -> None:
    text = (
        "On Tuesday the ministry said units would return. Officials met again on Tuesday "
        "evening. The first withdrawals were filmed on 15 February 2022, and more are due "
        "on February 18."
    )
    found = _complete(text)
    assert found["published"] == "2022-02-15"


def test_no_date_is_guessed_without_a_matching_weekday() -> None:
    found = _complete(
        "On Tuesday officials met. On Tuesday they spoke. The vote is on 17 February 2022."
    )
    assert found["published"] is None


def test_byline_gives_the_author() -> None:
    assert _complete(f"By Jane Roe\n\n{BODY}")["author"] == "Jane Roe"


def test_ids_depend_on_content_only() -> None:
    one = ArticleFields(path="a.txt", raw_text=BODY)
    two = ArticleFields(path="b/c.txt", raw_text=BODY)
    assert article_id(one) == article_id(two)
    assert article_id(one) != article_id(ArticleFields(path="a.txt", raw_text=BODY + " "))
