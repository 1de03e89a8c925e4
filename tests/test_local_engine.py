"""The local engine keeps its client flat: shard items go to bucket files on disk and
``--tables`` rows to one spill file per partition, so the client holds at most the
partitions still waiting for a document, and the tables and findings stay those of a run
that held everything (the Dask engine's, compared in ``test_dask_engine``)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from giaoban_qa.archive import engines
from giaoban_qa.cli import main

from archive_helpers import write_cases_and_rule_examples

pytest.importorskip("pandera")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return write_cases_and_rule_examples(tmp_path_factory.mktemp("spill") / "archive")


def _audit(archive: Path, out: Path, *extra: str) -> str:
    code = main(["audit", str(archive), "-f", "json", "-o", str(out), "--tables", str(out.with_suffix(".tables")),
                 "--partition-size", "3", "--fail-on", "never", "--engine", "local", "-j", "1", *extra])
    assert code == 0
    return out.read_text(encoding="utf-8")


def _tables(folder: Path) -> dict:
    import pandas as pd

    return {p.name: (sorted(f.name for f in p.iterdir()), pd.read_parquet(p)) for p in sorted(folder.iterdir()) if p.is_dir()}


def test_cold_run_holds_one_partition_of_rows_at_a_time(archive, tmp_path, monkeypatch):
    held: list[int] = []
    original = engines._PartWriter.add

    def add(self, ordinal, rows):
        original(self, ordinal, rows)
        held.append(len(self.rows))

    monkeypatch.setattr(engines._PartWriter, "add", add)
    text = _audit(archive, tmp_path / "cold.json", "--no-cache")
    assert len(held) == json.loads(text)["summary"]["files"] > 6
    assert max(held) <= 1  # a partition is on disk as soon as its last document is in
    tables = _tables(tmp_path / "cold.tables")
    assert "documents" in tables and len(tables["documents"][0]) >= len(held) // 3  # part.N files, one per 3 documents
    assert len(tables["documents"][1]) == len(held)


def test_a_partly_cached_run_writes_the_tables_of_a_cold_run(archive, tmp_path):
    """Cached documents come first, then the extracted ones, so partitions complete out of
    order; the parts, their rows' order and the report are those of the cold run."""
    cold = _audit(archive, tmp_path / "cold.json", "--no-cache")
    cache = tmp_path / "cache"
    files = sorted(archive.rglob("*.txt"))
    half = tmp_path / "half"
    for f in files[::2]:  # warm the cache with every other file only
        target = half / f.relative_to(archive)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
    assert main(["audit", str(half), "-f", "json", "-o", str(tmp_path / "half.json"), "--tables", str(tmp_path / "half.tables"),
                 "--cache-dir", str(cache), "--fail-on", "never", "-j", "1"]) == 0
    warm = _audit(archive, tmp_path / "warm.json", "--cache-dir", str(cache))
    assert warm == cold
    a, b = _tables(tmp_path / "cold.tables"), _tables(tmp_path / "warm.tables")
    assert a.keys() == b.keys()
    import pandas as pd

    for name in a:
        assert a[name][0] == b[name][0]
        pd.testing.assert_frame_equal(a[name][1], b[name][1])


def _shard_items() -> list[tuple]:
    items = [("rule.a", ("g", i % 7), i, 0, "t", {"path": f"{i}.txt"}, {}) for i in range(500)]
    items += [("rule.b", ("g", 1), i, 0, "t", {"path": f"{i}.txt"}, {}) for i in range(30)]
    items += [("rule.a", ("h", i % 3), i, 1, "t", {"path": f"{i}.txt"}, {}) for i in range(40)]
    return items


def test_shard_spill_groups_every_item_under_its_key(tmp_path):
    spill = engines._ShardSpill(lambda: tmp_path / "shards", hold=0)
    items = _shard_items()
    for i in range(0, len(items), 9):
        spill.add(items[i : i + 9])
    groups = dict(spill.groups())
    expected: dict = {}
    for item in items:
        expected.setdefault((item[0], item[1]), []).append(item)
    assert groups == expected
    assert len(list((tmp_path / "shards").iterdir())) > 1  # spread over buckets, not one file


@pytest.mark.parametrize("hold", [10**6, 100])
def test_shard_items_held_in_memory_come_out_as_spilled_ones(tmp_path, hold):
    """Held in memory (a small archive: no file, no folder) or spilled after ``hold`` items,
    the shards and their items come out in the order a spill from the start gives."""
    items = _shard_items()
    spilled = engines._ShardSpill(lambda: tmp_path / "all", hold=0)
    held = engines._ShardSpill(lambda: tmp_path / "held", hold=hold)
    for i in range(0, len(items), 9):
        spilled.add(items[i : i + 9])
        held.add(items[i : i + 9])
    assert list(held.groups()) == list(spilled.groups())
    assert (tmp_path / "held").exists() == (hold < len(items))


# -- facts on the local engine -----------------------------------------------------------
def test_facts_pool_keeps_standard_input_in_its_place(archive, tmp_path, capsys, monkeypatch):
    """``facts`` runs on the engine seam: ``-j 2`` (the pool) gives the rows of ``-j 1``,
    with standard input read by the client in the place it was named."""
    import io

    files = sorted(archive.rglob("*.txt"))[:5]
    stdin_text = "Ngày 03/02/2021, Ban Thường vụ họp theo Kế hoạch số 12-KH/HU ngày 05/01/2021.\n"
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8")), encoding="utf-8"))
        assert main(["facts", str(files[0]), "-", *map(str, files[1:]), "-f", "json", "-j", jobs]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    paths = [row["path"] for row in json.loads(outputs[0])["documents"]]
    assert paths == [str(files[0]), "<stdin>", *map(str, files[1:])]


def test_facts_jobs_must_be_positive(archive, capsys):
    assert main(["facts", str(archive), "-j", "0"]) == 2
    err = capsys.readouterr().err
    assert "--jobs" in err and "Traceback" not in err


def test_equal_coverage_of_files_is_one_object_in_the_client(archive):
    """The report keeps one coverage dict per distinct value, not one per file (the bulk
    of what grew in the client with the archive); the report reads the same."""
    from archive_helpers import audit
    from giaoban_qa.coverage import add_coverage, empty_coverage

    result, _stats = audit(archive)
    covs = [f.coverage for f in result.files if f.coverage]
    assert len(covs) > 6
    distinct = {json.dumps(c, sort_keys=True) for c in covs}
    assert len({id(c) for c in covs}) == len(distinct) < len(covs)
    total = empty_coverage()
    for c in covs:
        add_coverage(total, json.loads(json.dumps(c)))
    assert result.coverage() == total


@pytest.mark.parametrize("hold", [0, 5, None])
def test_spilled_file_entries_give_the_report_of_entries_in_memory(archive, tmp_path, monkeypatch, hold):
    """``audit`` keeps its file entries in a temporary file for the machine formats (after
    the first ``hold``, held in memory: 0 writes every one, None the default, where this
    small archive stays in memory); the report (every format that reads entries) is the one
    of entries held in a list."""
    from archive_helpers import audit
    from giaoban_qa.archive.audit import AuditOptions, SpilledFiles, SpilledFindings, run_audit
    from giaoban_qa.config import Config
    from giaoban_qa.reporters import junit, json_report, sarif

    if hold is not None:
        monkeypatch.setattr(SpilledFiles, "HOLD", hold)
        monkeypatch.setattr(SpilledFindings, "HOLD", hold)

    held, _ = run_audit([str(archive)], Config(), AuditOptions(jobs=1))
    spilled, _ = run_audit([str(archive)], Config(), AuditOptions(jobs=1, spill_files=True))
    assert isinstance(spilled.files, SpilledFiles) and not isinstance(held.files, SpilledFiles)
    assert isinstance(spilled.findings, SpilledFindings) and not isinstance(held.findings, SpilledFindings)
    assert len(spilled.findings) == len(held.findings) > 10
    assert [f.to_json() for f in spilled.findings] == [f.to_json() for f in held.findings]
    assert spilled.findings[-1].to_json() == held.findings[-1].to_json()
    assert len(spilled.files) == len(held.files) > 10
    assert [f.path for f in spilled.files] == [f.path for f in held.files] == sorted(f.path for f in held.files)
    assert spilled.files[3].path == held.files[3].path and spilled.files[-1].coverage == held.files[-1].coverage
    for module in (json_report, sarif, junit):
        assert module.render(spilled) == module.render(held)
    assert spilled.summary() == held.summary()
    assert (spilled.files.spool.fh is None) == (spilled.findings.spool.fh is None) == (hold is None)  # written out past the hold only


def test_spilled_findings_sort_by_the_key_and_survive_a_baseline(archive, tmp_path):
    """The spilled findings sort by any key of the findings they hold, and a baseline
    keeps the survivors spilled, in order."""
    from giaoban_qa.archive.audit import SpilledFindings
    from giaoban_qa.baseline import apply_baseline, baseline_dict
    from giaoban_qa.engine import RunResult
    from archive_helpers import audit

    held, _ = audit(archive)
    spilled = SpilledFindings()
    spilled.extend(reversed(list(held.findings)))
    assert [f.fingerprint for f in spilled] == [f.fingerprint for f in reversed(list(held.findings))]
    spilled.sort(key=lambda f: (f.path, f.start, f.end, f.rule))
    assert [f.fingerprint for f in spilled] == [f.fingerprint for f in held.findings]
    spilled.sort(key=lambda f: (f.rule, f.path, f.start))
    assert [f.rule for f in spilled] == sorted(f.rule for f in held.findings)

    first_half = RunResult(findings=list(held.findings)[: len(held.findings) // 2])
    path = tmp_path / "baseline.json"
    import json

    path.write_text(json.dumps(baseline_dict(first_half, path)), encoding="utf-8")
    result = RunResult(findings=SpilledFindings())
    result.findings.extend(held.findings)
    apply_baseline(result, path)
    assert isinstance(result.findings, SpilledFindings)
    assert result.baselined == len(first_half.findings)
    assert [f.fingerprint for f in result.findings] == [f.fingerprint for f in list(held.findings)[len(first_half.findings):]]


def test_spilled_entries_are_found_by_ordinal_whatever_order_they_arrive(tmp_path):
    from giaoban_qa.archive.audit import SpilledFiles

    entries = SpilledFiles(["b.txt", "a.txt", "c.txt"])
    entries.add(3, {"error": None, "kind": "txt", "coverage": {"read": {"dates": 1}}})  # standard input, after the files
    entries.add(2, {"error": "c.txt: unreadable"})
    entries.add(0, {"error": None, "kind": "txt", "coverage": {"read": {"dates": 2}}})
    assert len(entries) == 3 and [f.path for f in entries] == ["b.txt", "c.txt", "<stdin>"]  # arrival-free: by ordinal
    entries.sort(key=lambda f: f.path)
    assert [(f.path, f.error, f.coverage) for f in entries] == [
        ("<stdin>", None, {"read": {"dates": 1}}), ("b.txt", None, {"read": {"dates": 2}}), ("c.txt", "c.txt: unreadable", None)]
    assert entries[1].path == "b.txt"


def test_json_report_in_pieces_is_the_report_in_one_piece(archive, tmp_path):
    """``render_chunks`` joins to ``render``'s exact text: findings with nested evidence,
    skipped files, no findings, no files."""
    from archive_helpers import audit
    from giaoban_qa.engine import RunResult, SkippedFile
    from giaoban_qa.reporters.json_report import render, render_chunks

    result, _ = audit(archive)
    assert result.findings and result.files
    for lang in ("vi", "en"):
        assert "".join(render_chunks(result, lang)) == render(result, lang)
    result.skipped.append(SkippedFile("x.doc", "old .doc"))
    assert "".join(render_chunks(result)) == render(result)
    result.findings.clear()
    assert "".join(render_chunks(result)) == render(result)
    assert "".join(render_chunks(RunResult())) == render(RunResult())


def test_pool_hands_out_a_bounded_window_of_paths(tmp_path):
    """The pool never has more paths out than its window, however slow the caller, and a
    caller that stops early does not leave it hanging."""
    import time

    from giaoban_qa import pool

    seen_at = []
    marks = tmp_path / "marks"
    marks.mkdir()
    paths = [str(marks / f"{i:03d}") for i in range(300)]
    results = pool.map_paths(_Toucher, (), _touch, paths, 2)
    for i, r in enumerate(results):
        assert r == paths[i]
        if i % 50 == 0:
            time.sleep(0.3)  # a slow caller: workers would run ahead
            seen_at.append(len(list(marks.iterdir())) - i)
    chunk = pool.chunk_size(len(paths), 2)
    assert 0 < max(seen_at) <= pool.window_size(chunk, 2) + chunk  # the window (and a chunk being cut)
    early = pool.map_paths(_Toucher, (), _touch, paths, 2)
    assert next(early) == paths[0]
    started = time.monotonic()
    early.close()
    assert time.monotonic() - started < 10


class _Toucher:
    pass


def _touch(_state, path: str) -> str:
    Path(path).touch()
    return path
