"""Capitals that news writes for their governments ("Moscow said", "Beijing warned").

A speaker named by a capital is the country's government when the story names the country
too: "Moscow" and "Russia" are one speaker in a brief, not two. A capital that is only a
place in the story ("talks in Moscow") is never a speaker and is not touched.
"""

from __future__ import annotations

from collections.abc import Mapping

# Each capital and the names a story may give its country, the usual one first.
_COUNTRY_OF: dict[str, tuple[str, ...]] = {
    "moscow": ("Russia", "Russian Federation"),
    "kremlin": ("Russia",),
    "kyiv": ("Ukraine",),
    "kiev": ("Ukraine",),
    "washington": ("United States", "U.S.", "US", "USA", "America"),
    "beijing": ("China",),
    "london": ("Britain", "United Kingdom", "U.K.", "UK"),
    "paris": ("France",),
    "berlin": ("Germany",),
    "tokyo": ("Japan",),
    "tehran": ("Iran",),
    "pyongyang": ("North Korea",),
    "seoul": ("South Korea",),
    "ankara": ("Turkey", "Türkiye"),
    "damascus": ("Syria",),
    "new delhi": ("India",),
    "islamabad": ("Pakistan",),
    "riyadh": ("Saudi Arabia",),
    "cairo": ("Egypt",),
    "baghdad": ("Iraq",),
    "kabul": ("Afghanistan",),
    "minsk": ("Belarus",),
    "warsaw": ("Poland",),
    "rome": ("Italy",),
    "madrid": ("Spain",),
    "ottawa": ("Canada",),
    "canberra": ("Australia",),
    "caracas": ("Venezuela",),
    "havana": ("Cuba",),
    "taipei": ("Taiwan",),
    "hanoi": ("Vietnam",),
    "manila": ("Philippines", "the Philippines"),
    "jakarta": ("Indonesia",),
    "nairobi": ("Kenya",),
    "abuja": ("Nigeria",),
    "addis ababa": ("Ethiopia",),
    "pretoria": ("South Africa",),
    "brasilia": ("Brazil",),
    "buenos aires": ("Argentina",),
    "mexico city": ("Mexico",),
}


def government_of(capital: str, canonical: Mapping[str, str]) -> str | None:
    """The story's name for the country whose capital `capital` is, when the story names
    the country (`canonical`: each alias, lower-cased, to the story's name); else None."""
    for country in _COUNTRY_OF.get(capital.lower().removeprefix("the "), ()):
        named = canonical.get(country.lower())
        if named is not None:
            return named
    return None
