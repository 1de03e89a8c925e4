"""The parsed configuration file is kept like the shipped packs (config.py, _read_toml):
a cached read gives what tomllib gives, a file that fails to parse fails on every run,
a table JSON cannot give back is parsed each time, and a second run imports no tomllib."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tomllib

import pytest

from conftest import ROOT
from giaoban_qa import config
from giaoban_qa.config import ConfigError


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GIAOBAN_QA_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c" / "config"


TOML = ('[project]\nname = "x"\n[tool.giaoban-qa]\nlang = "en"\nselect = ["date", "number."]\n'
        'fail-on = "never"\n[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = 60\n'
        'ratio = 0.1\nwhen = 2021-03-02\nbig = 123456789012345678901234567890\nnan = nan\n')


def test_a_cached_read_is_what_tomllib_gives(cache, tmp_path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(TOML, encoding="utf-8")
    expected = tomllib.loads(TOML)
    first = config._read_toml(path)
    assert len(list(cache.iterdir())) == 1
    second = config._read_toml(path)
    assert repr(first) == repr(second) == repr(expected)  # repr: nan != nan
    assert type(second["tool"]["giaoban-qa"]["options"]["period.cited-report-late"]["when"]) is dt.date
    assert config.load_config(tmp_path).lang == "en"


def test_an_edited_file_is_parsed_again_and_a_broken_one_fails_every_time(cache, tmp_path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.giaoban-qa]\nlang = "en"\n', encoding="utf-8")
    assert config.load_config(tmp_path).lang == "en"
    path.write_text('[tool.giaoban-qa]\nlang = "vi"\n', encoding="utf-8")
    assert config.load_config(tmp_path).lang == "vi"
    path.write_text('[tool.giaoban-qa\nlang = "vi"\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError):
            config.load_config(tmp_path)


def test_a_datetime_is_not_stored_but_still_read(cache, tmp_path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.giaoban-qa]\nstamp = 2021-03-02T10:00:00\n", encoding="utf-8")
    for _ in range(2):
        assert config._read_toml(path)["tool"]["giaoban-qa"]["stamp"] == dt.datetime(2021, 3, 2, 10)
    assert not cache.exists() or not list(cache.iterdir())


def test_a_second_run_imports_no_tomllib(tmp_path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.giaoban-qa]\nfail-on = "never"\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "GIAOBAN_QA_CACHE_DIR": str(tmp_path / "c")}
    code = ("import sys; from giaoban_qa.cli import main; main(['check', %r, '-f', 'json']); "
            "print('tomllib' in sys.modules, file=sys.stderr)") % str(ROOT / "examples" / "tin-tong-ket-nam-2020.txt")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
            for _ in range(2)]
    assert [r.stderr.strip().splitlines()[-1] for r in runs] == ["True", "False"], [r.stderr for r in runs]
