"""The engine seam: shards give the findings of the whole archive, and ``--engine dask``
(a LocalCluster of 2 worker processes, and a scheduler with 2 workers started with the
``dask`` command line on 127.0.0.1) gives the same report and the same Parquet tables as
``--engine local``, also when a worker is killed in the middle of the run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from giaoban_qa.archive.base import LOCATION_KEYS, ArchiveFacts, ArchiveRule
from giaoban_qa.archive.pipeline import Worker, located_to_dict
from giaoban_qa.archive.shards import DOC_FIELDS, ShardPlan, reduce_shard, shard_id, summarise
from giaoban_qa.cli import main
from giaoban_qa.config import Config
from giaoban_qa.rules import RuleContext, all_rules

from archive_helpers import write_archive, write_cases_and_rule_examples
from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "archive_cases"
ARCHIVE_RULES = {code: cls for code, cls in all_rules().items() if issubclass(cls, ArchiveRule)}
SAMPLE = 60  # pool articles: enough for every table and a few findings, small for CI

distributed = pytest.importorskip("distributed")


def _case_files() -> list[Path]:
    return sorted(p for p in CASES.rglob("*.txt"))


def _build_archive(folder: Path, with_pool: bool = True) -> Path:
    """archive_cases, every cross-document rule's examples, and a seeded sample of the pool."""
    write_cases_and_rule_examples(folder)
    if with_pool:
        pool = SHARED / "corpus" / "pool" / "magizbox-vn-news-2017.jsonl.gz"
        if pool.is_file():
            sys.path.insert(0, str(ROOT / "benchmarks"))
            os.environ.setdefault("GIAOBAN_QA_SHARED", str(SHARED))
            from pool import sample_articles

            for article in sample_articles(SAMPLE, seed=16, held_out=None):
                (folder / "pool").mkdir(exist_ok=True)
                (folder / "pool" / f"{article['index']:05d}.txt").write_text(article["text"], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return _build_archive(tmp_path_factory.mktemp("engine") / "archive")


def _audit(archive: Path, out: Path, *extra: str) -> tuple[int, str]:
    tables = out.with_suffix(".tables")
    code = main(["audit", str(archive), "-f", "json", "-o", str(out), "--no-cache", "--tables", str(tables),
                 "--partition-size", "10", "--fail-on", "never", *extra])
    return code, out.read_text(encoding="utf-8")


def _tables_equal(a: Path, b: Path) -> None:
    import pandas as pd

    names = sorted(p.name for p in a.iterdir() if p.is_dir())
    assert names == sorted(p.name for p in b.iterdir() if p.is_dir()) and "documents" in names
    for name in names:
        assert sorted(p.name for p in (a / name).iterdir()) == sorted(p.name for p in (b / name).iterdir())
        left, right = pd.read_parquet(a / name), pd.read_parquet(b / name)
        pd.testing.assert_frame_equal(left, right)
        assert len(left) > 0 or name in ("people", "places", "quantities")


@pytest.fixture(scope="module")
def local_run(archive, tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("local") / "local.json"
    code, text = _audit(archive, out, "--engine", "local", "-j", "2")
    assert code == 0
    data = json.loads(text)
    assert data["summary"]["files"] >= len(_case_files())
    # The archive has cross-document findings, so the comparison covers the shards.
    assert {f["rule"] for f in data["findings"]} & set(ARCHIVE_RULES)
    return out, text


# -- shards ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def records(archive) -> list[tuple[str, dict]]:
    """Every document of the archive through the per-document pipeline, once."""
    worker = Worker(Config(select=["ALL"], strict=True))
    return [(str(p), worker.process_path(str(p))) for p in sorted(archive.rglob("*.txt"))]


def _whole_archive_findings(records, code: str) -> list[dict]:
    """The rule over the whole archive at once, as the audit ran it before shards."""
    plan = ShardPlan.for_rules([ARCHIVE_RULES[code]()])
    archive = ArchiveFacts()
    for path, record in records:
        if record.get("error"):
            continue
        doc = dict(record["tables"]["documents"][0], path=path)
        archive.documents[path] = {k: doc.get(k) for k in DOC_FIELDS}
        for table in ARCHIVE_RULES[code].tables:
            cols = plan.columns.get(table, LOCATION_KEYS[1:])
            archive.tables.setdefault(table, []).extend({"path": path, **{k: r.get(k) for k in cols}} for r in record["tables"].get(table, []))
    rule = ARCHIVE_RULES[code]()
    return [{**located_to_dict(f), "path": f.path} for f in rule.check_archive(archive, RuleContext())]


def _sharded_findings(records, code: str) -> list[dict]:
    plan = ShardPlan.for_rules([ARCHIVE_RULES[code]()])
    shards: dict = {}
    for ordinal, (path, record) in enumerate(records):
        _doc, items = summarise(record, path, ordinal, plan, plan.rules())
        for item in items:
            shards.setdefault(shard_id(item), []).append(item)
    return [d for key in shards for d in reduce_shard(shards[key], {}, [], strict=True)]


FOUND: dict[str, int] = {}


@pytest.mark.parametrize("code", sorted(ARCHIVE_RULES))
def test_shards_find_what_the_whole_archive_finds(code, records):
    """Every cross-document rule compares rows only within its shard key: on its examples,
    the archive cases and the pool sample, the findings of all shards are those of the rule
    run over everything at once."""
    whole = _whole_archive_findings(records, code)
    sharded = _sharded_findings(records, code)
    key = lambda d: (d["path"], d["start"], d["fingerprint"], json.dumps(d, sort_keys=True, ensure_ascii=False))  # noqa: E731
    assert sorted(sharded, key=key) == sorted(whole, key=key)
    FOUND[code] = len(whole)


def test_the_shard_comparison_is_not_empty():
    """Most rules find something in their own examples (some need extractors other
    branches are still building), so the comparison above compares findings."""
    if len(FOUND) < len(ARCHIVE_RULES):
        pytest.skip("run with the shard tests")
    assert sum(1 for n in FOUND.values() if n) >= len(ARCHIVE_RULES) // 2, FOUND


# -- Dask against local ------------------------------------------------------------------
def test_local_cluster_equals_local_engine(archive, local_run, tmp_path):
    local_out, local_text = local_run
    out = tmp_path / "dask.json"
    code, text = _audit(archive, out, "--engine", "dask", "-j", "2")
    assert code == 0
    assert text == local_text  # findings, ordering and summary byte for byte
    _tables_equal(local_out.with_suffix(".tables"), out.with_suffix(".tables"))


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two workers as real processes (``dask_cluster``: they die with the
    test run, even a killed one)."""
    from dask_cluster import Cluster, dask_command

    if dask_command() is None:
        pytest.skip("the dask command line is not installed")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    try:
        c = Cluster(tmp_path, env)
    except TimeoutError as exc:
        pytest.fail(str(exc))
    yield c
    c.close()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cluster_processes_die_when_the_test_run_is_killed(tmp_path):
    """A test process killed outright (no finaliser runs) leaves no scheduler or worker."""
    from dask_cluster import dask_command

    if dask_command() is None:
        pytest.skip("the dask command line is not installed")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests"), os.environ.get("PYTHONPATH", "")])}
    parent = subprocess.Popen([sys.executable, str(ROOT / "tests" / "dask_cluster.py"), str(tmp_path), "1"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = parent.stdout.readline()
        assert line, parent.stderr.read()[-2000:]
        pids = json.loads(line)
        assert len(pids) == 2 and all(_alive(pid) for pid in pids)
    finally:
        parent.kill()
        parent.wait(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.2)
    left = [pid for pid in pids if _alive(pid)]
    for pid in left:  # do not leave them to the next test run either
        os.kill(pid, signal.SIGKILL)
    assert not left


def test_scheduler_and_workers_from_the_command_line_equal_local(archive, local_run, cluster, tmp_path):
    local_out, local_text = local_run
    out = tmp_path / "cli.json"
    code, text = _audit(archive, out, "--scheduler", cluster.address)
    assert code == 0
    assert text == local_text
    _tables_equal(local_out.with_suffix(".tables"), out.with_suffix(".tables"))


def test_a_worker_killed_mid_run_the_audit_completes_identically(archive, local_run, cluster, tmp_path):
    """Dask re-runs the killed worker's tasks (and recomputes results it held) on the
    other worker: the report is the same as without the failure."""
    from distributed import Client

    _local_out, local_text = local_run
    out = tmp_path / "killed.json"
    cmd = [sys.executable, "-m", "giaoban_qa", "audit", str(archive), "-f", "json", "-o", str(out), "--no-cache",
           "--scheduler", cluster.address, "--partition-size", "2", "--fail-on", "never"]
    run = subprocess.Popen(cmd, env=cluster.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    victim = cluster.workers[0]
    with Client(cluster.address, timeout="10s") as client:
        deadline = time.time() + 120
        # Kill once the victim holds finished results and the run is not over.
        while time.time() < deadline and run.poll() is None:
            held = client.run_on_scheduler(lambda dask_scheduler: sum(len(ws.has_what) for ws in dask_scheduler.workers.values()))
            if held >= 4:
                break
            time.sleep(0.05)
        assert run.poll() is None, "the run ended before a worker could be killed: make the sample larger"
        os.kill(victim.pid, signal.SIGKILL)
    stdout, stderr = run.communicate(timeout=300)
    assert victim.poll() is not None
    assert run.returncode == 0, stderr[-2000:]
    assert out.read_text(encoding="utf-8") == local_text


# -- facts through the same engines ------------------------------------------------------
def _facts(archive: Path, out: Path, *extra: str) -> tuple[str, dict]:
    """``facts`` as JSON (every table, text) and as Parquet (one file per table, frames)."""
    import pandas as pd

    out.mkdir(parents=True, exist_ok=True)
    common = [str(archive), "--partition-size", "10", *extra]
    assert main(["facts", *common, "-f", "json", "-o", str(out / "facts.json")]) == 0
    assert main(["facts", *common, "-f", "parquet", "-o", str(out / "parquet")]) == 0
    frames = {p.stem: pd.read_parquet(p) for p in sorted((out / "parquet").glob("*.parquet"))}
    return (out / "facts.json").read_text(encoding="utf-8"), frames


@pytest.fixture(scope="module")
def local_facts(archive, tmp_path_factory) -> tuple[str, dict]:
    """The reference: ``--jobs 1``, every document extracted in this process."""
    text, frames = _facts(archive, tmp_path_factory.mktemp("facts-local"), "--engine", "local", "-j", "1")
    tables = json.loads(text)
    assert "documents" in tables and len(tables["documents"]) >= len(_case_files())
    assert sum(1 for rows in tables.values() if rows) >= 4  # dates, periods, citations … have rows
    return text, frames


def _same_facts(got: tuple[str, dict], want: tuple[str, dict]) -> None:
    import pandas as pd

    assert got[0] == want[0]  # every table's rows, in order, byte for byte
    assert got[1].keys() == want[1].keys()
    for name in want[1]:
        pd.testing.assert_frame_equal(got[1][name], want[1][name])


def test_facts_local_pool_and_local_cluster_equal_one_process(archive, local_facts, tmp_path):
    _same_facts(_facts(archive, tmp_path / "pool", "--engine", "local", "-j", "2"), local_facts)
    _same_facts(_facts(archive, tmp_path / "dask", "--engine", "dask", "-j", "2"), local_facts)


def test_facts_on_scheduler_and_workers_from_the_command_line_equal_local(archive, local_facts, cluster, tmp_path):
    _same_facts(_facts(archive, tmp_path / "cli", "--scheduler", cluster.address), local_facts)


def test_facts_from_stdin_need_the_local_engine(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Ngày 01/01/2021.\n"))
    assert main(["facts", "-", "--engine", "dask", "-f", "json"]) == 2
    err = capsys.readouterr().err
    assert "--engine local" in err and "Traceback" not in err


def test_unreachable_scheduler_is_a_one_line_error(tmp_path, capsys):
    from dask_cluster import free_port

    folder = write_archive(tmp_path / "a", next(iter(ARCHIVE_RULES.values())).examples()[0])
    code = main(["audit", str(folder), "--no-cache", "--scheduler", f"tcp://127.0.0.1:{free_port()}", "-f", "json", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot reach the Dask scheduler" in err and "Traceback" not in err


def test_stdin_needs_the_local_engine(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Ngày 01/01/2021.\n"))
    assert main(["audit", "-", "--no-cache", "--engine", "dask", "-f", "json"]) == 2
    assert "--engine local" in capsys.readouterr().err
