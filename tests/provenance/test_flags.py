from __future__ import annotations

from newsfuse.provenance.align import Meanings, SentenceTable, align
from newsfuse.provenance.flags import spun_against_origin, text_flags
from newsfuse.text.embed import default_encoder

from ..conftest import make_source

BODY = [
    "A container ship lost power and drifted into the Alder Bay swing bridge on Monday morning, officials said.",
    "Two crew members were treated for minor injuries, the fire service said on Monday afternoon.",
    "Mayor Tobias Renn said the crossing would stay shut for at least six weeks while engineers inspect it.",
    "Gannet Shipping Lines said it was cooperating with investigators and would pay for the repairs.",
]


def _flags(text: str) -> dict[str, tuple[str, list[str]]]:
    source = make_source(text)
    return {
        flag.flag: (flag.reason, [e.text for e in flag.evidence]) for flag in text_flags(source)
    }


def test_a_clean_report_has_no_flags() -> None:
    assert _flags("Ship hits bridge\n\n" + "\n\n".join(BODY)) == {}


def test_spinner_verbs_make_a_spun_flag_naming_the_sentences() -> None:
    spun = [
        sentence.replace("officials said", "officials stated")
        .replace("service said", "service declared")
        .replace("Renn said", "Renn expressed")
        .replace("Lines said", "Lines asserted")
        for sentence in BODY
    ]
    reason, evidence = _flags("Ship hits bridge\n\n" + "\n\n".join(spun))["spun"]
    assert "'said' 0x" in reason
    assert evidence == spun


def test_round_trip_damage_makes_a_garbled_flag() -> None:
    garbled = [
        BODY[0].replace("into the", "into the. bridge of"),
        BODY[1] + " -he declares.",
        BODY[2].replace("six weeks", "six. weeks"),
        BODY[3],
    ]
    reason, evidence = _flags("Ship hits bridge\n\n" + "\n\n".join(garbled))["garbled"]
    assert reason.startswith("3 signs of round-trip machine translation in 4 sentences")
    assert len(evidence) == 3


def test_furniture_and_aggregator_flags_name_the_removed_lines() -> None:
    text = (
        "Skip to main content\nWorld\nShare\nShip hits bridge\n\n"
        + "\n\n".join(BODY)
        + "\n\nSource link\n\nLeave a Reply\n\nYour email address will not be published.\n\n"
        "Council approves new ferry timetable\nStorm warning for the coast this weekend\n"
        "Residents brace for high tides\nMarket closes early for holiday\n"
    )
    flags = _flags(text)
    assert flags["aggregator re-post"][1] == ["Source link"]
    assert "Skip to main content" in flags["heavy furniture"][1]


def test_words_swapped_one_for_one_against_the_origin_are_spinning() -> None:
    origin = make_source("Ship hits bridge\n\n" + "\n\n".join(BODY))
    swapped = [
        "A container vessel lost propulsion and floated into the Alder Bay swing bridge on Monday morning, officials said.",
        "Two crew members were given care for small injuries, the fire service said on Monday afternoon.",
        "Mayor Tobias Renn said the crossing would remain closed for at minimum six weeks while engineers examine it.",
        BODY[3],
    ]
    copy = make_source("Vessel hits bridge\n\n" + "\n\n".join(swapped))
    pairs = align(SentenceTable(origin), SentenceTable(copy), Meanings(default_encoder()))
    flag = spun_against_origin(copy, pairs)
    assert flag is not None and flag.flag == "spun"
    assert [e.text for e in flag.evidence] == swapped[:3]
    rewritten = make_source("Ship hits bridge\n\n" + "\n\n".join(BODY[::-1]))
    assert (
        spun_against_origin(rewritten, align(SentenceTable(origin), SentenceTable(rewritten)))
        is None
    )
