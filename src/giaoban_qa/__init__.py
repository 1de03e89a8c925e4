"""giaoban-qa: a consistency checker for Vietnamese government and Party-committee reports."""

__version__ = "0.1.0"
