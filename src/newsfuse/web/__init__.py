"""The local web UI: `newsfuse serve` (see app.py for the pages, server.py for HTTP)."""

from newsfuse.web.app import App, Page
from newsfuse.web.server import make_server

__all__ = ["App", "Page", "make_server"]
