"""The command-line entry point sits on top of the package: the modules it dispatches to
never import it back, so no import cycle runs through ``giaoban_qa.cli``."""

from __future__ import annotations

import ast
from pathlib import Path

import giaoban_qa

PACKAGE_DIR = Path(giaoban_qa.__file__).parent


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """Every ``giaoban_qa`` module and the ``giaoban_qa`` modules it imports anywhere in its
    body (imports inside functions included: they are the ones that made the old cycle)."""
    modules = {module_name(p): p for p in PACKAGE_DIR.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                found = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            targets.update(t for t in found if t in modules and t != name)
        graph[name] = targets
    return graph


def test_graph_sees_the_package() -> None:
    graph = import_graph()
    assert "giaoban_qa.cli" in graph and "giaoban_qa.commands.check" in graph["giaoban_qa.cli"] or any(
        t.startswith("giaoban_qa.commands") for t in graph["giaoban_qa.cli"]
    )


def test_no_module_imports_the_cli() -> None:
    importers = sorted(name for name, targets in import_graph().items() if "giaoban_qa.cli" in targets)
    # ``python -m giaoban_qa`` is the entry point itself, like the console script.
    assert importers == ["giaoban_qa.__main__"]


def test_no_cycle_through_the_cli() -> None:
    graph = import_graph()
    seen: set[str] = set()
    stack = list(graph["giaoban_qa.cli"])
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        stack.extend(graph.get(name, ()))
    assert "giaoban_qa.cli" not in seen, "a module reachable from cli.py imports cli.py back"


def test_each_command_in_its_own_module() -> None:
    from giaoban_qa.cli import build_parser
    from giaoban_qa.commands import COMMAND_MODULES

    parser = build_parser()
    sub = next(a for a in parser._subparsers._group_actions if a.choices)  # type: ignore[union-attr]
    for command, subparser in sub.choices.items():
        handler = subparser.get_default("handler")
        assert handler.__module__ == f"giaoban_qa.commands.{command}", command
    assert set(sub.choices) == set(COMMAND_MODULES)
