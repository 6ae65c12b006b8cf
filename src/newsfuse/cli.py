"""The `newsfuse` command: a thin layer over the library.

Exit codes: 0 everything was read and briefed; 3 a brief was written but some inputs were
skipped (each named on standard error); 1 nothing could be briefed; 2 the command line
was wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from newsfuse._version import __version__
from newsfuse.models import Brief
from newsfuse.pipeline import BriefOptions, brief_paths
from newsfuse.render import FORMATS, render
from newsfuse.store import Store, StoreError
from newsfuse.summarize import MAX_POINTS

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3

_BRIEF_EXAMPLES = """\
examples:
  newsfuse brief examples/                       Markdown brief of a folder, to stdout
  newsfuse brief 'crawl/**/*.html' --format html -o brief.html
  newsfuse brief feed.jsonl notes.txt --format json --db news.db

exit codes: 0 all inputs briefed, 3 brief written but some inputs skipped,
            1 nothing could be briefed, 2 bad command line
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfuse",
        description="Turn a pile of news reports into cited, cross-checked briefs, offline.",
    )
    parser.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_brief(commands)
    return parser


def _add_brief(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    brief = commands.add_parser(
        "brief",
        help="brief the stories in a pile of reports",
        description="Group reports into stories and write a cited brief of each.",
        epilog=_BRIEF_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    brief.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files (.txt .md .html .htm .json .jsonl), folders (searched recursively)"
        " or glob patterns",
    )
    brief.add_argument(
        "--format", choices=FORMATS, default="md", help="output format (default: md)"
    )
    brief.add_argument(
        "-o", "--output", metavar="FILE", help="write the brief to FILE instead of stdout"
    )
    brief.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite store to keep articles in and reuse their processing (default: none)",
    )
    brief.add_argument(
        "--max-points",
        type=_positive,
        default=MAX_POINTS,
        metavar="N",
        help=f"most key points per story (default: {MAX_POINTS})",
    )
    brief.add_argument(
        "--max-words",
        type=_positive,
        metavar="N",
        help="fill each story's key points up to about N words instead of a number of points",
    )
    brief.add_argument("-q", "--quiet", action="store_true", help="do not list skipped inputs")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        return _brief(arguments)
    except StoreError as error:
        _say(str(error))
        return EXIT_FAILED
    except OSError as error:
        _say(f"{error.filename or ''}: {error.strerror or error}")
        return EXIT_FAILED


def _brief(arguments: argparse.Namespace) -> int:
    options = BriefOptions(max_points=arguments.max_points, max_words=arguments.max_words)
    if arguments.db:
        with Store(arguments.db) as store:
            brief = brief_paths(arguments.paths, store=store, options=options)
    else:
        brief = brief_paths(arguments.paths, options=options)
    if not arguments.quiet:
        _report_problems(brief)
    if not brief.stories:
        _say("no article could be read from the inputs given; no brief written")
        return EXIT_FAILED
    _write(render(brief, arguments.format), arguments.output)
    return EXIT_PARTIAL if brief.rejections else EXIT_OK


def _report_problems(brief: Brief) -> None:
    for rejection in brief.rejections:
        _say(f"skipped {rejection.describe()}")
    for duplicate in brief.duplicates:
        _say(f"note: {duplicate.describe()}")


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    target = Path(output)
    # Written beside the target and renamed over it, so a reader never sees half a brief.
    handle, temporary = tempfile.mkstemp(dir=target.parent or Path(), prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _say(message: str) -> None:
    print(f"newsfuse: {message}", file=sys.stderr)
