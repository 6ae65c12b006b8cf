"""The command line's grammar: its commands, their options with their defaults and help, and
the settings read from them (`brief_options`, `writer_settings`, `limits`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from newsfuse import defaults
from newsfuse._version import __version__
from newsfuse.ingest import FetchPolicy, Limits
from newsfuse.pipeline import BriefOptions
from newsfuse.render import FORMATS
from newsfuse.write import LlmSettings, WriterError

_BRIEF_EXAMPLES = """\
examples:
  newsfuse brief examples/                       Markdown brief of a folder, to stdout
  newsfuse brief 'crawl/**/*.html' --format html -o brief.html
  newsfuse brief feed.jsonl notes.txt --format json --db news.db
  newsfuse brief --story 3f2a9c01d4e5b6a7 --db news.db   one story of a store

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
    _add_ingest(commands)
    _add_stories(commands)
    _add_batch(commands)
    _add_serve(commands)
    return parser


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="browse a store's stories in a web browser",
        description="Serve the stories of a store as web pages on this machine: the story"
        " list, each brief with its citations in context, the sources with their removed"
        " furniture, what copies changed, facts by source, full-text search and a JSON API.",
    )
    for option in ("--db", "--port", "--host", "--max-points"):
        _add_setting(serve, option)
    _add_writer(serve)


_PATHS_HELP = (
    "files (.txt .md .html .htm .json .jsonl .warc .warc.gz; feeds .rss .atom .xml .opml),"
    " folders (searched recursively), glob patterns or http(s) URLs of pages and feeds"
)


def _add_ingest(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = commands.add_parser(
        "ingest",
        help="add reports to a store and assign them to stories",
        description="Add reports to a store; each new article joins the story it reports or"
        " starts one (stories already in the store are never reshuffled).",
        epilog="exit codes: 0 all inputs stored, 3 some inputs skipped, 1 none could be read",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help=_PATHS_HELP)
    _add_store(ingest)
    ingest.add_argument("-q", "--quiet", action="store_true", help="do not list skipped inputs")
    _add_allow_host(ingest)


def _add_store(command: argparse.ArgumentParser) -> None:
    _add_setting(command, "--db")


def _add_setting(command: argparse.ArgumentParser | argparse._ArgumentGroup, option: str) -> None:
    """The option of a setting (`defaults.OPTIONS`): its default, its kind, its help."""
    setting = defaults.OPTIONS[option]
    command.add_argument(
        option,
        type=_KINDS[setting.kind],
        default=setting.default,
        metavar=setting.metavar,
        help=f"{setting.help} (default: {setting.default})",
    )


def _add_allow_host(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--allow-host",
        action="append",
        default=[],
        type=_host_and_port,
        metavar="HOST:PORT",
        help="fetch from this host and port although it is not a public address (an intranet"
        " or test server); repeatable. Private, loopback and link-local addresses are refused"
        " otherwise, redirects included",
    )


def _host_and_port(value: str) -> str:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError("give HOST:PORT, such as intranet.example:8080")
    return value.lower()


def brief_options(arguments: argparse.Namespace) -> BriefOptions:
    return BriefOptions(
        max_points=arguments.max_points,
        max_words=arguments.max_words,
        limits=limits(arguments),
        writer=writer_settings(arguments),
    )


def _add_writer(command: argparse.ArgumentParser) -> None:
    group = command.add_argument_group(
        "written brief",
        "Have a language model on an OpenAI-compatible server (llama.cpp, Ollama, vLLM, LM"
        " Studio, a hosted API) write each story's brief from its facts; a sentence is kept"
        " only where the facts it cites support it. The key points stay, and stand alone when"
        " the server gives no usable answer. See docs/commands/brief.md.",
    )
    group.add_argument(
        "--writer",
        choices=("extractive", "llm"),
        default="extractive",
        help="'llm' adds the written brief (default: extractive, key points only)",
    )
    group.add_argument(
        "--llm-url",
        metavar="URL",
        help="the server's API base, such as http://127.0.0.1:8080/v1",
    )
    group.add_argument("--llm-model", metavar="NAME", help="the model to ask for")
    for option in ("--llm-key-env", "--llm-timeout", "--llm-max-tokens"):
        _add_setting(group, option)


def writer_settings(arguments: argparse.Namespace) -> LlmSettings | None:
    if arguments.writer != "llm":
        return None
    return LlmSettings(
        url=arguments.llm_url,
        model=arguments.llm_model,
        key_variable=arguments.llm_key_env,
        timeout_seconds=float(arguments.llm_timeout),
        max_tokens=arguments.llm_max_tokens,
    )


def check_writer(parser: argparse.ArgumentParser, arguments: argparse.Namespace) -> None:
    if not hasattr(arguments, "writer"):
        return
    if arguments.writer == "llm" and not (arguments.llm_url and arguments.llm_model):
        parser.error(f"{arguments.command}: --writer llm needs --llm-url URL and --llm-model NAME")
    if arguments.writer != "llm" and (arguments.llm_url or arguments.llm_model):
        parser.error(f"{arguments.command}: --llm-url and --llm-model are for --writer llm")
    try:
        writer_settings(arguments)  # the settings check the address, before any work
    except WriterError as error:
        parser.error(f"{arguments.command}: --llm-url: {error}")


def limits(arguments: argparse.Namespace) -> Limits:
    return Limits(fetch=FetchPolicy(allowed_hosts=frozenset(arguments.allow_host)))


def _add_stories(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stories = commands.add_parser(
        "stories",
        help="list the stories of a store",
        description="List the stories of a store, the most recently seen first.",
    )
    _add_store(stories)
    stories.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )


def _add_brief(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    brief = commands.add_parser(
        "brief",
        help="brief the stories in a pile of reports",
        description="Group reports into stories and write a cited brief of each.",
        epilog=_BRIEF_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    brief.add_argument("paths", nargs="*", metavar="PATH", help=_PATHS_HELP)
    brief.add_argument(
        "--story",
        metavar="ID",
        help="brief this story of the store given with --db instead of reading PATHs",
    )
    _add_brief_options(brief)


def _add_brief_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format", choices=FORMATS, default="md", help="output format (default: md)"
    )
    command.add_argument(
        "-o", "--output", metavar="FILE", help="write the brief to FILE instead of stdout"
    )
    command.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite store to keep articles in and reuse their processing (default: none)",
    )
    _add_setting(command, "--max-points")
    command.add_argument(
        "--max-words",
        type=_positive,
        metavar="N",
        help="fill each story's key points up to about N words instead of a number of points",
    )
    command.add_argument(
        "--parquet",
        metavar="DIR",
        help="also write the brief as Parquet tables into DIR (stories, sources, quotes,"
        " figures, ...; needs newsfuse[parquet])",
    )
    command.add_argument("-q", "--quiet", action="store_true", help="do not list skipped inputs")
    _add_allow_host(command)
    _add_writer(command)


def _add_batch(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    batch = commands.add_parser(
        "batch",
        help="brief a large corpus on a Dask cluster",
        description="The brief `newsfuse brief` writes, the work spread over a Dask cluster:"
        " reading, cleaning and each story's brief run on the workers.",
        epilog="examples:\n"
        "  newsfuse batch 'crawl/*.warc.gz' --format json -o brief.json --db crawl.db\n"
        "  newsfuse batch archive/ --scheduler tcp://10.0.0.5:8786 -o brief.md\n\n"
        "exit codes as for brief",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch.add_argument("paths", nargs="+", metavar="PATH", help=_PATHS_HELP)
    for option in ("--scheduler", "--workers"):
        _add_setting(batch, option)
    _add_brief_options(batch)


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 0 to 65535")
    return int(value)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


# How a setting's value is read from the command line, by its kind.
_KINDS: dict[str, Callable[[str], object]] = {"text": str, "count": _positive, "port": _port}
