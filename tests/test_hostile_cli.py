"""Careless and hostile command lines and settings (issue 17.4, 17.9-17.11, 17.13): outputs
that cannot destroy files, settings validated with one-line errors and exit 2, a crashing
rule that cannot pass silently, --jobs clamped, our own HTML report never read back."""

from __future__ import annotations

import json
import os
import stat

import pytest

from giaoban_qa.cli import main

REPORT = "BÁO CÁO\nNgày 31/4/2020, Huyện ủy tổ chức giao ban về Covid 19.\n"


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _one_line_usage_error(code, err):
    assert code == 2, err
    assert err.startswith("giaoban-qa") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


# -- 17.4: -o -----------------------------------------------------------------------------


def test_output_naming_an_input_is_refused_and_the_input_kept(report, capsys):
    code, _, err = run(["check", str(report), "-f", "json", "-o", str(report), "--lang", "en"], capsys)
    _one_line_usage_error(code, err)
    assert "one of the files being checked" in err
    assert report.read_text(encoding="utf-8") == REPORT


def test_output_symlink_is_not_followed_nor_replaced(report, tmp_path, capsys):
    target = tmp_path / "precious.json"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    code, _, err = run(["check", str(report), "-f", "json", "-o", str(link), "--lang", "en"], capsys)
    _one_line_usage_error(code, err)
    assert "symbolic link" in err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep me"


def test_output_to_a_character_device_writes_through(report, tmp_path, capsys):
    # A private null device, never the system's: a regression here must not replace the
    # machine's own /dev/null (other processes, CI itself, write to it).
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("creating a device node needs root")
    assert main(["check", str(report), "-f", "json", "-o", str(device)]) == 1
    assert stat.S_ISCHR(os.stat(device).st_mode)  # still the device, not a file


def test_output_to_a_fifo_writes_through(report, tmp_path, capsys):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    assert main(["check", str(report), "-f", "json", "-o", str(fifo)]) == 1
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(got[0])["findings"]


def test_output_dev_stdout_and_a_link_to_it_write_to_standard_output(report, tmp_path, capsys):
    for target in ("/dev/stdout", "-"):
        code, out, _ = run(["check", str(report), "-f", "json", "-o", target], capsys)
        assert code == 1 and json.loads(out)["findings"]


def test_output_whose_parent_is_a_file_says_so(report, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(["check", str(report), "-f", "json", "-o", str(blocker / "out.json"), "--lang", "en"], capsys)
    _one_line_usage_error(code, err)
    assert "is a file, not a folder" in err or "a folder on the path is a file" in err


def test_regular_output_is_still_written_atomically(report, tmp_path, capsys):
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    assert main(["check", str(report), "-f", "json", "-o", str(out)]) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]


# -- 17.9, 17.10: settings ---------------------------------------------------------------

BAD_SETTINGS = {
    "option of the wrong type": '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = "sixty"\n',
    "option as a list": '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = [1]\n',
    "option infinite": '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = 1e999\n',
    "unknown option": '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_dayz = 3\n',
    "options of an unknown rule": '[tool.giaoban-qa.options."no.such-rule"]\nx = 1\n',
    "section a string": '[tool]\ngiaoban-qa = "x"\n',
    "section a list": "tool = {giaoban-qa = [1, 2]}\n",
    "tool a string": 'tool = "x"\n',
    "max-size infinite": "[tool.giaoban-qa]\nmax-size = inf\n",
    "max-size huge": "[tool.giaoban-qa]\nmax-size = 1e308\n",
    "severity a list": '[tool.giaoban-qa.severity]\n"date.impossible" = ["error"]\n',
    "missing rules-dir": '[tool.giaoban-qa]\nrules-dir = "nope"\n',
    "rules-dir a file": '[tool.giaoban-qa]\nrules-dir = "r.txt"\n',
    "5000-deep TOML": "[tool.giaoban-qa]\nx = " + "[" * 5000 + "]" * 5000 + "\n",
}


@pytest.mark.parametrize("name", sorted(BAD_SETTINGS))
def test_bad_settings_are_one_line_usage_errors(report, tmp_path, capsys, name):
    (tmp_path / "pyproject.toml").write_text(BAD_SETTINGS[name], encoding="utf-8")
    code, _, err = run(["check", str(report), "-f", "json", "--lang", "en"], capsys)
    _one_line_usage_error(code, err)
    assert "unknown key" not in err


def test_section_a_string_is_named_as_such(report, tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool]\ngiaoban-qa = "x"\n', encoding="utf-8")
    _, _, err = run(["check", str(report), "-f", "json", "--lang", "en"], capsys)
    assert "[tool.giaoban-qa] must be a table" in err


@pytest.mark.parametrize("value", ["inf", "1e308", "nan", "0", "-1"])
def test_max_size_flag_out_of_range_is_a_usage_error(report, capsys, value):
    with pytest.raises(SystemExit) as exc:
        main(["check", str(report), "--max-size", value])
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_good_option_values_still_work(report, tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = 60\n', encoding="utf-8")
    code, out, err = run(["check", str(report), "-f", "json"], capsys)
    assert code == 1 and json.loads(out)["findings"], err


def test_deep_baseline_json_is_a_usage_error(report, tmp_path, capsys):
    deep = tmp_path / "baseline.json"
    deep.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    code, _, err = run(["check", str(report), "--baseline", str(deep), "-f", "json"], capsys)
    _one_line_usage_error(code, err)


def test_symlink_loop_on_the_command_line_is_an_input_error(tmp_path, capsys):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, _, err = run(["check", str(tmp_path / "a"), "-f", "json"], capsys)
    assert code == 2 and "Traceback" not in err and "link" in err


# -- 17.9: a crashing rule ---------------------------------------------------------------


@pytest.fixture
def crashing_rule(monkeypatch):
    from giaoban_qa.rules import all_rules

    rule = all_rules()["date.impossible"]

    def boom(self, doc, ctx):
        raise ValueError("simulated bug")
        yield  # pragma: no cover

    monkeypatch.setattr(rule, "check", boom)
    return rule


def test_internal_error_in_a_rule_is_exit_2_naming_it(report, capsys, crashing_rule):
    code, _, err = run(["check", str(report), "-f", "json", "--fail-on", "never"], capsys)
    _one_line_usage_error(code, err)
    assert "date.impossible" in err and "simulated bug" in err


def test_keep_going_reports_and_skips_the_crashing_rule(report, capsys, crashing_rule):
    code, out, err = run(["check", str(report), "-f", "json", "--keep-going", "--fail-on", "warning"], capsys)
    assert code == 1 and "date.impossible" in err
    assert json.loads(out)["findings"]  # the other rules still ran


_CRASH_IN_WORKERS = """
import os, sys
import giaoban_qa.archive.parallel as parallel
from giaoban_qa.cli import main
from giaoban_qa.rules import all_rules

def boom(self, doc, ctx):
    raise ValueError(f"simulated bug in process {os.getpid()}")
    yield

all_rules()["date.impossible"].check = boom
parallel.default_jobs = lambda: 4  # workers even on a one-core machine
print(f"parent {os.getpid()}", file=sys.stderr, flush=True)
sys.exit(main(sys.argv[1:]))
"""


def _audit_with_a_crashing_rule(tmp_path, *options):
    """``audit -j 2`` in a real process whose pool workers (forked, or spawned where fork is
    missing) run a per-document rule that raises."""
    import subprocess
    import sys
    from pathlib import Path

    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(4):
        (folder / f"r{i}.txt").write_text(REPORT, encoding="utf-8")
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": str(src) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, "-c", _CRASH_IN_WORKERS, "audit", str(folder), "--no-cache", "-j", "2", "-f", "json", "--no-progress", *options],
        capture_output=True, text=True, env=env, timeout=300,
    )
    parent = int(done.stderr.split("parent ", 1)[1].split()[0])
    return done, parent


def test_a_rule_crashing_in_an_audit_worker_is_exit_2_naming_it(tmp_path):
    import multiprocessing

    done, parent = _audit_with_a_crashing_rule(tmp_path)
    lines = [line for line in done.stderr.splitlines() if not line.startswith("parent ")]
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 1 and "date.impossible" in lines[0] and "--keep-going" in lines[0], done.stderr
    if "fork" in multiprocessing.get_all_start_methods():  # spawned workers do not see the patched rule
        crashed_in = int(lines[0].split("simulated bug in process ", 1)[1].split()[0].rstrip(":,)"))
        assert crashed_in != parent  # it was a worker that crashed, not the audit process
    assert not done.stdout.strip()  # no report that looks complete


def test_keep_going_skips_a_rule_crashing_in_an_audit_worker(tmp_path):
    done, _ = _audit_with_a_crashing_rule(tmp_path, "--keep-going")
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    assert "date.impossible" in done.stderr and "simulated bug" in done.stderr
    data = json.loads(done.stdout)
    rules = {f["rule"] for f in data["findings"]}
    assert rules and "date.impossible" not in rules  # the other rules still ran on every file


# -- 17.11: --jobs -----------------------------------------------------------------------


def test_jobs_is_clamped_to_files_and_cores_with_a_note(report, tmp_path, capsys):
    code, out, err = run(["audit", str(report), "--no-cache", "-j", "300", "-f", "json", "--no-progress", "--lang", "en"], capsys)
    assert code == 1 and json.loads(out)["findings"]
    assert "--jobs 300 lowered to 1" in err


# -- 17.13: our own HTML report in a checked folder -------------------------------------


def test_html_report_in_a_checked_folder_is_not_read_back(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = folder / "report.html"
    assert main(["check", "reports", "-f", "html", "-o", str(out)]) == 1
    capsys.readouterr()
    code, stdout, _ = run(["check", "reports", "-f", "json"], capsys)
    assert [f["path"] for f in json.loads(stdout)["files"]] == [os.path.join("reports", "r.txt")]


# -- 17.9: patterns in a user's rule packs ------------------------------------------------


def _user_terms(tmp_path, pattern: str) -> None:
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "terms.yaml").write_text(
        "extend: true\nterms:\n  - canonical: \"Ba Chẽ\"\n    pattern: '" + pattern + "'\n", encoding="utf-8"
    )
    (tmp_path / "pyproject.toml").write_text('[tool.giaoban-qa]\nrules-dir = "my-rules"\n', encoding="utf-8")


def test_broken_pattern_in_a_user_pack_is_a_configuration_error(report, tmp_path, capsys):
    _user_terms(tmp_path, "Ba (Chẽ")
    code, _, err = run(["check", str(report), "-f", "json", "--lang", "en"], capsys)
    _one_line_usage_error(code, err)
    assert "terms" in err and "not a valid regular expression" in err


def test_user_pack_entry_of_the_wrong_shape_is_a_configuration_error(report, tmp_path, capsys):
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "terms.yaml").write_text("extend: true\nterms:\n  - just a string\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.giaoban-qa]\nrules-dir = "my-rules"\n', encoding="utf-8")
    code, _, err = run(["check", str(report), "-f", "json"], capsys)
    _one_line_usage_error(code, err)
    assert "terms" in err


def test_the_time_limit_of_a_pack_pattern_is_a_budget_per_document_not_per_call(monkeypatch):
    """A pattern called at every occurrence of a word once had the whole limit at each call."""
    from giaoban_qa import packpatterns
    from giaoban_qa.packs import PackError

    text = "Ba Chẽ " * 100
    budget = packpatterns.document_budget(len(text))
    step = budget / 2.5
    now = [0.0]

    def clock() -> float:  # read before and after each call: every call "takes" budget / 2.5
        now[0] += step
        return now[0]

    monkeypatch.setattr(packpatterns, "_clock", clock)
    pattern = packpatterns.PackPattern("Ba Chẽ", 0, "terms")
    packpatterns.new_document(len(text))
    # 0.4, 0.8, then 1.2 budgets spent: the third call still started within the budget,
    # the fourth has nothing left.
    assert pattern.match(text, 0) and pattern.match(text, 7) and pattern.match(text, 14)
    with pytest.raises(PackError, match="takes too long"):
        pattern.match(text, 21)
    # A new document has a new budget; another pattern has its own.
    packpatterns.new_document(len(text))
    assert pattern.search(text) and packpatterns.PackPattern("Chẽ", 0, "terms").search(text)
    assert len(list(pattern.finditer(text))) == 100


def test_catastrophic_pattern_in_a_user_pack_is_stopped(tmp_path, capsys):
    """(a|aa)+$ backtracks exponentially on a run of a's; with re it never ended."""
    path = tmp_path / "r.txt"
    path.write_text("Ngày 1/1/2020 " + "a" * 60 + "!\n", encoding="utf-8")
    _user_terms(tmp_path, "(a|aa)+$")
    code, _, err = run(["check", str(path), "-f", "json", "--lang", "en"], capsys)
    _one_line_usage_error(code, err)
    assert "takes too long" in err
