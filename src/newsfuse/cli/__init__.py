"""The `newsfuse` command: a thin layer over the library. Its grammar (commands, options,
defaults and help) is in `parser`; here, what each command does.

Exit codes: 0 everything was read and briefed; 3 a brief was written but some inputs were
skipped or a stage failed on some input, source or story (each named on standard error);
1 nothing could be briefed; 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from newsfuse._exceptions import NewsfuseError
from newsfuse.atomic import replacing
from newsfuse.cli.parser import brief_options, build_parser, check_writer, limits, writer_settings
from newsfuse.faults import printable
from newsfuse.models import Brief
from newsfuse.pipeline import (
    BriefOptions,
    IngestReport,
    brief_paths,
    brief_stored_story,
    ingest_paths,
)
from newsfuse.progress import Progress
from newsfuse.render import (
    PARQUET_HINT,
    parquet_available,
    render_contained,
    stored_story_to_dict,
    write_parquet,
)
from newsfuse.store import Store, StoredStory

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command == "brief" and bool(arguments.paths) == bool(arguments.story):
        parser.error("brief: give either PATHs or --story ID (with --db)")
    if arguments.command == "brief" and arguments.story and not arguments.db:
        parser.error("brief: --story needs the store it is in: --db PATH")
    check_writer(parser, arguments)
    if getattr(arguments, "parquet", None) and not parquet_available():
        _say(PARQUET_HINT)  # before the work, not after it
        return EXIT_FAILED
    drawn = not getattr(arguments, "quiet", False) and sys.stderr.isatty()
    # Progress goes to the commands that loop over many items, on the terminal if any.
    arguments.progress = Progress(sys.stderr if drawn else None)
    return _run(arguments)


def _run(arguments: argparse.Namespace) -> int:
    """The command, its expected failures told on one line each."""
    # Stopped by SIGTERM as by Ctrl-C: files being written are removed on the way out.
    previous = signal.signal(signal.SIGTERM, _stopped)
    commands = {
        "brief": _brief,
        "ingest": _ingest,
        "stories": _stories,
        "batch": _batch,
        "serve": _serve,
    }
    try:
        return commands[arguments.command](arguments)
    except NewsfuseError as error:  # its message names the store, file or URL, and why
        _say(str(error))
        return EXIT_FAILED
    except sqlite3.Error as error:  # a full disk, a store made read-only while in use
        _say(f"{getattr(arguments, 'db', None)}: the store failed: {error}")
        return EXIT_FAILED
    except OSError as error:
        _say(f"{error.filename or ''}: {error.strerror or error}")
        return EXIT_FAILED
    finally:
        signal.signal(signal.SIGTERM, previous)


def _brief(arguments: argparse.Namespace) -> int:
    options = brief_options(arguments)
    if arguments.story:
        with Store(arguments.db, writable=False) as store:
            brief = brief_stored_story(arguments.story, store, options)
    elif arguments.db:
        with Store(arguments.db) as store:
            brief = brief_paths(
                arguments.paths, store=store, options=options, progress=arguments.progress
            )
    else:
        brief = brief_paths(arguments.paths, options=options, progress=arguments.progress)
    return _finish_brief(brief, arguments)


def _finish_brief(brief: Brief, arguments: argparse.Namespace) -> int:
    text, brief = render_contained(brief, arguments.format)
    if not arguments.quiet:
        _report_problems(brief)
    if not brief.stories:
        _say("no article could be read from the inputs given; no brief written")
        return EXIT_FAILED
    _write(text, arguments.output)
    if arguments.parquet:
        write_parquet(brief, arguments.parquet)
    return EXIT_PARTIAL if brief.rejections or brief.all_problems else EXIT_OK


def _batch(arguments: argparse.Namespace) -> int:
    from newsfuse.batch import dask_runner

    if importlib.util.find_spec("dask") is None:
        _say("batch runs on Dask, which is not installed: pip install 'newsfuse[batch]'")
        return EXIT_FAILED
    options = brief_options(arguments)
    with dask_runner(arguments.scheduler, arguments.workers, arguments.progress) as runner:
        if arguments.db:
            with Store(arguments.db) as store:
                brief = brief_paths(
                    arguments.paths, store, options, runner=runner, progress=arguments.progress
                )
        else:
            brief = brief_paths(
                arguments.paths, options=options, runner=runner, progress=arguments.progress
            )
    return _finish_brief(brief, arguments)


def _serve(arguments: argparse.Namespace) -> int:
    from newsfuse.web import App, make_server

    options = BriefOptions(max_points=arguments.max_points, writer=writer_settings(arguments))
    app = App(arguments.db, options=options)
    try:
        server = make_server(app, arguments.host, arguments.port)
    except OSError as error:  # in use, not an address of this machine, not allowed
        _say(f"cannot listen on {arguments.host} port {arguments.port}: {error.strerror or error}")
        return EXIT_FAILED
    host, port = server.server_address[:2]
    host = host.decode() if isinstance(host, bytes) else host
    shown = f"[{host}]" if ":" in host else host
    print(
        f"newsfuse: serving {arguments.db} at http://{shown}:{port}/ (Ctrl-C to stop)", flush=True
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


def _report_problems(brief: Brief | IngestReport) -> None:
    for rejection in brief.rejections:
        _say(f"skipped {rejection.describe()}")
    for duplicate in brief.duplicates:
        _say(f"note: {duplicate.describe()}")
    problems = brief.all_problems if isinstance(brief, Brief) else brief.problems
    for problem in problems:
        _say(f"problem: {problem.describe()}")


def _ingest(arguments: argparse.Namespace) -> int:
    with Store(arguments.db) as store:
        report = ingest_paths(
            arguments.paths, store, limits(arguments), progress=arguments.progress
        )
    if not arguments.quiet:
        _report_problems(report)
    stories = {story_id for _, story_id in report.assignments}
    print(
        f"{arguments.db}: {report.added} articles added ({report.already_stored} already"
        f" stored); {len(report.assignments)} assigned to {len(stories)} stories"
        f" ({report.new_stories} new)"
    )
    if report.added == 0 and report.already_stored == 0 and (report.rejections or report.problems):
        _say("no article could be read from the inputs given")
        return EXIT_FAILED
    return EXIT_PARTIAL if report.rejections or report.problems else EXIT_OK


def _stories(arguments: argparse.Namespace) -> int:
    with Store(arguments.db, writable=False) as store:
        stories = store.stories()
    if arguments.format == "json":
        sys.stdout.write(json.dumps([stored_story_to_dict(s) for s in stories], indent=2) + "\n")
    else:
        sys.stdout.writelines(_story_line(story) + "\n" for story in stories)
    return EXIT_OK


def _count(number: int | None) -> str:
    return "?" if number is None else str(number)


def _story_line(story: StoredStory) -> str:
    seen = (
        f"{story.first_seen} .. {story.last_seen}"
        if story.first_seen != story.last_seen
        else str(story.first_seen or "undated")
    )
    title = printable(" ".join(story.title.split()))  # one line, no terminal escapes
    return (
        f"{story.id}  {len(story.articles):>3} sources  {_count(story.origins):>3} independent"
        f"  {seen}  {title}"
    )


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    with replacing(Path(output)) as temporary:
        temporary.write_text(text, encoding="utf-8")


def _stopped(signal_number: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signal_number)


def _say(message: str) -> None:
    # Messages quote file names, titles and errors: no terminal control characters in them.
    print(f"newsfuse: {printable(message)}", file=sys.stderr)
