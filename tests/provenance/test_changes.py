from __future__ import annotations

import pytest

from newsfuse.provenance.changes import fact_changes


@pytest.mark.parametrize(
    ("origin", "copy", "kind", "detail"),
    [
        (
            "Biden said Russia has 150,000 troops near Ukraine.",
            "Biden said Russia has 130,000 troops near Ukraine.",
            "number",
            "150,000 → 130,000",
        ),
        (
            "Two crew members were hurt, the service said.",
            "Three crew members were hurt, the service said.",
            "number",
            "2 → 3",
        ),
        (
            "The ministry said the troops would withdraw.",
            "The ministry said the troops would not withdraw.",
            "negation",
            "negation added",
        ),
        (
            "He warned of an invasion of Ukraine on Tuesday.",
            "He warned of an invasion by Ukraine on Tuesday.",
            "role",
            "invasion of Ukraine → invasion by Ukraine",
        ),
        (
            "On Monday, Russia warned Ukraine about the drills.",
            "On Monday, Ukraine warned Russia about the drills.",
            "role",
            "Russia … Ukraine → Ukraine … Russia",
        ),
        (
            "The units will return on Tuesday, officials said.",
            "The units will return on Wednesday, officials said.",
            "date",
            "tuesday → wednesday",
        ),
        (
            "Officials said Smith met Putin in Moscow.",
            "Officials said Jones met Putin in Moscow.",
            "name",
            "Smith → Jones",
        ),
        (
            "A panel of the United Nations met on Syria, as United Nations experts asked.",
            "A panel of the Richmond High School met on Syria, as United Nations experts asked.",
            "name",
            "United Nations → Richmond High School",
        ),
        (
            "State Sen. Diane Savino applauded the settlement.",
            "State Sen. Robin Carter applauded the settlement.",
            "name",
            "State Sen. Diane Savino → State Sen. Robin Carter",
        ),
        (
            "Judge Rick West sentenced Gianforte to a deferred sentence.",
            "Judge Gianforte sentenced Rick West to a deferred sentence.",
            "role",
            "Rick West … Gianforte → Gianforte … Rick West",
        ),
        (
            "“It has value,” Luray told the Weird News Desk.",
            "“It has value,” the Weird News Desk told Luray.",
            "role",
            "Luray … Weird News Desk → Weird News Desk … Luray",
        ),
        (
            "She posted on Saturday about an interview given on Thursday.",
            "She posted on Tuesday about an interview given on Thursday.",
            "date",
            "saturday → tuesday",
        ),
        (
            "The city will close the bridge for repairs.",
            "The city has closed the bridge for repairs.",
            "tense",
            "planned or possible → done",
        ),
    ],
)
def test_each_kind_of_changed_fact(origin: str, copy: str, kind: str, detail: str) -> None:
    assert [(c.kind, c.detail) for c in fact_changes(origin, copy)] == [(kind, detail)]


@pytest.mark.parametrize(
    ("origin", "copy"),
    [
        (
            "The ministry stated the troops would withdraw soon.",
            "The ministry said the troops would withdraw soon.",
        ),
        ("Vladimir Putin said Russia is ready to talk.", "Putin said Russia is ready to talk."),
        (
            "Biden said 150,000 troops were near Ukraine.",
            "Biden said that 150,000 troops were near Ukraine.",
        ),
        ("Same sentence.", "Same sentence."),
        ("Smith and Jones met in Paris on Monday.", "Jones and Smith met in Paris on Monday."),
        (
            "Ukrainian Foreign Minister Dmytro Kuleba spoke on Tuesday.",
            "Ukraine's foreign minister, Dmytro Kuleba, spoke on Tuesday.",
        ),
        ("President Zelensky spoke in Kyiv.", "President Zelenskyy spoke in Kyiv."),
        ("However, Putin said no.", "Nevertheless, Putin said no."),
    ],
)
def test_rewording_is_not_a_change_of_fact(origin: str, copy: str) -> None:
    assert fact_changes(origin, copy) == []
