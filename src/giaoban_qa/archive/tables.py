"""Writing fact tables: schema validation first, then Parquet (one file per table)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_parquet_tables(tables: dict[str, list[dict[str, Any]]], output: str | os.PathLike | None) -> list[Path]:
    """Validate every table and write ``DIR/<table>.parquet``; returns the files written.
    Nothing is written when one table fails its schema."""
    if not output:
        from giaoban_qa.errors import UsageError

        raise UsageError("usage.parquet-needs-folder")
    from giaoban_qa.archive.schemas import validate_tables

    frames = validate_tables(tables)
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        frame = frame.copy()
        for column in frame.columns:
            if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, (dict, list))).any():
                frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v)
        target = folder / f"{name}.parquet"
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet", dir=str(folder))
        os.close(fd)
        try:
            frame.to_parquet(tmp, index=False, engine="pyarrow")
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written


def prepare_for_output(tables: dict[str, list[dict[str, Any]]], paths: list[str]) -> None:
    """Groups from the user's sidecar file into the documents rows, then schema validation
    (raises ``SchemaFailure``) before any table is written."""
    from giaoban_qa.archive.grouping import find_sidecars, sidecar_group
    from giaoban_qa.archive.schemas import validate_tables

    entries = find_sidecars(paths)
    for row in tables.get("documents", []):
        group = sidecar_group(row["path"], entries)
        if group is not None:
            row["group"], row["group_source"] = group, "sidecar"
    validate_tables(tables)
