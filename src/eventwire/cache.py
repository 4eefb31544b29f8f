"""eventwire's cache folder: what is slow to build and the same every time (built model
engines, the country index's towns), kept between runs and rebuilt when its key changes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_folder() -> Path:
    """``$XDG_CACHE_HOME/eventwire`` (``~/.cache/eventwire``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def keep_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a file renamed into place); raises
    OSError when the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as staging:
        staging.write(data)
    os.replace(staging.name, path)
