"""The clean stage: turn a RawArticle's text into a CleanArticle (or a Rejection)."""

from eventwire.clean.cleaner import clean_article
from eventwire.clean.settings import CleanSettings

__all__ = ["CleanSettings", "clean_article"]
