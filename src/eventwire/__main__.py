"""``python -m eventwire``: the console script."""

from eventwire.console import main

main()
