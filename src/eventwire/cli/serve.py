"""``eventwire serve``: the REST API and the web UI on one local port (docs/api.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli.common import EXIT_USAGE, app, err, load_settings, open_repository

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = DEFAULT_HOST,
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = DEFAULT_PORT,
) -> None:
    """Serve the REST API (/api) and the web UI (/); writes need EVENTWIRE_TOKEN."""
    try:
        import uvicorn

        from eventwire.api import create_app
    except ImportError as error:
        err.print(f"error: serving needs eventwire[serve] installed ({error})", markup=False)
        raise typer.Exit(EXIT_USAGE) from None

    settings = load_settings(ctx.obj)
    with open_repository(ctx.obj, settings) as repo:
        server_app = create_app(repo, settings)
        if not server_app.state.token and not ctx.obj.quiet:
            err.print("writes are off: set EVENTWIRE_TOKEN to accept POST /api/articles")
        level = "warning" if ctx.obj.quiet else "info"
        uvicorn.run(server_app, host=host, port=port, log_level=level, server_header=False)
