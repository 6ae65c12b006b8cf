"""atheris fuzz target: any bytes, read as any input type, cleaned and segmented.

Nothing may raise, and every offset must stay inside its text:

    python fuzz/fuzz_ingest.py -max_total_time=60        # or -runs=N
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from invariants import check_article  # this folder: the script's own

    from newsfuse.ingest import Limits, read_text
    from newsfuse.ingest.files import decode
    from newsfuse.models import Article, Rejection

SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl")
LIMITS = Limits(max_article_characters=20_000)


def check(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[provider.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    text = decode(provider.ConsumeBytes(provider.remaining_bytes()), "fuzz")
    if isinstance(text, Rejection):
        return
    for result in read_text(f"fuzz{suffix}", text, suffix, LIMITS):
        if isinstance(result, Article):
            check_article(result)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
