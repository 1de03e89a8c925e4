"""Loading the declarative YAML packs in ``rules/``.

The shipped packs live in the repository's ``rules/`` folder (installed as
``giaoban_qa/data``). A user's folder given by ``rules-dir`` in the configuration is read
first; a pack found there with ``extend: true`` is merged over the shipped one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from giaoban_qa.i18n import Localized

SHIPPED = Path(__file__).resolve().parent / "data"
# In a source checkout ``data`` is a link to the repository's ``rules/``: the packs' own
# folder is then the link's target, and a shipped pack must still be read as shipped (by
# the C loader, ~20x faster than the guarded pure-Python one users' files go through).
_SHIPPED_REAL = SHIPPED.resolve()


class PackError(Localized):
    """A rule pack that cannot be used: a configuration error, not a rule's bug (a catalogue
    key and its parameters)."""


def yaml_error_summary(exc: Exception):
    """One line for a YAML (or decoding) error, whose own text spans several lines with
    the offending line and a caret: a :class:`~giaoban_qa.i18n.Text` naming the line and
    column."""
    from giaoban_qa.i18n import syntax_error

    return syntax_error(exc)


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
    user = Path(path).resolve().parent != _SHIPPED_REAL
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        from giaoban_qa.i18n import os_reason

        raise PackError("pack.unreadable", path=str(path), error=os_reason(exc)) from None
    if user:
        return _parse(path, raw, user=True)
    cached = _from_cache(raw)
    if cached is not _MISSING:
        return cached
    data = _parse(path, raw, user=False)
    _to_cache(raw, data)
    return data


def _parse(path: str, raw: bytes, user: bool) -> Any:
    import io

    import yaml

    try:
        # Decoded as a text file reads it (UTF-8, universal newlines), as before.
        text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8").read()
        if user:
            return load_user_yaml(text)
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackError("pack.unreadable", path=str(path), error=yaml_error_summary(exc)) from None


# -- the shipped packs' parse cache ---------------------------------------------------------
# A cold ``check`` of one file spent ~15 ms importing PyYAML and parsing the shipped packs,
# a tenth of its start-up. A shipped pack's parsed data is therefore kept as JSON in the
# user's cache folder, under the SHA-1 of the pack's bytes: an edited pack has other bytes
# and is parsed again, a damaged or unreadable cache entry is ignored, and nothing is
# written when the folder cannot be (``GIAOBAN_QA_CACHE_DIR=""`` turns the cache off).
# Users' packs are never cached (their guarded loader is the point). JSON, not pickle or
# marshal: reading a tampered cache file can only fail, never run code.
_MISSING = object()
_DATE_TAG = "\u0000date"
_CACHE_FORMAT = 1


# ``kind`` names the folder of one kind of source (``packs``, YAML; ``config``, TOML): the
# same bytes parse differently as YAML and as TOML, so their entries must never meet.
def _cache_folder(kind: str = "packs") -> Path | None:
    import os

    explicit = os.environ.get("GIAOBAN_QA_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) / kind if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "giaoban-qa" / kind


def _cache_file(raw: bytes, kind: str = "packs") -> Path | None:
    from giaoban_qa.digests import sha1

    folder = _cache_folder(kind)
    if folder is None:
        return None
    return folder / f"{sha1(raw).hexdigest()}-v{_CACHE_FORMAT}.json"


def _from_cache(raw: bytes, kind: str = "packs") -> Any:
    import json

    try:
        file = _cache_file(raw, kind)
        if file is None:
            return _MISSING
        with open(file, encoding="utf-8") as fh:
            return json.load(fh, object_hook=_decode_date)
    except (OSError, ValueError, TypeError, RecursionError):
        return _MISSING


def _to_cache(raw: bytes, data: Any, kind: str = "packs") -> None:
    import json
    import os

    try:
        file = _cache_file(raw, kind)
        if file is None:
            return
        text = json.dumps(_encode(data), ensure_ascii=False, allow_nan=True)
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, file)  # a reader sees the whole entry or none
    except (OSError, ValueError, TypeError, RecursionError):
        pass  # no cache this time: the pack was read all the same


def _encode(value: Any) -> Any:
    """``value`` in JSON's types, dates tagged; ``ValueError`` for anything JSON would not
    give back the same (a non-string key, a set, bytes, a datetime)."""
    import datetime as dt

    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if any(not isinstance(k, str) for k in value) or _DATE_TAG in value:
            raise ValueError("not cacheable")
        return {k: _encode(v) for k, v in value.items()}
    if type(value) is dt.date:
        return {_DATE_TAG: value.isoformat()}
    raise ValueError("not cacheable")


def _decode_date(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and _DATE_TAG in obj:
        import datetime as dt

        return dt.date.fromisoformat(obj[_DATE_TAG])
    return obj


# The packs looked up in this run, by (name, user folders): rules ask for a pack several
# times per document, and each lookup was a few ``stat`` calls and, for a user's pack, a
# fresh merge. ``forget_lookups`` (at the start of every run) makes a user's new or
# removed pack file count from the next run, as before.
_LOOKUPS: dict[tuple[str, tuple[str, ...]], Any] = {}


def forget_lookups() -> None:
    """Start a new run: look the pack files up again on their next use."""
    _LOOKUPS.clear()


def load_pack(name: str, user_dirs: tuple[str, ...] = ()) -> Any:
    """The pack ``name`` (file ``rules/<name>.yaml``), user packs merged over shipped ones."""
    key = (name, tuple(user_dirs))
    try:
        return _LOOKUPS[key]
    except KeyError:
        pass
    data = _lookup(name, key[1])
    _LOOKUPS[key] = data
    return data


def _lookup(name: str, user_dirs: tuple[str, ...]) -> Any:
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
