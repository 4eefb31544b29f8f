"""The clean stage: turn a RawArticle's text into a CleanArticle (or a Rejection)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.lazy import lazy_exports

if TYPE_CHECKING:
    from eventwire.clean.cleaner import clean_article
    from eventwire.clean.settings import CleanSettings

MODULE_OF = {
    "clean_article": "eventwire.clean.cleaner",
    "CleanSettings": "eventwire.clean.settings",
}
__all__ = [
    "CleanSettings",
    "clean_article",
]
__getattr__ = lazy_exports(__name__, MODULE_OF)
