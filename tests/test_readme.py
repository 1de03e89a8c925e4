"""The README's configuration example is a configuration the tool accepts."""

from __future__ import annotations

import tomllib

from giaoban_qa.config import from_mapping

from conftest import ROOT


def test_readme_configuration_example_is_valid(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Configuration", 1)[1].split("```toml", 1)[1].split("```", 1)[0]
    section = tomllib.loads(block)["tool"]["giaoban-qa"]
    config = from_mapping(section, tmp_path / "pyproject.toml")
    assert config.severity == {"citation.dated-after-meeting": "warning"}
    assert config.options["period.cited-report-late"] == {"max_days": 60}
    assert config.max_size == 20 * 1024 * 1024 and config.exclude == ["drafts/*"]
