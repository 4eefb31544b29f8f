"""The web UI: server-rendered pages over the query layer, a little JS, a vendored chart library.

No build step: templates (Jinja2, autoescaped) in ``templates/``, files in ``static/``
(uPlot vendored with its licence in ``static/vendor/uplot``). See docs/web.md.
"""

from __future__ import annotations

from eventwire.web.pages import install_web

__all__ = ["install_web"]
