"""Full-text search over articles' titles and bodies (issue 13: GET /api/search).

SQLite: an external-content FTS5 table ``articles_fts`` kept in step by triggers (a later
migration that rebuilds ``articles`` in batch mode must call
``store.search.create_sqlite_index`` again). PostgreSQL: a GIN index on the English
``to_tsvector`` of title and body, the expression ``store.search`` queries with.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

from eventwire.store.search import FTS_TABLE, PG_DOCUMENT, PG_INDEX, create_sqlite_index

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the search index of this database's dialect and fill it."""
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {PG_INDEX} ON articles USING gin (({PG_DOCUMENT}))")
    elif conn.dialect.name == "sqlite":
        create_sqlite_index(conn)


def downgrade() -> None:
    """Drop the search index (and on SQLite its triggers)."""
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
    elif conn.dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS articles_fts_{name}")
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
