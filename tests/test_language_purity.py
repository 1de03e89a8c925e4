"""Vietnamese first, everywhere: every command, every output format and the HTML report,
run with ``--lang vi`` and ``--lang en``, shows no words of the other language.

Allowed in either language: rule ids, file paths, and the documents' own text — excerpts,
context lines, evidence values and plain-text suggestions taken from the document (collected
from the run itself), and anything in quotation marks. The detectors are simple on purpose:
Vietnamese letters (tone marks, ă â đ ê ô ơ ư) in English output, and a list of common
English words in Vietnamese output.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from giaoban_qa.cli import main
from giaoban_qa.config import Config
from giaoban_qa.engine import run_check
from giaoban_qa.rules import all_rules

ENGLISH_WORDS = re.compile(
    r"\b(the|is|of|and|not|file|files|finding|findings|error|errors|warning|warnings|checked|found|could|with|"
    r"after|before|written|suppressed|dates|citations|days|line|column|document|report|meeting|rule|category|"
    r"severity|summary|message|suggestion|evidence|consistent|inconsistent|read|open|confirmed|dismissed|"
    r"usage|options|arguments|argument|show|help|exit|invalid|choice|choose|from|required|unrecognized|unknown|must|"
    r"cannot|such|folder|default|print|only|every|each|this|that|for|configuration|needs|missing|written|page|"
    r"did|you|mean|would|other|which|when|than|into|without|comments|changes|fixed|listening|interrupted)\b",
    re.IGNORECASE,
)
# Terms both languages write the same way.
SHARED_TERMS = ("baseline", "per-file-ignores", "ignore-file", "review", "UTF-8", "UTF-16", "BOM", "HTML", "MiB", "--max-size",
                "giaoban-qa", "SARIF", "JUnit", "NUL", "python-docx", "trafilatura", ".docx", ".doc", "UniKey", "TCVN3", "VNI",
                "Windows-1258", "Windows-1252", "ABC")
# ENGLISH_PAGES: a rule's English page (its docstring) explains Vietnamese usage and names
# Vietnamese bodies ("TW goes with Bộ Chính trị", "sáp/sát nhập"), so in English only its
# headings and meta line are checked; the Vietnamese page is checked whole.
# text.tone-style-mixed names the two placements by example syllables ("hòa, thủy" against
# "hoà, thuỷ"): Vietnamese words by nature, in both languages.
SHARED_TERMS += ("hòa, thủy", "hoà, thuỷ", "(ủy)", "(uỷ)")
# Quoted text: curly quotes and guillemets may run over a wrapped line, straight ones not.
QUOTED = re.compile(r"“[^”]{0,400}”|«[^»]{0,400}»|\"[^\"\n]*\"|‘[^’\n]*’|(?<!\w)'[^'\n]{1,80}'(?!\w)|`[^`\n]*`")
RULE_ID = re.compile(r"\b[a-z]+\.[a-z0-9-]+[a-z0-9]\b")
PATHISH = re.compile(r"(?:[\w.<>=-]*/)+[\w.<>=-]*|\b[\w-]+\.(?:txt|md|html|htm|docx|json|yaml|toml|xml|sarif)\b")
VIETNAMESE = "đĐ" + "".join(ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isalpha() and
                            any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", ch)))
VIETNAMESE_RUN = re.compile(rf"\S*[{VIETNAMESE}]\S*(?:\s+\S*[{VIETNAMESE}]\S*)*")


def vietnamese_letters(text: str) -> list[str]:
    return [ch for ch in text if ch in VIETNAMESE]


class Allowed:
    """The document data of a run: whole strings (excerpts, evidence values, plain-text
    suggestions, paths) and the documents' text, in which a run of Vietnamese words that
    appears verbatim is document text (a type word and symbol in an English message)."""

    def __init__(self, data: list[str], documents: list[str]) -> None:
        # Codes of the evidence ("event", "numeric") are not document text: only values with
        # a space, a digit or a non-ASCII letter count as the document's words.
        values = sorted({d for d in data if len(d) > 2 and not re.fullmatch(r"[a-z_]+", d)}, key=len, reverse=True)
        self.values = re.compile("|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in values)) if values else None
        self.documents = " ".join(" ".join(d.split()) for d in documents).casefold()

    def strip(self, text: str) -> str:
        if self.values is not None:
            text = self.values.sub(" ", text)
        text = re.sub(r"\{\w+\}", " ", text)  # placeholders of templates the page fills in
        text = RULE_ID.sub(" ", text)
        text = PATHISH.sub(" ", text)
        text = QUOTED.sub(" ", text)
        for term in SHARED_TERMS:
            text = text.replace(term, " ")
        return text

    def offending_lines(self, text: str, lang: str) -> list[str]:
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("│"))  # context lines: the document
        bad = []
        for line in self.strip(text).splitlines():
            if lang == "en":
                runs = [r.strip(".,;:()") for r in VIETNAMESE_RUN.findall(line)]
                if [r for r in runs if r and " ".join(r.split()).casefold() not in self.documents]:
                    bad.append(line.strip())
            elif ENGLISH_WORDS.search(line):
                bad.append(line.strip())
        return bad


def _strings(value, out: list[str]) -> list[str]:
    if isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)
    elif isinstance(value, str):
        out.append(value)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[str]]:
    """A folder with every rule's documented example, a suppressed finding and an unreadable
    file; and the document data that may appear in any language (longest first)."""
    folder = tmp_path_factory.mktemp("purity")
    for i, (code, rule) in enumerate(all_rules().items()):
        example = rule.examples()[0]
        if example and "=== " not in example:
            (folder / f"example-{i:02d}.txt").write_text(example + "\n", encoding="utf-8")
    (folder / "suppressed.txt").write_text("<!-- giaoban-qa: ignore text.typo -->\nTăng cường đầy mạnh thu ngân sách.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = run_check([str(folder)], Config(), keep_documents=True)
    data: list[str] = []
    for f in [*result.findings, *result.suppressed]:
        data.append(f.excerpt)
        data.append(f.fingerprint)
        _strings(f.evidence, data)
        if isinstance(f.finding.suggestion, str):
            data.append(f.finding.suggestion)
    for f in result.files:
        data.append(f.path)
    documents = [f.document.source for f in result.files if f.document is not None]
    return folder, Allowed(data, documents)


def _run(argv: list[str], capsys) -> str:
    main(argv)
    out = capsys.readouterr()
    return out.out + "\n" + out.err


def _json_words(value, key: str | None = None):
    """The human-facing strings of a machine format: values, not keys or codes."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("evidence", "excerpt", "path", "fingerprint", "rule", "category", "severity", "uri", "snippet",
                     "partialFingerprints", "artifactLocation", "$schema", "tool", "properties", "columnKind", "kind", "level",
                     "ruleId", "informationUri", "originalUriBaseIds", "id", "name", "version", "semanticVersion", "status"):
                continue
            yield from _json_words(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _json_words(v, key)
    elif isinstance(value, str):
        yield value


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_in_every_format_speaks_one_language(corpus, lang, capsys, tmp_path):
    folder, data = corpus
    problems: dict[str, list[str]] = {}
    for fmt in ("rich", "text"):
        text = _run(["check", str(folder), "-f", fmt, "--lang", lang, "-v", "--no-color"], capsys)
        problems[fmt] = data.offending_lines(text, lang)
    for fmt in ("json", "sarif"):
        out = tmp_path / f"out.{fmt}"
        err = _run(["check", str(folder), "-f", fmt, "--lang", lang, "-o", str(out)], capsys)
        words = "\n".join(_json_words(json.loads(out.read_text(encoding="utf-8"))))
        problems[fmt] = data.offending_lines(words + "\n" + err, lang)
    out = tmp_path / "out.xml"
    err = _run(["check", str(folder), "-f", "junit", "--lang", lang, "-o", str(out)], capsys)
    xml = out.read_text(encoding="utf-8")
    import xml.etree.ElementTree as ET

    root = ET.fromstring(xml.encode("utf-8"))
    words = [el.text or "" for el in root.iter()] + [el.get("message", "") for el in root.iter()]
    problems["junit"] = data.offending_lines("\n".join(words) + "\n" + err, lang)
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_report_speaks_one_language(corpus, lang, capsys, tmp_path):
    folder, data = corpus
    out = tmp_path / "report.html"
    err = _run(["check", str(folder), "-f", "html", "--lang", lang, "-o", str(out)], capsys)
    page = out.read_text(encoding="utf-8")
    payload = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S).group(1))
    visible = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.S)
    visible = re.sub(r"<[^>]+>", "\n", visible)
    attributes = re.findall(r'(?:title|placeholder|aria-label)="([^"]*)"', page)
    shown = [payload["L"][k] for k in payload["L"]]
    for row in payload["findings"]:
        shown += [row["m"], row["w"], row["sp"] or ""]
        if row["g"]:
            shown.append(row["g"])
    for rule in payload["rules"].values():
        shown += [sec[0] for sec in rule["sec"]]
        if lang == "vi":  # English pages name Vietnamese organs and words by nature (see ENGLISH_PAGES)
            shown += [rule["sm"]] + [" ".join(sec[1].split()) for sec in rule["sec"] if not sec[2]]
    for file in payload["files"]:
        shown += [file["e"] or ""] + [c["c"] for c in file["ck"]]
    text = "\n".join([visible, *attributes, *shown, err])
    assert data.offending_lines(text, lang) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_other_commands_speak_one_language(corpus, lang, capsys, tmp_path, monkeypatch):
    folder, data = corpus
    monkeypatch.setenv("COLUMNS", "1000")  # table cells unwrapped, so quotes stay on one line
    texts = {
        "rules": _run(["rules", "--lang", lang], capsys) if lang == "vi" else _run(["rules", "--lang", lang], capsys).splitlines()[1],
        # Summaries: Vietnamese checked whole; English ones name Vietnamese terms (ENGLISH_PAGES).
        "rules-json": "\n".join(r["summary"] for r in json.loads(_run(["rules", "-f", "json", "--lang", lang], capsys).split("\n\n")[0] or "[]")) if lang == "vi" else "",
        "audit": _run(["audit", str(folder), "--lang", lang, "--no-cache", "--progress", "--no-color", "-v"], capsys),
        "text-error": _run(["text", str(folder / "broken.txt"), "--lang", lang], capsys),
        "missing": _run(["check", str(folder / "nope.txt"), "--lang", lang], capsys),
        "baseline": _run(["baseline", "create", str(folder), "-o", str(tmp_path / "b.json"), "--lang", lang], capsys),
        "review": _run(["review", str(folder), "--file", str(tmp_path / "r.yaml"), "--lang", lang], capsys),
        "review-decide": _run(["review", "--file", str(tmp_path / "r.yaml"), "--dismiss", "0123456789abcdef", "--note", "đã đối chiếu", "--lang", lang], capsys),
    }
    for code, rule in all_rules().items():
        _run(["explain", code, "--lang", lang], capsys)  # runs; its text is the page below
        # The Example and Use instead sections are document text (and run by the docs tests).
        page = "\n## ".join(part for part in rule.markdown(lang).split("\n## ")
                            if not part.startswith(("Example", "Use instead", "Ví dụ", "Nên viết")))
        if lang == "en":  # see ENGLISH_PAGES: headings and the meta line only
            page = "\n".join(line for line in page.splitlines() if line.startswith(("#", "category:")))
        page = "\n".join(" ".join(block.split()) for block in page.split("\n\n"))
        texts[f"explain {code}"] = page
    problems = {k: data.offending_lines(v, lang) for k, v in texts.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_the_detectors_catch_the_other_language(corpus):
    _, data = corpus
    assert data.offending_lines("5 tệp, 17 phát hiện (2 lỗi, 15 cảnh báo)", "vi") == []
    assert data.offending_lines("5 file(s), 17 finding(s) (2 error, 15 warning)", "vi")
    assert data.offending_lines("giaoban-qa: x.txt: no such file or folder", "vi")
    assert data.offending_lines("2 tệp không đọc được", "en")
    assert data.offending_lines("Checked: 6 dates read; 1 khớp", "en")
    assert data.offending_lines("The text says “đạt 87%” (line 2)", "en") == []
    assert data.offending_lines("Trong baseline · citation.dated-after-meeting · a/b/report.txt", "vi") == []


# ---- every command, its --help, usage / configuration / input errors --------------------
# On the command line, option names (--fail-on), the values a user types ({error,warning}),
# format and table codes and URLs are the same in both languages.
OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*|\{[^}\n]*\}|\b\w+://\S+")


def _cli_offences(data: Allowed, text: str, lang: str) -> list[str]:
    return data.offending_lines(OPTION.sub(" ", text), lang)


def _run_any(argv: list[str], capsys) -> str:
    """Output of a command that may end with argparse's SystemExit (help, usage errors)."""
    try:
        main(argv)
    except SystemExit:
        pass
    out = capsys.readouterr()
    return out.out + "\n" + out.err


def command_paths() -> list[list[str]]:
    """Every command and sub-command of the parser built from COMMAND_MODULES (a new
    command is walked without editing this test)."""
    import argparse

    from giaoban_qa.cli import build_parser

    def walk(parser: argparse.ArgumentParser, prefix: list[str]):
        yield prefix
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    yield from walk(child, [*prefix, name])

    return list(walk(build_parser(), []))


def test_the_walk_reaches_every_command_module():
    from giaoban_qa.commands import COMMAND_MODULES

    walked = {path[0] for path in command_paths() if path}
    assert walked == set(COMMAND_MODULES) and ["baseline", "create"] in command_paths()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_command_help_speaks_one_language(corpus, lang, capsys, monkeypatch):
    _, data = corpus
    monkeypatch.setenv("COLUMNS", "1000")  # one help text a line
    problems = {}
    for path in command_paths():
        text = _run_any([*path, "--help", "--lang", lang] if path else ["--lang", lang, "--help"], capsys)
        assert ("cách dùng:" if lang == "vi" else "usage:") in text, (path, text[:200])
        problems[" ".join(path) or "giaoban-qa"] = _cli_offences(data, text, lang)
    assert {k: v for k, v in problems.items() if v} == {}


def _usage_error_cases(folder: Path, tmp_path: Path) -> dict[str, list[str]]:
    example = str(next(folder.glob("example-*.txt")))
    return {
        "unknown flag": ["check", example, "--formt", "json"],
        "unknown command": ["chek", example],
        "invalid choice": ["check", example, "--fail-on", "sometimes"],
        "missing argument": ["audit"],
        "missing value": ["check", example, "--format"],
        "bad number": ["check", example, "--max-size", "lots"],
        "bad size": ["check", example, "--max-size", "-1"],
        "bad int": ["check", example, "--jobs", "many"],
        "jobs": ["check", example, "--jobs", "0"],
        "partition": ["audit", example, "--partition-size", "0", "--no-cache"],
        "unknown format": ["check", example, "-f", "jsn"],
        "unknown rule": ["check", example, "--select", "no.such-rule"],
        "no paths": ["check"],
        "unknown fact table": ["facts", example, "-k", "nothing"],
        "parquet without folder": ["facts", example, "-f", "parquet"],
        "review without input": ["review"],
        "annotate a text file": ["annotate", example],
        "unknown rule to explain": ["explain", "date.weekday"],
        "remote serve": ["serve", "--host", "0.0.0.0", "--port", "0"],
        "bad port": ["serve", "--port", "99999"],
        "missing baseline": ["check", example, "--baseline", str(tmp_path / "none.json")],
        "broken baseline": ["check", example, "--baseline", str(folder / "suppressed.txt")],
        "missing config": ["check", example, "--config", str(tmp_path / "none.toml")],
        "missing file list": ["check", "--files-from", str(tmp_path / "none.txt")],
        "output into an input": ["check", example, "-f", "json", "-o", example],
        "missing groups": ["audit", example, "--no-cache", "--groups", str(tmp_path / "none.yaml")],
        "missing checks": ["audit", example, "--no-cache", "--checks", str(tmp_path / "none")],
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_usage_errors_speak_one_language(corpus, lang, capsys, tmp_path, monkeypatch):
    folder, data = corpus
    monkeypatch.setenv("COLUMNS", "1000")
    problems = {}
    for name, argv in _usage_error_cases(folder, tmp_path).items():
        text = _run_any([*argv, "--lang", lang], capsys)
        assert "giaoban-qa" in text and "Traceback" not in text, (name, text)
        problems[name] = _cli_offences(data, text, lang)
    assert {k: v for k, v in problems.items() if v} == {}


BAD_CONFIGS = {
    "unknown key": "[tool.giaoban-qa]\nfail_on = 3\n",
    "not toml": "[tool.giaoban-qa\n",
    "tool a string": 'tool = "x"\n',
    "section a string": '[tool]\ngiaoban-qa = "x"\n',
    "severity a list": '[tool.giaoban-qa]\nseverity = ["x"]\n',
    "severity level": '[tool.giaoban-qa.severity]\n"date.impossible" = "fatal"\n',
    "fail-on": '[tool.giaoban-qa]\nfail-on = "sometimes"\n',
    "lang": '[tool.giaoban-qa]\nlang = "fr"\n',
    "per-file-ignores": '[tool.giaoban-qa]\nper-file-ignores = ["x"]\n',
    "max-size": "[tool.giaoban-qa]\nmax-size = inf\n",
    "encoding": '[tool.giaoban-qa]\nencoding = "latin-1"\n',
    "options a list": '[tool.giaoban-qa]\noptions = ["x"]\n',
    "baseline a number": "[tool.giaoban-qa]\nbaseline = 3\n",
    "select a number": "[tool.giaoban-qa]\nselect = 3\n",
    "missing rules-dir": '[tool.giaoban-qa]\nrules-dir = "nope"\n',
    "options of an unknown rule": '[tool.giaoban-qa.options."no.such-rule"]\nx = 1\n',
    "unknown option": '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_dayz = 3\n',
    "option value": '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = "sixty"\n',
    "unknown rule in ignore": '[tool.giaoban-qa]\nignore = ["no.such-rule"]\n',
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_configuration_errors_speak_one_language(corpus, lang, capsys, tmp_path):
    _, data = corpus
    report = tmp_path / "r.txt"
    report.write_text("Ngày 2 tháng 3 năm 2021.\n", encoding="utf-8")
    problems = {}
    for name, content in BAD_CONFIGS.items():
        (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
        code = main(["check", str(report), "--lang", lang])
        text = capsys.readouterr().err
        assert code == 2 and text.count("\n") == 1, (name, text)
        problems[name] = _cli_offences(data, text, lang)
    assert {k: v for k, v in problems.items() if v} == {}


def test_a_configuration_in_english_speaks_english_without_lang(corpus, capsys, tmp_path):
    """The configuration's lang decides when --lang is not given, errors included."""
    (tmp_path / "pyproject.toml").write_text('[tool.giaoban-qa]\nlang = "en"\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("Ngày 2 tháng 3 năm 2021.\n", encoding="utf-8")
    assert main(["check", str(report), "--select", "no.such-rule"]) == 2
    assert "unknown rule or prefix 'no.such-rule'" in capsys.readouterr().err


INPUTS = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02binary",
    "damaged.txt": "Báo cáo tháng 3 năm 2021 của Ủy ban nhân dân xã.\n".encode("utf-8")[:-12] + b"\xff\xfe" + b"ab\n" * 3,
    "western.txt": "Caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve r\xe9sum\xe9 \xe0 la fa\xe7ade, d\xe9j\xe0 vu.\n".encode("cp1252") * 5,
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old word",
    "fake.pdf": b"not a pdf at all",
    "fake.docx": b"PK\x03\x04 not a zip",
    "markup.html": b"<html><body><p> </p></body></html>",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_input_errors_speak_one_language(corpus, lang, capsys, tmp_path):
    _, data = corpus
    problems = {}
    for name, content in INPUTS.items():
        (tmp_path / name).write_bytes(content)
        text = _run_any(["check", str(tmp_path / name), "--lang", lang, "--no-color"], capsys)
        problems[name] = _cli_offences(data, text, lang)
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")
    problems["folder without reports"] = _cli_offences(data, _run_any(["check", str(empty), "--lang", lang, "--no-color"], capsys), lang)
    problems["missing"] = _cli_offences(data, _run_any(["text", str(tmp_path / "none.txt"), "--lang", lang], capsys), lang)
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_report_format_and_statistics_speak_one_language(corpus, lang, capsys, monkeypatch):
    """The formats the other tests do not read as structured data (concise, and any format
    registered later), and --statistics, as text."""
    from giaoban_qa.reporters import FORMATS

    folder, data = corpus
    monkeypatch.setenv("COLUMNS", "1000")
    structured = {"json", "sarif", "junit", "html"}  # read as data by the tests above
    problems = {}
    for fmt in sorted(set(FORMATS) - structured):
        problems[fmt] = data.offending_lines(_run_any(["check", str(folder), "-f", fmt, "--lang", lang, "--no-color"], capsys), lang)
    # --statistics: the English rule summaries name Vietnamese terms (see ENGLISH_PAGES)
    summaries = [rule.summary("en") for rule in all_rules().values()] if lang == "en" else []
    text = _run_any(["check", str(folder), "-f", "text", "--statistics", "--lang", lang, "--no-color"], capsys)
    for summary in sorted(summaries, key=len, reverse=True):
        text = text.replace(summary, " ")
    problems["statistics text"] = data.offending_lines(text, lang)
    main(["check", str(folder), "-f", "json", "--statistics", "--lang", lang])
    rows = json.loads(capsys.readouterr().out)
    problems["statistics json"] = data.offending_lines("\n".join(r["summary"] for r in rows if lang == "vi"), lang)
    assert {"concise", "rich", "text"} <= set(problems)
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_facts_fix_annotate_and_audit_notes_speak_one_language(corpus, lang, capsys, tmp_path, monkeypatch):
    from giaoban_qa.facts import collect, column_title, table_title

    folder, data = corpus
    monkeypatch.setenv("COLUMNS", "1000")
    tables, _ = collect([str(folder)], None, Config())
    headings = [table_title(kind, len(rows), lang) for kind, rows in tables.items()]
    columns = sorted({column for rows in tables.values() for row in rows for column in row})
    from giaoban_qa.i18n import CATALOGUE

    assert [c for c in columns if f"facts.col.{c}" not in CATALOGUE] == []  # a new column needs its words
    headings += [column_title(c, lang) for c in columns]
    texts = {"facts headings": "\n".join(headings)}
    texts["facts errors"] = _run_any(["facts", str(folder), "-f", "json", "-o", str(tmp_path / "f.json"), "--lang", lang], capsys)
    # check --diff and --fix: the notes and the summary
    fixable = tmp_path / "fix" / "r.txt"
    fixable.parent.mkdir()
    fixable.write_text("Tăng cường đầy mạnh thu ngân sách, thực hiện đạt 87 %.\n", encoding="utf-8")
    main(["check", str(fixable), "--diff", "--unsafe-fixes", "--lang", lang])
    texts["diff"] = capsys.readouterr().err  # the diff itself is the document's text
    texts["fix"] = _run_any(["check", str(fixable), "--fix", "--lang", lang, "--no-color"], capsys)
    page = tmp_path / "fix" / "page.html"
    page.write_text("<html><body><article><p>Tăng cường đầy mạnh thu ngân sách trên địa bàn huyện.</p></article></body></html>",
                    encoding="utf-8")
    texts["fix html"] = _run_any(["check", str(page), "--fix", "--lang", lang, "--no-color"], capsys)
    pytest.importorskip("docx")
    from docx_helpers import styled_docx

    report = tmp_path / "bao-cao.docx"
    report.write_bytes(styled_docx("BÁO CÁO\nTăng cường đầy mạnh thu ngân sách.\n"))
    texts["annotate"] = _run_any(["annotate", str(report), "--lang", lang], capsys)
    texts["audit notes"] = _run_any(["audit", str(folder), "--no-cache", "-j", "300", "-f", "json", "-o", str(tmp_path / "a.json"),
                                     "--lang", lang, "--progress"], capsys)
    problems = {k: _cli_offences(data, v, lang) for k, v in texts.items()}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_editor_page_labels_speak_one_language(corpus, lang):
    pytest.importorskip("flask")
    from giaoban_qa.web.app import editor_labels

    _, data = corpus
    labels = editor_labels(lang)
    # The switch names the other language in that language ("English", "Tiếng Việt").
    words = [v for k, v in labels.items() if k not in ("other_lang", "other_lang_code", "formats")]
    assert data.offending_lines("\n".join(words), lang) == []


def test_the_cli_detector_fails_on_mixed_text(corpus):
    _, data = corpus
    assert _cli_offences(data, "tùy chọn:\n  -h, --help  show this help message and exit", "vi")
    assert _cli_offences(data, "usage: giaoban-qa check [-h] [--fail-on {error,warning}]", "vi")
    assert _cli_offences(data, "giaoban-qa: unknown rule or prefix 'x.y'", "vi")
    assert _cli_offences(data, "cách dùng: giaoban-qa check [-h]", "en")
    assert _cli_offences(data, "options:\n  --lang {vi,en}  ngôn ngữ của thông báo", "en")
    assert _cli_offences(data, "cách dùng: giaoban-qa check [-h] [--fail-on {error,warning}]", "vi") == []
    assert _cli_offences(data, "usage: giaoban-qa check [-h] [--keep-going]", "en") == []
