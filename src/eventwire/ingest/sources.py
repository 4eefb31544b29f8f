"""Which outlet an article comes from."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

# Host prefixes that name a variant of the outlet's site, not a different outlet.
HOST_PREFIXES = ("www.", "m.", "amp.")
UNKNOWN_SOURCE = "unknown"
# Folder names that are archive levels, not outlets: 2024, 03, 2024-03, 2024_03_08, 20240308.
DATE_FOLDER = re.compile(r"\d{1,4}(?:[-_.]\d{1,2}){0,2}|\d{8}")
MAX_FOLDER_LEVELS = 5  # how far up to look for a folder that names the outlet


def domain_of(url: str | None) -> str | None:
    """The URL's host, lowercased, without a leading ``www.``, ``m.`` or ``amp.``."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if "//" not in url:
        url = "//" + url  # "example.com/page": a host without a scheme
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    stripped = True
    while stripped:
        stripped = False
        for prefix in HOST_PREFIXES:
            if host.startswith(prefix) and "." in host[len(prefix) :]:
                host, stripped = host[len(prefix) :], True
    return host


def infer_source(
    declared: str | None, url: str | None, argument: str | None, path: Path | None
) -> str:
    """The outlet: the input's own ``source``, else the URL's domain, else ``--source``,
    else the parent folder's name."""
    for candidate in (declared, domain_of(url), argument, folder_name(path)):
        if candidate and candidate.strip():
            return candidate.strip()
    return UNKNOWN_SOURCE


def folder_name(path: Path | None) -> str | None:
    """The name of the nearest folder holding ``path`` that is not a date archive level.

    Scrapes are often filed as ``outlet/2024/03/08/page.html``: the outlet is ``outlet``, not
    ``08``. Falls back to the immediate folder when every level looks like a date.
    """
    if path is None:
        return None
    folders = [p.name for p in path.absolute().parents if p.name][:MAX_FOLDER_LEVELS]
    named = next((name for name in folders if not DATE_FOLDER.fullmatch(name)), None)
    return named or (folders[0] if folders else None)
