"""The store: articles, what the stages derive from them, and stories, in one SQLite file.

- `store`: the `Store` (articles, derived data, readings, the story clustering, listing);
- `schema`: the tables, the schema version and the file's id, opening to read;
- `rows`: articles and sentences as rows;
- `search`: full-text search hits and snippets;
- `stories`: stories as listed.
"""

from newsfuse._exceptions import StoreError
from newsfuse.store.schema import APPLICATION_ID, SCHEMA_VERSION
from newsfuse.store.search import SearchHit
from newsfuse.store.store import AddResult, Store
from newsfuse.store.stories import StoredStory

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "AddResult",
    "SearchHit",
    "Store",
    "StoreError",
    "StoredStory",
]
