"""Archive mode: a whole archive of reports at once.

``giaoban-qa audit`` runs every per-document rule and the cross-document rules of
``archive.rules`` over facts extracted in parallel (``parallel``), cached by content
(``cache``), grouped by issuing body (``grouping``), validated against the table schemas
(``schemas``) and optionally checked by user-written Great Expectations suites
(``checks``). Nothing heavy is imported here: ``check`` loads ``archive.rules`` (through
``giaoban_qa.rules.archive``) to list the cross-document rules.
"""
