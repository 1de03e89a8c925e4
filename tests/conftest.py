from __future__ import annotations

import os
from pathlib import Path

import pytest

from giaoban_qa.config import Config
from giaoban_qa.document import build_document
from giaoban_qa.engine import check_document, locate, selected_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def shared() -> Path:
    """The shared material beside the checkout; tests that need it skip without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


def findings_for(text: str, select: list[str] | str = "ALL", kind: str = "txt", path: str = "t.txt", encoding: str = "utf-8"):
    """Run the selected rules on a text and return located findings. With a legacy
    ``encoding`` the text goes through that encoding and back, as a file in it would."""
    config = Config(select=[select] if isinstance(select, str) else list(select), strict=True)
    if encoding != "utf-8":
        from giaoban_qa.loaders import load_bytes
        from giaoban_qa.loaders.legacy import encode

        source = load_bytes(encode(text, encoding), path, kind, "auto")
        assert source.encoding == encoding, f"read back as {source.encoding}"
        text = source.text
    doc = build_document(path, text, kind, encoding)
    return [locate(doc, f, config) for f in check_document(doc, selected_rules(config), config)]
