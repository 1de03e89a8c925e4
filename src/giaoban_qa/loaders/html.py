"""Main text of an HTML page, without navigation, counters and other page furniture."""

from __future__ import annotations

import html as htmllib
import re

from giaoban_qa.loaders.decode import InputError

# Footnote marks (<sup>1</sup>) would otherwise glue onto the number before them
# ("ổn định1", "22.460 ha1"); units keep their real superscripts (m², km³).
_SUP = re.compile(r"<sup\b[^>]*>\s*([^<]{1,8}?)\s*</sup>", re.IGNORECASE)
_SUPERSCRIPT_DIGITS = {"2": "²", "3": "³"}


def _replace_sup(match: re.Match[str]) -> str:
    inner = match.group(1)
    before = match.string[max(0, match.start() - 2) : match.start()]
    if inner in _SUPERSCRIPT_DIGITS and before.endswith("m"):
        return _SUPERSCRIPT_DIGITS[inner]
    return f" [{inner}]"


def html_text(markup: str, path: str) -> str:
    markup = _SUP.sub(_replace_sup, markup)
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError("input.html-needs-package", path=path) from None
    try:
        text = trafilatura.extract(
            markup,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception as exc:  # a broken page must give a clear error, not a traceback
        raise InputError("input.html-unparsable", path=path, error=type(exc).__name__) from None
    if not text:
        text = _fallback_text(markup)
    title = _title(markup)
    if title and not text.lstrip().startswith(title[:40]):
        text = f"{title}\n\n{text}"
    return text.strip() + "\n"


def _title(markup: str) -> str | None:
    for pattern in (r"<h1\b[^>]*>(.*?)</h1>", r"<title\b[^>]*>(.*?)</title>"):
        match = re.search(pattern, markup, re.IGNORECASE | re.DOTALL)
        if match:
            title = re.sub(r"<[^>]+>", "", match.group(1))
            title = " ".join(htmllib.unescape(title).split())
            if title:
                return title
    return None


def _fallback_text(markup: str) -> str:
    """Plain text of the body for pages too short for boilerplate detection."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(markup)
    except Exception:
        return ""
    for bad in tree.xpath("//script|//style|//nav|//header|//footer|//noscript|//form"):
        bad.drop_tree()
    blocks = []
    for el in tree.xpath("//p|//h1|//h2|//h3|//li|//td"):
        t = " ".join(el.text_content().split())
        if t:
            blocks.append(t)
    return "\n".join(blocks)
