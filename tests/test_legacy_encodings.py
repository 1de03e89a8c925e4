"""Legacy Vietnamese encodings are read, not refused: Windows-1258, TCVN3 (ABC) and VNI are
detected by their bytes, converted to Unicode, checked like UTF-8 and noted once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from giaoban_qa.cli import main
from giaoban_qa.loaders import InputError, load_bytes, load_path
from giaoban_qa.loaders.legacy import decode, detect, encode


OUR_TEXT = (
    "BÁO CÁO KẾT QUẢ GIAO BAN THÁNG 11\n"
    "Ngày 02/11/2020, Thường trực Huyện ủy tổ chức hội nghị giao ban để đánh giá tình hình "
    "thực hiện nhiệm vụ tháng 10 và triển khai nhiệm vụ tháng 11 của các xã, thị trấn.\n"
    "Hội nghị thống nhất đẩy mạnh công tác cải cách hành chính, quản lý đất đai và xây dựng "
    "nông thôn mới; các đơn vị báo cáo kết quả về Văn phòng Huyện ủy trước ngày 25/11/2020.\n"
)


@pytest.mark.parametrize("encoding", ["cp1258", "vni", "tcvn3"])
def test_round_trip_and_detection(encoding):
    data = encode(OUR_TEXT, encoding)
    assert data != OUR_TEXT.encode("utf-8")
    found, _ = detect(data)
    assert found == encoding
    back = decode(data, encoding)
    if encoding == "tcvn3":  # no capitals with tone marks in TCVN3: they come back lower case
        assert back.lower() == OUR_TEXT.lower()
    else:
        assert back == OUR_TEXT


def test_vni_letters_are_base_plus_mark_bytes():
    # "chào các bạn" in VNI-Windows: a + ø (grave), a + ù (acute), a + ï (dot below).
    assert decode("chaøo caùc baïn".encode("cp1252"), "vni") == "chào các bạn"
    # ñ is đ, ö is ư, ô is ơ, and a tone byte after ô/ö tones the horned letter.
    assert decode("ñöôïc".encode("cp1252"), "vni") == "được"


def test_offsets_point_into_the_converted_text(tmp_path):
    path = tmp_path / "vni.txt"
    path.write_bytes(encode("Ngày 23/112020 Huyện ủy tổ chức hội nghị giao ban các xã.\n", "vni"))
    out = tmp_path / "out.json"
    assert main(["check", str(path), "-f", "json", "-o", str(out)]) in (0, 1)
    report = json.loads(out.read_text(encoding="utf-8"))
    text = load_path(str(path)).text
    malformed = [f for f in report["findings"] if f["rule"] == "date.malformed"]
    assert malformed and text[malformed[0]["start"]:malformed[0]["end"]] == "23/112020"
    notes = [f for f in report["findings"] if f["rule"] == "text.legacy-encoding"]
    assert len(notes) == 1 and notes[0]["severity"] == "info" and "VNI" in notes[0]["message"]


def test_western_european_text_is_named_as_such(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("Le conseil a approuvé le budget de l'année prochaine; les élèves, très contents, "
                     "ont visité la façade de l'école à Noël.".encode("cp1252"))
    with pytest.raises(InputError) as exc:
        load_path(str(path))
    assert "Windows-1252" in str(exc.value) and "\n" not in str(exc.value)


def test_explicit_encoding_flag_and_config_key(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_bytes(encode(OUR_TEXT, "cp1258"))
    assert main(["text", str(path), "--encoding", "cp1258"]) == 0
    assert "Thường trực Huyện ủy" in capsys.readouterr().out
    assert main(["check", str(path), "--encoding", "utf-8", "-f", "json"]) == 2
    assert "Windows-1258" in capsys.readouterr().err
    (tmp_path / "giaoban-qa.toml").write_text('encoding = "utf-8"\n', encoding="utf-8")
    assert main(["check", str(path), "-f", "json"]) == 2
    (tmp_path / "giaoban-qa.toml").write_text('encoding = "koi8"\n', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "encoding" in capsys.readouterr().err


def test_utf8_file_gets_no_note(tmp_path):
    source = load_bytes(OUR_TEXT.encode("utf-8"), "r.txt", "txt")
    assert source.encoding == "utf-8"


def _findings(folder: Path) -> list[tuple]:
    out = folder.parent / f"{folder.name}.json"
    main(["check", str(folder), "-f", "json", "-o", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    return sorted((Path(f["path"]).name, f["rule"], f["line"], f["column"], f["excerpt"].lower()) for f in report["findings"])


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_seeds_in_legacy_encodings_give_the_same_findings(tmp_path, shared, encoding):
    utf8, legacy = tmp_path / "utf8", tmp_path / encoding
    utf8.mkdir()
    legacy.mkdir()
    for seed in sorted((shared / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        (utf8 / seed.name).write_text(text, encoding="utf-8")
        (legacy / seed.name).write_bytes(encode(text, encoding))
    expected = _findings(utf8)
    got = _findings(legacy)
    notes = [f for f in got if f[1] == "text.legacy-encoding"]
    assert len(notes) == len(list(utf8.iterdir()))  # one note per file
    # Excerpts compared in lower case: TCVN3 cannot store capitals with tone marks.
    assert [f for f in got if f[1] != "text.legacy-encoding"] == expected
