"""`newsfuse serve` under load: concurrent clients on loopback, requests/s and latency.

A store of the examples and the seeds (../shared/seeds) is ingested, its story briefs made
once (as a reader's first visits would), then `--clients` threads request a mix of pages
(the story list, a story, a source, a search, the JSON API) for `--seconds`. Reports
requests/s, p50/p99 latency and errors.

    python bench/load.py [--clients 16] [--seconds 20]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from _harness import save, table

from newsfuse.pipeline import ingest_paths
from newsfuse.store import Store
from newsfuse.web import App, make_server

ROOT = Path(__file__).resolve().parents[1]


def paths_to_visit(app: App) -> list[str]:
    with Store(app.store_path) as store:
        stories = store.stories()
        for story in stories:
            app.brief_of(store, story.id)  # made once, as a first visit would
    articles = [article_id for story in stories for article_id, _ in story.articles]
    return [
        "/",
        *(f"/story/{story.id}" for story in stories),
        *(f"/source/{article_id}" for article_id in articles[:4]),
        "/search?q=bridge",
        "/search?q=troops+Ukraine",
        "/api/stories",
        f"/api/story/{stories[0].id}",
    ]


def hammer(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(number: int) -> None:
        position = number
        while time.monotonic() < stop:
            path = paths[position % len(paths)]
            position += 1
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=30) as answer:
                    answer.read()
                    failed = answer.status != 200
            except (urllib.error.URLError, OSError) as error:
                failed, path = True, f"{path}: {error}"
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                if failed:
                    errors.append(path)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": len(errors),
        "requests_per_second": len(latencies) / took,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    arguments = parser.parse_args()
    seeds = ROOT.parent / "shared" / "seeds"
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "news.db"
        with Store(database) as store:
            ingest_paths([str(ROOT / "examples"), str(seeds)], store)
        app = App(database)
        paths = paths_to_visit(app)
        server = make_server(app, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        rows, results = [], []
        for clients in (1, 4, arguments.clients):
            found = hammer(base, paths, clients, arguments.seconds)
            results.append(found)
            rows.append(
                [
                    clients,
                    found["requests"],
                    found["errors"],
                    found["requests_per_second"],
                    found["p50_ms"],
                    found["p99_ms"],
                ]
            )
        server.shutdown()
    print(table(["clients", "requests", "errors", "requests/s", "p50 ms", "p99 ms"], rows))
    save("load", {"runs": results})


if __name__ == "__main__":
    main()
