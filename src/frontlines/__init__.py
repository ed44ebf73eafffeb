"""frontlines: evidence-linked, ACLED-compatible conflict events from dated news."""

__version__ = "0.1.0"
