from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.cli import EXIT_PARTIAL, main
from newsfuse.ingest import Limits, read_inputs
from newsfuse.ingest.feeds import FeedError, feed_items, opml_feeds
from newsfuse.ingest.fetch import FetchPolicy
from newsfuse.models import Article

from .conftest import LocalSite
from .test_html import PARAGRAPHS, _page

ARTICLE = _page("".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)).encode()
LONG_TEXT = " ".join(["The harbor authority said the crossing would stay closed for weeks."] * 6)


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbor news</title>
<item><title>Ship strikes bridge</title><link>{base}/ship</link>
  <pubDate>Mon, 03 Mar 2025 18:40:00 +0000</pubDate></item>
<item><title>Bridge to stay shut</title><link>{base}/gone</link>
  <content:encoded><![CDATA[<p>{LONG_TEXT}</p>]]></content:encoded></item>
<item><title>Trap</title><link>{base}/trap</link><description>Short.</description></item>
</channel></rss>""".encode()


def _policy(site: LocalSite) -> Limits:
    allowed = frozenset({site.host_port})
    return Limits(fetch=FetchPolicy(allowed_hosts=allowed, first_pause_seconds=0.01))


def _serve_feed(site: LocalSite) -> None:
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, _rss(site.base))
    site.routes["/ship"] = (200, {"Content-Type": "text/html"}, ARTICLE)
    site.routes["/trap"] = (302, {"Location": "http://127.0.0.1:1/private"}, b"")


def test_a_feed_url_gives_its_items_articles(site: LocalSite) -> None:
    _serve_feed(site)
    result = read_inputs([site.base + "/feed.xml"], _policy(site))
    [ship, shut] = result.articles
    assert isinstance(ship, Article) and ship.title == "Ship strikes bridge"
    assert "Two tugboats reached the vessel" in ship.raw_text
    # The page is gone: the feed's own full text stands in, with the item's title.
    assert shut.title == "Bridge to stay shut" and shut.raw_text.startswith("The harbor authority")
    [trap] = result.rejections
    assert trap.path == site.base + "/feed.xml"
    assert trap.where == f"item 3: {site.base}/trap"
    assert "resolves to a loopback address" in trap.reason


def test_a_page_url_is_an_article_and_refused_urls_are_named(site: LocalSite) -> None:
    site.routes["/ship"] = (200, {"Content-Type": "text/html"}, ARTICLE)
    result = read_inputs([site.base + "/ship", "http://127.0.0.1:1/x"], _policy(site))
    [article] = result.articles
    assert article.path == site.base + "/ship"
    [refused] = result.rejections
    assert refused.describe().startswith("http://127.0.0.1:1/x: refused: 127.0.0.1 resolves")


def test_an_opml_list_is_read_feed_by_feed(site: LocalSite, tmp_path: Path) -> None:
    _serve_feed(site)
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline text="Harbor" type="rss" xmlUrl="{site.base}/feed.xml"/>'
        '<outline text="Inside" xmlUrl="http://10.0.0.1/feed"/></body></opml>'
    )
    result = read_inputs([str(opml)], _policy(site))
    assert len(result.articles) == 2
    reasons = [r.describe() for r in result.rejections]
    assert any("feed http://10.0.0.1/feed" in r and "private address" in r for r in reasons)


def test_feed_formats_and_hostile_xml() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>One</title><link rel="alternate" href="https://a.example/1"/>
<updated>2025-03-03T18:40:00Z</updated><summary>Sum</summary></entry></feed>"""
    [entry] = feed_items(atom, 10)
    assert (entry.link, entry.title, entry.text) == ("https://a.example/1", "One", "Sum")
    assert entry.published and entry.published.startswith("2025-03-03")
    laughs = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>"""
    with pytest.raises(FeedError, match="declares entities"):
        feed_items(laughs, 10)
    with pytest.raises(FeedError, match="invalid XML"):
        feed_items(b"<rss><channel>", 10)
    with pytest.raises(FeedError, match="not an OPML"):
        opml_feeds(b"<rss/>")


def test_a_malformed_feed_is_read_as_far_as_a_feed_reader_can(tmp_path: Path) -> None:
    # An ampersand left unescaped, as real feeds have: strict XML refuses the whole feed.
    sloppy = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor & port</title>'
        b"<item><title>Ship & bridge</title><link>https://a.example/1</link>"
        b"<description>Crews & tugs.</description></item></channel></rss>"
    )
    [item] = feed_items(sloppy, 10)
    assert (item.link, item.title, item.text) == (
        "https://a.example/1",
        "Ship & bridge",
        "Crews & tugs.",
    )
    # What it is given is a document, never a file name or a URL to open.
    secret = tmp_path / "secret.txt"
    secret.write_text("<rss><channel><item><title>local file</title></item></channel></rss>")
    with pytest.raises(FeedError):
        feed_items(str(secret).encode(), 10)


def test_ingest_takes_urls_from_the_command_line(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve_feed(site)
    database = str(tmp_path / "news.db")
    arguments = ["ingest", site.base + "/feed.xml", "--db", database]
    assert main([*arguments, "--allow-host", site.host_port]) == EXIT_PARTIAL
    out, err = capsys.readouterr()
    assert "2 articles added" in out
    assert f"skipped {site.base}/feed.xml (item 3: {site.base}/trap)" in err
    # Without the allowance the test server itself is a loopback address: refused.
    assert main(arguments) == 1
    assert "resolves to a loopback address" in capsys.readouterr().err
