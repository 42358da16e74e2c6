/**
 * Messages that schemas on both sides name as `msg:<key>`, in Vietnamese and English.
 * The server sends both; the web app shows the one in the user's language.
 */
export const customMessages: Record<string, { vi: string; en: string }> = {
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  username_format: {
    vi: 'Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.',
    en: 'A username is 3–64 characters: unaccented letters, digits, dot, underscore or hyphen.',
  },
  password_too_short: { vi: 'Mật khẩu phải có ít nhất 8 ký tự.', en: 'The password must be at least 8 characters.' },
  password_too_long: { vi: 'Mật khẩu dài quá 200 ký tự.', en: 'The password is longer than 200 characters.' },
  text_too_long: { vi: 'Nội dung quá dài.', en: 'The text is too long.' },
  not_blank: { vi: 'Không được để trống.', en: 'Must not be blank.' },
  invalid_text: {
    vi: 'Văn bản chứa ký tự không hợp lệ.',
    en: 'The text contains characters that are not allowed.',
  },
  date_format: { vi: 'Ngày phải có dạng YYYY-MM-DD.', en: 'A date must be written YYYY-MM-DD.' },
  datetime_format: {
    vi: 'Thời điểm phải có dạng YYYY-MM-DDTHH:mm (giờ Việt Nam).',
    en: 'A time must be written YYYY-MM-DDTHH:mm (Vietnam time).',
  },
  distinct_sources: {
    vi: 'Mỗi nguồn trạng thái chỉ chọn một lần.',
    en: 'Choose each status source once.',
  },
  code_format: { vi: 'Mã không được chứa khoảng trắng.', en: 'A code must not contain spaces.' },
  hex: {
    vi: 'Phiếu mã hoá không đúng định dạng (cần 64 ký tự thập lục phân).',
    en: 'The encrypted ballot is malformed (64 hexadecimal characters expected).',
  },
  http_link: {
    vi: 'Đường dẫn phải là địa chỉ web bắt đầu bằng http:// hoặc https://.',
    en: 'The link must be a web address starting with http:// or https://.',
  },
  publicity_subject: {
    vi: 'Hãy chọn hoạt động của kế hoạch hoặc ghi điển hình được tuyên truyền.',
    en: 'Choose the plan activity or name the honouree the piece covers.',
  },
  publicity_link: {
    vi: 'Hãy ghi đường dẫn của tin, bài đã đăng (hoặc bài trên trang thông tin của Khối).',
    en: "Give the published piece's link (or the article on the Bloc's website).",
  },
  month_format: { vi: 'Tháng phải có dạng YYYY-MM.', en: 'A month must be written YYYY-MM.' },
};
