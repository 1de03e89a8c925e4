"""Configuration from ``[tool.giaoban-qa]`` in pyproject.toml or from giaoban-qa.toml.

The first file found walking up from the checked path (or the working folder) wins.
Command-line flags override it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from giaoban_qa.i18n import Localized, Text, codes
from giaoban_qa.records import field, field_names, record

SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
KNOWN_KEYS = {
    "select", "ignore", "extend-select", "severity", "fail-on", "lang", "rules-dir",
    "per-file-ignores", "max-size", "options", "baseline", "exclude", "encoding",
}


# Largest --max-size / max-size (MiB): a bound keeps "inf" or 1e308 from overflowing.
MAX_SIZE_MIB = 1024 * 1024


class ConfigError(Localized):
    """A configuration file that cannot be used: a catalogue key and its parameters."""


def _section_of(data: dict[str, Any], path: Path, own_file: bool) -> dict[str, Any] | None:
    """The ``[tool.giaoban-qa]`` table (for giaoban-qa.toml the file's top level when it
    has none); a value of another shape is a configuration error, not a crash."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError("cfg.tool-not-table", path=str(path))
    section = tool.get("giaoban-qa", data if own_file else None)
    if section is not None and not isinstance(section, dict):
        raise ConfigError("cfg.section-not-table", path=str(path), type=type(section).__name__)
    return section


@record
class Config:
    """The settings of a run: the ``[tool.giaoban-qa]`` table (or giaoban-qa.toml) merged with the flags."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    lang: str = "vi"
    rules_dirs: tuple[str, ...] = ()
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    max_size: int = 20 * 1024 * 1024
    encoding: str = "auto"  # how files are decoded (see loaders.decode.ENCODINGS)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    baseline: str | None = None
    source: str | None = None  # the file this configuration came from
    stdin_filename: str | None = None  # the name text on stdin is reported and read as (flag only)
    strict: bool = False  # re-raise rule crashes as they are (tests)
    keep_going: bool = False  # --keep-going: a crashing rule is reported and skipped, not exit 2


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    try:
        start = start.resolve()
    except (RuntimeError, OSError):  # a symbolic link loop named on the command line
        import os

        start = Path(os.path.abspath(start))
    folder = start if start.is_dir() else start.parent
    for candidate_dir in (folder, *folder.parents):
        own = candidate_dir / "giaoban-qa.toml"
        if own.is_file():
            return own, _section_of(_read_toml(own), own, True)
        py = candidate_dir / "pyproject.toml"
        if py.is_file():
            section = _section_of(_read_toml(py), py, False)
            if section is not None:
                return py, section
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        from giaoban_qa.i18n import os_reason

        raise ConfigError("cfg.unreadable", path=str(path), error=os_reason(exc)) from None
    # The parsed file is kept in the cache folder under the SHA-1 of its bytes, as the
    # shipped packs are: importing tomllib and parsing the project's pyproject.toml (read on
    # every run, if only for its language) was ~9 % of a one-file check's instructions. The
    # same bytes parse to the same table; a file that fails to parse is never stored, so
    # its error is raised on every run as before.
    from giaoban_qa.packs import _from_cache, _to_cache

    cached = _from_cache(raw, kind="config")
    if isinstance(cached, dict):
        return cached
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))  # what tomllib.load does with the bytes
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        from giaoban_qa.i18n import syntax_error

        raise ConfigError("cfg.invalid", path=str(path), error=syntax_error(exc)) from None
    except RecursionError:
        raise ConfigError("cfg.too-deep", path=str(path)) from None
    _to_cache(raw, data, kind="config")  # nothing stored for a table JSON cannot give back (a datetime)
    return data


def load_config(start: Path | None = None, explicit: str | None = None) -> Config:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("cfg.not-found", path=explicit)
        section = _section_of(_read_toml(path), path, True)
        return from_mapping(section or {}, path)
    found = find_config_file(start or Path.cwd())
    if not found:
        return Config()
    path, section = found
    return from_mapping(section, path)


def from_mapping(section: dict[str, Any], path: Path | None = None) -> Config:
    where: str | Text = str(path) if path else Text("cfg.unnamed")
    unknown = set(section) - KNOWN_KEYS
    if unknown:
        raise ConfigError("cfg.unknown-keys", where=where, keys=", ".join(sorted(unknown)), n=len(unknown))
    cfg = Config(source=str(path) if path else None)
    if "select" in section:
        cfg.select = _str_list(section["select"], "select", where)
    cfg.select = cfg.select + _str_list(section.get("extend-select", []), "extend-select", where)
    cfg.ignore = _str_list(section.get("ignore", []), "ignore", where)
    sev = section.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError("cfg.severity-table", where=where)
    for rule, level in sev.items():
        if not isinstance(level, str) or level not in SEVERITIES:
            raise ConfigError("cfg.severity-level", where=where, rule=rule, choices=codes(SEVERITIES))
    cfg.severity = dict(sev)
    fail_on = section.get("fail-on", "error")
    if not isinstance(fail_on, str) or fail_on not in FAIL_ON:
        raise ConfigError("cfg.fail-on", where=where, choices=codes(FAIL_ON))
    cfg.fail_on = fail_on
    lang = section.get("lang", "vi")
    if not isinstance(lang, str) or lang not in ("vi", "en"):
        raise ConfigError("cfg.lang", where=where)
    cfg.lang = lang
    base = path.parent if path else Path.cwd()
    if "rules-dir" in section:
        dirs = _str_list(section["rules-dir"], "rules-dir", where)
        cfg.rules_dirs = tuple(str((base / d).resolve()) for d in dirs)
    pfi = section.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError("cfg.per-file-ignores", where=where)
    cfg.per_file_ignores = {k: _str_list(v, f"per-file-ignores.{k}", where) for k, v in pfi.items()}
    cfg.exclude = _str_list(section.get("exclude", []), "exclude", where)
    if "max-size" in section:
        # In MiB, like --max-size.
        size = section["max-size"]
        if isinstance(size, bool) or not isinstance(size, (int, float)) or not 0 < size <= MAX_SIZE_MIB:
            raise ConfigError("cfg.max-size", where=where, limit=MAX_SIZE_MIB)
        cfg.max_size = int(size * 1024 * 1024)
    if "encoding" in section:
        from giaoban_qa.loaders.decode import ENCODINGS

        if not isinstance(section["encoding"], str) or section["encoding"] not in ENCODINGS:
            raise ConfigError("cfg.encoding", where=where, choices=codes(ENCODINGS))
        cfg.encoding = section["encoding"]
    options = section.get("options", {})
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise ConfigError("cfg.options", where=where)
    cfg.options = dict(options)
    if "baseline" in section:
        if not isinstance(section["baseline"], str):
            raise ConfigError("cfg.baseline", where=where)
        cfg.baseline = str((base / section["baseline"]).resolve())
    return cfg


def _str_list(value: Any, key: str, where: str | Text) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError("cfg.str-list", where=where, key=key)
    return list(value)


def config_fields() -> list[str]:
    return list(field_names(Config))
