"""The spaCy reading of texts: offsets kept, paragraphs and whole texts read once."""

from __future__ import annotations

from newsfuse.extract import nlp


def test_a_text_of_many_paragraphs_keeps_its_offsets() -> None:
    text = "The mayor spoke on Monday.\n\nThe bridge stays shut.\n\n\nBuses are diverted."
    doc = nlp.parse(text)
    assert doc.text == text
    assert [t.idx for t in doc if t.text == "Buses"] == [text.index("Buses")]


def test_a_text_read_again_is_the_same_document_until_others_push_it_out() -> None:
    text = "Engineers checked the bridge.\n\nThe ship's engine had failed."
    first = nlp.parse(text)
    assert nlp.parse(text) is first
    for number in range(nlp._TEXTS_REMEMBERED):
        nlp.parse(f"Report {number} came in.\n\nIt said little.")
    again = nlp.parse(text)
    assert again is not first and again.text == text
