"""Alembic environment: migrates the connection handed over by eventwire, or a URL (-x url=)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from eventwire.store.engine import create_store_engine, writer
from eventwire.store.schema import metadata
from eventwire.store.search import is_search_index
from eventwire.store.settings import StoreSettings


def run_on(connection: Connection) -> None:
    """Run pending migrations on ``connection`` (SQLite DDL is transactional here too)."""
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transactional_ddl=True,
        include_name=_modelled,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_from_url(url: str) -> None:
    """Developer path (alembic CLI): open ``url`` the way eventwire does and migrate it."""
    engine = create_store_engine(url, StoreSettings())
    with writer(engine).begin() as connection:
        run_on(connection)
    engine.dispose()


def _modelled(name: str | None, kind: str, _parents: object) -> bool:
    """Autogenerate compares every table but the full-text index (no model declares it)."""
    return not is_search_index(name, kind)


given = context.config.attributes.get("connection")
if given is not None:
    run_on(given)
else:
    run_from_url(context.get_x_argument(as_dictionary=True)["url"])
