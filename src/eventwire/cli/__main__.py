"""``python -m eventwire.cli``."""

from eventwire.cli import app

app(prog_name="eventwire")
