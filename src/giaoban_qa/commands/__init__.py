"""One module per sub-command.

Each module here defines ``add_parser(subparsers)``, which adds its sub-command and sets
``handler`` to a function of the parsed arguments returning the exit code. ``cli.py`` only
builds the parser from :data:`COMMAND_MODULES` and dispatches; what several commands share
(run configuration, common options, report output) is in :mod:`giaoban_qa.commands.common`,
and :class:`giaoban_qa.errors.UsageError` is below both. No module imports ``cli.py``.

Modules are imported when the parser is built, on every start-up: they import only
``argparse`` and the shared helpers at module level, everything else inside the handlers.
"""

from __future__ import annotations

COMMAND_MODULES: tuple[str, ...] = (
    "check",
    "annotate",
    "rules",
    "explain",
    "text",
    "facts",
    "baseline",
    "review",
    "audit",
)
