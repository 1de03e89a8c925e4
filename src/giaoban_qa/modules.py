"""The modules of a package's folders, named without ``pkgutil``."""

from __future__ import annotations

import os
from typing import Iterable


def module_names(folders: Iterable[str]) -> list[str]:
    """The modules and packages in ``folders``, as ``pkgutil.iter_modules`` names them (in
    that order). ``pkgutil`` imports ``inspect`` for it (with ``ast``, ``dis`` and
    ``tokenize``: ~6 ms of a one-file check's start-up, which needs nothing else of them);
    the rule families and the extractors are listed with this instead."""
    from importlib.machinery import all_suffixes

    suffixes = sorted(all_suffixes(), key=len, reverse=True)  # ".cpython-311-x86_64-linux-gnu.so" before ".so"
    seen: set[str] = set()
    names = []
    for folder in folders:
        try:
            entries = sorted(os.listdir(folder))
        except OSError:
            continue
        for entry in entries:
            path = os.path.join(folder, entry)
            name = next((entry[: -len(s)] for s in suffixes if entry.endswith(s)), None)
            if name is None:
                if "." in entry or not os.path.isdir(path) or not os.path.isfile(os.path.join(path, "__init__.py")):
                    continue
                name = entry
            if name == "__init__" or "." in name or name in seen:
                continue
            seen.add(name)
            names.append(name)
    return names
