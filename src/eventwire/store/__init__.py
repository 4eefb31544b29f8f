"""Storage: the one repository module behind which every database access sits.

``Repository.open(url)`` creates or upgrades the schema (Alembic, programmatically) and
returns the object the pipeline and CLI use; see docs/storage.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.store.lock import ProcessingBusy
    from eventwire.store.repository import Repository
    from eventwire.store.settings import StoreSettings

MODULE_OF = {
    "ProcessingBusy": "eventwire.store.lock",
    "Repository": "eventwire.store.repository",
    "StoreSettings": "eventwire.store.settings",
}
__all__ = [
    "ProcessingBusy",
    "Repository",
    "StoreSettings",
]
__getattr__ = lazy_exports(__name__, MODULE_OF)
