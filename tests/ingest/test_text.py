from __future__ import annotations

from newsfuse.ingest.text import find_headline, read_markdown, read_plain_text


def test_headline_is_a_short_first_line_without_final_punctuation() -> None:
    assert find_headline("Ship hits bridge; crossing shut\n\nA ship hit the bridge.") == (
        "Ship hits bridge; crossing shut"
    )
    assert find_headline("A ship hit the bridge on Monday, officials said.\n\nMore text.") is None
    assert find_headline("Bridge\n\nA ship hit the bridge.") is None


def test_furniture_and_section_labels_above_the_headline_are_passed_over() -> None:
    text = "Skip to main content\nInternational\n\nShip hits bridge after engine fails\n\nBody."
    assert find_headline(text) == "Ship hits bridge after engine fails"


def test_plain_text_keeps_the_whole_text_and_says_how_the_title_was_found() -> None:
    fields = read_plain_text("a.txt", "Ship hits bridge after engine fails\n\nBody text here.")
    assert fields.raw_text.startswith("Ship hits bridge")
    assert fields.found_by[0].how == "first line of the text"


def test_markdown_front_matter_heading_and_markup() -> None:
    text = (
        '---\ntitle: "Bridge closed"\nsource: Harbor Radio\npublished: 2025-03-03\n'
        "url: https://radio.example/a\nauthor: Dev Osei\n---\n\n# Bridge closed\n\n"
        "Commuters face **long** detours via the [Quarry tunnel](https://x.example/t).\n\n"
        '![map](map.png)\n\n> "It was empty," said a *baker*.\n'
    )
    fields = read_markdown("a.md", text)
    assert (fields.title, fields.outlet, fields.published, fields.url, fields.author) == (
        "Bridge closed",
        "Harbor Radio",
        "2025-03-03",
        "https://radio.example/a",
        "Dev Osei",
    )
    assert "Commuters face long detours via the Quarry tunnel." in fields.raw_text
    assert "https://" not in fields.raw_text and "map.png" not in fields.raw_text
    assert '"It was empty," said a baker.' in fields.raw_text


def test_markdown_without_front_matter_takes_the_first_heading() -> None:
    fields = read_markdown("a.md", "# Ship hits the bridge\n\nText.")
    assert fields.title == "Ship hits the bridge"
    assert fields.found_by[0].how == "first heading"
