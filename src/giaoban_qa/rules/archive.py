"""Cross-document rules live in ``giaoban_qa.archive.rules``; importing them here registers
them with every other rule, so ``rules``, ``explain`` and ``--select`` know them. They find
nothing in ``check`` (one document at a time); ``giaoban-qa audit`` runs them."""

from giaoban_qa.archive.rules import *  # noqa: F401,F403
