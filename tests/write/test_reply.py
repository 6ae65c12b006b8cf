from __future__ import annotations

from newsfuse.write.reply import Drafted, drafted_sentences


def test_each_sentence_is_cited_by_the_ids_at_its_own_end() -> None:
    reply = "The bridge closed. [F1]\nBuses were diverted [F2, F7].\nTwo were hurt [3]."
    assert drafted_sentences(reply) == [
        Drafted("The bridge closed.", (1,)),
        Drafted("Buses were diverted.", (2, 7)),
        Drafted("Two were hurt.", (3,)),
    ]


def test_a_sentence_before_another_ones_ids_cites_nothing() -> None:
    assert drafted_sentences("The bridge closed. Buses were diverted. [F4]") == [
        Drafted("The bridge closed.", ()),
        Drafted("Buses were diverted.", (4,)),
    ]


def test_titles_and_initials_do_not_end_a_sentence() -> None:
    reply = "Mr. Renn and the U.S. Navy met Dr. Okafor at 7 a.m. on the quay. [F2]"
    assert drafted_sentences(reply) == [Drafted(reply.removesuffix(" [F2]"), (2,))]


def test_list_markers_fences_and_round_brackets_are_read_loosely() -> None:
    reply = "```\n- The bridge closed (F1).\n2. Buses were diverted [F2][F3]\n```"
    assert drafted_sentences(reply) == [
        Drafted("The bridge closed.", (1,)),
        Drafted("Buses were diverted.", (2, 3)),
    ]


def test_text_after_the_last_ids_is_an_uncited_sentence() -> None:
    assert drafted_sentences("It rained [F1] and then it stopped") == [
        Drafted("It rained.", (1,)),
        Drafted("and then it stopped", ()),
    ]


def test_a_repeated_id_counts_once_and_an_empty_reply_has_no_sentence() -> None:
    assert drafted_sentences("Closed [F1, F1, and F2].") == [Drafted("Closed.", (1, 2))]
    assert drafted_sentences("\n\n  \n") == []


def test_what_a_reasoning_model_thinks_aloud_is_not_the_brief() -> None:
    reply = (
        "<think>\nF1 says the bridge closed. Maybe Tuesday?\n</think>\n\nThe bridge closed. [F1]"
    )
    assert drafted_sentences(reply) == [Drafted("The bridge closed.", (1,))]
    assert drafted_sentences("<think>never finished thinking [F1]") == []
