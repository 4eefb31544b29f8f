"""Storage: the one repository module behind which every database access sits.

``Repository.open(url)`` creates or upgrades the schema (Alembic, programmatically) and
returns the object the pipeline and CLI use; see docs/storage.md.
"""

from eventwire.store.lock import ProcessingBusy
from eventwire.store.repository import Repository
from eventwire.store.settings import StoreSettings

__all__ = ["ProcessingBusy", "Repository", "StoreSettings"]
