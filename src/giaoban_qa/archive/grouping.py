"""Which issuing body or district a document belongs to, and which meeting it reports.

From the text: the bodies it names with a place ("Huyện ủy Ba Chẽ", "UBND huyện Đơn
Dương"), the place-and-date line of a formal document ("Đơn Dương, ngày 05 tháng 01 năm
2020", ``DateFact.place``) and the portal's attribution at the end ("Trung tâm TT&VH Ba
Chẽ"). A user's sidecar file ``giaoban-qa-archive.yaml`` overrides it::

    groups:
      "bache/**": "huyện Ba Chẽ"
      "2020/dondương-*.txt": "huyện Đơn Dương"

Globs are matched against paths relative to the sidecar's folder. Detection is a pure
function of the document; the sidecar is read once by the audit.
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
from pathlib import Path
from typing import Any

from giaoban_qa.archive.text import fold, norm_space
from giaoban_qa.document import Document
from giaoban_qa.extract import word_start_alternation
from giaoban_qa.i18n import Localized


SIDECAR_NAME = "giaoban-qa-archive.yaml"


class GroupsError(Localized, ValueError):
    """A groups sidecar that cannot be read: a catalogue key and its parameters."""

_WORD = r"[^\W\d_][^\W\d_']*"
# A body or level word followed by a place name (capitalised words, checked in Python).
# Anchored on the body word's literal spellings (no IGNORECASE on a leading alternation: the
# regex engine would try it at every character).
_U = r"[ủuỦU][ỷyỶY]"
# The body words, each spelling opening on its own letter (``word_start_alternation``: the
# regex engine skips in C to the next of those letters instead of trying the look-behind at
# every character — a third of what the audit's group detection spent): ``[Hh]uyện|HUYỆN``
# optionally with ủy, ``thị`` with ủy or xã, ``thành ủy``, ``tỉnh`` optionally with ủy, and
# the councils' names with huyện or tỉnh.
_BODIES = [
    *(f"{w}(?:[ \t]+{_U})?" for w in ("Huyện", "huyện", "HUYỆN")),
    *(f"{w}[ \t]+(?:{_U}|xã|XÃ)" for w in ("Thị", "thị", "THỊ")),
    *(f"{w}[ \t]+{_U}" for w in ("Thành", "thành", "THÀNH")),
    *(f"{w}(?:[ \t]+{_U})?" for w in ("Tỉnh", "tỉnh", "TỈNH")),
    *(f"{w}[ \t]+(?:huyện|tỉnh)" for w in ("UBND", "HĐND", "Ủy ban nhân dân", "Hội đồng nhân dân")),
]
_LEVEL = re.compile(rf"(?P<body>{word_start_alternation(_BODIES)})[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})")
_ATTRIBUTION = re.compile(rf"(?i)\btrung[ \t]+tâm\b[^\n]{{0,40}}?[ \t](?P<name>{_WORD}(?:[ \t]+{_WORD})?)[ \t]*$")
_STOP_NAMES = {"ủy", "uỷ", "nhân", "dân", "đoàn", "đảng", "ban", "và", "về", "đã", "tổ", "lần", "có"}
# A person's name may follow a body ("Bí thư Huyện ủy Trần Văn Kỳ") or a place ("Huyện ủy
# Ba Chẽ Nguyễn Văn A"): place names are taken two words at most, and three capitalised
# words starting with a family name are a person.
_SURNAMES = {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "lý", "đinh", "đồng", "trịnh", "mai", "lương"}


def _place_name(raw: str) -> str | None:
    words = raw.split()
    kept: list[str] = []
    for w in words:
        if not w[:1].isupper() or w.isupper() and len(w) > 1 or w.lower() in _STOP_NAMES:
            break
        kept.append(w)
    if len(kept) >= 2 and kept[0].lower() in ("thành", "thị") and kept[1].lower() in ("phố", "xã", "trấn"):
        return None  # "Thành ủy Thành phố Hồ Chí Minh": a level word, read by the next match
    if len(kept) >= 3 and kept[0].lower() in _SURNAMES:
        return None  # "Huyện ủy Trần Văn Kỳ": a person's name, not a place
    return " ".join(kept[:2]) if kept else None


def detect_group(doc: Document) -> tuple[str, str]:
    """(group, how it was found); ("", "none") when the text does not say."""
    from giaoban_qa.extract.dates import find_dates

    text = doc.text
    scores: Counter[str] = Counter()
    levels: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    for m in _LEVEL.finditer(text):
        name = _place_name(m.group("name"))
        if not name:
            continue
        body = norm_space(m.group("body")).lower()
        level = _level(body)
        key = fold(name)
        # A district's own bodies count most; a province named in passing least.
        scores[key] += (2 if body != "huyện" and level != "tỉnh" else 1) * (1 if level == "tỉnh" else 2)
        levels.setdefault(key, Counter())[level] += 1
        names.setdefault(key, name)
    sources = {}
    for f in doc.fact(find_dates):
        if f.place and f.in_header:
            name = _place_name(f.place)
            if name:
                scores[fold(name)] += 3
                names.setdefault(fold(name), name)
                sources[fold(name)] = "place line"
            break
    for para in doc.paragraphs[-4:]:
        m = _ATTRIBUTION.search(text, para.start, para.end)
        if m:
            name = _place_name(m.group("name"))
            if name:
                scores[fold(name)] += 3
                names.setdefault(fold(name), name)
                sources.setdefault(fold(name), "attribution")
    if not scores:
        return "", "none"
    key, score = max(scores.items(), key=lambda kv: (kv[1], kv[0]))
    if score < 2:
        return "", "none"
    name = names[key]
    # The most frequent level, the first seen on a tie (as ``most_common(1)``, which imports
    # heapq: an import ``check`` never makes).
    level = max(levels[key].items(), key=lambda kv: kv[1])[0] if key in levels else None
    return (f"{level} {name}" if level else name), sources.get(key, "text")


def _level(body: str) -> str:
    if "tỉnh" in body:
        return "tỉnh"
    if body.startswith("thành"):
        return "thành phố"
    if body.startswith("thị"):
        return "thị xã"
    return "huyện"


# ---------------------------------------------------------------------------------------
# The genre of a document from its title. A Standing Committee's conclusion opens with
# "KẾT LUẬN" (of a body, at a meeting); "Kết luận thanh tra …" is a news headline.
_KINDS = (
    ("ket-luan", re.compile(r"(?i)^\s*kết\s+luận(?:\s*$|\s+(?:của|tại|hội\s+nghị|giao\s+ban|số)\b)")),
    ("so-ket", re.compile(r"(?i)\b(?:sơ|tổng)\s+kết\b")),
    ("giao-ban", re.compile(r"(?i)\bgiao\s+ban\b")),
    ("ky-hop", re.compile(r"(?i)\bkỳ\s+họp\s+thứ\s+\S+,?\s+(?:HĐND|Hội\s+đồng\s+nhân\s+dân)")),
    ("bao-cao", re.compile(r"(?i)^\s*báo\s+cáo\b")),
)


def document_kind(doc: Document) -> str:
    title = doc.title_text
    for kind, pattern in _KINDS:
        if pattern.search(title):
            return kind
    return "other"


_MEETING_KIND = re.compile(
    r"(?i)\b(?P<kind>giao\s+ban|sơ\s+kết|tổng\s+kết|kỳ\s+họp\s+thứ\s+\S+|ban\s+chấp\s+hành[^\n.]{0,40}?lần\s+thứ\s+\S+)"
)
_MEETING_PERIOD = re.compile(
    r"(?i)(?P<period>(?:(?P<n>\d{1,2}|sáu|chín)\s+tháng(?:\s+đầu)?\s+năm|tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|/)\s*)|năm|quý\s+(?P<q>[IV]+|\d))\s*(?P<y>(?:19|20)\d\d))"
)
_QUAL_STOP = {"hoi", "nghi", "truc", "tuyen", "thuong", "ky", "danh", "gia", "ket", "qua", "thuc", "hien", "nhiem", "vu", "cong", "tac",
              "va", "trien", "khai", "dau", "cuoi", "tai", "cua", "voi", "lanh", "dao", "chi", "thang", "nam", "quy", "to", "chuc"}


def meeting_key(doc: Document) -> str | None:
    """'giao ban|khoi xa thi tran|2020-11' for the meeting a document reports on, from its
    title or its first paragraphs; None when it does not name a periodic meeting."""
    found = doc.fact(meeting)
    return found[0] if found else None


def meeting(doc: Document) -> tuple[str, str] | None:
    """(matching key, the meeting's name as written) — see ``meeting_key``."""
    text = doc.text
    scopes = [doc.title] if doc.title else []
    scopes += [p for p in doc.paragraphs[:4] if p not in scopes]
    for span in scopes:
        if span is None:
            continue
        m = _MEETING_KIND.search(text, span.start, span.end)
        if not m:
            continue
        p = _MEETING_PERIOD.search(text, m.end(), min(span.end, m.end() + 120))
        if not p or re.search(r"[.;\n]", text[m.end() : p.start()]):
            continue
        kind = fold(m.group("kind"))
        if kind.startswith("ban chap hanh"):
            kind = "bch " + kind.split("lan thu")[-1].strip()
        qual = " ".join(w for w in re.findall(r"[a-z]+", fold(text[m.end() : p.start()])) if w not in _QUAL_STOP)
        year = p.group("y")
        if p.group("m"):
            period = f"{year}-{int(p.group('m')):02d}"
        elif p.group("n"):
            n = {"sáu": "6", "chín": "9"}.get(p.group("n").lower(), p.group("n"))
            period = f"{year}-{n}m"
        elif p.group("q"):
            period = f"{year}-q{p.group('q')}"
        else:
            period = year
        return f"{kind}|{qual}|{period}", norm_space(text[m.start() : p.end()])
    return None


# ---------------------------------------------------------------------------------------
def load_sidecar(path: str | Path) -> list[tuple[Path, str, str]]:
    """(folder, glob, group) entries of a sidecar file."""
    import yaml

    from giaoban_qa.packs import load_user_yaml

    p = Path(path)
    try:
        data = load_user_yaml(p.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise GroupsError("groups.not-found", path=str(p)) from None
    except OSError as exc:
        raise GroupsError("groups.unreadable", path=str(p), error=str(exc.strerror)) from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        from giaoban_qa.packs import yaml_error_summary

        raise GroupsError("groups.invalid", path=str(p), error=yaml_error_summary(exc)) from None
    groups = data.get("groups", {}) if isinstance(data, dict) else {}
    if not isinstance(groups, dict):
        raise ValueError(f"{p}: 'groups' must map globs to group names")
    return [(p.parent.resolve(), str(glob), str(group)) for glob, group in groups.items()]


def find_sidecars(paths: list[str]) -> list[tuple[Path, str, str]]:
    """Sidecar files in the given folders and the folders above them (nearest last, so a
    nearer file's entries win)."""
    seen: set[Path] = set()
    entries: list[tuple[Path, str, str]] = []
    for raw in paths:
        if raw == "-":
            continue
        start = Path(raw).resolve()
        folder = start if start.is_dir() else start.parent
        chain = [d for d in (folder, *folder.parents)][::-1]
        for d in chain:
            candidate = d / SIDECAR_NAME
            if candidate.is_file() and candidate not in seen:
                seen.add(candidate)
                entries.extend(load_sidecar(candidate))
    return entries


def sidecar_group(path: str, entries: list[tuple[Path, str, str]]) -> str | None:
    if not entries or path == "<stdin>":
        return None
    resolved = Path(path).resolve()
    found = None
    for folder, glob, group in entries:
        try:
            rel = resolved.relative_to(folder).as_posix()
        except ValueError:
            continue
        if fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(resolved.name, glob):
            found = group
    return found


def document_fields(doc: Document) -> dict[str, Any]:
    """What the cross-document rules read of the documents row (``shards.DOC_FIELDS`` and
    the group's source), for an audit that writes no tables: the title, kind, hash and size
    are left out."""
    from giaoban_qa.extract.dates import event_date, published

    ev = doc.fact(event_date)
    pub = doc.fact(published)
    group, how = doc.fact(detect_group)
    return {
        "event_date": ev.iso() if ev else None,
        "published": pub.date.iso() if pub else None,
        "group": group,
        "group_source": how,
        "meeting": doc.fact(meeting_key),
        "meeting_label": (doc.fact(meeting) or (None, None))[1],
    }


def document_row(doc: Document) -> dict[str, Any]:
    """The one row of the documents table for a document (group from the text)."""
    import hashlib

    title = doc.title
    return {
        "start": title.start if title else 0,
        "end": title.end if title else 0,
        "text": norm_space(doc.title_text),
        "sha256": hashlib.sha256(doc.source.encode("utf-8")).hexdigest(),
        "title": norm_space(doc.title_text),
        "kind": document_kind(doc),
        "format": doc.kind,
        **document_fields(doc),
        "chars": len(doc.source),
    }
