"""The shipped packs' parse cache (packs.py): a cached read gives exactly what PyYAML
gives, an edited pack is parsed again, a damaged entry or an unwritable folder changes
nothing but the speed, and an empty GIAOBAN_QA_CACHE_DIR turns it off."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from giaoban_qa import packs


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GIAOBAN_QA_CACHE_DIR", str(tmp_path / "c"))
    packs._read.cache_clear()
    packs.forget_lookups()
    yield tmp_path / "c" / "packs"
    packs._read.cache_clear()
    packs.forget_lookups()


def shipped() -> list:
    return sorted(packs.SHIPPED.glob("*.yaml"))


def parsed(path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def test_every_shipped_pack_reads_the_same_from_the_cache(cache) -> None:
    for path in shipped():
        first = packs._read(str(path))
        packs._read.cache_clear()
        assert packs._from_cache(path.read_bytes()) is not packs._MISSING, path.name
        again = packs._read(str(path))
        assert again == first == parsed(path), path.name
    assert len(list(cache.glob("*.json"))) == len(shipped())


def test_dates_come_back_as_dates(cache) -> None:
    raw = b"a:\n  - when: 2020-02-03\n    n: 1\n    x: 1.5\n    ok: true\n"
    data = yaml.safe_load(raw)
    packs._to_cache(raw, data)
    back = packs._from_cache(raw)
    assert back == data and isinstance(back["a"][0]["when"], dt.date)
    assert type(back["a"][0]["n"]) is int and type(back["a"][0]["ok"]) is bool


def test_what_json_cannot_give_back_is_not_cached(cache) -> None:
    for data in ({1: "x"}, {"s": {1, 2}}, {"t": dt.datetime(2020, 1, 1, 5)}, {"b": b"x"}):
        raw = repr(data).encode()
        packs._to_cache(raw, data)
        assert packs._from_cache(raw) is packs._MISSING, data


def test_a_damaged_entry_is_ignored(cache) -> None:
    path = shipped()[0]
    raw = path.read_bytes()
    packs._to_cache(raw, parsed(path))
    file = packs._cache_file(raw)
    file.write_text("{not json", encoding="utf-8")
    assert packs._from_cache(raw) is packs._MISSING
    assert packs._read(str(path)) == parsed(path)


def test_other_bytes_are_another_entry(cache) -> None:
    packs._to_cache(b"a: 1\n", {"a": 1})
    assert packs._from_cache(b"a: 2\n") is packs._MISSING
    assert packs._from_cache(b"a: 1\n") == {"a": 1}


def test_an_unwritable_folder_and_no_folder_only_cost_speed(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    path = shipped()[0]
    for value in (str(blocker), ""):
        monkeypatch.setenv("GIAOBAN_QA_CACHE_DIR", value)
        packs._read.cache_clear()
        assert packs._read(str(path)) == parsed(path)
        assert packs._from_cache(path.read_bytes()) is packs._MISSING
    packs._read.cache_clear()
    assert list(tmp_path.iterdir()) == [blocker]
