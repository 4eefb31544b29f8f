"""eventwire's command line: thin commands over the library (docs/cli.md).

Each module of this package registers its commands on the one Typer ``app``.
"""

from eventwire.cli import actors, batch, browse, events, live, pipeline, serve
from eventwire.cli.common import app

__all__ = ["actors", "app", "batch", "browse", "events", "live", "pipeline", "serve"]
