"""A checked document leaves memory when its file is done (no reference cycle left for the
garbage collector), and keeps its facts when a reporter needs the document."""

from __future__ import annotations

import gc
import weakref

from giaoban_qa import engine
from giaoban_qa.config import Config

TEXT = "Ông Nguyễn Văn Long, Chủ tịch UBND huyện Sơn Khê, cho biết thu ngân sách đạt 120 tỷ đồng, tăng 5%.\n"


def _closing_over(doc):
    return lambda: doc.text


def _checked(tmp_path, monkeypatch, keep: bool):
    made = []
    real = engine.build_document

    def build(*args, **kwargs):
        doc = real(*args, **kwargs)
        doc.fact(_closing_over)  # as a rule's fact that holds a function of the document
        made.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(engine, "build_document", build)
    path = tmp_path / "a.txt"
    path.write_text(TEXT * 3, encoding="utf-8")
    result = engine.run_check([str(path)], Config(), keep_documents=keep)
    return made, result


def test_a_checked_document_is_freed_without_the_garbage_collector(tmp_path, monkeypatch):
    gc.disable()
    try:
        made, result = _checked(tmp_path, monkeypatch, keep=False)
        assert made and result.files and result.files[0].document is None
        assert made[0]() is None  # freed by reference counting alone
    finally:
        gc.enable()


def test_a_kept_document_keeps_its_facts(tmp_path, monkeypatch):
    made, result = _checked(tmp_path, monkeypatch, keep=True)
    doc = result.files[0].document
    assert doc is not None and made[0]() is doc and doc._facts
