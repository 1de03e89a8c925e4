"""The message catalogue: every user-facing string of the tool in Vietnamese (the default)
and English, looked up by key.

Messages are ``str.format`` templates with named parameters. An English template may be a
pair ``(singular, plural)`` chosen by the parameter ``n`` ("1 file" / "5 files"); Vietnamese
has no plural forms. Errors raised deep down (loaders, archive) carry a key and parameters
(:class:`Text`) and are rendered in the user's language only at the edge, where ``--lang``
is known. ``tests/test_i18n.py`` fails when a key lacks one language or when the two
templates of a key do not take the same parameters.

Numbers in messages go through :func:`num`: "1.159" and "61,5" in Vietnamese, "1,159" and
"61.5" in English.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Any, Union

LANGS = ("vi", "en")
Template = Union[str, tuple[str, str]]

# key -> (Vietnamese, English)
CATALOGUE: dict[str, tuple[str, Template]] = {
    # ---- input errors (loaders) -------------------------------------------------------
    "input.no-such-file": ("{path}: không có tệp hoặc thư mục này", "{path}: no such file or folder"),
    "input.broken-link": ("{path}: liên kết tượng trưng trỏ tới nơi không tồn tại (hoặc một vòng liên kết)", "{path}: symbolic link to nothing (or a loop of links)"),
    "input.is-folder": ("{path}: là một thư mục, không phải tệp", "{path}: is a folder"),
    "input.too-large": ("{path}: tệp dung lượng {size} MiB, vượt giới hạn {limit} MiB (tăng --max-size)",
                        "{path}: file is {size} MiB, over the {limit} MiB limit (raise --max-size)"),
    "input.stdin-too-large": ("{path}: lớn hơn {limit} MiB (tăng --max-size)", "{path}: larger than {limit} MiB (raise --max-size)"),
    "input.permission": ("{path}: không có quyền đọc", "{path}: permission denied"),
    "input.cannot-read": ("{path}: không đọc được ({reason})", "{path}: cannot read ({reason})"),
    "input.empty": ("{path}: tệp rỗng", "{path}: empty file"),
    "input.no-main-text": ("{path}: không tìm thấy nội dung chính trong trang HTML", "{path}: no main text found in the HTML page"),
    "input.no-text": ("{path}: không có văn bản để kiểm tra", "{path}: no text to check"),
    "input.no-text-markup": ("{path}: không có văn bản để kiểm tra (chỉ có thẻ định dạng hoặc dấu câu)",
                             "{path}: no text to check (only markup or punctuation)"),
    "input.binary-nul": ("{path}: dữ liệu nhị phân, không phải văn bản (có byte NUL; UTF-16 cần BOM)",
                         "{path}: binary data, not a text document (NUL bytes; UTF-16 needs a BOM)"),
    "input.binary-control": ("{path}: dữ liệu nhị phân, không phải văn bản (ký tự điều khiển)",
                             "{path}: binary data, not a text document (control characters)"),
    "input.damaged-utf8": (
        "{path}: văn bản UTF-8 có {count} byte không hợp lệ, byte đầu tiên ở vị trí {byte} (dòng {line}): "
        "tệp bị hỏng hoặc chuyển mã một phần; hãy sửa hoặc lưu lại dưới dạng UTF-8",
        "{path}: UTF-8 text with {count} invalid byte(s), the first at byte {byte} (line {line}): "
        "a damaged or partly re-encoded file; fix or re-save it as UTF-8"),
    "input.legacy-encoding": (
        "{path}: không phải UTF-8 hợp lệ tại byte {byte}; có vẻ là bảng mã tiếng Việt cũ "
        "(TCVN3/ABC, VNI hoặc Windows-1258): hãy chuyển tệp sang UTF-8 (ví dụ bằng công cụ chuyển mã của UniKey)",
        "{path}: not valid UTF-8 at byte {byte}; this looks like a legacy Vietnamese "
        "encoding (TCVN3/ABC, VNI or Windows-1258): convert the file to UTF-8 (e.g. with UniKey's converter)"),
    "input.reads-as-legacy": ("{path}: không phải UTF-8 hợp lệ tại byte {byte}; tệp đọc được theo bảng mã {name}: "
                              "dùng --encoding {encoding} (hoặc auto), hoặc chuyển tệp sang UTF-8",
                              "{path}: not valid UTF-8 at byte {byte}; it reads as {name}: "
                              "use --encoding {encoding} (or auto), or convert the file to UTF-8"),
    "input.reads-as-cp1252": ("{path}: không phải UTF-8 hợp lệ tại byte {byte}; tệp đọc được như văn bản Windows-1252 (Tây Âu), "
                              "không phải tiếng Việt theo một bảng mã đã biết: hãy chuyển sang UTF-8 nếu đó là báo cáo cần kiểm tra",
                              "{path}: not valid UTF-8 at byte {byte}; it reads as Windows-1252 (Western European) text, "
                              "not as Vietnamese in a known encoding: convert it to UTF-8 if it is a report to check"),
    "input.not-vietnamese": ("{path}: không phải UTF-8 hợp lệ tại byte {byte}, và không phải tiếng Việt theo Windows-1258, TCVN3 hay VNI",
                             "{path}: not valid UTF-8 at byte {byte}, and not Vietnamese in Windows-1258, TCVN3 or VNI"),
    "input.docx-too-many-parts": ("{path}: gói .docx có {parts} phần, nhiều hơn {limit}", "{path}: .docx package has {parts} parts, more than {limit}"),
    "input.docx-too-large": ("{path}: nội dung .docx là {size} MiB khi giải nén, vượt giới hạn {limit} MiB (tăng --max-size)",
                             "{path}: .docx content is {size} MiB uncompressed, over the {limit} MiB limit (raise --max-size)"),
    "input.old-doc": ("{path}: tệp Word .doc kiểu cũ: mở bằng Word hoặc LibreOffice và lưu thành .docx để kiểm tra",
                      "{path}: an old Word .doc file: open it in Word or LibreOffice and save it as .docx to check it"),
    "input.pdf-not-pdf": ("{path}: không phải tệp PDF (không có phần đầu %PDF)", "{path}: not a PDF file (no %PDF header)"),
    "input.pdf-needs-package": ("{path}: đọc tệp .pdf cần gói pdfminer.six", "{path}: reading .pdf needs the pdfminer.six package"),
    "input.pdf-encrypted": ("{path}: tệp PDF bị mã hóa; hãy lưu một bản không khóa để kiểm tra", "{path}: the PDF is encrypted; save an unprotected copy to check it"),
    "input.pdf-damaged": ("{path}: không đọc được tệp PDF (bị hỏng: {error})", "{path}: not a readable PDF file (damaged: {error})"),
    "input.pdf-too-many-pages": ("{path}: tệp PDF có hơn {limit} trang", "{path}: the PDF has more than {limit} pages"),
    "input.pdf-text-too-large": ("{path}: văn bản trong {pages} trang đầu của tệp PDF đã vượt giới hạn {limit} MiB (tăng --max-size)",
                                 "{path}: the text of the PDF's first {pages} pages is over the {limit} MiB limit (raise --max-size)"),
    "input.pdf-streams-too-large": ("{path}: nội dung nén của tệp PDF giải nén ra hơn {size} MiB ({limit} MiB × 10; tăng --max-size)",
                                    "{path}: the PDF's compressed content inflates to more than {size} MiB (10 × the {limit} MiB limit; raise --max-size)"),
    "input.pdf-no-pages": ("{path}: tệp PDF không có trang nào", "{path}: the PDF has no pages"),
    "input.pdf-scanned": ("{path}: PDF quét, không có lớp văn bản (chỉ có ảnh); hãy nhận dạng chữ (ví dụ ocrmypdf) hoặc kiểm tra bản .docx gốc",
                          "{path}: a scanned PDF with no text layer (only images); run OCR on it (e.g. ocrmypdf) or check the original .docx"),
    "input.pdf-no-text": ("{path}: tệp PDF không có lớp văn bản", "{path}: the PDF has no text layer"),
    "input.pdf-no-unicode": ("{path}: phông chữ của tệp PDF không có bảng mã Unicode (chữ đọc ra thành '(cid:…)'); hãy xuất lại hoặc kiểm tra bản .docx gốc",
                             "{path}: the PDF's fonts have no Unicode map (text reads as '(cid:…)'); export it again or check the original .docx"),
    "input.not-utf8": ("{path}: không phải UTF-8 hợp lệ tại byte {byte}", "{path}: not valid UTF-8 at byte {byte}"),
    "input.invalid-encoding": ("{path}: {encoding} không hợp lệ tại byte {byte}", "{path}: invalid {encoding} at byte {byte}"),
    "input.docx-needs-package": ("{path}: đọc tệp .docx cần gói python-docx", "{path}: reading .docx needs the python-docx package"),
    "input.docx-not-zip": ("{path}: không đọc được tệp .docx (không phải gói zip; tệp .doc cũ cần lưu lại thành .docx)",
                           "{path}: not a readable .docx file (not a zip package; an old .doc must be saved as .docx)"),
    "input.docx-no-document": ("{path}: không đọc được tệp .docx (trong gói zip không có tài liệu Word)",
                               "{path}: not a readable .docx file (no Word document inside the zip package)"),
    "input.docx-damaged": ("{path}: không đọc được tệp .docx (bị hỏng: {error})", "{path}: not a readable .docx file (damaged: {error})"),
    "input.html-needs-package": ("{path}: đọc HTML cần gói trafilatura", "{path}: reading HTML needs the trafilatura package"),
    "input.html-unparsable": ("{path}: không phân tích được HTML ({error})", "{path}: cannot parse HTML ({error})"),
    # ---- terminal summary -------------------------------------------------------------
    "n.files": ("{n} tệp", ("{n} file", "{n} files")),
    "n.findings": ("{n} phát hiện", ("{n} finding", "{n} findings")),
    "n.error": ("{n} lỗi", ("{n} error", "{n} errors")),
    "n.warning": ("{n} cảnh báo", ("{n} warning", "{n} warnings")),
    "n.info": ("{n} lưu ý", ("{n} note", "{n} notes")),
    "n.unreadable": ("{n} tệp không đọc được", ("{n} file could not be read", "{n} files could not be read")),
    "n.skipped": ("{n} tệp bỏ qua", "{n} skipped"),
    "term.page": ("trang", "page"),
    "n.suppressed": ("{n} đã bỏ qua", "{n} suppressed"),
    "n.baselined": ("{n} trong baseline", "{n} in baseline"),
    "term.summary": ("{files}, {findings} ({counts})", "{files}, {findings} ({counts})"),
    "term.clean": ("{files}. Không có phát hiện nào.", "{files}. No findings."),
    "term.clean-read": ("{files}. Không có phát hiện nào trong các tệp đã đọc.", "{files}. No findings in the files that were read."),
    "term.suggest": ("Gợi ý", "Suggestion"),
    "term.evidence": ("Căn cứ", "Evidence"),
    "sev.error": ("lỗi", "error"),
    "sev.warning": ("cảnh báo", "warning"),
    "sev.info": ("lưu ý", "info"),
    # ---- categories -------------------------------------------------------------------
    "cat.date": ("ngày tháng", "date"),
    "cat.period": ("kỳ báo cáo", "period"),
    "cat.number": ("số liệu", "number"),
    "cat.name": ("tên người, địa danh", "name"),
    "cat.citation": ("văn bản viện dẫn", "citation"),
    "cat.text": ("chính tả, văn bản", "text"),
    # ---- coverage ---------------------------------------------------------------------
    "cov.title": ("Đã kiểm tra", "Checked"),
    "cov.dates": ("{n} ngày tháng đã đọc", ("{n} date read", "{n} dates read")),
    "cov.citations": ("{n} văn bản viện dẫn đã đọc", ("{n} citation read", "{n} citations read")),
    "cov.figures": ("{n} số liệu đã đọc", ("{n} figure read", "{n} figures read")),
    "cov.people": ("{n} tên người đã đọc", ("{n} name read", "{n} names read")),
    "cov.kind.computation": ("{n} phép tính đã kiểm tra lại", ("{n} computation rechecked", "{n} computations rechecked")),
    "cov.kind.citation-date": ("{n} ngày văn bản đã so với ngày họp, ngày báo cáo",
                               ("{n} citation date compared with the meeting or report date",
                                "{n} citation dates compared with the meeting or report date")),
    "cov.kind.period": ("{n} kỳ báo cáo đã so sánh", ("{n} period compared", "{n} periods compared")),
    "cov.kind.name": ("{n} tên đã so sánh", ("{n} name compared", "{n} names compared")),
    "cov.kind.date": ("{n} ngày tháng đã kiểm tra", ("{n} date checked", "{n} dates checked")),
    "cov.consistent": ("{n} khớp", "{n} consistent"),
    "cov.inconsistent": ("{n} sai", "{n} inconsistent"),
    "cov.line": ("Đã kiểm tra: {items}", "Checked: {items}"),
    "cov.nothing": ("không tìm thấy ngày tháng, văn bản viện dẫn hay số liệu nào để kiểm tra",
                    "no dates, citations or figures found to check"),
    # ---- audit ------------------------------------------------------------------------
    "audit.summary": (
        "{documents} văn bản ({cached} lấy từ bộ nhớ đệm) trong {seconds} giây; "
        "{archive} phát hiện liên văn bản và {checks} phát hiện từ bộ kiểm tra dữ liệu",
        ("{documents} document ({cached} from cache) in {seconds} s; {archive} cross-document and {checks} check findings",
         "{documents} documents ({cached} from cache) in {seconds} s; {archive} cross-document and {checks} check findings")),
    "supp.ignore-file": ("chú thích bỏ qua cả tệp (ignore-file)", "inline marker (ignore-file)"),
    "supp.line": ("chú thích bỏ qua (dòng {line})", "inline marker (line {line})"),
    "supp.per-file": ("per-file-ignores trong cấu hình", "per-file-ignores"),
    "junit.failure": ("{findings}: {counts}", "{findings}: {counts}"),
    "junit.suppressed": ("[đã bỏ qua: {reason}]", "[suppressed: {reason}]"),
    "review.not-current": ("cảnh báo: dấu vân tay {fp} không thuộc các phát hiện hiện có", "warning: fingerprint {fp} is not among the current findings"),
    "review.recorded": ("đã ghi {n} quyết định vào {path}", ("recorded {n} decision in {path}", "recorded {n} decisions in {path}")),
    "review.counts": ("{open} chưa xét, {confirmed} xác nhận, {dismissed} bác bỏ", "{open} open, {confirmed} confirmed, {dismissed} dismissed"),
    "review.stale": ("; {n} quyết định trong tệp review không khớp phát hiện nào hiện có",
                     ("; {n} decision in the review file matches no current finding", "; {n} decisions in the review file match no current finding")),
    "review.note": ("ghi chú", "note"),
    "status.open": ("chưa xét", "open"),
    "status.confirmed": ("xác nhận", "confirmed"),
    "status.dismissed": ("bác bỏ", "dismissed"),
    "baseline.wrote": ("đã ghi {findings} từ {files} vào {path}{suppressed}", "wrote {findings} from {files} to {path}{suppressed}"),
    "baseline.suppressed": (", {n} phát hiện đã bỏ qua không được ghi", ", {n} suppressed not recorded"),
    "report.written": ("đã ghi báo cáo vào {path}", "report written to {path}"),
    # ---- rules / explain --------------------------------------------------------------
    "rules.col.rule": ("quy tắc", "rule"),
    "rules.col.category": ("nhóm", "category"),
    "rules.col.severity": ("mức", "severity"),
    "rules.col.summary": ("tóm tắt", "summary"),
    "doc.what": ("Quy tắc làm gì", "What it does"),
    "doc.why": ("Vì sao quan trọng", "Why it matters"),
    "doc.example": ("Ví dụ", "Example"),
    "doc.instead": ("Nên viết", "Use instead"),
    "doc.meta": ("nhóm: `{category}` · mức mặc định: `{severity}` · sửa: {fix}", "category: `{category}` · default severity: `{severity}` · fix: {fix}"),
    "rules.col.fix": ("sửa", "fix"),
    "explain.unknown": ("không có quy tắc nào tên '{rule}'.{hint}", "no rule named '{rule}'.{hint}"),
    "explain.did-you-mean": (" Có phải ý bạn là: {rules}?", " Did you mean: {rules}?"),
}

# ---- evidence in words (giaoban_qa.evidence) -------------------------------------------
CATALOGUE.update({
    "ev.line": ("dòng {line}", "line {line}"),
    "ev.at": ("{text} ({where})", "{text} ({where})"),
    "ev.role.event": ("Hội nghị", "Meeting"),
    "ev.role.published": ("Ngày đăng", "Published"),
    "ev.role.header": ("Văn bản này", "This report"),
    "ev.role.report": ("Ngày báo cáo", "Report date"),
    "ev.days-after": ("→ văn bản có sau {what} {n} ngày", ("→ the document is dated {n} day after {what}", "→ the document is dated {n} days after {what}")),
    "ev.what.event": ("hội nghị", "the meeting"),
    "ev.what.published": ("ngày đăng bài", "publication"),
    "ev.what.header": ("văn bản viện dẫn nó", "the report citing it"),
    "ev.published-before": ("Ngày đăng: {published} · Sự kiện: {event} → bài đăng trước sự kiện {n} ngày",
                            ("Published: {published} · Event: {event} → published {n} day before the event",
                             "Published: {published} · Event: {event} → published {n} days before the event")),
    "ev.percent": ("{a} / {b} = {computed} %, văn bản ghi {stated}", "{a} / {b} = {computed} %, the text says {stated}"),
    "ev.growth-ratio": ("bằng {ratio} so với cùng kỳ nhưng {change}: 100 % {sign} {value} % = {implied} %",
                        "{ratio} of the same period but {change}: 100 % {sign} {value} % = {implied} %"),
    "ev.growth": ("tăng", "up"),
    "ev.decline": ("giảm", "down"),
    "ev.parts": ("{parts} = {sum}, tổng số ghi {total}", "{parts} = {sum}, the total says {total}"),
    "ev.shares": ("{shares} = {sum} %, vượt 100 %", "{shares} = {sum} %, over 100 %"),
    "ev.share": ("Tỷ trọng {share} vượt 100 %", "A share of {share} is over 100 %"),
    "ev.decline-over": ("Giảm {decline}{figure}: không thể giảm quá 100 %", "Down {decline}{figure}: nothing falls by more than 100 %"),
    "ev.decline-figure": (" trong khi số liệu vẫn là {figure}", " while the figure is still {figure}"),
    "ev.ambiguous-growth": ("Tăng {growth} so với {base}: có lẽ ý là “bằng {value}”", "Up {growth} on {base}: perhaps “bằng {value}” (equal to) was meant"),
    "ev.cumulative-below": ("Lũy kế {cumulative} < trong tháng {month}", "Cumulative {cumulative} < the month {month}"),
    "ev.repeat": ("Lần đầu: {first} · Lần sau: {second}", "First: {first} · Then: {second}"),
    "ev.figure": ("Số liệu: {figure}", "Figure: {figure}"),
    "ev.mixed-format": ("{figure} viết kiểu Mỹ, trong khi văn bản viết {vn} kiểu Việt Nam", "{figure} written US-style, while the report writes {vn} the Vietnamese way"),
    "ev.scale-compound": ("{figure}: phần {part} {word} không nhỏ hơn một đơn vị lớn hơn", "{figure}: the part {part} {word} is not smaller than the next larger unit"),
    "ev.citation": ("Văn bản: {citation}", "Document: {citation}"),
    "ev.issuer-existed": ("{citation} · {issuer} bắt đầu nhiệm kỳ ngày {began}", "{citation} · {issuer} began its term on {began}"),
    "ev.header-date": ("Dòng ngày tháng: {date}", "Date line: {date}"),
    "ev.repeat-citation": ("Lần đầu: {first} · Lần sau: {second}", "First cited: {first} · Then: {second}"),
    "ev.issuer": ("{citation} · ký hiệu ghi cơ quan {issuer}, lời văn ghi {words}", "{citation} · the symbol names {issuer}, the words name {words}"),
    "ev.missing-year": ("{citation} · ký hiệu đầy đủ: {full}", "{citation} · full symbol: {full}"),
    "ev.party-state": ("{citation} · cơ quan {issuer} thuộc hệ thống {system}, số ghi theo mẫu {shape}", "{citation} · issuer {issuer} is {system}, the number has the {shape} form"),
    "ev.system.party": ("Đảng", "Party"),
    "ev.system.state": ("Nhà nước", "State"),
    "ev.type-mismatch": ("{citation} · ký hiệu {abbr} là {words}", "{citation} · the abbreviation {abbr} stands for {words}"),
    "ev.unknown-type": ("{citation} · không có loại văn bản {abbr}{near}", "{citation} · no document type {abbr}{near}"),
    "ev.near-miss": (" (gần với {abbr})", " (close to {abbr})"),
    "ev.anniversary": ("Số năm ghi: {count} · mốc {base} · năm báo cáo {report} → {years} năm", "Number of years: {count} · since {base} · in {report} → {years} years"),
    "ev.date": ("Ngày: {date}", "Date: {date}"),
    "ev.malformed": ("Viết: {date} · có lẽ là {meant}", "Written: {date} · probably {meant}"),
    "ev.past-event": ("{verb} {date} · văn bản ghi ngày {report} → sự việc {n} ngày sau ngày văn bản",
                      ("{verb} {date} · report dated {report} → the event is {n} day after the report",
                       "{verb} {date} · report dated {report} → the event is {n} days after the report")),
    "ev.symbol-year": ("Số {symbol} (năm {year}) · {date}", "Number {symbol} (year {year}) · {date}"),
    "ev.weekday": ("{date} là {actual}, văn bản ghi {written}", "{date} is a {actual}, the text says {written}"),
    "ev.roster": ("{mention}: {title} · danh sách cán bộ ghi {roster}", "{mention}: {title} · the roster says {roster}"),
    "ev.title-conflict": ("{person}: {earlier} · {title}", "{person}: {earlier} · {title}"),
    "ev.variant": ("{variant} · {count} chỗ khác viết {majority}", ("{variant} · written {majority} {count} time elsewhere", "{variant} · written {majority} {count} times elsewhere")),
    "ev.cited-late": ("{cited} về {period}: {days} ngày sau khi kỳ kết thúc (ngưỡng {max} ngày)",
                      "{cited} about {period}: {days} days after the period ended (threshold {max} days)"),
    "ev.cited-subject-after": ("{cited} về {period}: kỳ này chưa bắt đầu vào ngày của văn bản", "{cited} about {period}: that period had not begun on the document's date"),
    "ev.cumulative-impossible": ("{cumulative} · ngày báo cáo {report}: mới hết tháng {last}", "{cumulative} · report dated {report}: only month {last} is over"),
    "ev.roman": ("{numeral} không phải số La Mã đúng (cộng dồn được {value})", "{numeral} is not a valid Roman numeral (adds up to {value})"),
    "ev.plan-not-next": ("Đánh giá: {review} · Triển khai: {plan}", "Reviews: {review} · Plans: {plan}"),
    "ev.plan-over": ("Triển khai: {plan} · ngày họp {report} → kỳ đã kết thúc {n} ngày", ("Plans: {plan} · meeting on {report} → the period ended {n} day before", "Plans: {plan} · meeting on {report} → the period ended {n} days before")),
    "ev.review-not-started": ("Đánh giá: {review} · ngày họp {report} → kỳ chưa bắt đầu", "Reviews: {review} · meeting on {report} → the period had not begun"),
    "ev.term": ("{term}: {start}–{end}", "{term}: {start}–{end}"),
    "ev.term-length": ("{term}: {years} năm, không phải 5 năm", "{term}: {years} years, not 5"),
    "ev.term-ordinal": ("{first} · {this}", "{first} · {this}"),
    "ev.title-period": ("Tiêu đề: {title}{rest}", "Title: {title}{rest}"),
    "ev.review": (" · Đánh giá: {review}", " · Reviews: {review}"),
    "ev.plan": (" · Triển khai: {plan}", " · Plans: {plan}"),
    "ev.lead": (" · Phần mở đầu: {lead}", " · Lead: {lead}"),
    "ev.mojibake": ("Viết: {written} (ký tự của bảng mã cũ hoặc đọc sai bảng mã)", "Written: {written} (legacy-encoding or misread characters)"),
    "ev.invisible": ("Ký tự ẩn: {chars} ({where})", "Invisible characters: {chars} ({where})"),
    "ev.repeated": ("“{syllable}” lặp lại: {first} và {second}", "“{syllable}” twice: {first} and {second}"),
    "ev.term-variant": ("Viết: {written} · chuẩn: {term}", "Written: {written} · standard: {term}"),
    "ev.tone": ("Kiểu bỏ dấu cũ: {old} chỗ · kiểu mới: {new} chỗ", "Old tone placement: {old} · new: {new}"),
    "ev.typo": ("Viết: {written} · đúng: {right}", "Written: {written} · should be: {right}"),
    "ev.nfd": ("{marks} dấu tổ hợp rời, {letters} chữ dựng sẵn", "{marks} decomposed marks, {letters} precomposed letters"),
    "ev.archive-variants": ("{what} {key}: {variants}", "{what} {key}: {variants}"),
    "ev.in-doc": ("{value} trong {path} ({where})", "{value} in {path} ({where})"),
    "ev.generic-value": ("{name}: {value}", "{name}: {value}"),
    "ev.invalid-syllable": ("Viết: {written} · không phải âm tiết tiếng Việt{near}", "Written: {written} · not a Vietnamese syllable{near}"),
    "ev.nearest": (" · gần nhất: {candidates}", " · nearest: {candidates}"),
    "ev.legacy": ("Bảng mã của tệp: {name}", "Encoding of the file: {name}"),
    "ev.real-word": ("{written}: {written_count} lần trong kho tin tức · {candidate}: {candidate_count} lần",
                     "{written}: {written_count} times in the news corpus · {candidate}: {candidate_count} times"),
    "ev.brand": ("Các cách viết: {forms} · nhiều nhất: {majority}", "Forms: {forms} · most used: {majority}"),
    "ev.times": ("{form} ({n} lần)", ("{form} ({n} time)", "{form} ({n} times)")),
    "ev.glued": ("Số {figure} viết dính với {word}", "The figure {figure} is glued to {word}"),
    "ev.symbol-spacing": ("Viết: {written} · ký hiệu: {symbol}", "Written: {written} · symbol: {symbol}"),
    "wd.0": ("Thứ Hai", "Monday"),
    "wd.1": ("Thứ Ba", "Tuesday"),
    "wd.2": ("Thứ Tư", "Wednesday"),
    "wd.3": ("Thứ Năm", "Thursday"),
    "wd.4": ("Thứ Sáu", "Friday"),
    "wd.5": ("Thứ Bảy", "Saturday"),
    "wd.6": ("Chủ nhật", "Sunday"),
    "ev.yes": ("có", "yes"),
    "ev.no": ("không", "no"),
})

# ---- the HTML report (reporters/html.py, templates/report.js) ----------------------------
CATALOGUE.update({
    'html.line_col': ('dòng {line}, cột {column}', 'line {line}, column {column}'),
    'html.tab_findings': ('Phát hiện', 'Findings'),
    'html.tab_files': ('Tệp đã kiểm tra', 'Files checked'),
    'html.col_findings': ('Phát hiện', 'Findings'),
    'html.col_dates': ('Ngày tháng', 'Dates'),
    'html.col_citations': ('Văn bản viện dẫn', 'Citations'),
    'html.col_computation': ('Phép tính', 'Computations'),
    'html.col_citation_date': ('Ngày văn bản', 'Citation dates'),
    'html.col_period': ('Kỳ báo cáo', 'Periods'),
    'html.files_legend': ('Số ngày tháng và văn bản viện dẫn đã đọc; với phép tính (tỷ lệ, tổng), ngày văn bản (so với ngày họp) và kỳ báo cáo: số khớp / số đã kiểm tra.',
                          'Dates and citations read; for computations (percentages, sums), citation dates (against the meeting) and periods: consistent / checked.'),
    'html.clean': ('không có phát hiện', 'no findings'),
    'html.unreadable': ('không đọc được', 'could not be read'),
    'html.consistent': ('Đã kiểm tra, khớp', 'Checked, consistent'),
    'html.coverage': ('Đã kiểm tra', 'Checked'),
    'html.card_hint': ('Bấm để lọc theo mức này', 'Click to filter by this level'),
    'html.all_findings_hint': ('Bấm để bỏ mọi bộ lọc', 'Click to clear the filters'),
    'html.files_hint': ('Bấm để xem danh sách tệp', 'Click to list the files'),
    'html.places': ('Vị trí trong văn bản', 'Places in the text'),
    'html.skipped': ('Tệp bỏ qua', 'Skipped files'),
    'html.skipped_list': ('Tệp không được đọc và lý do', 'Files not read, and why'),
    'html.title': ('Báo cáo kiểm tra giaoban-qa', 'giaoban-qa report'),
    'html.files': ('Tệp', 'Files'),
    'html.findings': ('Phát hiện', 'Findings'),
    'html.error': ('Lỗi', 'Errors'),
    'html.warning': ('Cảnh báo', 'Warnings'),
    'html.info': ('Lưu ý', 'Info'),
    'html.suppressed': ('Đã bỏ qua', 'Suppressed'),
    'html.baselined': ('Trong baseline', 'Baselined'),
    'html.input_errors': ('Tệp không đọc được', 'Unreadable files'),
    'html.by_category': ('Theo nhóm', 'By category'),
    'html.search': ('Tìm trong thông báo, đoạn trích, tệp…', 'Search messages, excerpts, files…'),
    'html.all_categories': ('Mọi nhóm', 'All categories'),
    'html.all_rules': ('Mọi quy tắc', 'All rules'),
    'html.all_files': ('Mọi tệp', 'All files'),
    'html.all_statuses': ('Mọi trạng thái', 'All statuses'),
    'html.show_suppressed': ('Hiện phát hiện đã bỏ qua', 'Show suppressed findings'),
    'html.severity': ('Mức', 'Severity'),
    'html.rule': ('Quy tắc', 'Rule'),
    'html.category': ('Nhóm', 'Category'),
    'html.file': ('Tệp', 'File'),
    'html.line': ('Dòng', 'Line'),
    'html.message': ('Thông báo', 'Message'),
    'html.status': ('Trạng thái', 'Status'),
    'html.open': ('chưa xét', 'open'),
    'html.confirmed': ('xác nhận', 'confirmed'),
    'html.dismissed': ('bác bỏ', 'dismissed'),
    'html.prev': ('‹ Trước', '‹ Prev'),
    'html.next': ('Sau ›', 'Next ›'),
    'html.page': ('Trang', 'Page'),
    'html.of': ('/', 'of'),
    'html.shown': ('phát hiện khớp bộ lọc', 'findings match the filters'),
    'html.no_findings': ('Không có phát hiện nào khớp bộ lọc.', 'No finding matches the filters.'),
    'html.pick': ('Chọn một phát hiện trong danh sách hoặc một đoạn tô sáng trong văn bản.', 'Pick a finding in the list or a highlighted span in the text.'),
    'html.excerpt': ('Đoạn trích', 'Excerpt'),
    'html.suggestion': ('Gợi ý sửa', 'Suggestion'),
    'html.evidence': ('Bằng chứng', 'Evidence'),
    'html.explanation': ('Giải thích quy tắc', 'About this rule'),
    'html.fingerprint': ('Dấu vân tay', 'Fingerprint'),
    'html.note': ('Ghi chú', 'Note'),
    'html.confirm': ('Xác nhận', 'Confirm'),
    'html.dismiss': ('Bác bỏ', 'Dismiss'),
    'html.reopen': ('Mở lại', 'Reopen'),
    'html.export': ('Tải tệp review', 'Download review file'),
    'html.also_here': ('Cũng tại đây', 'Also here'),
    'html.no_text': ('(văn bản không được nhúng: tệp không có phát hiện)', '(text not embedded: the file has no findings)'),
    'html.document': ('Văn bản', 'Document'),
    'html.generated': ('Tạo lúc', 'Generated'),
    'html.review_file': ('Tệp review', 'Review file'),
    'html.suppressed_by': ('Bỏ qua do', 'Suppressed by'),
    'html.b_error': ('Lỗi', 'error'),
    'html.b_warning': ('Cảnh báo', 'warning'),
    'html.b_info': ('Lưu ý', 'info'),
    'html.input_error': ('Lỗi đọc tệp', 'Input error'),
    'html.go_to': ('đến vị trí', 'go to'),
    'html.hint': ('Rê chuột lên đoạn tô sáng để xem thông báo, bấm để xem chi tiết.', 'Hover a highlighted span for its message, click it for details.'),
})

def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def template_fields(key: str) -> dict[str, set[str]]:
    """The parameter names each language's template of ``key`` takes (for the tests)."""
    vi, en = CATALOGUE[key]
    en_all = set().union(*(_fields(t) for t in en)) if isinstance(en, tuple) else _fields(en)
    return {"vi": _fields(vi), "en": en_all}


def t(key: str, lang: str = "vi", **params: Any) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in."""
    vi, en = CATALOGUE[key]
    template: Template = en if lang == "en" else vi
    if isinstance(template, tuple):
        template = template[0] if params.get("n") == 1 else template[1]
    if "n" in params and isinstance(params["n"], (int, float)):
        params = {**params, "n": num(params["n"], lang)}
    return template.format(**params)


@dataclass(frozen=True)
class Text:
    """A message not yet put into words: a catalogue key and its parameters. Parameters
    that are themselves ``Text`` are rendered in the same language."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str = "vi") -> str:
        return t(self.key, lang, **{k: v.render(lang) if isinstance(v, Text) else v for k, v in self.params.items()})

    def __str__(self) -> str:  # logs and library callers without a language: English
        return self.render("en")


def num(value: float | int, lang: str = "vi", decimals: int | None = None) -> str:
    """A number for a reader of ``lang``: thousands grouped, decimals after a comma in
    Vietnamese ("1.159", "61,5") and after a point in English ("1,159", "61.5").
    ``decimals=None`` keeps an integer whole and prints up to two decimals otherwise."""
    if isinstance(value, bool):
        value = int(value)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def suppression_reason(reason: str | None, lang: str = "vi") -> str:
    """Why a finding was suppressed, in ``lang``: the engine records the English reason
    (``suppress.py``), which SARIF also reads for the kind of suppression."""
    if not reason:
        return ""
    if reason == "inline marker (ignore-file)":
        return t("supp.ignore-file", lang)
    m = re.fullmatch(r"inline marker \(line (\d+)\)", reason)
    if m:
        return t("supp.line", lang, line=m.group(1))
    if reason == "per-file-ignores":
        return t("supp.per-file", lang)
    return reason


def category_name(category: str, lang: str = "vi") -> str:
    key = f"cat.{category}"
    return t(key, lang) if key in CATALOGUE else category


def join_list(items: list[str], lang: str = "vi") -> str:
    return "; ".join(items)
