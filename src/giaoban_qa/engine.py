"""Running the rules: load, extract, check, and place findings in the user's text."""

from __future__ import annotations

import fnmatch
import functools
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

from giaoban_qa.config import Config
from giaoban_qa.digests import sha1
from giaoban_qa.document import Document, build_document
from giaoban_qa.findings import Finding, Located, Msg, Severity
from giaoban_qa.i18n import t
from giaoban_qa.loaders import READ_SUFFIXES, Input, InputError, NotReadable, Source, load_path, walk_inputs
from giaoban_qa.packpatterns import new_document
from giaoban_qa.packs import PackError
from giaoban_qa.records import field, record, replace
from giaoban_qa.rules import Check, Rule, RuleContext, all_rules, matches


@record
class FileResult:
    """What checking one file gave besides its findings: the error that stopped it, its kind,
    what was checked."""

    path: str
    error: str | None = None
    kind: str | None = None
    document: Document | None = None  # kept only when a reporter needs the text
    # What was checked (coverage.file_coverage) and the checks placed in the original text.
    coverage: dict[str, Any] | None = None
    checks: list[dict[str, Any]] = field(default_factory=list)


@record
class SkippedFile:
    """A file found in a folder and not read, and why (never skipped without a word)."""

    path: str
    reason: str
    excluded: bool = False  # left out on purpose by the configuration's exclude

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@record
class RunResult:
    """Everything one ``check`` run produced, for the reporters."""

    files: list[FileResult] = field(default_factory=list)
    findings: list[Located] = field(default_factory=list)
    suppressed: list[Located] = field(default_factory=list)
    baselined: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)

    @property
    def files_read(self) -> int:
        return sum(1 for f in self.files if not f.error)

    @property
    def input_errors(self) -> int:
        return sum(1 for f in self.files if f.error)

    def by_severity(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity.value] += 1
        return counts

    def summary(self) -> dict[str, Any]:
        """The counts every report format shows (the JSON contract's "summary")."""
        return {
            "files": len(self.files),
            "findings": len(self.findings),
            "by_severity": self.by_severity(),
            "by_category": self.by_category(),
            "suppressed": len(self.suppressed),
            "baselined": self.baselined,
            "input_errors": self.input_errors,
            "skipped": len(self.skipped),
            "coverage": self.coverage(),
        }

    def coverage(self) -> dict[str, Any]:
        """Every file's coverage added up (the JSON contract's ``summary.coverage``)."""
        from giaoban_qa.coverage import add_coverage, empty_coverage

        total = empty_coverage()
        for f in self.files:
            add_coverage(total, f.coverage)
        return total

    def by_category(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.category.value] = counts.get(f.category.value, 0) + 1
        return dict(sorted(counts.items()))


def selected_rules(config: Config) -> list[Rule]:
    rules = []
    for code, cls in all_rules().items():
        if matches(code, config.select) and not matches(code, config.ignore):
            rules.append(cls())
    return rules


# Identical findings (same rule, same message) kept per document; the rest become one
# summary finding with their count. Dense hostile text ("số " x 100,000) otherwise made
# 80,000 findings and 700 MB, and no reader goes through 80,000 copies of one message.
REPEAT_LIMIT = 20


def check_document(doc: Document, rules: Iterable[Rule], config: Config, checks: list[Check] | None = None) -> list[Finding]:
    """The findings of ``rules`` on ``doc``; what the rules checked is appended to
    ``checks`` when a list is given."""
    ctx = RuleContext(options={}, rules_dirs=config.rules_dirs, checks=checks)
    out: list[Finding] = []
    new_document(len(doc.text))  # user patterns get one time budget for this document
    for rule in rules:
        ctx.options = config.options.get(rule.code, {})
        counts: dict[tuple[str, str], int] = {}
        omitted: dict[tuple[str, str], list[Any]] = {}
        try:
            for finding in rule.check(doc, ctx):
                key = (finding.rule, finding.message.vi)
                seen = counts[key] = counts.get(key, 0) + 1
                if seen <= REPEAT_LIMIT:
                    out.append(finding)
                elif seen == REPEAT_LIMIT + 1:
                    omitted[key] = [finding, 1]
                else:
                    omitted[key][1] += 1
        except PackError:  # a broken rule pack is the user's configuration: stop with exit 2
            raise
        except Exception as exc:  # one broken rule must not stop the whole run
            if config.strict:
                raise
            from giaoban_qa.errors import RuleCrash
            from giaoban_qa.safe_text import printable

            from giaoban_qa.i18n import Text

            message = Text("usage.rule-internal", {"rule": rule.code, "path": printable(doc.path),
                                                   "error": printable(f"{type(exc).__name__}: {exc}"[:400])})
            if not config.keep_going:
                raise RuleCrash("usage.rule-crash", message=message) from None
            print(f"giaoban-qa: {message.render(config.lang)}", file=sys.stderr)
        if omitted:
            out.extend(repeated_summary(first, count) for first, count in omitted.values())
    return out


def repeated_summary(first: Finding, count: int) -> Finding:
    """One finding standing for ``count`` more copies of an already reported one, placed
    at the first copy left out."""
    message = Msg(
        f"{first.message.vi} (Còn {count} chỗ khác giống hệt trong tài liệu, không liệt kê từng chỗ; đây là chỗ đầu tiên.)",
        f"{first.message.en} ({count} more identical occurrences in this document are not listed one by one; this is the first.)",
    )
    evidence = {**first.evidence, "repeated": {"omitted": count, "listed": REPEAT_LIMIT}}
    return replace(first, message=message, evidence=evidence)


def locate(doc: Document, finding: Finding, config: Config) -> Located:
    start, end = doc.norm.span_to_original(finding.start, finding.end)
    line, column = doc.line_col(start)
    severity = Severity(config.severity.get(finding.rule, finding.severity.value))
    excerpt = doc.source_slice(start, end)
    return Located(
        finding=finding,
        path=doc.path,
        start=start,
        end=end,
        line=line,
        column=column,
        excerpt=excerpt,
        severity=severity,
        evidence=_remap(doc, finding.evidence),
        fingerprint=_fingerprint_in(doc, finding.rule, start, end),
    )


def _remap(doc: Document, value: Any) -> Any:
    if isinstance(value, dict):
        out = {k: _remap(doc, v) for k, v in value.items()}
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            out["start"], out["end"] = doc.norm.span_to_original(value["start"], value["end"])
            out["line"], out["column"] = doc.line_col(out["start"])
        return out
    if isinstance(value, list):
        return [_remap(doc, v) for v in value]
    return value


_WS = re.compile(r"\s+")


def fingerprint(rule: str, source: str, start: int, end: int, context: int = 24) -> str:
    """Identity of a finding that survives edits elsewhere in the file: the rule, the
    excerpt and a little context, with whitespace folded; never the offsets. The context
    stops at the finding's own line, so editing the line above or below keeps it."""
    excerpt = _WS.sub(" ", source[start:end]).strip()
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end == -1 else line_end
    before = _WS.sub(" ", source[max(line_start, start - context) : start]).strip()
    after = _WS.sub(" ", source[end : min(line_end, end + context)]).strip()
    raw = f"{rule}\x1f{excerpt}\x1f{before}\x1f{after}"
    return sha1(raw.encode("utf-8")).hexdigest()[:16]


def _fingerprint_in(doc: Document, rule: str, start: int, end: int, context: int = 24) -> str:
    """``fingerprint(rule, doc.source, start, end)`` read from the few characters it looks
    at (``Document.source_slice``): the whole source of a big document is not rebuilt for
    each finding."""
    breaks = doc.source_line_breaks()
    line_start = breaks.rfind("\n", 0, start) + 1
    line_end = breaks.find("\n", end)
    line_end = len(breaks) if line_end == -1 else line_end
    # The window holds no line break before ``start``, so fingerprint's own search for the
    # line's ends lands on the window's edges, which are those of the line (or of the context).
    lo, hi = max(line_start, start - context), max(end, min(line_end, end + context))
    return fingerprint(rule, doc.source_slice(lo, hi), start - lo, end - lo, context)


def ignored_for_path(path: str, rule: str, config: Config) -> bool:
    for pattern, rules in config.per_file_ignores.items():
        if any(fnmatch.fnmatch(name, pattern) for name in config_relative_names(path, config)):
            if matches(rule, rules):
                return True
    return False


def config_relative_names(path: str, config: Config) -> list[str]:
    """The names a per-file pattern is matched against: the path as given and, like ruff,
    the path relative to the configuration file's folder, so the result does not depend on
    the folder the tool is run from."""
    names = [path, path.replace("\\", "/")]
    if config.source and path != "-" and not path.startswith("<"):
        relative = _relative_to_folder_of(path, config.source)
        if relative is not None:
            names.append(relative)
    return names


@functools.lru_cache(maxsize=4096)
def _relative_to_folder_of(path: str, config_file: str) -> str | None:
    try:
        return Path(path).resolve().relative_to(Path(config_file).resolve().parent).as_posix()
    except (ValueError, OSError):
        return None


def check_source(source: Source, rules: list[Rule], config: Config, checks: list[Check] | None = None,
                 release_text: bool = False) -> tuple[Document, list[Located]]:
    """The document of ``source`` and its located findings, sorted. With ``release_text``
    (the caller reads no more of ``source.text``) a big document that keeps no copy of its
    source (``Document.source_slice``) takes the source's text off it too: otherwise it
    stayed in memory through the check all the same."""
    doc = build_document(source.path, source.text, source.kind, source.encoding)
    if release_text and doc.masked_chunks() is not None:
        source.text = ""
    located = [locate(doc, f, config) for f in check_document(doc, rules, config, checks)]
    if source.pages:
        for f in located:
            f.page = source.page_at(f.start)
    located.sort(key=lambda f: (f.start, f.end, f.rule))
    return doc, located


def plan_inputs(paths: list[str], config: Config, skipped: list[SkippedFile] | None = None) -> Iterator[Input]:
    """The paths to read, in walk order. With a ``skipped`` list, what a folder holds and is
    not read (hidden entries, other formats, an old .doc) and what the configuration excludes
    goes there; without one, those are left out."""
    for item in walk_inputs(paths):
        path = item.path
        if any(fnmatch.fnmatch(name, pat) for name in config_relative_names(path, config) for pat in config.exclude):
            if skipped is not None:
                skipped.append(SkippedFile(path, t("skip.excluded", config.lang), excluded=True))
            continue
        if item.skipped is not None:
            if skipped is not None:
                skipped.append(SkippedFile(path, t(item.skipped, config.lang, formats=READ_SUFFIXES)))
            continue
        yield item


def load_input(item: Input, config: Config, skipped: list[SkippedFile] | None = None) -> tuple[Source | None, str | None] | None:
    """``(source, None)``, or ``(None, error)`` with the one-line error that says why the file
    could not be read, or None when a file found in a folder turns out not to be readable at
    all (a scanned PDF) and goes to ``skipped``."""
    try:
        return load_path(item.path, config.max_size, config.stdin_filename, config.encoding), None
    except NotReadable as exc:  # put into words here, where the user's language is known
        if skipped is not None and not item.named:
            skipped.append(SkippedFile(item.path, _reason(exc.render(config.lang), item.path)))
            return None
        return None, exc.render(config.lang)
    except InputError as exc:
        return None, exc.render(config.lang)


def iter_sources(
    paths: list[str], config: Config, skipped: list[SkippedFile] | None = None
) -> Iterator[tuple[str, Source | None, str | None]]:
    """Each path to check with its source, or the one-line error that says why it could not
    be read (``plan_inputs`` then ``load_input``)."""
    for item in plan_inputs(paths, config, skipped):
        loaded = load_input(item, config, skipped)
        if loaded is not None:
            yield (item.path, *loaded)


def _reason(message: str, path: str) -> str:
    """An error message without the path it starts with (the skipped list names it)."""
    return message[len(path) + 2 :] if message.startswith(path + ": ") else message


def check_one(source: Source, rules: list[Rule], config: Config, keep_document: bool) -> tuple[FileResult, list[Located], list[Located]]:
    """One readable file checked: its entry in the run (with coverage), the findings kept and
    the findings its suppression markers silence. The same in a worker and in-process."""
    from giaoban_qa.coverage import file_coverage, located_check
    from giaoban_qa.suppress import apply_suppressions

    checks: list[Check] = []
    doc, located = check_source(source, rules, config, checks, release_text=True)
    kept, suppressed = apply_suppressions(doc, located, config)
    entry = FileResult(
        source.path, kind=source.kind, document=doc if keep_document else None,
        coverage=file_coverage(doc, checks), checks=[located_check(doc, c) for c in checks],
    )
    if not keep_document:
        doc.forget_facts()  # freed now, not by a later garbage collection (see forget_facts)
    return entry, kept, suppressed


class _CheckWorker:
    """What a ``check --jobs`` worker process holds: the configuration and its rules."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.rules = selected_rules(config)


def _check_item(worker: _CheckWorker, item: Input) -> tuple[FileResult | None, list[Located], list[Located], list[SkippedFile]]:
    """One path checked in a worker: its entry and located findings, never the text."""
    skipped: list[SkippedFile] = []
    loaded = load_input(item, worker.config, skipped)
    if loaded is None:
        return None, [], [], skipped
    source, error = loaded
    if source is None:
        return FileResult(item.path, error=error), [], [], skipped
    entry, kept, suppressed = check_one(source, worker.rules, worker.config, keep_document=False)
    return entry, kept, suppressed, skipped


def run_check(paths: list[str], config: Config, keep_documents: bool = False, jobs: int = 1) -> RunResult:
    """Check every file under ``paths``. With ``jobs`` > 1 and several files, workers check
    them (paths in, located findings out); the result is the one ``jobs=1`` gives."""
    from giaoban_qa.packs import forget_lookups

    forget_lookups()
    result = RunResult()
    items = list(plan_inputs(paths, config, result.skipped))
    if jobs > 1 and len(items) > 1 and not any(i.path == "-" for i in items):  # stdin is read here
        from giaoban_qa.pool import map_paths

        for entry, kept, suppressed, skipped in map_paths(_CheckWorker, (config,), _check_item, items, jobs):
            result.skipped.extend(skipped)
            if entry is not None:
                result.files.append(entry)
            result.findings.extend(kept)
            result.suppressed.extend(suppressed)
        if keep_documents:
            _attach_documents(result, config)
        return _finish_check(result, config)
    rules = selected_rules(config)
    for item in items:
        loaded = load_input(item, config, result.skipped)
        if loaded is None:
            continue
        source, error = loaded
        if source is None:
            result.files.append(FileResult(item.path, error=error))
            continue
        entry, kept, suppressed = check_one(source, rules, config, keep_documents)
        result.files.append(entry)
        result.findings.extend(kept)
        result.suppressed.extend(suppressed)
    return _finish_check(result, config)


def _attach_documents(result: RunResult, config: Config) -> None:
    """The texts that reporters show, re-read for the files with findings or checks (the
    workers never send texts back)."""
    wanted = {f.path for f in [*result.findings, *result.suppressed]}
    for entry in result.files:
        if entry.error is None and (entry.path in wanted or entry.checks):
            source = load_path(entry.path, config.max_size, config.stdin_filename, config.encoding)
            entry.document = build_document(source.path, source.text, source.kind, source.encoding)


def _finish_check(result: RunResult, config: Config) -> RunResult:
    result.findings.sort(key=lambda f: (f.path, f.start, f.end, f.rule))
    result.skipped.sort(key=lambda s: s.path)
    if config.baseline:
        from giaoban_qa.baseline import apply_baseline

        apply_baseline(result, config.baseline)
    return result


def exit_code(result: RunResult, fail_on: str) -> int:
    if result.input_errors:
        return 2
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in result.findings) else 0
