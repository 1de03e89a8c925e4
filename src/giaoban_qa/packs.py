"""Loading the declarative YAML packs in ``rules/``.

The shipped packs live in the repository's ``rules/`` folder (installed as
``giaoban_qa/data``). A user's folder given by ``rules-dir`` in the configuration is read
first; a pack found there with ``extend: true`` is merged over the shipped one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

SHIPPED = (Path(__file__).resolve().parent / "data").resolve()  # a dev checkout links data to rules/


class PackError(Exception):
    """A rule pack that cannot be used: a configuration error, not a rule's bug."""


def yaml_error_summary(exc: Exception) -> str:
    """One line for a YAML (or decoding) error, whose own text spans several lines with
    the offending line and a caret."""
    mark = getattr(exc, "problem_mark", None)
    what = getattr(exc, "problem", None) or (str(exc).strip().split("\n")[0] or type(exc).__name__)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return f"{what}{where}"


# Files a user or an archive supplies (review files, sidecars, groups files, rule packs of a
# rules-dir, check suites) are read by ``load_user_yaml``: none of these formats needs an
# alias, and a 555-byte "billion laughs" of aliases exhausted memory in a minute. Nesting
# is bounded too (a deep document hit the recursion limit with a traceback).
MAX_YAML_DEPTH = 100


def load_user_yaml(text: str) -> Any:
    """``yaml.safe_load`` that refuses aliases and nesting deeper than ``MAX_YAML_DEPTH``;
    the refusal is a ``yaml.YAMLError``, so callers report it like any syntax error."""
    import yaml

    loader = _user_loader()(text)
    try:
        return loader.get_single_data()
    except RecursionError:
        raise yaml.YAMLError(f"nested too deeply (more than {MAX_YAML_DEPTH} levels)") from None
    finally:
        loader.dispose()


@lru_cache(maxsize=1)
def _user_loader() -> type:
    import yaml
    from yaml.composer import ComposerError

    class UserLoader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent):
                raise ComposerError(None, None, f"aliases (*{event.anchor}) are not accepted in this file", event.start_mark)
            self.depth += 1
            try:
                if self.depth > MAX_YAML_DEPTH:
                    raise ComposerError(None, None, f"nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark)
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return UserLoader


@lru_cache(maxsize=None)
def _read(path: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if Path(path).resolve().parent != SHIPPED:  # a user's pack
            return load_user_yaml(Path(path).read_text(encoding="utf-8"))
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)
    except OSError as exc:
        raise PackError(f"{path}: cannot read rule pack ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackError(f"{path}: cannot read rule pack ({yaml_error_summary(exc)})") from None


def load_pack(name: str, user_dirs: tuple[str, ...] = ()) -> Any:
    """The pack ``name`` (file ``rules/<name>.yaml``), user packs merged over shipped ones."""
    shipped_path = SHIPPED / f"{name}.yaml"
    data = _read(str(shipped_path)) if shipped_path.exists() else None
    for folder in user_dirs:
        user_path = Path(folder) / f"{name}.yaml"
        if user_path.exists() and user_path.resolve() != shipped_path.resolve():
            user = _read(str(user_path))
            if isinstance(user, dict) and user.get("extend") and isinstance(data, dict):
                data = _merge(data, user)
            else:
                data = user
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if key == "extend":
            continue
        if isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out
