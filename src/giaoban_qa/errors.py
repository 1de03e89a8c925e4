"""Errors every layer may raise and the exit codes they map to.

Kept apart from the commands so that library modules (facts, changed-file lists, archive
tables) can say "the user asked for something impossible" without importing the command
line.
"""

from __future__ import annotations

from typing import Any

from giaoban_qa.i18n import Localized

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Localized):
    """The command line or configuration asks for something that cannot be done: printed as
    one line, exit code 2. Raised with a catalogue key and its parameters
    (``UsageError("usage.jobs", option="--jobs")``) or with the :class:`~giaoban_qa.i18n.Text`
    of a lower layer's error; rendered in the user's language by the command line."""


class RuleCrash(Localized):
    """A rule raised on a document: a bug, not a finding. The run stops with exit code 2
    naming the rule, unless ``--keep-going`` (then it is said on stderr and skipped), so
    that no setting or input can make a rule fall silent with exit code 0."""


class SchemaFailure(Exception):
    """Rows an extractor produced that break its table's declared schema."""

    def __init__(self, table: str, failures: list[dict[str, Any]]) -> None:
        from giaoban_qa.i18n import t

        super().__init__(t("schema.breaks", "en", table=table, n=len(failures)))
        self.table = table
        self.failures = failures

    def __reduce__(self):  # raised in a Dask worker, re-raised in the client
        return (SchemaFailure, (self.table, self.failures))

    def report(self, limit: int = 20, lang: str = "en") -> str:
        from giaoban_qa.i18n import t

        lines = [t("schema.breaks", lang, table=self.table, n=len(self.failures))]
        for f in self.failures[:limit]:
            where = (f"{f.get('path')}:{f['line']}:{f['column']}" if f.get("line")
                     else t("schema.at-offset", lang, path=f.get("path"), start=f.get("start")))
            lines.append("  " + t("schema.failure", lang, where=where, column=f"{f['column_name']!s}", check=f["check"],
                                  value=repr(f["value"]), text=f.get("excerpt") or f.get("text") or ""))
        if len(self.failures) > limit:
            lines.append("  " + t("schema.more", lang, n=len(self.failures) - limit))
        return "\n".join(lines)
