"""The message catalogue: every key in both languages, with the same parameters."""

from __future__ import annotations

import pytest

from giaoban_qa.i18n import CATALOGUE, Text, num, t, template_fields


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_parameters(key):
    vi, en = CATALOGUE[key]
    assert isinstance(vi, str) and vi.strip(), f"{key}: no Vietnamese"
    english = en if isinstance(en, tuple) else (en,)
    assert all(isinstance(e, str) and e.strip() for e in english), f"{key}: no English"
    fields = template_fields(key)
    assert fields["vi"] == fields["en"], f"{key}: parameters differ between languages"


def test_plural_forms_and_numbers():
    assert t("n.files", "en", n=1) == "1 file" and t("n.files", "en", n=5) == "5 files"
    assert t("n.files", "vi", n=5) == "5 tệp"
    assert t("n.findings", "en", n=1159) == "1,159 findings" and t("n.findings", "vi", n=1159) == "1.159 phát hiện"
    assert num(61.5, "vi") == "61,5" and num(61.5, "en") == "61.5" and num(1159, "vi") == "1.159"
    assert num(54.52, "vi", 2) == "54,52" and num(83.0, "vi", 2) == "83"


def test_errors_are_rendered_at_the_edge_in_the_chosen_language(tmp_path):
    from giaoban_qa.loaders import InputError, load_path

    with pytest.raises(InputError) as exc:
        load_path(str(tmp_path / "nope.txt"))
    assert exc.value.render("vi").endswith("nope.txt: không có tệp hoặc thư mục này")
    assert exc.value.render("en").endswith("nope.txt: no such file or folder")
    assert str(exc.value) == exc.value.render("en")  # a library caller without a language
    assert Text("n.files", {"n": 2}).render("en") == "2 files"


# Every error the user sees: built from a catalogue key (or, for an error passed on from a
# lower layer, its ``.text``: ``UsageError(exc.text or exc.literal)``).
RAISED_WITH_A_KEY = ("InputError", "NotReadable", "UsageError", "ConfigError", "BaselineError", "ReviewError", "PackError",
                     "ChangedFilesError", "EngineError", "RuleCrash", "SuiteError", "GroupsError", "UploadError", "AnnotateError")


def _passes_a_lower_error_on(node) -> bool:
    """``exc.text or exc.literal``: the message of an error already made from a key."""
    import ast

    return (isinstance(node, ast.BoolOp) and isinstance(node.values[0], ast.Attribute) and node.values[0].attr == "text")


def test_every_input_error_raised_is_a_catalogue_key():
    """Loaders raise InputError("input.…", …): a message written in place would reach the
    user in one language only."""
    import ast
    from pathlib import Path

    import giaoban_qa

    root = Path(giaoban_qa.__file__).parent
    bad = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in RAISED_WITH_A_KEY:
                first = node.args[0] if node.args else None
                keys = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                if not all(isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value in CATALOGUE or _passes_a_lower_error_on(k)
                           for k in keys):
                    bad.append(f"{path.relative_to(root)}:{node.lineno}")
    assert bad == []


def test_argparse_messages_and_help_are_in_both_languages():
    """argparse's own messages are looked up in the catalogue (cli.ARGPARSE_MESSAGES) and
    the parser is built from catalogue help texts: --help has no text of the other
    language's catalogue entries."""
    import argparse

    from giaoban_qa.cli import ARGPARSE_MESSAGES, argparse_in, build_parser

    assert all(key in CATALOGUE for key in ARGPARSE_MESSAGES.values())
    with argparse_in("vi"):
        vi_help = build_parser().format_help()
        assert argparse._("unrecognized arguments: %s") % "--x" == "tham số không nhận ra: --x"
    assert argparse._("unrecognized arguments: %s") == "unrecognized arguments: %s"  # restored
    with argparse_in("en"):
        en_help = build_parser().format_help()
    assert vi_help.startswith("cách dùng:") and "tùy chọn:" in vi_help and t("help.check", "vi") in vi_help
    assert en_help.startswith("usage:") and "options:" in en_help and t("help.check", "en") in en_help
