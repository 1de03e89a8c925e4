"""Errors every layer may raise and the exit codes they map to.

Kept apart from the commands so that library modules (facts, changed-file lists, archive
tables) can say "the user asked for something impossible" without importing the command
line.
"""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line or configuration asks for something that cannot be done: printed as
    one line, exit code 2."""


class RuleCrash(Exception):
    """A rule raised on a document: a bug, not a finding. The run stops with exit code 2
    naming the rule, unless ``--keep-going`` (then it is said on stderr and skipped), so
    that no setting or input can make a rule fall silent with exit code 0."""
