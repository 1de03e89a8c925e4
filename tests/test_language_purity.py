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
    r"severity|summary|message|suggestion|evidence|consistent|inconsistent|read|open|confirmed|dismissed)\b",
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
