"""Articles and their sentences as rows of the store's tables, and back."""

from __future__ import annotations

import json

from newsfuse.models import Article, MetadataEvidence, Sentence

ARTICLE_COLUMNS = "id, path, url, outlet, title, published, author, credit, evidence, raw_text"


def article_row(article: Article) -> tuple[str | None, ...]:
    evidence = json.dumps([[e.field, e.value, e.how] for e in article.evidence], ensure_ascii=False)
    return (
        article.id,
        article.path,
        article.url,
        article.outlet,
        article.title,
        article.published,
        article.author,
        article.credit,
        evidence,
        article.raw_text,
    )


def article_from_row(row: tuple[str, ...]) -> Article:
    article_id, path, url, outlet, title, published, author, credit, evidence, raw_text = row
    return Article(
        id=article_id,
        path=path,
        raw_text=raw_text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        author=author,
        credit=credit,
        evidence=tuple(MetadataEvidence(*item) for item in json.loads(evidence)),
    )


def sentences_of(article_id: str, text: str, rows: list[list[int]]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(article_id, index, start, end, text[start:end], paragraph)
        for index, (start, end, paragraph) in enumerate(rows)
    )
