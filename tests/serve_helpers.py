"""Inputs for the tests of ``giaoban-qa serve``: a Word report with planted errors, built
from our own sentences with python-docx (a heading, a bold run across a finding, a table)."""

from __future__ import annotations

import io

PLANTED_LINES = [
    "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.",
    "Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện về tình hình tháng 10.",
    "Tình hình dịch Covid 19 trên địa bàn được kiểm soát tốt.",
]
TYPO = "đầy mạnh"
TYPO_FIX = "đẩy mạnh"


def planted_docx(extra_paragraphs: int = 0) -> bytes:
    """A .docx with five planted findings: a cited report dated after the meeting, two
    term variants ("Covid 19", "OCCOP"), a typo whose words sit in two runs (one bold) and
    a garbled date in a table cell. ``extra_paragraphs`` adds clean filler for size tests."""
    import docx

    document = docx.Document()
    document.add_heading("KẾT LUẬN HỘI NGHỊ GIAO BAN THÁNG 11", level=1)
    for line in PLANTED_LINES:
        document.add_paragraph(line)
    p = document.add_paragraph("Các ngành cần ")
    p.add_run("đầy").bold = True
    p.add_run(" mạnh cải cách hành chính và chương trình OCCOP.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Văn bản"
    table.cell(0, 1).text = "Ghi chú"
    table.cell(1, 0).text = "Kế hoạch số 12/KH-UBND ngày 23/112020"
    table.cell(1, 1).text = "đang triển khai"
    for i in range(extra_paragraphs):
        document.add_paragraph(f"Đoạn {i + 1}: các xã tiếp tục rà soát hồ sơ, cập nhật số liệu và báo cáo kết quả về huyện đúng hạn.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def start_server(app, **options):
    """The app on waitress at 127.0.0.1 on a free port, in a daemon thread: (url, stop)."""
    import threading

    import waitress

    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=2, **options)

    def run() -> None:
        try:
            server.run()
        except (OSError, ValueError):  # the socket closed under select() by stop()
            pass

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def stop() -> None:
        server.close()
        thread.join(timeout=5)

    return f"http://127.0.0.1:{server.effective_port}/", stop
