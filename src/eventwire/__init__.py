"""eventwire: raw news reports in, one deduplicated structured story per event out."""

__version__ = "0.1.0"
