"""Full-text search over articles: SQLite FTS5, or PostgreSQL's full text search.

The query language is the web-search one PostgreSQL's ``websearch_to_tsquery`` reads: words
(all must occur), ``"quoted phrases"``, ``OR`` between two terms and ``-word`` to exclude.
On SQLite it is translated into an FTS5 expression of quoted terms, so that no user text is
ever read as FTS5 syntax. Migration 0010 creates the index (docs/api.md).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

FTS_TABLE = "articles_fts"  # SQLite: external-content FTS5 table over articles(title, body)
PG_INDEX = "ix_articles_search"  # PostgreSQL: GIN index on PG_DOCUMENT
PG_CONFIG = "english"
PG_DOCUMENT = "to_tsvector('english'::regconfig, title || ' ' || body)"  # the index expression
SNIPPET_WORDS = 24
TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')  # a -"phrase", a "phrase" or a bare word
WORD_CHARS = re.compile(r"\w+")

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, body ON articles
    BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
)


def is_search_index(name: str | None, kind: str) -> bool:
    """Whether ``name`` is part of the full-text index (which no model declares).

    The FTS5 table and its shadow tables on SQLite, the GIN index on PostgreSQL.
    """
    if kind == "index":
        return name == PG_INDEX
    return kind == "table" and bool(name) and str(name).startswith(FTS_TABLE)


def create_sqlite_index(conn: Connection) -> None:
    """Create the FTS5 table and the triggers that keep it in step, and fill it.

    A later migration that rebuilds ``articles`` (SQLite batch mode) drops the triggers with
    the old table: it must call this again.
    """
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, "
        "content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    for trigger in SQLITE_TRIGGERS:
        conn.exec_driver_sql(trigger)
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def fts5_expression(query: str) -> str:
    """The web-search ``query`` as an FTS5 expression of quoted terms ('' when it has none)."""
    parts: list[str] = []
    for match in TERM.finditer(query):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None and word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        words = WORD_CHARS.findall(phrase if phrase is not None else word or "")
        if not words:
            continue
        quoted = '"' + " ".join(words) + '"'
        parts.append(f"NOT {quoted}" if negated else quoted)
    return _fts5_join(parts)


def _fts5_join(parts: list[str]) -> str:
    """Join terms with AND (implicit), keeping OR and NOT where FTS5 accepts them."""
    while parts and parts[-1] == "OR":
        parts.pop()
    while parts and (parts[0] == "OR" or parts[0].startswith("NOT ")):
        if parts[0].startswith("NOT ") and any(not p.startswith("NOT ") for p in parts):
            parts.append(parts.pop(0))  # FTS5's NOT is binary: move exclusions to the end
            continue
        if parts[0].startswith("NOT "):
            return ""  # only exclusions: nothing to match
        parts.pop(0)
    out = ""
    for index, part in enumerate(parts):
        if index == 0:
            out = part
        elif part == "OR" or parts[index - 1] == "OR":
            out += f" {part}"
        elif part.startswith("NOT "):
            out = f"({out}) {part}"
        else:
            out += f" AND {part}"
    return out


def search_articles(conn: Connection, query: str, limit: int | None, offset: int) -> list[Any]:
    """Rows (id, rank, snippet) of the articles matching ``query``, best first.

    A query with no word to look for (only exclusions, only punctuation) matches nothing, on
    every database.
    """
    expression = fts5_expression(query)
    if not expression:
        return []
    if conn.dialect.name == "postgresql":
        return _search_postgres(conn, query, limit, offset)
    sql = (
        f"SELECT rowid AS id, bm25({FTS_TABLE}, 2.0, 1.0) AS rank, "
        f"snippet({FTS_TABLE}, 1, '', '', '…', {SNIPPET_WORDS}) AS snippet "
        f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rank, rowid "
        "LIMIT :limit OFFSET :offset"
    )
    params = {"q": expression, "limit": -1 if limit is None else limit, "offset": offset}
    return list(conn.execute(text(sql), params))


def _search_postgres(conn: Connection, query: str, limit: int | None, offset: int) -> list[Any]:
    sql = (
        f"SELECT id, -ts_rank({PG_DOCUMENT}, q) AS rank, "
        f'ts_headline(\'{PG_CONFIG}\', body, q, \'StartSel="", StopSel="", '
        f"MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}') AS snippet "
        f"FROM articles, websearch_to_tsquery('{PG_CONFIG}', :q) AS q "
        f"WHERE {PG_DOCUMENT} @@ q ORDER BY rank, id LIMIT :limit OFFSET :offset"
    )
    return list(conn.execute(text(sql), {"q": query, "limit": limit, "offset": offset}))


def outlet_counts(conn: Connection, query: str, top: int) -> list[Any]:
    """Rows (value, n): the ``top`` outlets with the most articles matching ``query``."""
    expression = fts5_expression(query)
    if not expression:
        return []
    if conn.dialect.name == "postgresql":
        sql = (
            "SELECT s.name AS value, count(*) AS n FROM articles a "
            "JOIN sources s ON s.id = a.source_id, "
            f"websearch_to_tsquery('{PG_CONFIG}', :q) AS q "
            f"WHERE {PG_DOCUMENT.replace('title', 'a.title').replace('body', 'a.body')} @@ q "
            "GROUP BY s.name ORDER BY n DESC, value LIMIT :top"
        )
        return list(conn.execute(text(sql), {"q": query, "top": top}))
    sql = (
        f"SELECT s.name AS value, count(*) AS n FROM {FTS_TABLE} f "
        "JOIN articles a ON a.id = f.rowid JOIN sources s ON s.id = a.source_id "
        f"WHERE {FTS_TABLE} MATCH :q GROUP BY s.name ORDER BY n DESC, value LIMIT :top"
    )
    return list(conn.execute(text(sql), {"q": expression, "top": top}))
