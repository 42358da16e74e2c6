import { AppError, type Bilingual } from '../../../platform/http/errors.ts';

/** Why a file could not be read as a plan. Each code has one message, Vietnamese first. */
export type PlanImportProblem =
  | 'IMPORT_EMPTY'
  | 'IMPORT_ENCODING'
  | 'IMPORT_MOJIBAKE'
  | 'IMPORT_BINARY'
  | 'IMPORT_OLD_WORD'
  | 'IMPORT_PDF'
  | 'IMPORT_CORRUPT_DOCX'
  | 'IMPORT_NOT_A_PLAN'
  | 'IMPORT_TOO_LARGE';

/** A file that cannot be drafted into a plan; status 422 at the HTTP edge, exit 1 on the command line. */
export class PlanImportError extends AppError {
  constructor(code: PlanImportProblem, messages: Bilingual) {
    super(422, code, messages);
    this.name = 'PlanImportError';
  }
}

export const importFail = {
  empty: () =>
    new PlanImportError('IMPORT_EMPTY', {
      vi: 'Tệp trống: không có nội dung nào để đọc.',
      en: 'The file is empty: there is nothing to read.',
    }),
  tooLarge: (limitMb: number) =>
    new PlanImportError('IMPORT_TOO_LARGE', {
      vi: `Tệp quá lớn (tối đa ${limitMb} MB).`,
      en: `The file is too large (at most ${limitMb} MB).`,
    }),
  encoding: (detail: Bilingual) =>
    new PlanImportError('IMPORT_ENCODING', {
      vi: `Tệp văn bản không ở bảng mã Unicode (UTF-8 hoặc UTF-16)${detail.vi}. Có thể tệp dùng bảng mã cũ Windows-1258, TCVN3 (ABC) hoặc VNI: hãy mở bằng Word rồi lưu lại dạng .docx, hoặc chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại.`,
      en: `The text file is not Unicode (UTF-8 or UTF-16)${detail.en}. It may use an old Vietnamese encoding (Windows-1258, TCVN3/ABC or VNI): open it in Word and save it as .docx, or convert it to Unicode (e.g. Unikey's converter), then import it again.`,
    }),
  mojibake: (sample: string) =>
    new PlanImportError('IMPORT_MOJIBAKE', {
      vi: `Chữ tiếng Việt trong tệp bị lỗi phông (ví dụ "${sample}"): văn bản gốc dùng bảng mã TCVN3 (ABC) hoặc VNI. Hãy chuyển sang Unicode rồi nhập lại.`,
      en: `The Vietnamese letters in the file are garbled (e.g. "${sample}"): the original used the TCVN3 (ABC) or VNI encoding. Convert it to Unicode and import it again.`,
    }),
  binary: () =>
    new PlanImportError('IMPORT_BINARY', {
      vi: 'Tệp không phải văn bản thuần (.txt) hay tài liệu Word (.docx), nên không đọc được.',
      en: 'The file is neither plain text (.txt) nor a Word document (.docx), so it cannot be read.',
    }),
  oldWord: () =>
    new PlanImportError('IMPORT_OLD_WORD', {
      vi: 'Đây là tệp Word 97–2003 (.doc). Hãy mở bằng Word và lưu lại dạng .docx rồi nhập lại.',
      en: 'This is a Word 97–2003 file (.doc). Open it in Word, save it as .docx and import it again.',
    }),
  pdf: () =>
    new PlanImportError('IMPORT_PDF', {
      vi: 'Chưa nhập được tệp PDF. Hãy dùng bản .docx hoặc văn bản thuần (.txt) của kế hoạch.',
      en: 'PDF files cannot be imported yet. Use the .docx or plain-text (.txt) version of the plan.',
    }),
  corruptDocx: (detail: Bilingual) =>
    new PlanImportError('IMPORT_CORRUPT_DOCX', {
      vi: `Tệp .docx bị hỏng hoặc không đúng định dạng: ${detail.vi}`,
      en: `The .docx file is damaged or not in the right format: ${detail.en}`,
    }),
  notAPlan: (seen: Bilingual | null) =>
    new PlanImportError('IMPORT_NOT_A_PLAN', {
      vi:
        'Văn bản này không phải một kế hoạch: không có tiêu đề "KẾ HOẠCH" (hay "CHƯƠNG TRÌNH", "ĐỀ ÁN") và không tìm thấy nhiệm vụ nào có đơn vị chủ trì hoặc thời hạn.' +
        (seen ? ` Văn bản có vẻ là: ${seen.vi}.` : ''),
      en:
        'This document is not a plan: it has no "KẾ HOẠCH" (plan, programme or project) heading and no task with a lead unit or a deadline.' +
        (seen ? ` It looks like: ${seen.en}.` : ''),
    }),
};
