/**
 * The certificate of merit (Giấy khen) the Standing Committee awards to an honoured collective,
 * individual or product: A4 landscape inside a decorative frame, the issuing body top left and
 * "ĐẢNG CỘNG SẢN VIỆT NAM" top right as on every Party paper, the big title, who is honoured and
 * why, the decision it rests on, the place and date, and the signature.
 */
import { officialDate, shortDmy, type IsoDate } from '../../common/dates.ts';
import { htmlToPdf } from './pdf.ts';
import { escapeHtml } from './html.ts';
import { upper, type Signature } from './model.ts';
import { cssFontStack } from './format.ts';

export type CertificateData = {
  issuer: { superior: string; body: string };
  /** Who awards it, printed above the title: "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH THÁI BÌNH". */
  awardedBy: string;
  /** "GIẤY KHEN" unless told otherwise. */
  title?: string;
  honouree: {
    /** "Đồng chí Nguyễn Văn A", "Công ty Cổ phần …", "Sản phẩm …". */
    name: string;
    /** A line under the name: position and workplace, or the unit a product comes from. */
    detail?: string;
  };
  /** What for: "Đã có thành tích xuất sắc tiêu biểu …". */
  reason: string;
  /** The decision the award rests on: "Quyết định số 12-QĐ/ĐUK, ngày 30/7/2019"; absent for a certificate no decision precedes (a tournament's prizes). */
  decision?: { number: string; symbol: string; date: IsoDate };
  /** Entry in the register of awards, if the office keeps one: "Số sổ vàng: 07". */
  registerNumber?: string;
  place: string;
  date: IsoDate;
  signature: Signature;
};

const red = '#b3121b';
const gold = '#b8892b';

/** The ornament on each corner of the frame: a gold lozenge with a red heart. */
const cornerSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40"><path d="M20 1 39 20 20 39 1 20Z" fill="${gold}"/><path d="M20 7 33 20 20 33 7 20Z" fill="#fff"/><path d="M20 12 28 20 20 28 12 20Z" fill="${red}"/><circle cx="20" cy="20" r="2.2" fill="#fff"/></svg>`;
const cornerUrl = `url("data:image/svg+xml;utf8,${encodeURIComponent(cornerSvg)}")`;

function css(): string {
  return `
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${cssFontStack}; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 297mm; height: 210mm; padding: 8mm; position: relative; overflow: hidden; }
.line { position: absolute; }
.line.outer { inset: 7mm; border: 1.8mm solid ${gold}; }
.line.middle { inset: 10.5mm; border: 0.7mm solid ${red}; }
.line.inner { inset: 12.5mm; border: 0.35mm solid ${gold}; }
.corner { position: absolute; width: 14mm; height: 14mm; background: ${cornerUrl} no-repeat center / contain; }
.corner.tl { top: 3.9mm; left: 3.9mm; } .corner.tr { top: 3.9mm; right: 3.9mm; }
.corner.bl { bottom: 3.9mm; left: 3.9mm; } .corner.br { bottom: 3.9mm; right: 3.9mm; }
.content { position: absolute; inset: 20mm 24mm 16mm; display: flex; flex-direction: column; }
.head { display: flex; justify-content: space-between; text-align: center; font-size: 13pt; line-height: 1.2; }
.head .left { width: 45%; } .head .right { width: 45%; }
.head b { display: block; }
.head .party { display: inline-block; font-weight: bold; font-size: 14pt; border-bottom: 0.9pt solid #000; padding-bottom: 1pt; }
.middle { flex: 1; display: flex; flex-direction: column; justify-content: center; padding-bottom: 4mm; }
.awarder { text-align: center; font-weight: bold; font-size: 15pt; }
.title { text-align: center; font-weight: bold; font-size: 54pt; letter-spacing: 3pt; color: ${red}; line-height: 1.1; margin-top: 1mm; }
.to { text-align: center; font-size: 16pt; font-style: italic; margin-top: 2mm; }
.name { text-align: center; font-size: 28pt; font-weight: bold; color: #102a6b; margin-top: 1mm; line-height: 1.15; }
.detail { text-align: center; font-size: 16pt; margin-top: 1mm; }
.reason { text-align: center; font-size: 17pt; font-style: italic; margin: 4mm 12mm 0; line-height: 1.3; }
.foot { display: flex; justify-content: space-between; align-items: flex-end; }
.foot .left { width: 45%; font-size: 13pt; line-height: 1.4; }
.foot .right { width: 45%; text-align: center; font-size: 14pt; line-height: 1.25; }
.foot .date { font-style: italic; }
.foot .sign { font-weight: bold; }
.foot .space { height: 20mm; }
`;
}

function certificateBody(c: CertificateData): string {
  const e = escapeHtml;
  const s = c.signature;
  return `<section class="sheet">
<div class="line outer"></div><div class="line middle"></div><div class="line inner"></div>
<div class="corner tl"></div><div class="corner tr"></div><div class="corner bl"></div><div class="corner br"></div>
<div class="content">
<div class="head"><div class="left">${e(upper(c.issuer.superior))}<b>${e(upper(c.issuer.body))}</b>*</div>
<div class="right"><span class="party">ĐẢNG CỘNG SẢN VIỆT NAM</span></div></div>
<div class="middle">
<div class="awarder">${e(upper(c.awardedBy))}</div>
<div class="title">${e(upper(c.title ?? 'Giấy khen'))}</div>
<div class="to">Tặng</div>
<div class="name">${e(c.honouree.name)}</div>
${c.honouree.detail ? `<div class="detail">${e(c.honouree.detail)}</div>` : ''}
<div class="reason">${e(c.reason)}</div>
</div>
<div class="foot">
<div class="left">${c.decision ? `Quyết định số ${e(c.decision.number)}-${e(c.decision.symbol)}, ngày ${e(shortDmy(c.decision.date))}` : ''}${c.decision && c.registerNumber ? '<br>' : ''}${c.registerNumber ? e(c.registerNumber) : ''}</div>
<div class="right"><div class="date">${e(officialDate(c.date, c.place))}</div>
${s.authority ? `<div class="sign">${e(upper(s.authority))}</div>` : ''}<div class="sign">${e(upper(s.position))}</div>
<div class="space"></div><div class="sign">${e(s.name)}</div></div>
</div>
</div>
</section>`;
}

/** Certificates as one HTML page, one sheet of A4 landscape each. */
export function certificatesHtml(list: CertificateData[]): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Giấy khen</title><style>${css()}
.sheet + .sheet { break-before: page; }</style></head><body>
${list.map(certificateBody).join('\n')}
</body></html>`;
}

/** One certificate as a one-page PDF. */
export async function toCertificatePdf(data: CertificateData): Promise<Buffer> {
  return htmlToPdf(certificatesHtml([data]));
}

/** Many certificates in one PDF, a page each: what the office sends to the printer. */
export async function toCertificatesPdf(list: CertificateData[]): Promise<Buffer> {
  return htmlToPdf(certificatesHtml(list));
}
