/**
 * The words the parser recognises, in lower case with diacritics (matching keeps the diacritics:
 * "tại" stops a unit name, "Tài chính" does not; "Sở" begins one, "số" does not).
 */

/** Lower case with the tone mark on the main vowel (ủy, hóa, hòa), same length as the input. */
export function key(value: string): string {
  return value
    .toLowerCase()
    .replace(/(?<!q)u([ỷýỳỹỵ])(?!\p{L})/gu, (_, y: string) => ({ ỷ: 'ủy', ý: 'úy', ỳ: 'ùy', ỹ: 'ũy', ỵ: 'ụy' })[y] ?? `u${y}`)
    .replace(/o([áàảãạ])(?!\p{L})/gu, (_, a: string) => ({ á: 'óa', à: 'òa', ả: 'ỏa', ã: 'õa', ạ: 'ọa' })[a] ?? `o${a}`)
    .replace(/o([éèẻẽẹ])(?!\p{L})/gu, (_, e: string) => ({ é: 'óe', è: 'òe', ẻ: 'ỏe', ẽ: 'õe', ẹ: 'ọe' })[e] ?? `o${e}`);
}

/**
 * How a unit's name begins. Longest first. `capital`: only when written with a capital letter
 * (or after "các"), because the word is also common ("tổ", "báo", "phòng").
 */
export const unitHeads: { words: string; capital?: boolean }[] = [
  'ban thường vụ', 'ban chấp hành', 'ban xây dựng đảng', 'ban tổ chức', 'ban tuyên giáo', 'ban dân vận', 'ban kinh tế',
  'ban nội chính', 'ban biên tập', 'ban chỉ đạo', 'ban giám đốc', 'ban tổ chức', 'ban chuyên môn', 'ban', 'btv', 'bch', 'ubkt',
  'ủy ban kiểm tra', 'ủy ban', 'ủy viên', 'văn phòng', 'vp', 'hội đồng', 'hội cựu chiến binh', 'hội ccb', 'hội liên hiệp',
  'hội', 'đoàn tncs', 'đoàn thanh niên', 'đoàn tn', 'đoàn', 'công đoàn', 'đảng ủy', 'đảng bộ', 'đuk', 'chi bộ', 'chi ủy',
  'chi đoàn', 'chi hội', 'tổ chức cơ sở đảng', 'tổ chức đảng', 'tổ chức chính trị', 'tccs', 'cơ sở', 'đơn vị', 'đoàn thể',
  'phòng', 'sở', 'báo', 'đài', 'tiểu ban', 'tổ', 'thường trực', 'mặt trận', 'hiệp hội', 'tổng công ty', 'công ty', 'ngân hàng',
  'phương tiện thông tin đại chúng', 'cơ quan', 'đồng chí', 'bí thư', 'phó bí thư', 'cấp ủy', 'chi ủy viên', 'đảng ủy viên',
  'bộ phận', 'trung tâm', 'trường', 'đảng viên', 'quần chúng', 'ubnd', 'ủy ban nhân dân', 'mttq', 'lđlđ', 'liên đoàn lao động', 'hđtđkt',
]
  .map((words) => ({ words, capital: ['ban', 'hội', 'đoàn', 'phòng', 'sở', 'báo', 'đài', 'tổ', 'trường', 'trung tâm', 'bộ phận', 'cơ sở'].includes(words) }))
  .sort((a, b) => b.words.length - a.words.length);

/** Words that look like a unit's head but are not ("Ban hành", "Hội nghị", "Đoàn kết"). */
export const notUnits = [
  'ban hành', 'ban ngày', 'ban đầu', 'hội nghị', 'hội thi', 'hội thảo', 'hội diễn', 'hội viên', 'hội nhập', 'hội họp', 'hội trường',
  'đoàn kết', 'đoàn viên', 'tổ chức', 'phòng chống', 'phòng ngừa', 'phòng, chống', 'đơn vị tính', 'cơ sở vật chất', 'cơ sở dữ liệu',
  'cơ sở pháp lý', 'đài thọ', 'báo cáo', 'báo công', 'sở hữu', 'trường hợp', 'bộ phận cấu thành', 'đồng chí nào', 'trung tâm của',
];

/** Where a unit's name ends: the verb of the clause, or a connective. */
export const clauseWords = [
  'chủ trì', 'phối hợp', 'tổ chức', 'xây dựng', 'triển khai', 'thực hiện', 'phát động', 'tham mưu', 'tăng cường', 'chỉ đạo',
  'tổng hợp', 'đánh giá', 'báo cáo', 'ban hành', 'hướng dẫn', 'theo dõi', 'kiểm tra', 'giám sát', 'đôn đốc', 'tham gia',
  'tuyên truyền', 'viết bài', 'đưa tin', 'lập', 'củng cố', 'căn cứ', 'giúp', 'hoàn thành', 'đảm bảo', 'bảo đảm', 'để', 'nhằm',
  'theo', 'tại', 'vào', 'làm', 'là', 'có trách nhiệm', 'chịu trách nhiệm', 'quản lý', 'cử', 'giới thiệu', 'phụ trách', 'lựa chọn',
  'chọn', 'bình chọn', 'thống nhất', 'nghiên cứu', 'rà soát', 'đăng ký', 'xét', 'trình', 'kết nạp', 'gửi', 'nộp', 'cập nhật',
  'chuẩn bị', 'phân công', 'tiếp tục', 'đẩy mạnh', 'quán triệt', 'học tập', 'kịp thời', 'tích cực', 'nghiêm túc', 'thường xuyên',
  'hằng', 'hàng tháng', 'hàng quý', 'hàng năm', 'trước', 'trong thời gian', 'từ ngày', 'dịp', 'dự kiến', 'sẽ', 'cần', 'phải', 'được',
  'cùng', 'tiến hành', 'duy trì', 'vận động', 'động viên', 'khen thưởng', 'đề nghị', 'đề xuất', 'trao', 'mời', 'phục vụ', 'bố trí',
  'sắp xếp', 'thành lập', 'xác định', 'đối với', 'về việc', 'trên cơ sở', 'nếu', 'khi', 'đồng thời', 'chủ động', 'bổ sung', 'hoàn thiện',
  'thông báo', 'lãnh đạo', 'treo', 'mở', 'phát hành', 'biên soạn', 'đăng tải', 'đăng', 'viết', 'tặng', 'thăm', 'trang trí', 'tuyên dương', 'vinh danh', 'phổ biến', 'giao', 'sơ kết', 'tổng kết', 'tiếp nhận', 'hỗ trợ', 'thẩm định', 'duyệt', 'phê duyệt', 'phát huy', 'tập trung', 'soạn thảo', 'dự thảo', 'ký', 'in', 'mua', 'thu', 'chi', 'nhận',
];

/** Document types of the heading. The plan-like ones make a document a plan. */
export const planTypes = ['KẾ HOẠCH', 'CHƯƠNG TRÌNH HÀNH ĐỘNG', 'CHƯƠNG TRÌNH CÔNG TÁC', 'CHƯƠNG TRÌNH', 'ĐỀ ÁN', 'KẾ HOẠCH LIÊN TỊCH'];
export const otherTypes = [
  'BÁO CÁO', 'THÔNG BÁO', 'QUYẾT ĐỊNH', 'NGHỊ QUYẾT', 'CHỈ THỊ', 'TỜ TRÌNH', 'CÔNG VĂN', 'GIẤY MỜI', 'THƯ MỜI', 'BIÊN BẢN',
  'KẾT LUẬN', 'QUY CHẾ', 'QUY ĐỊNH', 'HƯỚNG DẪN', 'THƯ CẢM ƠN', 'THƯ CHÚC MỪNG', 'THƯ NGỎ', 'GIẤY GIỚI THIỆU', 'ĐƠN',
];
