"""Which outlet an article comes from."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

# Host prefixes that name a variant of the outlet's site, not a different outlet.
HOST_PREFIXES = ("www.", "m.", "amp.")
UNKNOWN_SOURCE = "unknown"


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
    """The name of the folder holding ``path``."""
    if path is None:
        return None
    return path.parent.name or path.absolute().parent.name or None
