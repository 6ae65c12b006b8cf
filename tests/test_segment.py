from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.models import CleanText, MapPiece
from newsfuse.segment import segment, table_rows


def _clean(text: str) -> CleanText:
    return CleanText("a", text, (MapPiece(0, 0, len(text)),) if text else (), ())


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "On Tuesday, U.S. Ambassador to NATO Julianne Smith said the U.S. will verify it. "
        "Maj. Gen. Igor Konashenkov spoke at 3 p.m. on Feb. 14 in Moscow."
    )
    assert [s.text for s in segment(_clean(text))] == [
        "On Tuesday, U.S. Ambassador to NATO Julianne Smith said the U.S. will verify it.",
        "Maj. Gen. Igor Konashenkov spoke at 3 p.m. on Feb. 14 in Moscow.",
    ]


def test_paragraphs_are_never_joined_and_are_numbered() -> None:
    text = "Headline without a stop\n\nFirst sentence here. Second one.\n\nThird paragraph."
    sentences = segment(_clean(text))
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Headline without a stop", 0),
        ("First sentence here.", 1),
        ("Second one.", 1),
        ("Third paragraph.", 2),
    ]


def test_a_bracketed_credit_joins_the_sentence_before() -> None:
    sentences = segment(_clean("Troops left the base on Tuesday. (Reuters)"))
    assert [s.text for s in sentences] == ["Troops left the base on Tuesday. (Reuters)"]


def test_a_sentence_broken_by_a_stray_full_stop_stays_whole() -> None:
    text = (
        "Talks aim to reach written agreements. between Russia and the West, he said. -he "
        "declares. iPhone sales rose."
    )
    assert [s.text for s in segment(_clean(text))] == [
        "Talks aim to reach written agreements. between Russia and the West, he said. -he declares.",
        "iPhone sales rose.",
    ]


def test_sentences_a_scraper_glued_together_are_told_apart() -> None:
    text = (
        'The assistant stood by as this was taking place."Each child winced," a prosecutor'
        ' said, adding that burn marks began to appear.Later in the day, "it was over."Police'
        " left at 5 p.m.Then the U.S.Army came."
    )
    assert [s.text for s in segment(_clean(text))] == [
        "The assistant stood by as this was taking place.",
        '"Each child winced," a prosecutor said, adding that burn marks began to appear.',
        'Later in the day, "it was over."',
        "Police left at 5 p.m.Then the U.S.Army came.",
    ]


def test_an_enormous_paragraph_is_cut_into_pieces_that_cover_it() -> None:
    text = "word " * 12_000 + "end."
    sentences = segment(_clean(text))
    assert sentences[0].start == 0 and sentences[-1].end == len(text)
    assert all(s.end - s.start <= 20_000 for s in sentences)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from("ab .?!\"“”'"), min_size=1, max_size=40), max_size=6)
)
def test_offsets_always_point_into_the_text(paragraphs: list[str]) -> None:
    text = "\n\n".join(p.strip() for p in paragraphs if p.strip())
    sentences = segment(_clean(text))
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text == sentence.text.strip()
        previous_end = sentence.end


def test_the_rows_of_a_table_make_no_sentence() -> None:
    text = (
        "The standings after the last round.\n\n| Team | Points |\n\n| Harbour City | 41 |\n"
        "| Millbrook | 38 |\n\nThe season ends in May."
    )
    sentences = segment(_clean(text))
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("The standings after the last round.", 0),
        ("The season ends in May.", 3),
    ]


def test_the_rows_of_a_table_are_found_where_they_lie() -> None:
    text = "Results.\n\n| Ayes | 212 |\n| Noes | 198 |\n\nA pipe | inside a sentence is no row."
    rows = table_rows(text)
    assert [text[start:end] for start, end in rows] == ["| Ayes | 212 |\n| Noes | 198 |"]
