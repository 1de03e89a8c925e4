"""Errors every layer may raise and the exit codes they map to.

Kept apart from the commands so that library modules (facts, changed-file lists, archive
tables) can say "the user asked for something impossible" without importing the command
line.
"""

from __future__ import annotations

from typing import Any

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line or configuration asks for something that cannot be done: printed as
    one line, exit code 2."""


class RuleCrash(Exception):
    """A rule raised on a document: a bug, not a finding. The run stops with exit code 2
    naming the rule, unless ``--keep-going`` (then it is said on stderr and skipped), so
    that no setting or input can make a rule fall silent with exit code 0."""


class SchemaFailure(Exception):
    """Rows an extractor produced that break its table's declared schema."""

    def __init__(self, table: str, failures: list[dict[str, Any]]) -> None:
        super().__init__(f"fact table '{table}' breaks its schema in {len(failures)} place(s) (an extractor bug)")
        self.table = table
        self.failures = failures

    def __reduce__(self):  # raised in a Dask worker, re-raised in the client
        return (SchemaFailure, (self.table, self.failures))

    def report(self, limit: int = 20) -> str:
        lines = [str(self)]
        for f in self.failures[:limit]:
            where = f"{f.get('path')}:{f['line']}:{f['column']}" if f.get("line") else f"{f.get('path')} at offset {f.get('start')}"
            lines.append(f"  {where} column {f['column_name']!s}: {f['check']} (value {f['value']!r}) «{f.get('excerpt') or f.get('text') or ''}»")
        if len(self.failures) > limit:
            lines.append(f"  … and {len(self.failures) - limit} more")
        return "\n".join(lines)
