"""Vietnamese pages of the rules, keyed by rule code: (summary, what it does, why it matters).

The English page is each rule's docstring; the Example and Use instead texts are Vietnamese
report text in the docstring and are shared by both pages, so the tests that run them
cover both languages. ``tests/test_rule_docs.py`` fails when a registered rule has no entry
here. Kept out of the rule modules so that editing a rule's logic and its translation do not
collide.
"""

from __future__ import annotations

PAGES: dict[str, tuple[str, str, str]] = {
    "citation.archive-conflict": (
        "Cùng một văn bản viện dẫn (số và ký hiệu) được ghi ngày hoặc tên loại khác nhau trong các báo cáo khác nhau.",
        "Thu thập mọi văn bản được viện dẫn có số và ký hiệu (\"Kế hoạch số 03-KH/HU ngày 15/01/2021\") trong kho lưu trữ và so sánh "
        "các văn bản của cùng một địa phương ban hành (nhóm; ký hiệu của cơ quan trung ương như \"TW\", \"TTg\" thì so trên cả kho). "
        "Cùng một ký hiệu được ghi hai ngày khác nhau trong một năm, hoặc với hai tên loại (\"Kế hoạch\" và \"Chương trình\"), được báo một lần, "
        "kèm mọi cách ghi, số lần xuất hiện và các văn bản dùng cách ghi đó. Văn bản các năm khác có thể dùng lại số, nên chỉ so ngày trong cùng một năm.",
        "Người tra cứu văn bản theo ngày sẽ không tìm thấy, và kiểm toán viên không biết báo cáo nào chép sai ngày. Chỉ so sánh giữa các báo cáo mới phát hiện được.",
    ),
    "citation.before-issuer-existed": (
        "Văn bản được viện dẫn có ngày trước khi cơ quan ban hành được bầu ra.",
        "Một số ký hiệu và tên cơ quan cho biết nhiệm kỳ của cơ quan ban hành: \"/QH14\", \"-UBTVQH14\" hoặc \"của Quốc hội khóa XIV\" "
        "(Quốc hội khóa XIV, bầu ngày 22/5/2016), \"Bộ Chính trị khóa XIII\" (do Đại hội khai mạc ngày 25/01/2021 bầu ra). "
        "Quy tắc báo văn bản có ngày — theo ngày ghi hoặc theo năm trong số ký hiệu — trước khi nhiệm kỳ đó bắt đầu. "
        "Ngày bắt đầu nhiệm kỳ nằm trong gói ``doc_types``; cơ quan không ghi nhiệm kỳ thì không kiểm tra.",
        "Một cơ quan không thể ký văn bản trước khi có cơ quan đó: ngày, năm hoặc số khóa đã bị gõ nhầm.",
    ),
    "citation.dated-after-meeting": (
        "Văn bản được viện dẫn có ngày sau hội nghị hoặc báo cáo viện dẫn nó.",
        "So sánh ngày của mỗi văn bản được viện dẫn (\"Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020\") với ngày họp ở câu mở đầu, "
        "hoặc với ngày đăng bài khi không có ngày họp. Hội nghị không thể căn cứ vào một văn bản chưa ra đời.",
        "Một trong hai ngày bị sai: thường là tháng của văn bản viện dẫn bị gõ thành tháng của hội nghị. Người tra cứu văn bản sẽ không tìm thấy nó.",
    ),
    "citation.dated-after-report": (
        "Văn bản được viện dẫn có ngày sau dòng ngày tháng của chính báo cáo viện dẫn nó.",
        "Báo cáo chính thức có dòng địa danh, ngày tháng của mình (\"Đơn Dương, ngày 05 tháng 11 năm 2020\"). Quy tắc báo văn bản được viện dẫn "
        "có ngày sau ngày đó. Quy tắc này bổ sung cho ``citation.dated-after-meeting``: những văn bản quy tắc kia đã báo (có ngày sau hội nghị "
        "hoặc sau ngày đăng) thì không báo lại.",
        "Báo cáo không thể viện dẫn một văn bản chưa có vào ngày nó được ký; ngày viện dẫn (hoặc ngày của chính báo cáo) đã bị gõ nhầm.",
    ),
    "citation.header-date-format": (
        "Dòng ngày tháng của văn bản thiếu số 0 ở đầu theo quy định thể thức.",
        "Trong dòng địa danh, ngày tháng của văn bản (\"Đơn Dương, ngày 05 tháng 01 năm 2020\"), ngày nhỏ hơn 10 và tháng 1, tháng 2 phải có số 0 "
        "ở trước, tháng 3 đến tháng 12 thì không (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW đối với văn bản của Đảng). "
        "Chỉ kiểm tra dòng đó, và chỉ ở đầu một văn bản có dáng văn bản hành chính (quốc hiệu, \"ĐẢNG CỘNG SẢN VIỆT NAM\", dòng \"Số:\" hoặc "
        "tên loại văn bản viết hoa gần đó) — không bao giờ kiểm tra ngày trong bài tin.",
        "Số 0 ngăn việc sửa \"1\" thành \"11\" hay \"21\" sau khi ký. Đây là vấn đề thể thức nên phát hiện chỉ ở mức lưu ý.",
    ),
    "citation.inconsistent-repeat": (
        "Cùng một văn bản được viện dẫn hai lần trong một báo cáo với ngày hoặc tên loại khác nhau.",
        "Nhóm các văn bản viện dẫn của một báo cáo theo số và ký hiệu. Khi lần viện dẫn sau ghi cùng văn bản với ngày khác, hoặc với tên loại "
        "mà ký hiệu không quyết định được (công văn \"1167/UBND-TH\" không có tên loại; \"QĐ\" của Đảng có thể là Quyết định hoặc Quy định), "
        "lần sau được báo, kèm lần đầu làm căn cứ. Tên loại trái với ký hiệu để cho ``citation.type-mismatch``; tên rút gọn (\"Thông tư\" thay "
        "\"Thông tư liên tịch\") không phải khác biệt. Ký hiệu không có năm chỉ được so trong cùng một năm, vì số được đánh lại hằng năm "
        "(văn bản của Đảng: mỗi nhiệm kỳ), và không so khi hai lần viện dẫn ghi hai cơ quan khác nhau (\"UBND tỉnh\", \"UBND huyện\").",
        "Một văn bản chỉ có một ngày. Khi báo cáo tự mâu thuẫn, ít nhất một lần viện dẫn bị sai, và người đọc không biết là lần nào.",
    ),
    "citation.issuer-mismatch": (
        "Cơ quan ban hành ghi bằng lời khác với cơ quan trong ký hiệu văn bản.",
        "Đọc tên cơ quan sau \"của\" hoặc \"do\" (\"… của Ban Thường vụ Huyện ủy\", \"… của UBND huyện\") và so với chữ viết tắt cơ quan trong "
        "ký hiệu (\"HU\", \"HĐND\") theo tên cơ quan của gói ``doc_types``: TW đi với Bộ Chính trị, Ban Bí thư hoặc Ban Chấp hành Trung ương; "
        "TU với Tỉnh ủy hoặc Ban Thường vụ Tỉnh ủy; HU với Huyện ủy; UBND với Ủy ban nhân dân; HĐND với Hội đồng nhân dân; CP với Chính phủ; "
        "TTg với Thủ tướng. Cơ quan không có trong gói thì không so.",
        "Nghị quyết của Hội đồng nhân dân ghi là của Ủy ban nhân dân (hay Nghị định ghi là của Thủ tướng) khiến người đọc tìm sai cơ quan: một trong hai bị nhầm.",
    ),
    "citation.missing-year": (
        "Loại văn bản quy phạm pháp luật (Nghị định, Thông tư) ghi số mà thiếu năm.",
        "Nghị định, Thông tư và Thông tư liên tịch chỉ là văn bản quy phạm pháp luật, có ký hiệu gồm năm: số/năm/LOẠI-CƠ QUAN "
        "(\"30/2020/NĐ-CP\", Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 10). Quy tắc báo ký hiệu như vậy bị thiếu năm và gợi ý ký hiệu "
        "đầy đủ khi báo cáo có viện dẫn đầy đủ ở chỗ khác, hoặc khi ngày của văn bản cho biết năm.",
        "Thiếu năm thì số đó không còn là số của văn bản: cùng số thứ tự lặp lại mỗi năm nên người đọc không tìm được văn bản.",
    ),
    "citation.party-state-form": (
        "Cơ quan Đảng với số theo mẫu Nhà nước, hoặc cơ quan Nhà nước với số theo mẫu của Đảng.",
        "Văn bản của Đảng ghi số theo mẫu số-LOẠI/CƠ QUAN (\"03-KH/HU\", Hướng dẫn 36-HD/VPTW); văn bản Nhà nước theo mẫu số/LOẠI-CƠ QUAN "
        "(\"369/BC-UBND\", Nghị định 30/2020/NĐ-CP). Quy tắc báo ký hiệu có cơ quan ban hành (TU, HU, ĐU, TW, … hoặc UBND, HĐND, CP, …, theo "
        "gói ``doc_types``) thuộc hệ thống khác với mẫu số. Văn bản của Đảng trước khoảng năm 1998 dùng dấu gạch chéo (\"Chỉ thị 223/CT-TW\" năm 1975), "
        "nên văn bản viện dẫn có ngày trước đó được bỏ qua.",
        "Mẫu số cho người đọc biết phải tra ở sổ nào. Quyết định của Huyện ủy ghi \"352/QĐ-HU\" là trộn hai quy ước: mẫu số hoặc cơ quan bị sai.",
    ),
    "citation.type-mismatch": (
        "Tên loại văn bản đứng trước số khác với loại văn bản trong ký hiệu.",
        "So tên loại (\"Chỉ thị\", \"Kế hoạch\", …) với chữ viết tắt tên loại trong ký hiệu (\"NQ\" trong 20-NQ/TU, \"QĐ\" trong 45/QĐ-UBND), "
        "theo bảng chữ viết tắt của gói ``doc_types`` cho hệ thống đánh số của ký hiệu (Đảng hoặc Nhà nước). Từ chung (\"Văn bản\") hợp với mọi ký hiệu.",
        "Chỉ thị mang số của Nghị quyết là hai văn bản bị lẫn: tên loại hoặc số đã bị chép từ một lần viện dẫn khác, và người đọc không biết văn bản nào được nói tới.",
    ),
    "citation.unknown-type": (
        "Ký hiệu văn bản có chữ viết tắt tên loại không tồn tại.",
        "Xem vị trí tên loại trong ký hiệu — sau gạch nối trong số của Đảng (\"20-NQ/TU\"), hoặc trước cơ quan ban hành trong số của Nhà nước "
        "(\"369/BC-UBND\", \"30/2020/NĐ-CP\") — và báo chữ viết tắt không có trong bảng của Nhà nước (Nghị định 30/2020/NĐ-CP) lẫn bảng của Đảng "
        "(Hướng dẫn 36-HD/VPTW) trong gói ``doc_types``. Trong số của Đảng, mọi tên loại lạ đều được báo. Ký hiệu Nhà nước chỉ được đọc như vậy khi "
        "có tên loại đứng trước (và, khi không có năm, khi phần thứ hai là cơ quan đã biết, vì công văn ghi cơ quan trước: \"1167/UBND-TH\"); và vì "
        "tòa án, cơ quan có mã riêng (\"12/2017/QĐST-DS\"), chỉ báo chữ viết tắt lệch một ký tự so với loại đã biết (\"ND\" thay \"NĐ\"), kèm gợi ý loại đó.",
        "Chữ viết tắt thường là lỗi gõ (\"ND\" thay \"NĐ\", \"NG\" thay \"NQ\"); người tra cứu sẽ không tìm thấy văn bản.",
    ),
    "date.anniversary-count": (
        "Số năm kỷ niệm không khớp với năm tổ chức kỷ niệm.",
        "Tìm \"N năm <sự kiện>\" cho các sự kiện trong gói `anniversaries` (\"66 năm Ngày chiến thắng Điện Biên Phủ\", \"130 năm ngày sinh Chủ tịch "
        "Hồ Chí Minh\") và kiểm tra N so với năm gốc: theo các năm trong ngoặc (\"(7/5/1954 - 7/5/2020)\") nếu có, nếu không thì theo ngày của báo cáo "
        "(ngày kỷ niệm sắp tới vài tháng hoặc vừa qua vẫn được chấp nhận). Năm gốc ghi trong ngoặc cũng được kiểm tra.",
        "Số năm kỷ niệm được trích trong mọi kế hoạch tuyên truyền; số sai thường chép từ báo cáo năm trước và người đọc nhận ra ngay.",
    ),
    "date.impossible": (
        "Ngày không có trong lịch (31/4, 29/02/2021, tháng 13).",
        "Kiểm tra ngày của mỗi ngày tháng so với số ngày của tháng (tính cả năm nhuận khi biết năm) và tháng trong khoảng 1–12.",
        "Ngày không thể có chắc chắn là lỗi gõ; người đọc không biết ngày thật, và mọi phép so với các ngày khác trong báo cáo đều vô nghĩa.",
    ),
    "date.malformed": (
        "Ngày tháng có chữ số hoặc dấu phân cách bị viết sai.",
        "Tìm chuỗi có dáng ngày tháng mà không ai đọc đúng được: ngày, tháng, năm viết dính nhau (\"23/112020\"), dấu phân cách lặp hoặc lẫn "
        "(\"23//11/2020\", \"23/11-2020\"), hoặc có khoảng trắng thừa bên trong (\"23/ 11/2020\").",
        "Ngày họp hay ngày của văn bản viện dẫn là thứ người đọc và kiểm toán viên tra cứu. Ngày viết sai thường là lỗi gõ lọt qua khâu soát; báo cáo trông cẩu thả và ngày đó không trích dẫn được.",
    ),
    "date.meeting-conflict": (
        "Một cuộc họp được ghi hai ngày khác nhau trong hai văn bản.",
        "Nhận ra cuộc họp mà báo cáo nói tới từ tiêu đề hoặc câu mở đầu (loại họp — \"giao ban\", \"sơ kết\", \"tổng kết\", \"kỳ họp thứ …\", "
        "\"hội nghị Ban Chấp hành lần thứ …\" — cùng các từ bổ nghĩa như \"khối xã, thị trấn\" và kỳ được đánh giá) và so sánh, trong một nhóm, "
        "ngày họp của mọi văn bản về cùng cuộc họp: kết luận, báo cáo giao ban và các bài tin. Ngày khác nhau được báo kèm từng ngày và văn bản của nó.",
        "Ngày họp là mốc của mọi ngày khác trong các văn bản của nó (\"văn bản ban hành trước hội nghị\"); khi hai văn bản ghi khác nhau, một văn bản làm người đọc hiểu sai, và các phép kiểm tra dựa vào ngày đó cũng sai theo.",
    ),
    "date.past-event-in-future": (
        "Câu văn nói một việc đã diễn ra vào ngày sau ngày của chính báo cáo.",
        "Trong các câu nói về việc đã qua (\"đã tổ chức\", \"đã diễn ra\", \"vừa khai mạc\"), so mỗi ngày gần động từ với ngày của báo cáo (ngày họp, "
        "nếu không có thì ngày đăng). Câu có cả ý kế hoạch (\"sẽ\", \"dự kiến\", \"kế hoạch\", \"trước ngày\") và ngày của văn bản viện dẫn được bỏ qua.",
        "Không thể báo một việc là đã làm trước khi nó xảy ra: ngày, tháng hoặc năm đã bị gõ nhầm.",
    ),
    "date.published-before-event": (
        "Thời điểm đăng bài sớm hơn sự kiện mà bài viết đưa tin.",
        "So dòng thời gian đăng của trang (\"05/05/2020 09:00\", \"21:27 27/06/2020\", \"Thứ Hai, ngày 04/05/2020 | 09:15\", \"Ngày xuất bản: 04/05/2020\", "
        "\"date: 2020-05-04T02:00:00Z\") với ngày họp ở câu mở đầu (\"Sáng 5/5\", \"Chiều ngày 5.5\", \"Trong hai ngày 5 và 6/5\", năm lấy theo ngày đăng). "
        "Bài viết không thể đưa tin, ở thì quá khứ, về một cuộc họp chưa diễn ra khi bài được đăng.",
        "Ngày đăng hoặc ngày họp bị sai; kiểm toán viên dùng cả hai để sắp xếp kho lưu trữ, và một trong hai sẽ đưa họ tới sai tháng.",
    ),
    "date.symbol-year-mismatch": (
        "Năm trong số ký hiệu văn bản khác với năm của ngày ban hành.",
        "Văn bản quy phạm pháp luật có năm trong số ký hiệu (\"245/2020/NQ-HĐND\", \"30/2020/NĐ-CP\", \"83/2015/QH13\"). Khi lần viện dẫn có cả ngày "
        "(\"ngày 31/3/2020\"), hai năm phải trùng nhau.",
        "Số ký hiệu là cách tra cứu văn bản; năm bị gõ nhầm sẽ dẫn tới văn bản khác hoặc không tới văn bản nào.",
    ),
    "date.weekday-mismatch": (
        "Thứ trong tuần không đúng với ngày được ghi kèm.",
        "Tính thứ của mọi ngày đầy đủ có ghi thứ (\"Thứ Hai, ngày 23/11/2020\", \"ngày 23/11/2020 (thứ Hai)\") và báo thứ ghi sai. Ngày mà năm chỉ "
        "được suy ra thì kiểm tra ở mức cảnh báo, và chỉ khi năm lấy từ dòng ngày đăng, phần đầu văn bản hoặc tiêu đề.",
        "Giấy mời và lịch công tác được đọc theo thứ; thứ sai khiến người dự đến nhầm ngày, và cho thấy ngày hoặc tháng đã bị gõ nhầm.",
    ),
    "name.archive-variants": (
        "Tên một người hoặc một xã được viết theo nhiều cách trong kho lưu trữ.",
        "Gom mọi tên người (và địa danh, khi có bảng địa danh) của một nhóm theo dạng bỏ dấu, làm khóa phân khối: chỉ tên trong cùng khối mới được so, "
        "nên khối lượng công việc tăng theo kích thước kho chứ không theo bình phương của nó. Khối có nhiều hơn một cách viết, trong nhiều hơn một văn bản, "
        "được báo kèm từng cách viết, số lần xuất hiện và các văn bản dùng nó. Vị trí dấu thanh (\"Hoà\" và \"Hòa\") và chữ hoa, chữ thường không tạo thành cách viết khác.",
        "Tên là thứ cán bộ và người đọc kiểm tra đầu tiên. Tên viết sai thường đúng ở phần lớn báo cáo và sai ở một báo cáo; số lần xuất hiện cho biết cách nào đúng.",
    ),
    "name.roster": (
        "Tên hoặc chức danh khác với danh sách cán bộ của huyện trong thời kỳ đó.",
        "Khi `rules/roster.yaml` (hoặc danh sách của người dùng) liệt kê cán bộ của một huyện trong một thời kỳ, mọi người được nêu tên trong báo cáo về "
        "huyện đó vào một ngày trong thời kỳ ấy đều được kiểm tra: tên viết khác với mục gần nhất trong danh sách, chức danh mà danh sách không ghi cho "
        "người đó, và chức vụ trong danh sách được gán cho người khác. Danh sách đi kèm chỉ mô tả các huyện giả định trong ví dụ của chúng tôi.",
        "Danh sách cán bộ là căn cứ về việc ai giữ chức vụ nào; báo cáo chép từ báo cáo cũ thường mang chức danh cũ và tên viết sai.",
    ),
    "name.roster-title-conflict": (
        "Một người vừa được ghi một chức vụ vừa được ghi chức phó của chức vụ đó trong cùng một tháng.",
        "Đọc những người được nêu tên kèm chức danh trong mọi báo cáo của một nhóm và, theo từng tháng (tháng họp, nếu không có thì tháng đăng), so các "
        "chức vụ của cùng một người: \"Bí thư Huyện ủy\" và \"Phó Bí thư Huyện ủy\", hay \"Chủ tịch UBND huyện\" và \"Phó Chủ tịch UBND huyện\" không thể "
        "cùng đúng với một người vào một thời điểm. Chức vụ ở các cơ quan khác nhau (\"Phó Bí thư Huyện ủy, Chủ tịch UBND huyện\") được kiêm nhiệm nên "
        "không so. Người từng giữ chức (\"nguyên Bí thư\") được bỏ qua.",
        "Ghi sai chức danh của cán bộ là lỗi người đọc và chính cán bộ đó nhận ra đầu tiên; khi hai báo cáo cùng tháng ghi khác nhau, một báo cáo bị sai.",
    ),
    "name.single-holder-conflict": (
        "Một chức vụ chỉ một người đảm nhiệm (Bí thư Huyện ủy, Chủ tịch UBND huyện, …) được ghi cho hai người trong cùng một tháng.",
        "Trong một nhóm, theo từng tháng, thu thập những người được ghi là giữ chức vụ mà mỗi lúc chỉ một người giữ: Bí thư Huyện ủy, Phó Bí thư Thường trực, "
        "Chủ tịch UBND, HĐND hoặc Ủy ban MTTQ huyện (danh sách là tùy chọn ``offices`` của quy tắc, các cặp chức vụ và cơ quan). Hai người khác nhau cho "
        "một chức vụ như vậy trong một tháng được báo kèm mọi lần nêu tên. Tên gọi tắt (\"đồng chí Hùng\") được coi là cùng người với tên đầy đủ kết thúc bằng tên đó.",
        "Chức danh hoặc tên bị sai, hoặc báo cáo chép danh sách của năm trước. Lỗi như vậy trong báo cáo đã công bố gây khó xử cho cấp ủy.",
    ),
    "name.title-conflict": (
        "Một người được ghi các chức danh không thể kiêm nhiệm, hoặc một chức vụ chỉ một người giữ được ghi cho hai người.",
        "Đọc chức danh ghi cạnh mỗi tên và quy về chức vụ, cơ quan, cấp và địa bàn (\"Bí thư | Huyện ủy | huyện\"). Quy tắc báo một người được ghi hai "
        "chức danh mà một người không thể cùng giữ trong một báo cáo (\"Bí thư Huyện ủy\" và \"Phó Bí thư Huyện ủy\"; \"Chủ tịch HĐND huyện\" và "
        "\"Chủ tịch UBND huyện\"), và một chức vụ chỉ một người giữ (\"Bí thư Huyện ủy\", \"Chủ tịch UBND huyện\") được ghi cho hai người khác nhau. "
        "Người từng giữ và người sắp nhận chức (\"nguyên Bí thư\", \"tân Chủ tịch\") không được so.",
        "Chức danh bị lệch khi báo cáo được ghép từ các báo cáo trước; ghi sai chức danh của cán bộ là lỗi người đọc nhận ra ngay.",
    ),
    "name.variant": (
        "Tên một người (hoặc một địa danh) được viết hai cách trong một báo cáo.",
        "Nhóm những người được nêu tên (\"đồng chí Đồng Văn Lưu – Bí thư Huyện ủy\") theo họ và chữ cái đầu của tên, rồi so các cách viết trong mỗi nhóm "
        "theo nguyên văn và theo dạng bỏ dấu. Hai cách viết chỉ khác dấu, hoặc rất gần nhau và cùng chức danh, là một người viết hai cách; gợi ý cách viết "
        "của danh sách cán bộ (`name.roster`) nếu có, nếu không thì cách viết chiếm đa số. Tên gần giống mà không có căn cứ như vậy (\"Nguyễn Văn Hải\" và "
        "\"Nguyễn Văn Hà\") được bỏ qua: đó có thể là hai người. Địa danh cùng loại (\"xã Nam Sơn\", \"thị trấn Phủ Thông\") chỉ khác dấu được báo tương tự, "
        "ở mức cảnh báo. Tên được viết lại mất hoặc thêm chữ cái cuối của tên (\"Tuấn\"/\"Tuấ\", \"Khoa\"/\"Kho\") được báo khi một trong hai "
        "không phải âm tiết tiếng Việt hoặc là tên mà báo chí hầu như không dùng (`rules/given_names.json`); \"Hoa\" và \"Hoan\" đều là tên nên có thể là hai người. "
        "Người có chức danh (hoặc được nêu hai lần) được viết lại một lần với một chữ cái của một âm tiết bị thay (\"Thắng\"/\"Thắnh\", "
        "\"Văn\"/\"Văm\", \"Trần\"/\"Trầm\") cũng được báo, trừ khi chữ viết sai là một họ khác hoặc văn bản ghi hai chức vụ khác nhau; người có chức danh được nêu lại mà thiếu tên đệm (\"Phan Văn Khải\" / "
        "\"đồng chí Phan Khải\") được báo ở mức cảnh báo, trừ khi có người khác cùng họ và tên. Kiểu bỏ dấu cũ, mới (\"Hoà\"/\"Hòa\") không tính là cách viết khác ở đây (xem `text.tone-style-mixed`).",
        "Viết sai tên cán bộ là lỗi dễ thấy nhất mà một báo cáo có thể in ra; cách viết khác của người có chức danh được báo ở mức lỗi.",
    ),
    "number.ambiguous-growth": (
        "\"tăng X% so với cùng kỳ\" với X từ 100 trở lên ở một chỉ tiêu tổng hợp như thu ngân sách: có phải ý là \"bằng\"?",
        "Báo mức tăng từ 100% trở lên so với cùng kỳ của một chỉ tiêu tổng hợp ổn định (thu ngân sách, giá trị sản xuất, tổng mức bán lẻ, GRDP). "
        "Những tổng số này hiếm khi tăng gấp đôi trong một năm; \"tăng 110,44%\" thường là dùng nhầm cho \"bằng 110,44%\" (tức tăng 10,44%).",
        "Hai cách hiểu chênh nhau mười lần về mức tăng. Người trích báo cáo sẽ nhắc lại đúng như câu chữ đã viết.",
    ),
    "number.cumulative-below-month": (
        "Số lũy kế (\"lũy kế N tháng\") nhỏ hơn số của một tháng nằm trong đó.",
        "Trong câu có số liệu trong tháng (\"trong tháng\") và số lũy kế từ tháng 1 (\"lũy kế 4 tháng\", \"4 tháng đầu năm\", \"từ đầu năm\") của cùng "
        "chỉ tiêu và đơn vị, kiểm tra số lũy kế không nhỏ hơn, có tính đến \"hơn\", \"gần\" và làm tròn. Số của tháng có thể đứng sau số lũy kế "
        "(\"; riêng tháng 5 đạt …\") hoặc ở câu liền trước, liền sau; hai số có thể gọi chỉ tiêu bằng lời khác nhau (\"giải quyết việc làm mới cho\" / "
        "\"giải quyết việc làm cho\") nhưng không phải chỉ tiêu khác (\"thu\" / \"chi\").",
        "Tổng của nhiều tháng không thể nhỏ hơn một tháng trong đó. Một trong hai số bị sai — thường là từ chỉ đơn vị (\"triệu\" thay \"tỷ\") hoặc dấu phẩy thập phân đặt nhầm chỗ.",
    ),
    "number.cumulative-decrease": (
        "Số lũy kế (\"lũy kế 5 tháng\") nhỏ hơn số lũy kế của cùng chỉ tiêu với ít tháng hơn.",
        "Theo dõi từng chỉ tiêu (đối tượng mà số liệu nói về, ví dụ \"thu ngân sách\") của một nhóm trong một năm: mọi số ghi là lũy kế N tháng "
        "(\"lũy kế 4 tháng\", \"5 tháng đầu năm\") được so với cùng chỉ tiêu, cùng đơn vị, với ít tháng hơn. Số lũy kế chỉ có thể tăng; số nhỏ hơn ở "
        "thời điểm muộn hơn trong năm được báo kèm cả hai số và văn bản của chúng.",
        "Một trong hai số bị sai (lỗi gõ, số của tháng ghi thành số lũy kế, hoặc số chép từ năm khác), mà người đọc lại đặt các báo cáo tháng cạnh nhau để so.",
    ),
    "number.cumulative-sum-mismatch": (
        "Số lũy kế không bằng số lũy kế kỳ trước cộng số của tháng.",
        "Với một chỉ tiêu của một nhóm trong một năm, lấy báo cáo có cả số trong tháng (\"trong tháng\") và số lũy kế N tháng, cùng số lũy kế N−1 tháng "
        "của báo cáo trước: số lũy kế mới phải bằng số cũ cộng số của tháng. Chênh lệch lớn hơn mức làm tròn của các số (tùy chọn ``tolerance``, mặc định "
        "1 % số lũy kế) được báo kèm ba số và văn bản của chúng.",
        "Số lũy kế là thứ báo cáo cuối năm cộng lại; khi nó không suy ra được từ số liệu các tháng, một trong ba số bị sai hoặc có điều chỉnh không được giải thích.",
    ),
    "number.decimal-separator": (
        "Dấu chấm thập phân ở chỗ tiếng Việt dùng dấu phẩy (\"1.5 tỷ\"), hoặc số đếm có phần lẻ (\"3,413 hộ\").",
        "Trong tiếng Việt, dấu \".\" phân cách hàng nghìn và luôn có ba chữ số sau nó. Quy tắc báo số có dấu chấm với một, hai hoặc từ bốn chữ số trở lên "
        "phía sau, đứng cạnh đơn vị hoặc từ chỉ đơn vị (\"1.5 tỷ đồng\", \"2.25%\"), nơi đúng ra phải là dấu phẩy; và số đếm vật nguyên vẹn viết với dấu phẩy "
        "thập phân và ba chữ số (\"3,413 hộ\"), mà người đọc Việt Nam hiểu là 3,413 hộ — có lẽ ý là dấu chấm hàng nghìn.",
        "Hai quy ước chênh nhau một nghìn lần; người đọc không biết người viết dùng quy ước nào, và một số tiền bị đọc sai 1.000 lần là lỗi đắt giá nhất.",
    ),
    "number.decline-over-100": (
        "Mức giảm từ 100% trở lên của một số liệu mà văn bản vẫn còn ghi.",
        "Báo \"giảm X%\" với X trên 100 (không gì giảm được nhiều hơn toàn bộ chính nó), và \"giảm 100%\" khi cùng câu vẫn ghi số liệu đó khác 0.",
        "Thường ý là \"bằng X%\" hoặc một mức tăng, hoặc tỷ lệ được tính trên gốc sai; dù thế nào con số công bố cũng là không thể.",
    ),
    "number.growth-ratio-mismatch": (
        "\"bằng X% so với cùng kỳ\" và \"tăng Y%\" của cùng một số liệu mà X không bằng 100 + Y.",
        "Khi một số liệu được ghi cả dưới dạng tỷ lệ so với cùng kỳ năm trước (\"bằng X% so với cùng kỳ\") lẫn mức tăng hay giảm (\"tăng Y%\", \"giảm Y%\"), "
        "kiểm tra X = 100 + Y (hoặc 100 − Y), theo độ chính xác mà cả hai được ghi.",
        "Hai cách diễn đạt dễ nhầm khi soạn thảo; báo cáo ghi cả hai mà không khớp là công bố sai mức tăng của một chỉ tiêu chính.",
    ),
    "number.implied-plan-jump": (
        "Kế hoạch năm suy ra từ \"đạt X, bằng P% kế hoạch\" thay đổi từ tháng này sang tháng sau.",
        "Số lũy kế kèm tỷ lệ so với kế hoạch (\"lũy kế 4 tháng đạt 45,2 tỷ đồng, bằng 30,13% kế hoạch năm\") cho biết chính kế hoạch: X ÷ P %. "
        "Trong một năm, một nhóm và một chỉ tiêu, kế hoạch là như nhau mỗi tháng trừ khi được điều chỉnh. Quy tắc tính kế hoạch suy ra của mọi báo cáo "
        "và báo tháng có kế hoạch khác tháng trước nhiều hơn mức làm tròn của tỷ lệ cho phép (cộng tùy chọn ``tolerance``, mặc định 1 %).",
        "Số tiền hoặc tỷ lệ bị sai; tỷ lệ thường được chép từ báo cáo tháng trước trong khi số tiền đã được cập nhật.",
    ),
    "number.inconsistent-repeat": (
        "Cùng một chỉ tiêu được ghi hai lần trong một báo cáo với giá trị khác nhau.",
        "Nhóm các số liệu của báo cáo theo điều chúng đo (cụm từ đã chuẩn hóa trước số liệu, ví dụ \"thu ngân sách nhà nước\"), đơn vị, quan hệ (kế hoạch, "
        "cùng kỳ, mức tăng, tỷ trọng) và kỳ, rồi báo số liệu khác với lần ghi trước của cùng chỉ tiêu vượt quá mức làm tròn của cả hai (57,34% và 57,3% "
        "là khớp; 57,34% và 57,4% thì không). \"gần X\" phải nhỏ hơn X và \"hơn X\" phải lớn hơn X; số ước tính (\"ước đạt\") không được so, vì số sau có thể thay thế hợp lệ.",
        "Phần tóm tắt và phần nội dung được soạn riêng; khi chúng lệch nhau, người đọc trích cả hai và báo cáo tự mâu thuẫn.",
    ),
    "number.mixed-format": (
        "Dấu phẩy phân cách hàng nghìn kiểu Mỹ (\"1,250,000\") trong báo cáo viết số theo kiểu Việt Nam.",
        "Báo số liệu viết với dấu phẩy giữa các hàng nghìn (\"1,250,000 người\", \"33,448.222 triệu\") trong báo cáo mà các số khác rõ ràng theo kiểu Việt Nam "
        "(\"3.413\", \"57,34%\"). Trong báo cáo tiếng Việt dấu phẩy là dấu thập phân, nên số như vậy bị đọc sai hoặc không đọc được. Văn bản viết thống nhất một quy ước thì được bỏ qua.",
        "Người đọc và các chương trình xử lý dữ liệu đọc số theo quy ước của văn bản; một số viết theo quy ước kia trở thành một số khác.",
    ),
    "number.parts-exceed-total": (
        "Các thành phần liệt kê sau tổng số (\"tổng số N, trong đó a, b\") cộng lại lớn hơn tổng số.",
        "Tìm tổng số (\"tổng số 120 hộ\", \"tổng cộng 35 dự án\") có các thành phần theo sau (\"trong đó\", \"gồm\") cùng đơn vị, và kiểm tra các thành phần "
        "cộng lại không lớn hơn tổng số — kể cả khi các mục có nhãn và dấu hai chấm (\"trong đó: hộ nghèo: 51 hộ; …\"), danh sách trong ngoặc "
        "(\"76 hộ (51 hộ nghèo, 32 hộ cận nghèo)\") hay mở đầu câu sau (\"Trong đó, …\"). Sau \"gồm\" (danh sách đầy đủ), các thành phần cộng lại nhỏ hơn cũng được báo, ở mức cảnh báo.",
        "Tổng số bị chính các thành phần của nó phủ nhận là lỗi số học người đọc kiểm tra được trong vài giây; nó làm giảm lòng tin vào mọi số liệu khác trong báo cáo.",
    ),
    "number.percent-mismatch": (
        "Tỷ lệ phần trăm không khớp với tử số và mẫu số ghi ngay cạnh.",
        "Tính lại tỷ lệ ghi ngay sau các số của nó — \"A/B đạt X%\", \"A trên tổng số B, chiếm X%\", \"3/5 xã (60%)\", \"chiếm X% (tổng số B hộ)\", \"Trong tổng số B hộ, có A hộ …, chiếm X%\", "
        "\"B hộ, trong đó A hộ … (chiếm X%)\", \"đạt X%, tương ứng A/B\" — và so với X đã ghi theo độ chính xác "
        "mà X được in (\"83%\" cho phép 82,5–83,5%; \"100,2%\" cho phép 100,15–100,25%). Số gần đúng (\"gần\", \"hơn\", \"khoảng\") nới rộng sai số cho phép.",
        "Tỷ lệ mâu thuẫn với chính các số của nó nghĩa là một trong ba số bị sai, và người đọc không biết là số nào. Lỗi như vậy lọt qua khâu soát vì từng số riêng lẻ trông đều hợp lý.",
    ),
    "number.scale-compound": (
        "Số tiền ghép có phần nhỏ quá lớn (\"5 tỷ 1.200 triệu đồng\").",
        "Trong \"X tỷ Y triệu đồng\" phần triệu phải dưới 1.000 (phần nghìn của \"X triệu Y nghìn\" cũng vậy); nếu không, số tiền được viết theo cách không ai đọc đúng được.",
        "\"5 tỷ 1.200 triệu\" hoặc là 6,2 tỷ hoặc là lỗi gõ của 5 tỷ 120 triệu; số tiền công bố trở nên không chắc chắn.",
    ),
    "number.share-over-100": (
        "Tỷ trọng (\"chiếm X%\") trên 100%, hoặc các tỷ trọng của cùng một tổng thể cộng lại quá 100%.",
        "Báo \"chiếm X%\" với X trên 100, và câu liệt kê nhiều tỷ trọng cạnh nhau (\"A chiếm X%, B chiếm Y%, C chiếm Z%\") có tổng vượt 100% quá mức làm tròn. "
        "Tỷ trọng lồng trong \"trong đó\" hoặc \"riêng\" không được cộng.",
        "Các phần không thể lớn hơn tổng thể; người đọc biết ngay có số sai nhưng không biết số nào.",
    ),
    "period.cited-report-late": (
        "Báo cáo được viện dẫn có ngày quá muộn so với kỳ mà nó báo cáo.",
        "Với mỗi báo cáo được viện dẫn có trích yếu nêu kỳ (\"… về tình hình kinh tế - xã hội tháng 4 năm 2020\"), đo số ngày từ khi kỳ đó kết thúc đến ngày "
        "của báo cáo. Quá 45 ngày với tháng (60 với quý, 75 với 6 tháng, 120 với năm; tùy chọn `max_days`) thì báo khoảng cách đó.",
        "Báo cáo tháng được viết vào cuối tháng. Báo cáo có ngày muộn nhiều tháng thường là lỗi ở tháng của ngày ban hành hoặc ở kỳ báo cáo.",
    ),
    "period.cited-subject-after-date": (
        "Báo cáo được viện dẫn nói về một kỳ chưa bắt đầu vào ngày của chính báo cáo đó.",
        "Đọc trích yếu của mỗi báo cáo được viện dẫn (\"Báo cáo số 369/BC-UBND, ngày 15/9/2020 của UBND huyện về tình hình kinh tế - xã hội tháng 10 năm 2020\") "
        "và so ngày đầu của kỳ được báo cáo với ngày của báo cáo. Báo cáo không thể mô tả tình hình của một tháng chưa bắt đầu.",
        "Ngày của báo cáo hoặc kỳ báo cáo bị gõ nhầm; tra theo cách nào cũng không tìm được văn bản.",
    ),
    "period.cumulative-impossible": (
        "Kỳ lũy kế chưa trôi qua vào ngày của báo cáo.",
        "Kiểm tra mọi kết quả lũy kế (\"lũy kế 5 tháng\", \"6 tháng đầu năm đạt …\", \"9 tháng năm 2020 tăng …\") so với tháng cuối cùng mà báo cáo bao quát: "
        "tháng được đánh giá, nếu không thì tháng họp hoặc tháng đăng. Kết quả 5 tháng không thể có trong báo cáo về tháng 4; kết quả \"6 tháng đầu năm\" không thể có trong báo cáo tháng 3.",
        "Số tháng bị sai, hoặc số liệu thuộc báo cáo khác; người đọc so chúng với sai kỳ của năm trước.",
    ),
    "period.invalid-roman-numeral": (
        "Số thứ tự đại hội, khóa hoặc kỳ họp viết bằng số La Mã sai.",
        "Kiểm tra số La Mã sau \"lần thứ\", \"khóa\", \"Đại hội\", \"Hội nghị Trung ương\": \"XXV\", \"XIII\", \"XIV\" là đúng; \"XIIII\", \"IIX\", \"VV\", \"XXXXV\" thì sai.",
        "Số thứ tự đại hội và khóa xác định cơ quan đã quyết định; số La Mã viết sai không đọc được thành số và chắc chắn là lỗi gõ.",
    ),
    "period.plan-not-next": (
        "Kỳ triển khai nhiệm vụ không phải kỳ ngay sau kỳ được đánh giá.",
        "So kỳ mà phần mở đầu đánh giá với kỳ mà nó triển khai nhiệm vụ: \"đánh giá kết quả công tác tháng 4; triển khai nhiệm vụ tháng 5\", \"sơ kết 6 tháng "
        "đầu năm, triển khai nhiệm vụ 6 tháng cuối năm\", \"tổng kết năm 2020, triển khai nhiệm vụ năm 2021\". Các kỳ cùng loại phải nối tiếp nhau. "
        "Đề mục cũng được đọc: \"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10\" và đề mục cùng kiểu đánh số sau nó \"II. NHIỆM VỤ TRỌNG TÂM THÁNG 11\" "
        "(cả \"A.\", \"1.\", \"Phần thứ hai:\"), dù hai đề mục cách nhau nhiều trang.",
        "Kỳ bị bỏ qua hoặc lặp lại là lỗi gõ ở một trong hai số, và khi đó báo cáo lập kế hoạch cho sai tháng.",
    ),
    "period.plan-over": (
        "Kỳ mà hội nghị triển khai nhiệm vụ đã kết thúc vào ngày họp.",
        "So ngày cuối của kỳ được triển khai (\"triển khai nhiệm vụ tháng 4 năm 2020\") với ngày họp, hoặc với ngày đăng đối với bài tin.",
        "Không ai lập kế hoạch cho một tháng đã qua: ngày họp hoặc kỳ kế hoạch bị gõ nhầm.",
    ),
    "period.review-not-started": (
        "Kỳ mà hội nghị đánh giá chưa bắt đầu vào ngày họp.",
        "So ngày đầu của kỳ được đánh giá (\"đánh giá kết quả công tác tháng 11\") với ngày họp, hoặc với ngày đăng đối với bài tin. Hội nghị cuối tháng M có "
        "thể đánh giá tháng M (số liệu ghi \"ước\"), nhưng không thể đánh giá một tháng chưa bắt đầu.",
        "Kỳ đánh giá hoặc ngày họp bị gõ nhầm; số liệu không thể thuộc về tháng được nêu.",
    ),
    "period.term-cycle": (
        "Nhiệm kỳ năm năm không bắt đầu vào năm bầu cử của cơ quan đó.",
        "Cấp ủy địa phương được bầu cho các nhiệm kỳ 2010-2015, 2015-2020, 2020-2025, 2025-2030; Hội đồng nhân dân và Quốc hội cho 2011-2016, 2016-2021, "
        "2021-2026. Cơ quan nêu ngay trước \"nhiệm kỳ\" quyết định chu kỳ: \"HĐND huyện … nhiệm kỳ 2020-2025\" hay \"Đảng bộ huyện … nhiệm kỳ 2021-2026\" "
        "được báo. Chi bộ, đoàn thể và cơ quan trung ương được bỏ qua.",
        "Hai chu kỳ lệch nhau một năm nên dễ bị đổi chỗ; nhiệm kỳ xác định hội đồng hay cấp ủy đã quyết định, nên ghi sai là gán quyết định cho cơ quan khác.",
    ),
    "period.term-length": (
        "Nhiệm kỳ không kéo dài năm năm (\"nhiệm kỳ 2020-2026\").",
        "Đọc mọi \"nhiệm kỳ YYYY-YYYY\". Cấp ủy, Hội đồng nhân dân và Quốc hội được bầu cho năm năm (Đảng 2020-2025, HĐND 2021-2026). Nhiệm kỳ HĐND có độ dài "
        "khác, hoặc bất kỳ nhiệm kỳ nào ngắn hơn hai năm hay dài hơn năm năm, được báo; chi bộ và cấp ủy mới thành lập có thể có nhiệm kỳ ngắn hơn.",
        "Một trong hai năm bị gõ nhầm; nhiệm kỳ là điều người đọc kiểm tra đầu tiên trong báo cáo đại hội.",
    ),
    "period.term-ordinal-mismatch": (
        "Một cơ quan được ghi hai số thứ tự cho cùng nhiệm kỳ, hoặc một số thứ tự cho hai nhiệm kỳ.",
        "Thu thập \"<cơ quan> lần thứ / khóa <số thứ tự>, nhiệm kỳ <các năm>\" (\"Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2020-2025\", \"HĐND huyện khóa XX, nhiệm kỳ "
        "2021-2026\") và báo cơ quan có số thứ tự đại hội và nhiệm kỳ mâu thuẫn với lần nêu khác trong cùng báo cáo: số thứ tự của đại hội và khóa của cấp ủy do nó bầu ra là cùng một số.",
        "Số thứ tự và nhiệm kỳ xác định cấp ủy đã quyết định; hai cách ghi trong một báo cáo khiến không rõ là cấp ủy nào, và một trong hai là lỗi gõ.",
    ),
    "period.title-mismatch": (
        "Kỳ ghi ở tiêu đề không phải kỳ mà văn bản đánh giá hoặc triển khai.",
        "Đọc kỳ mà tiêu đề nêu (\"giao ban tháng 11 năm 2020\") và các kỳ mà phần mở đầu nói là được đánh giá và triển khai (\"đánh giá … tháng 10 và phương "
        "hướng nhiệm vụ tháng 11\"). Cả hai quy ước đều được chấp nhận: hội nghị cuối tháng M đánh giá tháng M và triển khai tháng M+1; hội nghị đầu tháng M+1 "
        "vẫn gọi là \"tháng M+1\" thì đánh giá tháng M và triển khai tháng M+1. Kỳ đánh giá khác kỳ ở tiêu đề hoặc kỳ liền trước, hay kỳ triển khai khác kỳ ở "
        "tiêu đề hoặc kỳ liền sau, được báo. Tiêu đề nêu tháng của báo cáo (\"Kết quả thực hiện nhiệm vụ tháng 8/2021\") cũng được so với câu đầu tiên "
        "của nội dung mở đầu bằng một tháng (\"Trong tháng 6, …\", \"Trong tháng 6 năm 2022 toàn huyện …\", dòng đề mục \"I. KẾT QUẢ … THÁNG 6\") "
        "hoặc với tháng mà phần mở đầu đánh giá: tháng cách tháng ở tiêu đề từ hai tháng trở lên được báo; tháng liền sau cũng được báo khi câu nêu kết quả của tháng đó chứ không nêu nhiệm vụ (\"Tháng 10 năm 2022, giá trị sản xuất công nghiệp tăng khá\" dưới tiêu đề tháng 9).",
        "Từng câu riêng lẻ đều trông đúng nên người biên tập bỏ sót; người đọc và kho lưu trữ xếp báo cáo theo tháng ở tiêu đề trong khi nội dung nói về tháng khác.",
    ),
    "text.encoding-damage": (
        "Chữ lỗi do bảng mã cũ (TCVN3, VNI, UTF-8 bị đọc thành Windows-1252) và ký tự trông giống nhau.",
        "Báo những từ mang dấu hiệu văn bản bị chuyển sai bảng mã: chữ TCVN3 hiển thị bằng phông Unicode (\"Uû ban nh©n d©n\"), dấu VNI đứng sau nguyên âm "
        "(\"chaøo\"), UTF-8 bị đọc thành Windows-1252 (\"Ä‘\", \"Æ°\"), dấu hỏi chấm giữa từ (\"k??? niệm\"), và chữ \"Ð\" của tiếng Iceland (U+00D0) thay cho \"Đ\" (U+0110).",
        "Từ bị lỗi không đọc được khi in và không tìm kiếm được; chữ \"Ð\" giống hệt khiến \"HÐND\" thành một chuỗi khác với \"HĐND\".",
    ),
    "text.invisible-char": (
        "Ký tự ẩn nằm trong từ (khoảng trắng độ rộng 0, gạch nối mềm, BOM giữa văn bản).",
        "Báo khoảng trắng và ký tự nối độ rộng 0, ký tự nối từ, gạch nối mềm và dấu thứ tự byte (BOM) nằm giữa hai chữ cái hoặc chữ số, hoặc BOM ở bất kỳ đâu trừ đầu tệp.",
        "Từ trông đúng nhưng thực ra không: \"Huyện​ủy\" không khớp với \"Huyện ủy\" hay \"Huyệnủy\", tìm kiếm bỏ sót và dòng có thể bị ngắt giữa từ.",
    ),
    "text.repeated-syllable": (
        "Cùng một âm tiết bị gõ hai lần liền nhau (\"55 hộ hộ\", \"đảm bảo bảo quy trình\").",
        "Tìm hai âm tiết giống hệt nhau đứng liền, chỉ cách một khoảng trắng (so không phân biệt hoa thường nhưng giữ dấu thanh, không bao giờ bỏ dấu: \"đo đỏ\" "
        "không phải lặp). Phần lớn các cặp như vậy trong văn xuôi thật nằm vắt qua hai từ và là đúng (\"hành vi vi phạm\", \"trực tiếp tiếp xúc\"), nên chỉ báo "
        "những cặp không thể như thế (`rules/reduplications.yaml`): hư từ bị lặp (\"các các\", \"về về\"), cặp mà ngữ cảnh loại trừ từ ghép (\"đảm bảo bảo quy trình\", "
        "\"năm năm 2020\"), và danh từ đơn vị bị lặp sau số (\"55 hộ hộ\"). Từ láy hợp lệ (\"nhà nhà\", \"người người\", \"luôn luôn\") không bao giờ bị báo, cũng như "
        "cặp bắt đầu bằng chữ hoa (tên riêng như \"Lô Lô\", \"Long Thành thành\"), và lỗi gõ mà từ điển lỗi đã báo với cách sửa tốt hơn (\"nhân nhân\" → \"nhân dân\"). "
        "Các cặp khác được đọc theo số đếm của kho văn bản: báo khi kho không bao giờ viết lặp âm tiết dù hai lần dùng ngẫu nhiên cũng "
        "đứng cạnh nhau vài lần (\"xã xã\"), hoặc khi một bên của cặp đứng cạnh âm tiết không nhiều hơn hai từ bất kỳ còn bên kia là một "
        "từ thông dụng (\"Hà Nội điều điều chỉnh\"), trừ khi âm tiết là từ chỉ người và có thể làm chủ ngữ vế sau (\"mẹ con con tự lo liệu\").",
        "Âm tiết lặp lọt qua trình kiểm tra chính tả và là dấu hiệu đoạn văn chưa được soát lại.",
    ),
    "text.invalid-syllable": (
        "Từ không thể là âm tiết tiếng Việt (\"nghành\", \"thànnh\", \"mtà\").",
        "Tách mỗi từ viết thường trong câu văn thành phụ âm đầu, vần và thanh rồi kiểm tra quy tắc chính tả tiếng Việt: c/k/q, g/gh và ng/ngh "
        "trước e, ê, i; các vần có thật (không có \"ươ\" mà thiếu âm cuối, không có \"ach\" sau \"ơ\"); âm cuối tắc (p, t, c, ch) chỉ đi với "
        "thanh sắc hoặc nặng. Từ sai được báo kèm các âm tiết hợp lệ gần nhất, thường gặp nhất trước, làm gợi ý; hai âm tiết gõ dính nhau "
        "(\"ngànhvà\") được gợi ý tách ra. Cả hai kiểu đặt dấu (hòa, hoà) đều được chấp nhận. Bỏ qua: từ viết hoa giữa câu (tên riêng), từ viết hoa "
        "toàn bộ (chữ viết tắt), từ nước ngoài (f, j, w, z, cụm như \"cr\" hay âm cuối như \"-r\" không có chữ cái chỉ tiếng Việt mới viết), mọi thứ "
        "dính với chữ số, gạch chéo, gạch nối hoặc @ (mã, ký hiệu văn bản, địa chỉ web, thư điện tử), cách viết mà kho văn bản dùng đủ nhiều để thành "
        "quen (\"ôtô\"), từ mượn viết liền mà các âm tiết viết rời thường đi với nhau (\"virút\", \"nilông\"), chữ hoa sau dấu mở ngoặc (tên riêng), "
        "và các từ trong `rules/words.yaml`.",
        "Âm tiết không thể có luôn là lỗi gõ; người đọc nhận ra ngay, và tìm kiếm bỏ sót từ đó.",
    ),
    "text.legacy-encoding": (
        "Tệp được lưu bằng bảng mã tiếng Việt cũ (Windows-1258, TCVN3 hoặc VNI).",
        "Khi một tệp văn bản không phải UTF-8 nhưng các byte của nó đọc được thành tiếng Việt theo Windows-1258, TCVN3 (ABC, các phông ``.VnTime``) "
        "hoặc VNI-Windows (``VNI-Times``), tệp được chuyển sang Unicode và kiểm tra như mọi tệp khác; quy tắc này thêm một lưu ý ở đầu tệp nêu bảng mã "
        "đã nhận ra (``--encoding`` chỉ định rõ bảng mã thay cho ``auto``).",
        "Tệp như vậy hiện thành chữ lỗi trong trình soạn thảo, trình duyệt và công cụ tìm kiếm ngày nay, không thể công bố hay trích dẫn nguyên trạng. "
        "TCVN3 không có chữ hoa mang dấu thanh (tiêu đề được gõ bằng phông chữ hoa), nên các tiêu đề đó được đọc thành chữ thường.",
    ),
    "text.real-word-slip": (
        "Âm tiết là từ có thật nhưng sai ở vị trí của nó (\"dân tốc\" thay cho \"dân tộc\").",
        "Đọc các cặp âm tiết liền nhau đối chiếu với số lần xuất hiện của cặp âm tiết trong một kho lớn tin tức tiếng Việt thật "
        "(`giaoban_qa/data/ngrams.bin`, chỉ có số đếm). Khi một từ cùng các từ bên cạnh hiếm gặp nhưng một cách viết lệch một lỗi — thanh khác, mất "
        "hoặc thừa dấu mũ, dấu móc, nhầm phụ âm (tr/ch, s/x, d/gi/r, l/n, n/ng, c/t), thừa hoặc thiếu một chữ cái — lại thường gặp ở đúng vị trí đó, "
        "từ được báo với cách viết ấy làm gợi ý và cả hai số đếm làm căn cứ. Chỉ đọc các từ viết thường trong câu văn; tên riêng, mã và các từ, cụm từ "
        "của `rules/words.yaml` được bỏ qua. Văn bản tự nó cũng loại trừ: cùng một từ lặp lại trong vòng ba từ là cấu trúc người viết cố ý (\"láy đi láy lại\"), "
        "cụm trong ngoặc kép không quá sáu từ, mở đầu bằng chữ hoa, là tên tác phẩm, từ hiếm mà văn bản còn dùng ở chỗ khác trong một cặp quen thuộc, "
        "và từ kết thành từ ghép với từ bên cạnh (\"đình hoãn\") khi bộ ba của cách viết gợi ý chỉ gặp vài lần. Cũng không báo khi cặp mạnh của cách viết gợi ý mượn một từ ghép của từ bên cạnh với từ kế tiếp mà bộ ba chưa từng gặp (\"ôm đống hồ sơ\" không phải \"đồng hồ\"), hay khi cách viết gợi ý (đổi thanh) chính là từ kế tiếp: đó là từ láy (\"vừa vừa phai phải\"). Các ngưỡng (tùy chọn `ratio`, `min_support`, `strong_side`, `weak_side`, `fit`) được hiệu chỉnh để báo nhầm hiếm khi xảy ra.",
        "Mọi âm tiết của \"dân tốc\" hay \"dựa án\" đều là từ có thật, nên trình kiểm tra chính tả xét từng từ một chấp nhận chúng; chỉ cặp từ mới cho thấy lỗi.",
    ),
    "text.brand-variant": (
        "Một thương hiệu hoặc tên riêng viết hoa theo hai cách trong một văn bản (MobiFone / Mobifone).",
        "Thu thập các từ có chữ hoa ở giữa (\"MobiFone\", \"VinaPhone\", \"PetroVietnam\") và báo, một lần cho mỗi từ, các cách viết hoa khác của "
        "cùng các chữ cái đó trong cùng văn bản (\"Mobifone\", \"Vinaphone\"), kèm số lần của từng cách và gợi ý cách viết chiếm đa số. Từ viết hoa toàn bộ (tiêu đề) được bỏ qua.",
        "Thương hiệu là tên riêng: viết hai cách trong một văn bản trông như hai công ty, và tìm kiếm chỉ thấy một trong hai.",
    ),
    "text.glued-figure": (
        "Con số viết dính với từ đứng sau (\"97.221tỷ đồng\", \"15người\").",
        "Tìm con số viết liền, không có khoảng trắng, trước một từ chỉ đơn vị hoặc quy mô tiếng Việt (tỷ, triệu, nghìn, đồng, người, hộ, tấn, lượt, năm, "
        "tháng, ngày, …) và gợi ý tách con số khỏi từ đó. Ký hiệu đơn vị như \"30m2\" hay \"5km\", mã và số văn bản được bỏ qua.",
        "\"97.221tỷ\" khó đọc, làm hỏng việc tìm con số, và người đọc cũng như công cụ có thể không nhận ra đó là một số lượng.",
    ),
    "text.symbol-spacing": (
        "Khoảng trắng thừa trong ký hiệu văn bản (\"17/2012/QĐ - UBND\", \"11/2013/TT- BCT\").",
        "Tìm ký hiệu của văn bản được viện dẫn — số, năm (nếu có), chữ viết tắt tên loại, gạch nối, chữ viết tắt cơ quan ban hành — có khoảng trắng "
        "trước hoặc sau gạch nối, và gợi ý ký hiệu không có khoảng trắng.",
        "Ký hiệu bị tách không tìm thấy được khi tra cứu văn bản, và dòng có thể bị ngắt giữa ký hiệu; thể thức chính thức (Nghị định 30/2020/NĐ-CP) không có khoảng trắng.",
    ),
    "text.term-variant": (
        "Thuật ngữ hoặc chữ viết tắt viết không theo dạng chuẩn (\"Covid 19\", \"OCCOP\").",
        "Tra các thuật ngữ của `rules/terms.yaml` (Covid-19, OCOP, HĐND, UBND, UBMTTQVN, nông thôn mới, tên các cơ quan Đảng và Nhà nước) theo mọi cách viết mà "
        "mẫu của gói cho phép và báo các dạng không chuẩn, gợi ý dạng chuẩn. Tên cơ quan viết hoa mọi chữ đầu trong câu văn (\"Ban Thường Vụ\") được sửa theo "
        "cách viết hoa của Nghị định 30/2020/NĐ-CP; tiêu đề viết hoa toàn bộ được bỏ qua. Người dùng thêm thuật ngữ của mình trong thư mục quy tắc riêng.",
        "Một báo cáo viết cả \"Covid-19\", \"Covid 19\" và \"covid – 19\" trông cẩu thả, và tìm kiếm, lập chỉ mục bỏ sót các biến thể.",
    ),
    "text.tone-style-mixed": (
        "Trộn kiểu bỏ dấu cũ và mới trong một văn bản (\"Huyện uỷ\" và \"Huyện ủy\").",
        "Đếm các âm tiết mở có dấu thanh đặt được ở một trong hai nguyên âm (oa, oe, uy: \"hòa\" hay \"hoà\", \"thủy\" hay \"thuỷ\", \"khỏe\" hay \"khoẻ\") theo kiểu "
        "đặt dấu. Khi một văn bản viết cùng một âm tiết theo cả hai cách (\"uỷ\" và \"ủy\"), quy tắc báo MỘT phát hiện ở từ đầu tiên theo kiểu ít dùng hơn, kèm số "
        "lần của mỗi kiểu và ví dụ. Cả hai kiểu đều là tiếng Việt chuẩn; viết một từ hai cách trong một văn bản mới là không thống nhất, và còn làm hỏng việc tìm "
        "tên người hay tên cơ quan. Các âm tiết khác nhau theo kiểu khác nhau (\"ủy\" cạnh \"hoá\") được bỏ qua.",
        "\"Huyện uỷ\" ở tiêu đề và \"Huyện ủy\" ở nội dung là hai từ khác nhau với máy tìm kiếm, và là sự cẩu thả với người đọc.",
    ),
    "text.typo": (
        "Lỗi gõ đã biết trong từ điển lỗi gõ (\"đầy mạnh\" thay cho \"đẩy mạnh\").",
        "Đối chiếu các mục của `rules/typos.yaml` — dạng sai, dạng đúng và, khi dạng sai vẫn đúng ở chỗ khác, ngữ cảnh loại trừ nó — theo nguyên từ, không phân "
        "biệt hoa thường, và gợi ý cách sửa giữ nguyên kiểu viết hoa. Từ điển ban đầu gồm các lỗi gặp trong báo cáo thật (\"nhân nhân\", \"Thông nhất\", \"khuyến nại\", "
        "\"cây được liệu\", \"giành … thời gian\") và các lỗi nhầm phổ biến (sáp/sát nhập, chẩn/chuẩn đoán, xử/sử lý, …).",
        "Trình kiểm tra chính tả chấp nhận những lỗi này: mọi âm tiết đều là từ có thật. Chỉ có cặp từ là sai.",
    ),
    "text.unicode-normalisation": (
        "Chữ tiếng Việt ở dạng tổ hợp rời (NFD) hoặc trộn lẫn hai dạng chuẩn hóa.",
        "Công cụ đọc mọi tệp ở dạng NFC; quy tắc này xem văn bản như khi được viết và báo, một lần cho mỗi văn bản, các chữ được lưu thành chữ gốc cộng dấu tổ hợp "
        "(NFD, thường gặp ở văn bản dán từ macOS hoặc một số công cụ PDF), kèm số lượng, và cho biết có cả chữ dựng sẵn hay không (trộn lẫn hai dạng).",
        "\"Huyện ủy\" ở dạng NFD và NFC trông giống hệt nhau nhưng không khớp khi tìm kiếm, sắp xếp, loại trùng hay trong công cụ của cơ quan xuất bản.",
    ),
}
