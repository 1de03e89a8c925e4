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

import contextlib
import contextvars
import re
import string
from typing import Any, Union

from giaoban_qa.records import field, record

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
    "audit.progress": ("đang kiểm tra", "auditing"),
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
    "ev.cumulative-below-day-week": ("Lũy kế {cumulative} < trong ngày/tuần {month}", "Cumulative {cumulative} < the day or week {month}"),
    "ev.cumulative-below-year": ("Lũy kế {cumulative} < riêng một năm {month}", "Cumulative {cumulative} < the single year {month}"),
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

# ---- the command line: errors, notes, summaries, help; argparse; the editor's page --------
CATALOGUE.update({
    # ---- configuration errors (config.py) ---------------------------------------------
    "cfg.unnamed": ("cấu hình", "configuration"),
    "cfg.tool-not-table": ("{path}: 'tool' phải là một bảng", "{path}: 'tool' must be a table"),
    "cfg.section-not-table": ("{path}: [tool.giaoban-qa] phải là một bảng thiết lập, không phải {type}",
                              "{path}: [tool.giaoban-qa] must be a table of settings, not {type}"),
    "cfg.invalid": ("{path}: cấu hình không hợp lệ ({error})", "{path}: invalid configuration ({error})"),
    "cfg.unreadable": ("{path}: không đọc được tệp cấu hình ({error})", "{path}: cannot read the configuration file ({error})"),
    "cfg.too-deep": ("{path}: cấu hình không hợp lệ (lồng quá sâu)", "{path}: invalid configuration (nested too deeply)"),
    "cfg.not-found": ("{path}: không tìm thấy tệp cấu hình", "{path}: configuration file not found"),
    "cfg.unknown-keys": ("{where}: khóa không biết: {keys}", ("{where}: unknown key {keys}", "{where}: unknown keys {keys}")),
    "cfg.severity-table": ("{where}: 'severity' phải là bảng quy_tắc = mức", "{where}: 'severity' must be a table of rule = level"),
    "cfg.severity-level": ("{where}: mức của {rule} phải là một trong {choices}", "{where}: severity of {rule} must be one of {choices}"),
    "cfg.fail-on": ("{where}: fail-on phải là một trong {choices}", "{where}: fail-on must be one of {choices}"),
    "cfg.lang": ("{where}: lang phải là 'vi' hoặc 'en'", "{where}: lang must be 'vi' or 'en'"),
    "cfg.per-file-ignores": ("{where}: 'per-file-ignores' phải là bảng mẫu_tệp = [quy tắc]", "{where}: 'per-file-ignores' must be a table of glob = [rules]"),
    "cfg.max-size": ("{where}: 'max-size' phải là một số MiB dương, tối đa {limit}", "{where}: 'max-size' must be a positive number of MiB up to {limit}"),
    "cfg.encoding": ("{where}: 'encoding' phải là một trong {choices}", "{where}: 'encoding' must be one of {choices}"),
    "cfg.options": ("{where}: 'options' phải là bảng quy_tắc = {{tùy_chọn = giá_trị}}", "{where}: 'options' must be a table of rule = {{option = value}}"),
    "cfg.baseline": ("{where}: 'baseline' phải là đường dẫn tệp", "{where}: 'baseline' must be a file path"),
    "cfg.str-list": ("{where}: '{key}' phải là danh sách chuỗi", "{where}: '{key}' must be a list of strings"),
    "cfg.rules-dir-missing": ("{where}: rules-dir {folder} không tồn tại", "{where}: rules-dir {folder} does not exist"),
    "cfg.rules-dir-not-folder": ("{where}: rules-dir {folder} không phải thư mục", "{where}: rules-dir {folder} is not a folder"),
    "cfg.unknown-rule": ("không có quy tắc hoặc tiền tố '{pattern}' (xem 'giaoban-qa rules')", "unknown rule or prefix '{pattern}' (see 'giaoban-qa rules')"),
    "cfg.options-unknown-rule": ("có tùy chọn cho quy tắc không tồn tại '{rule}' (xem 'giaoban-qa rules')", "options for unknown rule '{rule}' (see 'giaoban-qa rules')"),
    "cfg.no-such-option": ("quy tắc {rule} không có tùy chọn '{name}' (các tùy chọn của nó: {known})", "rule {rule} has no option '{name}' (its options: {known})"),
    "cfg.no-options": ("không có", "none"),
    "cfg.option-value": ("tùy chọn {name} của quy tắc {rule} phải là {wanted}, không phải {value}", "option {name} of rule {rule} must be {wanted}, not {value}"),
    "cfg.want-pairs": ("một danh sách các cặp [chức vụ, cơ quan] là chuỗi", "a list of [title, organ] pairs of strings"),
    "cfg.want-int": ("một số nguyên từ {low} đến {high}", "an integer from {low} to {high}"),
    "cfg.want-number": ("một số từ {low} đến {high}", "a number from {low} to {high}"),
    # ---- usage errors (commands) ------------------------------------------------------
    "usage.did-you-mean": (" (có phải ý bạn là {word}?)", " (did you mean {word}?)"),
    "usage.unknown-format": ("không có định dạng '{format}'{hint}; chọn trong {choices}", "unknown format '{format}'{hint}; choose from {choices}"),
    "usage.not-a-number": ("không phải một số: {value}", "not a number: {value}"),
    "usage.max-size": ("phải là một số MiB dương, tối đa {limit}, không phải {value}", "must be a positive number of MiB up to {limit}, not {value}"),
    "usage.at-least-one": ("{option} phải ít nhất là 1", "{option} must be at least 1"),
    "usage.check-needs-paths": ("check cần ít nhất một ĐƯỜNG-DẪN (hoặc --files-from / --changed-only)", "check needs at least one PATH (or --files-from / --changed-only)"),
    # ---- baseline, review, rule packs, changed files ----------------------------------
    "baseline.not-found": ("{path}: không tìm thấy tệp baseline (tạo bằng 'giaoban-qa baseline create')",
                           "{path}: baseline file not found (create it with 'giaoban-qa baseline create')"),
    "baseline.unreadable": ("{path}: không đọc được baseline ({error})", "{path}: cannot read baseline ({error})"),
    "baseline.too-deep": ("{path}: không đọc được baseline (lồng quá sâu)", "{path}: cannot read baseline (nested too deeply)"),
    "baseline.not-baseline": ("{path}: không phải tệp baseline của giaoban-qa (phiên bản {version})", "{path}: not a giaoban-qa baseline (version {version})"),
    "review.unreadable": ("{path}: không đọc được tệp review ({error})", "{path}: cannot read review file ({error})"),
    "review.not-mapping": ("{path}: tệp review phải là một bảng có mục 'findings'", "{path}: a review file is a mapping with 'findings'"),
    "review.findings-not-mapping": ("{path}: 'findings' phải ánh xạ dấu vân tay tới quyết định", "{path}: 'findings' must map fingerprints to decisions"),
    "review.bad-status": ("{path}: phát hiện {fp}: trạng thái phải là một trong {choices}, không phải '{status}'",
                          "{path}: finding {fp}: status must be one of {choices}, not '{status}'"),
    "review.needs-input": ("review cần ĐƯỜNG-DẪN để kiểm tra, hoặc --confirm/--dismiss/--reopen VÂN-TAY",
                           "review needs PATHs to check, or --confirm/--dismiss/--reopen FP"),
    "pack.unreadable": ("{path}: không đọc được gói quy tắc ({error})", "{path}: cannot read rule pack ({error})"),
    "pack.pattern-not-text": ("gói quy tắc '{pack}': mẫu phải là chuỗi, không phải {type} ({value})", "rule pack '{pack}': a pattern must be text, not {type} ({value})"),
    "pack.pattern-invalid": ("gói quy tắc '{pack}': mẫu {pattern} không phải biểu thức chính quy hợp lệ ({error})",
                             "rule pack '{pack}': pattern {pattern} is not a valid regular expression ({error})"),
    "pack.pattern-slow": ("gói quy tắc '{pack}': mẫu {pattern} chạy quá lâu (mẫu bùng nổ? hãy đơn giản hóa)",
                          "rule pack '{pack}': pattern {pattern} takes too long (a catastrophic pattern? simplify it)"),
    "pack.doc-types-mapping": ("doc_types: gói phải là một bảng (types, party_issuers, state_issuers, …)",
                               "doc_types: the pack must be a mapping (types, party_issuers, state_issuers, …)"),
    "pack.doc-types-abbr": ("doc_types: mỗi mục của {key} cần có abbr: {entry}", "doc_types: every entry of {key} needs an abbr: {entry}"),
    "pack.bad-shape": ("gói quy tắc '{pack}': các mục có dạng không đúng ({error})", "rule pack '{pack}': entries of an unexpected shape ({error})"),
    "changed.no-git": ("--changed-only cần git, nhưng không tìm thấy git", "--changed-only needs git, which was not found"),
    "changed.failed": ("thất bại", "failed"),
    "changed.git-failed": ("git {command}: {error}", "git {command}: {error}"),
    "changed.unreadable-list": ("{path}: không đọc được danh sách tệp ({error})", "{path}: cannot read file list ({error})"),
    # ---- audit: engines, cache, check suites, groups ------------------------------------
    "engine.needs-dask": ("--engine dask cần dask.distributed: pip install 'giaoban-qa[archive]'", "--engine dask needs dask.distributed: pip install 'giaoban-qa[archive]'"),
    "engine.unreachable": ("không kết nối được bộ lập lịch Dask tại {scheduler}: {error}", "cannot reach the Dask scheduler at {scheduler}: {error}"),
    "engine.no-workers": ("cụm Dask tại {scheduler} không có tiến trình thực thi nào (khởi động bằng 'dask worker {scheduler}')",
                          "the Dask cluster at {scheduler} has no workers (start some with 'dask worker {scheduler}')"),
    "engine.other-version": ("nó chạy một phiên bản giaoban-qa khác", "it runs another version of giaoban-qa"),
    "engine.worker-cannot": ("tiến trình Dask {worker} không chạy được lượt kiểm tra này ({why}); hãy cài đúng bản giaoban-qa này trên mọi máy",
                             "Dask worker {worker} cannot run this audit ({why}); install this giaoban-qa on every worker"),
    "engine.cancelled": ("lượt chạy Dask đã bị hủy: {error}", "the Dask run was cancelled: {error}"),
    "engine.workers-died": ("các tiến trình Dask bị dừng khi đang kiểm tra ({error}); có thể một văn bản làm hỏng tiến trình, hãy thử --engine local",
                            "Dask workers died while auditing ({error}); a document may crash the worker, try --engine local"),
    "note.cache-unusable": ("không dùng được bộ nhớ đệm {folder} ({error}); chạy không có bộ nhớ đệm", "cache {folder} unusable ({error}); running without it"),
    "note.jobs-lowered": ("--jobs {jobs} giảm xuống {limit} ({files} tệp cần trích xuất, {cores} nhân)",
                          "--jobs {jobs} lowered to {limit} ({files} file(s) to extract, {cores} core(s))"),
    "note.cache-rebuilt": ("bộ nhớ đệm {folder} bị hỏng ({error}); đã dựng lại", "cache {folder} was damaged ({error}); rebuilt"),
    "note.cache-damaged": ("bộ nhớ đệm {folder} bị hỏng ({error}) và không dựng lại được ({again}); chạy không có bộ nhớ đệm",
                           "cache {folder} is damaged ({error}) and cannot be rebuilt ({again}); running without it"),
    "note.cache-busy": ("bộ nhớ đệm {folder}: bận trong {seconds} giây, {n} bản ghi không được lưu",
                        ("cache {folder}: busy for {seconds} s, {n} record not saved", "cache {folder}: busy for {seconds} s, {n} records not saved")),
    "note.cache-bad-records": ("bộ nhớ đệm {folder}: {n} bản ghi hỏng đã bỏ qua và trích xuất lại",
                               ("cache {folder}: {n} damaged record ignored and re-extracted", "cache {folder}: {n} damaged records ignored and re-extracted")),
    "note.suite-no-table": ("bộ kiểm tra {suite}: không có bảng dữ kiện '{table}' (không bộ trích xuất nào đăng ký nó); bỏ qua",
                            "check suite {suite}: no fact table '{table}' (no extractor registers it); skipped"),
    "note.dask-peaks": ("bộ nhớ cao nhất của các tiến trình Dask: {peaks} MiB", "peak memory of the Dask workers: {peaks} MiB"),
    "suite.not-found": ("{path}: không có thư mục hay tệp bộ kiểm tra này", "{path}: no such checks folder or suite file"),
    "suite.invalid": ("{path}: bộ kiểm tra không hợp lệ ({error})", "{path}: not a valid suite ({error})"),
    "suite.no-expectations": ("{path}: bộ kiểm tra cần một danh sách 'expectations'", "{path}: a suite needs a list of 'expectations'"),
    "suite.no-table": ("{path}: phần meta của bộ kiểm tra phải ghi bảng dữ kiện 'table'", "{path}: the suite's meta must name its fact 'table'"),
    "suite.category": ("{where}: category phải là một trong {choices}", "{where}: category must be one of {choices}"),
    "suite.severity": ("{where}: severity phải là một trong 'error', 'warning', 'info'", "{where}: severity must be one of 'error', 'warning', 'info'"),
    "suite.gx-error": ("{path}: {error}", "{path}: {error}"),
    "groups.not-found": ("{path}: không tìm thấy tệp nhóm", "{path}: groups file not found"),
    "groups.unreadable": ("{path}: không đọc được tệp nhóm ({error})", "{path}: cannot read groups file ({error})"),
    "groups.invalid": ("{path}: tệp nhóm không hợp lệ ({error})", "{path}: invalid groups file ({error})"),
    "usage.stdin-local-only": ("văn bản từ đầu vào chuẩn (-) chỉ kiểm tra được với --engine local", "text on standard input (-) is audited by --engine local only"),
    "usage.parquet-needs-folder": ("--format parquet ghi mỗi bảng một tệp: hãy chỉ định thư mục bằng -o THƯ-MỤC", "--format parquet writes one file per table: give a folder with -o DIR"),
    "usage.rule-crash": ("{message} (--keep-going để bỏ qua nó)", "{message} (--keep-going skips it)"),
    "usage.rule-internal": ("lỗi nội bộ của quy tắc {rule} trên {path}: {error}", "internal error in rule {rule} on {path}: {error}"),
    "usage.rule-cross": ("lỗi nội bộ của quy tắc {rule}: {error}", "internal error in rule {rule}: {error}"),
    "input.fact-table-crash": ("{path}: lỗi nội bộ của bảng dữ kiện {table}: {error}", "{path}: internal error in fact table {table}: {error}"),
    "usage.as-is": ("{message}", "{message}"),
    "schema.breaks": ("bảng dữ kiện '{table}' vi phạm lược đồ ở {n} chỗ (lỗi của bộ trích xuất)",
                      ("fact table '{table}' breaks its schema in {n} place (an extractor bug)", "fact table '{table}' breaks its schema in {n} places (an extractor bug)")),
    "schema.at-offset": ("{path} tại vị trí {start}", "{path} at offset {start}"),
    "schema.failure": ("{where} cột {column}: {check} (giá trị {value}) «{text}»", "{where} column {column}: {check} (value {value}) «{text}»"),
    "schema.more": ("… và {n} chỗ nữa", "… and {n} more"),
    "facts.unknown-table": ("không có bảng dữ kiện {tables}; chọn trong {choices}", ("unknown fact table {tables}; choose from {choices}", "unknown fact tables {tables}; choose from {choices}")),
    # ---- check, fix, annotate, serve ----------------------------------------------------
    "check.nothing-read": ("không đọc được tệp nào, chưa kiểm tra gì{skipped}", "no file was read, nothing was checked{skipped}"),
    "check.nothing-read-skipped": (" ({n} tệp bỏ qua: {reason}{more})", " ({n} skipped: {reason}{more})"),
    "fix.fixed": ("đã sửa {findings} trong {files}{more}", "fixed {findings} in {files}{more}"),
    "fix.more-unsafe": (" ({n} phát hiện khác sửa được với --unsafe-fixes)", " ({n} more with --unsafe-fixes)"),
    "fix.note-stdin": ("văn bản từ đầu vào chuẩn không được ghi lại", "standard input is not rewritten"),
    "fix.note-html": ("có {n} bản sửa; trang HTML chỉ được báo cáo, không ghi lại", ("{n} fix available; HTML pages are reported, not rewritten", "{n} fixes available; HTML pages are reported, not rewritten")),
    "fix.note-roundtrip": ("các byte của tệp không giữ nguyên được qua bảng mã của nó; không ghi lại", "its bytes do not round-trip through its encoding; not rewritten"),
    "fix.note-docx": ("không đặt được bản sửa nào thành thay đổi theo dõi", "no fix could be placed as a tracked change"),
    "annotate.not-docx": ("{path}: annotate ghi nhận xét Word vào tệp .docx; với .txt/.md hãy dùng 'check --fix' hoặc 'check --diff'",
                          "{path}: annotate writes Word comments into a .docx; for .txt/.md use 'check --fix' or 'check --diff'"),
    "annotate.is-input": ("{path}: là chính tệp đầu vào; annotate ghi ra một bản sao (chọn -o khác)", "{path}: is the input file; annotate writes a copy (choose another -o)"),
    "annotate.written": ("{n} phát hiện thành nhận xét, {changes} thành thay đổi theo dõi, ghi vào {path}",
                         ("{n} finding as comments, {changes} as tracked changes, written to {path}", "{n} findings as comments, {changes} as tracked changes, written to {path}")),
    "serve.not-a-port": ("không phải số cổng: {value}", "not a port number: {value}"),
    "serve.port-range": ("cổng nằm trong khoảng 0-65535, không phải {port}", "a port is 0-65535, not {port}"),
    "serve.remote": ("--host {host} cho phép máy khác mở trang và gửi tệp tới; thêm --allow-remote nếu đúng ý bạn",
                     "--host {host} would let other computers open the page and send it files; add --allow-remote if that is what you want"),
    "serve.needs-web": ("serve cần phần bổ sung web (thiếu {package}): pip install 'giaoban-qa[web]'", "serve needs the web extra ({package} is missing): pip install 'giaoban-qa[web]'"),
    "serve.cannot-listen": ("không lắng nghe được trên {host}:{port}: {error}", "cannot listen on {host}:{port}: {error}"),
    "serve.remote-warning": ("CẢNH BÁO: đang lắng nghe trên {host}: ai truy cập được địa chỉ này đều dùng được trang và gửi tệp tới (không có đăng nhập)",
                             "WARNING: listening on {host}: anyone who can reach this address can use the page and send it files (there is no login)"),
    "serve.listening": ("trang ở địa chỉ {url} (Ctrl+C để dừng)", "the page is at {url} (Ctrl+C stops it)"),
    # ---- files found in a folder and not read ------------------------------------------
    "skip.excluded": ("cấu hình loại trừ (exclude)", "excluded by the configuration (exclude)"),
    "skip.hidden-folder": ("thư mục ẩn, không duyệt", "hidden folder, not walked"),
    "skip.hidden-file": ("tệp ẩn", "hidden file"),
    "skip.not-a-format": ("không phải định dạng giaoban-qa đọc được ({formats})", "not a format giaoban-qa reads ({formats})"),
    "skip.old-doc": ("tệp Word .doc kiểu cũ: mở bằng Word hoặc LibreOffice và lưu thành .docx để kiểm tra",
                     "an old Word .doc file: open it in Word or LibreOffice and save it as .docx to check it"),
    "skip.own-report": ("báo cáo do giaoban-qa tạo ra", "a report written by giaoban-qa"),
    "skip.not-regular": ("không phải tệp thường (ống dẫn hoặc thiết bị)", "not a regular file (a pipe or device)"),
    "annotate.mismatch": ("{path}: phát hiện {rule} tại vị trí {start} không khớp văn bản của tài liệu", "{path}: finding {rule} at {start} does not match the document's text"),
    # ---- the editor's page: errors ------------------------------------------------------
    "web.bad-host": ("tiêu đề Host không hợp lệ {host}", "unexpected Host header {host}"),
    "web.other-site": ("từ chối yêu cầu từ trang web khác", "requests from other sites are refused"),
    "web.upload-too-large": ("tệp tải lên lớn hơn {mb} MiB", "upload larger than {mb} MiB"),
    "web.unknown-download": ("không có kiểu tải về '{fmt}'", "unknown download '{fmt}'"),
    "web.not-readable": ("{name}: trang này không đọc loại tệp này (dùng {formats})", "{name}: not a file this page reads (use {formats})"),
    "web.nothing": ("không có gì để kiểm tra: hãy thả một tệp hoặc dán văn bản", "nothing to check: drop a file or paste text"),
    "web.too-large": ("{name}: lớn hơn {mb} MiB", "{name}: larger than {mb} MiB"),
    "web.bad-decisions": ("quyết định: không phải tệp review ({error})", "decisions: not a review file ({error})"),
    "web.docx-only": ("{name}: tệp Word có chú thích chỉ tạo được từ tệp .docx tải lên", "{name}: the annotated Word file is made from a .docx upload"),
    # ---- system errors (OSError) and the command line -----------------------------------
    "os.ENOENT": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "os.EACCES": ("không có quyền", "permission denied"),
    "os.EISDIR": ("là một thư mục", "is a folder"),
    "os.ENOTDIR": ("một phần của đường dẫn không phải thư mục", "a part of the path is not a folder"),
    "os.ENOSPC": ("hết chỗ trống trên đĩa", "no space left on the device"),
    "os.EROFS": ("hệ thống tệp chỉ cho đọc", "read-only file system"),
    "os.ENAMETOOLONG": ("tên tệp quá dài", "file name too long"),
    "os.ELOOP": ("quá nhiều liên kết tượng trưng (một vòng liên kết)", "too many symbolic links (a loop of links)"),
    "os.EEXIST": ("tệp đã tồn tại", "file exists"),
    "os.EBUSY": ("tệp hoặc thiết bị đang bận", "file or device busy"),
    "os.EXDEV": ("không chuyển được giữa hai hệ thống tệp", "cannot move between file systems"),
    "os.refuse-link": ("là liên kết tượng trưng, không ghi đè (hãy chỉ tệp mà nó trỏ tới, hoặc xóa liên kết)",
                       "is a symbolic link, not replaced (name the file it points to, or remove the link)"),
    "os.refuse-special": ("đã tồn tại và không phải tệp thường, không ghi đè", "exists and is not a regular file, not replaced"),
    "os.refuse-parent-file": ("một thư mục trên đường dẫn là tệp", "a folder on the path is a file"),
    "os.refuse-folder-is-file": ("không tạo được báo cáo: {folder} là tệp, không phải thư mục", "cannot create the report: {folder} is a file, not a folder"),
    "os.refuse-input": ("là một trong các tệp đang được kiểm tra, không ghi đè bằng báo cáo", "is one of the files being checked, not overwritten with the report"),
    "err.syntax-at": ("lỗi cú pháp ở dòng {line}, cột {column}: “{detail}”", "{detail} at line {line}, column {column}"),
    "err.syntax": ("lỗi cú pháp hoặc mã hóa: “{detail}”", "{detail}"),
    "stats.count": ("số lượng", "count"),
    "stats.rule": ("quy tắc", "rule"),
    "stats.severity": ("mức độ", "severity"),
    "stats.summary": ("tóm tắt", "summary"),
    "cli.interrupted": ("đã dừng", "interrupted"),
    # ---- argparse's own messages (cli.ARGPARSE_MESSAGES; %-style, as argparse fills them) ----
    "argparse.usage": ("cách dùng: ", "usage: "),
    "argparse.positionals": ("tham số", "positional arguments"),
    "argparse.options": ("tùy chọn", "options"),
    "argparse.help": ("in trợ giúp này rồi thoát", "show this help message and exit"),
    "argparse.unrecognized": ("tham số không nhận ra: %s", "unrecognized arguments: %s"),
    "argparse.invalid-choice": ("lựa chọn không hợp lệ: %(value)r (chọn trong %(choices)s)", "invalid choice: %(value)r (choose from %(choices)s)"),
    "argparse.required": ("thiếu tham số bắt buộc: %s", "the following arguments are required: %s"),
    "argparse.error": ("%(prog)s: lỗi: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "argparse.argument": ("tham số %(argument_name)s: %(message)s", "argument %(argument_name)s: %(message)s"),
    "argparse.expected-one": ("cần một giá trị", "expected one argument"),
    "argparse.expected-at-most-one": ("cần nhiều nhất một giá trị", "expected at most one argument"),
    "argparse.expected-at-least-one": ("cần ít nhất một giá trị", "expected at least one argument"),
    "argparse.expected-n": ("cần %s giá trị", "expected %s arguments"),
    "argparse.invalid-value": ("giá trị %(type)s không hợp lệ: %(value)r", "invalid %(type)s value: %(value)r"),
    "argparse.ambiguous": ("tùy chọn mơ hồ: %(option)s có thể là %(matches)s", "ambiguous option: %(option)s could match %(matches)s"),
    "argparse.not-allowed-with": ("không dùng được cùng tham số %s", "not allowed with argument %s"),
    "argparse.ignored-explicit": ("bỏ qua giá trị %r", "ignored explicit argument %r"),
    "argparse.one-required": ("cần một trong các tham số %s", "one of the arguments %s is required"),
    "argparse.unknown-parser": ("không có lệnh %(parser_name)r (chọn trong %(choices)s)", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    "argparse.cannot-open": ("không mở được '%(filename)s': %(error)s", "can't open '%(filename)s': %(error)s"),
    "argparse.unexpected-option": ("chuỗi tùy chọn không mong đợi: %s", "unexpected option string: %s"),
    "argparse.subcommands": ("lệnh con", "subcommands"),
    # ---- the facts command's tables on the terminal (CSV, JSON and Parquet keep the codes) ----
    "facts.title": ("{table} ({n} dòng)", ("{table} ({n} row)", "{table} ({n} rows)")),
    "facts.table.citations": ("Văn bản viện dẫn", "Citations"),
    "facts.table.dates": ("Ngày tháng", "Dates"),
    "facts.table.documents": ("Văn bản", "Documents"),
    "facts.table.people": ("Người", "People"),
    "facts.table.periods": ("Kỳ báo cáo", "Periods"),
    "facts.table.places": ("Địa danh", "Places"),
    "facts.table.quantities": ("Số liệu", "Quantities"),
    "facts.col.path": ("tệp", "file"),
    "facts.col.text": ("đoạn văn", "text"),
    "facts.col.start": ("vị trí", "offset"),
    "facts.col.end": ("đến", "end"),
    "facts.col.type_word": ("loại (chữ)", "type (words)"),
    "facts.col.symbol": ("ký hiệu", "symbol"),
    "facts.col.system": ("hệ thống", "system"),
    "facts.col.type_abbr": ("loại (viết tắt)", "type (abbreviation)"),
    "facts.col.issuer": ("cơ quan ban hành", "issuer"),
    "facts.col.year": ("năm", "year"),
    "facts.col.date": ("ngày", "date"),
    "facts.col.issuer_words": ("cơ quan (chữ)", "issuer (words)"),
    "facts.col.subject": ("trích yếu", "subject"),
    "facts.col.day": ("ngày trong tháng", "day"),
    "facts.col.month": ("tháng", "month"),
    "facts.col.year_inferred": ("năm suy ra", "year inferred"),
    "facts.col.form": ("cách viết", "form"),
    "facts.col.role": ("vai trò", "role"),
    "facts.col.valid": ("hợp lệ", "valid"),
    "facts.col.sha256": ("sha256", "sha256"),
    "facts.col.title": ("tiêu đề", "title"),
    "facts.col.kind": ("loại", "kind"),
    "facts.col.format": ("định dạng", "format"),
    "facts.col.event_date": ("ngày sự kiện", "event date"),
    "facts.col.published": ("ngày đăng", "published"),
    "facts.col.group": ("nhóm", "group"),
    "facts.col.group_source": ("nguồn nhóm", "group source"),
    "facts.col.meeting": ("hội nghị", "meeting"),
    "facts.col.meeting_label": ("tên hội nghị", "meeting label"),
    "facts.col.chars": ("số ký tự", "characters"),
    "facts.col.name": ("tên", "name"),
    "facts.col.key": ("khóa so sánh", "comparison key"),
    "facts.col.titles": ("các chức danh", "titles"),
    "facts.col.org": ("cơ quan", "organisation"),
    "facts.col.first_month": ("tháng đầu", "first month"),
    "facts.col.last_month": ("tháng cuối", "last month"),
    "facts.col.value": ("giá trị", "value"),
    "facts.col.unit": ("đơn vị", "unit"),
    "facts.col.approx": ("xấp xỉ", "approximate"),
    "facts.col.qualifier": ("từ bổ nghĩa", "qualifier"),
    "facts.col.relation": ("quan hệ", "relation"),
    "facts.col.base": ("gốc so sánh", "base"),
    "facts.col.metric": ("chỉ tiêu", "metric"),
    "facts.col.period_text": ("kỳ (chữ)", "period (words)"),
    "facts.col.cumulative_months": ("số tháng lũy kế", "cumulative months"),
    "facts.col.number_style": ("kiểu viết số", "number style"),
    "facts.col.decimals": ("số chữ số thập phân", "decimals"),
    "facts.col.line": ("dòng", "line"),
    "facts.col.column": ("cột", "column"),
    # ---- help of the command line (argparse) --------------------------------------------
    "help.description": ("Kiểm tra tính nhất quán của báo cáo cơ quan Nhà nước và cấp ủy Đảng.",
                         "Consistency checker for Vietnamese government and Party-committee reports."),
    "help.version": ("in số phiên bản rồi thoát", "show the version number and exit"),
    "mv.COMMAND": ("LỆNH", "COMMAND"),
    "mv.ACTION": ("VIỆC", "ACTION"),
    "mv.PATH": ("ĐƯỜNG-DẪN", "PATH"),
    "mv.FILE": ("TỆP", "FILE"),
    "mv.DIR": ("THƯ-MỤC", "DIR"),
    "mv.FORMAT": ("ĐỊNH-DẠNG", "FORMAT"),
    "mv.RULES": ("QUY-TẮC", "RULES"),
    "mv.RULE": ("QUY-TẮC", "RULE"),
    "mv.NAME": ("TÊN", "NAME"),
    "mv.REF": ("MỐC-GIT", "REF"),
    "mv.FP": ("VÂN-TAY", "FP"),
    "mv.REVIEW": ("TỆP-REVIEW", "REVIEW"),
    "mv.REPORT": ("BÁO-CÁO.docx", "REPORT.docx"),
    "mv.ADDRESS": ("ĐỊA-CHỈ", "ADDRESS"),
    "mv.HOST": ("MÁY", "HOST"),
    "mv.PORT": ("CỔNG", "PORT"),
    "mv.TABLE": ("BẢNG", "TABLE"),
    "mv.NOTE": ("GHI-CHÚ", "NOTE"),
    "help.format": ("rich (mặc định: có màu trên terminal), text (như rich nhưng không màu), concise (đường_dẫn:dòng:cột: quy_tắc "
                    "thông_báo, mỗi phát hiện một dòng), json, html, sarif, junit",
                    "rich (default: colour on a terminal), text (the same without colour), concise (path:line:col: rule "
                    "message, one a line), json, html, sarif, junit"),
    "help.output": ("ghi báo cáo vào TỆP (ghi trọn vẹn một lần; html mặc định vào reports/, - là đầu ra chuẩn)",
                    "write the report to FILE (atomically; html defaults to reports/, - for standard output)"),
    "help.baseline": ("chỉ báo các phát hiện không có trong baseline này ('giaoban-qa baseline create')",
                      "report only findings not in this baseline ('giaoban-qa baseline create')"),
    "help.review": ("tệp review của kiểm toán viên hiển thị trong báo cáo html (mặc định: cạnh báo cáo)",
                    "auditor review file shown in the html report (default: beside the report)"),
    "help.fail-on": ("mức thấp nhất làm lệnh thất bại (mặc định: 'error')", "lowest severity that fails (default: error)"),
    "help.color": ("bật hoặc tắt màu (mặc định: bật trên terminal, trừ khi đặt NO_COLOR)",
                   "force colour on or off (default: on for a terminal unless NO_COLOR is set)"),
    "help.statistics": ("in số phát hiện của từng quy tắc thay cho các phát hiện", "print how many findings each rule produced instead of the findings"),
    "help.quiet": ("chỉ in các phát hiện: không tóm tắt, không ghi chú", "print the findings only: no summary, no notes"),
    "help.lang": ("ngôn ngữ của thông báo (mặc định: vi, hoặc lang trong cấu hình)", "language of messages (default: vi, or lang of the configuration)"),
    "help.config": ("tệp cấu hình (mặc định: tìm ngược lên từ đường dẫn đầu tiên)", "configuration file (default: found upward from the first path)"),
    "help.select": ("mã quy tắc hoặc tiền tố cần chạy, cách nhau bằng dấu phẩy", "comma-separated rule ids or prefixes to run"),
    "help.ignore": ("mã quy tắc hoặc tiền tố cần bỏ qua, cách nhau bằng dấu phẩy", "comma-separated rule ids or prefixes to skip"),
    "help.max-size": ("tệp lớn nhất được đọc, tính bằng MiB (mặc định 20)", "largest file to read, in MiB (default 20)"),
    "help.keep-going": ("quy tắc bị lỗi nội bộ được báo rồi bỏ qua (mặc định: dừng, mã thoát 2)", "a rule that crashes is reported and skipped (default: stop, exit 2)"),
    "help.encoding": ("cách giải mã tệp văn bản (mặc định: auto — UTF-8, UTF-16 có BOM, hoặc bảng mã tiếng Việt cũ "
                      "mà các byte cho thấy: Windows-1258, TCVN3, VNI)",
                      "how to decode text files (default: auto — UTF-8, UTF-16 with BOM, or the legacy Vietnamese encoding "
                      "the bytes betray: Windows-1258, TCVN3, VNI)"),
    "help.verbose": ("in thêm căn cứ của từng phát hiện bằng lời", "also print each finding's evidence in words"),
    "help.jobs": ("số tiến trình chạy song song (mặc định: số nhân của máy khi có hơn một tệp)",
                  "worker processes (default: the machine's cores when there is more than one file)"),
    "help.check": ("kiểm tra tệp hoặc thư mục và báo các phát hiện", "check files or folders and report findings"),
    "help.check.paths": ("tệp, thư mục (duyệt cả thư mục con) hoặc - để đọc đầu vào chuẩn", "files, folders (recursive) or - for stdin"),
    "help.check.changed-only": ("chỉ kiểm tra các tệp đã đổi so với MỐC-GIT (mặc định HEAD) và các tệp chưa theo dõi",
                                "check only files changed against the git REF (default HEAD) and untracked ones"),
    "help.check.files-from": ("đọc các đường dẫn cần kiểm tra từ TỆP, mỗi dòng một đường dẫn (- là đầu vào chuẩn)",
                              "read the paths to check from FILE, one a line (- for stdin)"),
    "help.check.stdin-filename": ("tên dùng để báo văn bản đọc từ -; phần mở rộng quyết định định dạng (page.html, report.md)",
                                  "name to report text read from - as; its suffix picks the format (page.html, report.md)"),
    "help.check.fix": ("áp dụng các bản sửa an toàn: .txt/.md ghi lại tại chỗ, .docx thành thay đổi theo dõi",
                       "apply the safe fixes: .txt/.md rewritten in place, .docx as tracked changes"),
    "help.check.unsafe-fixes": ("cùng --fix hoặc --diff, áp dụng cả các bản sửa cần người biên tập cân nhắc (kèm theo --fix)",
                                "with --fix or --diff, also apply fixes that need an editor's judgement (implies --fix)"),
    "help.check.diff": ("in các bản sửa dưới dạng diff thống nhất, không thay đổi gì", "print the fixes as a unified diff and change nothing"),
    "help.audit": ("kiểm tra cả một kho văn bản: quy tắc từng văn bản và liên văn bản, kiểm tra dữ kiện",
                   "check a whole archive: per-document and cross-document rules, fact checks"),
    "help.audit.paths": ("tệp hoặc thư mục (duyệt cả thư mục con)", "files or folders (recursive)"),
    "help.audit.jobs": ("số tiến trình chạy song song (mặc định: số nhân của máy)", "worker processes (default: the machine's cores)"),
    "help.audit.no-cache": ("không đọc và không ghi bộ nhớ đệm", "neither read nor write the cache"),
    "help.audit.cache-dir": ("thư mục bộ nhớ đệm (mặc định: .giaoban-qa-cache)", "cache folder (default: .giaoban-qa-cache)"),
    "help.audit.checks": ("chạy các bộ kiểm tra Great Expectations (.json/.yaml) trong THƯ-MỤC trên các bảng dữ kiện",
                          "run the Great Expectations suites (.json/.yaml) of DIR over the fact tables"),
    "help.audit.groups": ("tệp đi kèm gán mẫu đường dẫn cho nhóm (mặc định: giaoban-qa-archive.yaml tìm thấy cạnh các đường dẫn)",
                          "sidecar mapping path globs to groups (default: giaoban-qa-archive.yaml found beside the paths)"),
    "help.audit.engine": ("nơi chạy: nhóm tiến trình trên máy (mặc định) hoặc Dask (một LocalCluster theo cỡ máy, hoặc --scheduler)",
                          "where the work runs: local process pool (default) or Dask (a LocalCluster sized to the machine, or --scheduler)"),
    "help.audit.scheduler": ("một bộ lập lịch Dask đang chạy, ví dụ tcp://host:8786 (kèm theo --engine dask)",
                             "a running Dask scheduler, e.g. tcp://host:8786 (implies --engine dask)"),
    "help.audit.tables": ("ghi mọi bảng dữ kiện, đã kiểm định, thành Parquet phân đoạn: THƯ-MỤC/<bảng>/part.N.parquet",
                          "write every fact table, validated, as partitioned Parquet: DIR/<table>/part.N.parquet"),
    "help.audit.partition-size": ("số văn bản mỗi tác vụ Dask và mỗi phần Parquet (mặc định 200)", "documents per Dask task and per Parquet part (default 200)"),
    "help.audit.progress": ("thanh tiến độ trên stderr (mặc định: khi stderr là terminal)", "progress bar on stderr (default: when stderr is a terminal)"),
    "help.facts": ("in các dữ kiện trích xuất từ văn bản", "print the facts extracted from documents"),
    "help.facts.paths": ("tệp hoặc thư mục", "files or folders"),
    "help.facts.format": ("table (bảng trên terminal), csv, json hoặc parquet", "table (on the terminal), csv, json or parquet"),
    "help.facts.kind": ("bảng cần in (mặc định: tất cả; lặp lại để chọn nhiều bảng)", "table(s) to show (default: all; repeat for several)"),
    "help.facts.output": ("một tệp (csv/json), hoặc một thư mục (đã có, hoặc viết kết thúc bằng /): mỗi bảng một tệp (parquet luôn cần thư mục)",
                          "a file (csv/json), or a folder (existing, or written with a trailing /): one file per table (parquet always needs a folder)"),
    "help.baseline-cmd": ("ghi lại các phát hiện hôm nay để 'check --baseline' chỉ báo phát hiện mới",
                          "record today's findings so 'check --baseline' reports only new ones"),
    "help.baseline.create": ("kiểm tra các ĐƯỜNG-DẪN và ghi mọi phát hiện vào tệp baseline", "check PATHs and write every finding to the baseline file"),
    "help.baseline.output": ("tệp baseline (mặc định: .giaoban-qa-baseline.json)", "baseline file (default: .giaoban-qa-baseline.json)"),
    "help.review-cmd": ("phân loại của kiểm toán viên: in các phát hiện chưa xét, ghi quyết định xác nhận/bác bỏ",
                        "auditor triage: print open findings, record confirmed/dismissed decisions"),
    "help.review.paths": ("tệp hoặc thư mục cần kiểm tra (như với 'check')", "files or folders to check (as for 'check')"),
    "help.review.file": ("tệp review, .yaml hoặc .json (mặc định: {default})", "review file, .yaml or .json (default: {default})"),
    "help.review.all": ("in mọi phát hiện kèm trạng thái, không chỉ các phát hiện chưa xét", "print every finding with its status, not only open ones"),
    "help.review.confirm": ("đánh dấu một dấu vân tay là xác nhận", "mark a fingerprint confirmed"),
    "help.review.dismiss": ("đánh dấu một dấu vân tay là bác bỏ", "mark a fingerprint dismissed"),
    "help.review.reopen": ("đánh dấu một dấu vân tay là chưa xét trở lại", "mark a fingerprint open again"),
    "help.review.note": ("ghi chú lưu cùng --confirm/--dismiss/--reopen", "note recorded with --confirm/--dismiss/--reopen"),
    "help.review.baseline": ("bỏ ra các phát hiện có trong baseline này", "leave out findings in this baseline"),
    "help.annotate": ("ghi một bản sao .docx với phát hiện thành nhận xét và bản sửa thành thay đổi theo dõi",
                      "write a copy of a .docx with findings as comments and fixes as tracked changes"),
    "help.annotate.path": ("báo cáo Word (.docx) cần chú thích", "the Word report (.docx) to annotate"),
    "help.annotate.output": ("bản sao có chú thích (mặc định: BÁO-CÁO.giaoban-qa.docx cạnh tệp gốc; không bao giờ là tệp đầu vào)",
                             "the annotated copy (default: REPORT.giaoban-qa.docx beside it; never the input)"),
    "help.serve": ("một trang web trên máy: thả báo cáo vào, xem và sửa phát hiện, tải về tệp .docx có chú thích",
                   "a local web page: drop a report, see and fix its findings, download the annotated .docx"),
    "help.serve.host": ("địa chỉ lắng nghe (mặc định 127.0.0.1, chỉ máy này; địa chỉ khác cần --allow-remote)",
                        "address to listen on (default 127.0.0.1, this machine only; another address needs --allow-remote)"),
    "help.serve.allow-remote": ("cho phép --host là địa chỉ máy khác truy cập được (in một cảnh báo)",
                                "allow --host to be an address other computers can reach (prints a warning)"),
    "help.serve.port": ("cổng (mặc định {default}; 0 để chọn một cổng trống)", "port (default {default}; 0 picks a free one)"),
    "help.serve.open": ("mở trang trong trình duyệt mặc định", "open the page in the default browser"),
    "help.serve.threads": ("số yêu cầu phục vụ cùng lúc (mặc định 4)", "requests served at once (default 4)"),
    "help.serve.lang": ("ngôn ngữ của trang và thông báo (mặc định: vi)", "language of the page and messages (default: vi)"),
    "help.serve.config": ("tệp cấu hình (mặc định: tìm ngược lên từ thư mục hiện tại)", "configuration file (default: found upward from the current folder)"),
    "help.serve.max-size": ("tệp tải lên lớn nhất, tính bằng MiB (mặc định 20)", "largest upload, in MiB (default 20)"),
    "help.rules": ("liệt kê mọi quy tắc", "list every rule"),
    "help.rules.format": ("table (bảng trên terminal) hoặc json", "table (on the terminal) or json"),
    "help.explain": ("in trang tài liệu của một quy tắc", "print a rule's documentation"),
    "help.explain.rule": ("mã quy tắc, ví dụ date.weekday-mismatch", "a rule id, e.g. date.weekday-mismatch"),
    "help.text": ("in văn bản mà các vị trí trỏ vào (văn bản trích ra với .html/.docx)", "print the text that offsets point into (extracted text for .html/.docx)"),
    "help.text.path": ("tệp cần đọc", "the file to read"),
    # ---- the editor's page (web/app.py, templates/editor.js) ----------------------------
    "editor.title": ('giaoban-qa — kiểm tra văn bản', 'giaoban-qa — report checker'),
    "editor.drop": ('Kéo thả tệp vào đây', 'Drop a file here'),
    "editor.choose": ('hoặc chọn tệp', 'or choose a file'),
    "editor.paste": ('…hoặc dán văn bản vào đây', '…or paste text here'),
    "editor.check": ('Kiểm tra', 'Check'),
    "editor.checking": ('Đang kiểm tra…', 'Checking…'),
    "editor.accept": ('Nhận gợi ý sửa', 'Accept suggestion'),
    "editor.accepted": ('Đã nhận gợi ý sửa', 'Suggestion accepted'),
    "editor.undo": ('Bỏ nhận', 'Undo'),
    "editor.downloads": ('Tải về', 'Download'),
    "editor.dl_txt": ('Văn bản đã sửa (.txt)', 'Corrected text (.txt)'),
    "editor.dl_docx": ('Word có chú thích (.docx)', 'Annotated Word (.docx)'),
    "editor.dl_html": ('Báo cáo HTML', 'HTML report'),
    "editor.dl_json": ('JSON', 'JSON'),
    "editor.privacy": ('Tối đa {mb} MiB. Tệp chỉ được xử lý trong bộ nhớ, không lưu lại.', 'Up to {mb} MiB. Files are processed in memory and never stored.'),
    "editor.none": ('Chọn một tệp hoặc dán văn bản.', 'Choose a file or paste text.'),
    "editor.result": ('{n} phát hiện trong {name}', '{n} findings in {name}'),
    "editor.fixes": ('{n} gợi ý đã nhận', '{n} suggestions accepted'),
    "editor.too_big": ('Tệp lớn hơn {mb} MiB.', 'The file is larger than {mb} MiB.'),
    "editor.accept_safe": ('Nhận mọi gợi ý sửa an toàn ({n})', 'Accept every safe suggestion ({n})'),
    "editor.applied": ('Đã áp dụng {n} gợi ý sửa.', '{n} suggestions applied.'),
    "editor.other_lang": ('English', 'Tiếng Việt'),
    "editor.failed": ('Không thực hiện được', 'Could not do it'),
})

def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def template_fields(key: str) -> dict[str, set[str]]:
    """The parameter names each language's template of ``key`` takes (for the tests)."""
    vi, en = CATALOGUE[key]
    en_all = set().union(*(_fields(t) for t in en)) if isinstance(en, tuple) else _fields(en)
    return {"vi": _fields(vi), "en": en_all}


def t(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in."""
    vi, en = CATALOGUE[key]
    template: Template = en if lang == "en" else vi
    if isinstance(template, tuple):
        template = template[0] if params.get("n") == 1 else template[1]
    if "n" in params and isinstance(params["n"], (int, float)):
        params = {**params, "n": num(params["n"], lang)}
    return template.format(**params)


@record(frozen=True)
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


class Localized(Exception):
    """An error for the user raised where the language is not known: it carries a catalogue
    key and parameters (:class:`Text`) and is put into words at the edge with
    ``render(lang)``; ``str()`` is the English message (logs, library callers).

    ``Localized(text)`` takes a ready :class:`Text` (an error passed on from a lower layer);
    a string that is no catalogue key is shown as it is, in both languages, and
    ``tests/test_i18n.py`` finds the raises that do that."""

    def __init__(self, key: "str | Text", /, **params: Any) -> None:
        if isinstance(key, Text):
            self.text: Text | None = key
        elif key in CATALOGUE:
            self.text = Text(key, dict(params))
        else:
            self.text = None
        self.literal = key if isinstance(key, str) else key.key
        super().__init__(self.text.render("en") if self.text else self.literal)

    def render(self, lang: str = "vi") -> str:
        return self.text.render(lang) if self.text else self.literal

    def __reduce__(self):  # raised in a worker process, re-raised in the parent
        return (_rebuild, (type(self), self.text or self.literal))


def _rebuild(cls, key):
    error = Exception.__new__(cls)
    Localized.__init__(error, key)
    return error


def codes(values) -> str:
    """Values a user types (severities, formats, table names), quoted: the same in both
    languages ("'error', 'warning', 'info'")."""
    return ", ".join(f"'{v}'" for v in values)


def render_text(value: "str | Text", lang: str = "vi") -> str:
    """A note that is a :class:`Text` (or, from older code, plain text) in ``lang``."""
    return value.render(lang) if isinstance(value, Text) else str(value)


# The system's reasons (its C library speaks English) and the report writer's refusals.
_OS_ERRORS = {"ENOENT": "os.ENOENT", "EACCES": "os.EACCES", "EPERM": "os.EACCES", "EISDIR": "os.EISDIR",
              "ENOTDIR": "os.ENOTDIR", "ENOSPC": "os.ENOSPC", "EROFS": "os.EROFS", "ENAMETOOLONG": "os.ENAMETOOLONG",
              "ELOOP": "os.ELOOP", "EEXIST": "os.EEXIST", "EBUSY": "os.EBUSY", "EXDEV": "os.EXDEV"}


def os_reason(exc: OSError) -> "Text | str":
    """Why an ``OSError`` happened, as a message: the common reasons by their error code,
    others as the system words them."""
    import errno

    text = getattr(exc, "text", None)  # the report writer's refusals (reporters._refusal)
    if isinstance(text, Text):
        return text
    key = _OS_ERRORS.get(errno.errorcode.get(exc.errno or 0, ""))
    return Text(key) if key else (exc.strerror or str(exc))


def os_error_text(exc: OSError, lang: str = "vi") -> str:
    return render_text(os_reason(exc), lang)


def syntax_error(exc: Exception) -> Text:
    """Where a YAML, TOML or JSON file (or its decoding) went wrong, as a message: the
    line and column in the user's language, the parser's own words quoted (they exist in
    English only)."""
    detail = getattr(exc, "problem", None) or getattr(exc, "msg", None) or (str(exc).strip().split("\n")[0] or type(exc).__name__)
    mark = getattr(exc, "problem_mark", None)
    line = column = None
    if mark is not None:  # PyYAML
        line, column = mark.line + 1, mark.column + 1
    elif isinstance(getattr(exc, "lineno", None), int) and isinstance(getattr(exc, "colno", None), int):  # json
        line, column = exc.lineno, exc.colno  # type: ignore[attr-defined]
    else:  # tomllib: "Invalid value (at line 1, column 10)"
        m = re.search(r"\s*\(at line (\d+), column (\d+)\)", str(detail))
        if m:
            line, column, detail = int(m.group(1)), int(m.group(2)), str(detail)[: m.start()]
    if line is not None:
        return Text("err.syntax-at", {"line": line, "column": column, "detail": str(detail)[:200]})
    return Text("err.syntax", {"detail": str(detail)[:200]})


def render_error(exc: BaseException, lang: str = "vi") -> str:
    """An exception's message in ``lang`` when it carries one (:class:`Localized`,
    ``InputError``), else its own text."""
    render = getattr(exc, "render", None)
    return render(lang) if callable(render) else str(exc)


# The language of the running command, for text made where no language is passed along
# (the argument parser's help and errors, "did you mean"): set once by the command line.
_CURRENT: contextvars.ContextVar[str] = contextvars.ContextVar("giaoban_qa_lang", default="vi")


def current_lang() -> str:
    return _CURRENT.get()


@contextlib.contextmanager
def using_lang(lang: str):
    token = _CURRENT.set(lang if lang in LANGS else "vi")
    try:
        yield
    finally:
        _CURRENT.reset(token)


def raw(key: str, lang: str = "vi") -> str:
    """The template of ``key`` unformatted (argparse's own %-style messages)."""
    vi, en = CATALOGUE[key]
    template = en if lang == "en" else vi
    return template if isinstance(template, str) else template[1]


def category_name(category: str, lang: str = "vi") -> str:
    key = f"cat.{category}"
    return t(key, lang) if key in CATALOGUE else category


def join_list(items: list[str], lang: str = "vi") -> str:
    return "; ".join(items)
