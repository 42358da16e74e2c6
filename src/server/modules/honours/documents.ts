import { shortDmy, todayIso } from '../../../common/dates.ts';
import { standingCommitteeSecretary } from './signer.ts';
import type { Block, CertificateData, Issuer, OfficialDocument, RichText } from '../../documents/index.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitRefs } from '../organisation/index.ts';
import { requireManage, type Caller } from './access.ts';
import { categoriesOf, findCampaign } from './campaigns.ts';
import { findSession, getSession, rosterOf, votingCounts } from './council.ts';
import { honourees, type Decision } from './results.ts';
import { quorumNeeded, type RoundOutcome, type SessionRules } from './tally.ts';

// The builders (docx, Playwright) load with the first download, not at every start.
const builders = () => import('../../documents/index.ts');

/**
 * The official documents of the honours, in the Party's format (ADR 6): the minutes of a Council
 * session (biên bản), the Standing Committee's decision with its list (quyết định), the proposal
 * to higher levels for a chosen few (tờ trình), and one certificate (Giấy khen) per honouree.
 */
const place = 'Thái Bình';
const bloc: Issuer = { superior: 'ĐẢNG BỘ TỈNH THÁI BÌNH', body: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP', symbolSuffix: 'ĐUK' };
const council: Issuer = {
  superior: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH',
  body: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
  symbolSuffix: 'HĐTĐKT',
};
const awardedBy = 'Ban Thường vụ Đảng ủy khối Doanh nghiệp tỉnh Thái Bình';
const kindWords = { collective: 'tập thể', individual: 'cá nhân', product: 'sản phẩm' } as const;
const dash = (text: RichText, children?: Block[]): Block => ({
  kind: 'item',
  marker: '-',
  text,
  ...(children?.length ? { children } : {}),
});
const para = (
  text: RichText,
  more: Partial<{ align: 'justify' | 'center' | 'right' | 'left'; indent: boolean }> = {},
): Block => ({ kind: 'paragraph', text, ...more });
const lowerFirst = (s: string) => (s ? s[0].toLocaleLowerCase('vi') + s.slice(1) : s);
const roleWords: Record<string, string> = {
  chair: 'Chủ tịch Hội đồng',
  vice_chair: 'Phó Chủ tịch Hội đồng',
  secretary: 'Thư ký Hội đồng',
  member: 'Ủy viên Hội đồng',
};
const pct = (x: number) => `${`${Math.round(x * 1000) / 10}`.replace('.', ',')}%`;

/** "125-QĐ/ĐUK" → number "125", symbol "QĐ", issuer's suffix "ĐUK". */
export function splitDecisionNumber(full: string): { number: string; symbol: string; suffix: string } {
  const m = /^\s*([^-\s]+)-([^/]+)\/(.+?)\s*$/.exec(full);
  return m ? { number: m[1], symbol: m[2], suffix: m[3] } : { number: full.trim(), symbol: 'QĐ', suffix: 'ĐUK' };
}

function rulesText(rules: SessionRules): Block[] {
  const base = {
    members: 'tổng số thành viên Hội đồng có quyền biểu quyết',
    present: 'số thành viên có quyền biểu quyết có mặt',
    cast: 'số phiếu hợp lệ (đồng ý và không đồng ý)',
  }[rules.approval.base];
  return [
    dash(
      `Phiên họp hợp lệ khi có ít nhất ${rules.quorum.numerator}/${rules.quorum.denominator} tổng số thành viên Hội đồng có quyền biểu quyết có mặt (Thư ký Hội đồng không phải là thành viên Hội đồng thì không biểu quyết và không tính vào số này).`,
    ),
    dash(
      rules.method === 'rank'
        ? 'Hình thức: bỏ phiếu kín, mỗi thành viên xếp thứ tự các hồ sơ; hồ sơ được tính điểm theo thứ tự (hồ sơ xếp thứ nhất được nhiều điểm nhất), lấy từ cao xuống thấp đến đủ cơ cấu.'
        : `Hình thức: bỏ phiếu kín; hồ sơ được chọn khi có số phiếu đồng ý ${rules.approval.strict ? 'trên' : 'từ'} ${pct(rules.approval.share)} ${base}, lấy từ cao xuống thấp đến đủ cơ cấu.`,
    ),
    dash('Các hồ sơ bằng phiếu nhau ở vị trí cuối cùng của cơ cấu được bỏ phiếu lại trong vòng tiếp theo.'),
    dash(
      rules.writtenVotes
        ? 'Thành viên vắng mặt được gửi phiếu bằng văn bản.'
        : 'Không nhận phiếu gửi bằng văn bản của thành viên vắng mặt.',
    ),
    dash(
      'Thành viên có xung đột lợi ích với hồ sơ nào thì không bỏ phiếu và không tính vào số thành viên khi xét hồ sơ đó.',
    ),
  ];
}

const outcomeWords: Record<string, string> = {
  selected: 'Được chọn',
  tied: 'Bằng phiếu, bỏ phiếu lại',
  passed_over_quota: 'Đạt, ngoài cơ cấu',
  not_passed: 'Không đạt',
};

/** The minutes of a Council session: roster and attendance, quorum, rules, each round's counts and outcome. */
export async function minutesDocument(
  platform: Platform,
  caller: Caller,
  sessionId: string,
): Promise<OfficialDocument> {
  await getSession(platform, caller, sessionId); // who may see the session may read its minutes
  const session = await findSession(platform, sessionId);
  const campaign = await findCampaign(platform, session.campaign_id);
  const roster = await rosterOf(platform, sessionId);
  const categories = await categoriesOf(platform, session.campaign_id);
  const rounds = await platform.db
    .selectFrom('honour_rounds')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('number')
    .execute();
  const ids = [...new Set(rounds.flatMap((r) => JSON.parse(r.nominations_json) as string[]))];
  const noms = ids.length
    ? await platform.db
        .selectFrom('honour_nominations')
        .select(['id', 'nominee_name', 'unit_id'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const units = await unitRefs(platform, [...new Set(noms.map((n) => n.unit_id))]);
  const present = roster.filter((m) => m.attendance === 'present');
  const absent = roster.filter((m) => m.attendance !== 'present');
  const chair = roster.find((m) => m.role === 'chair');
  const secretary = roster.find((m) => m.role === 'secretary');
  const conflicts = await platform.db
    .selectFrom('honour_conflicts')
    .select(['user_id', 'nomination_id'])
    .where('session_id', '=', sessionId)
    .execute();
  const voting = votingCounts(roster);
  const needed = quorumNeeded(session.rules, voting.members);

  const roundBlocks: Block[] = rounds.map((r, i) => {
    const category = categories.find((c) => c.id === r.category_id);
    const result = r.result_json
      ? (JSON.parse(r.result_json) as {
          present: number;
          voted: number;
          written: number;
          seats: number;
          outcome: RoundOutcome;
        })
      : null;
    const title = `Vòng ${r.number}: ${category?.name ?? ''} (cơ cấu ${r.seats})`;
    if (!result)
      return {
        kind: 'section',
        level: 2,
        number: `${i + 1}.`,
        title,
        children: [para('Vòng bỏ phiếu chưa kết thúc.')],
      };
    const name = (id: string) => noms.find((n) => n.id === id);
    const rows: RichText[][] = result.outcome.lines.map((l, j) => [
      String(j + 1),
      name(l.nominationId)?.nominee_name ?? '',
      units.get(name(l.nominationId)?.unit_id ?? '')?.name ?? '',
      ...(r.method === 'rank' ? [String(l.points)] : [String(l.approve), String(l.reject), String(l.abstain)]),
      outcomeWords[l.outcome] ?? l.outcome,
    ]);
    const columns = [
      { title: 'STT', width: 8, align: 'center' as const },
      { title: 'Hồ sơ', width: 28 },
      { title: 'Đơn vị đề nghị', width: 22 },
      ...(r.method === 'rank'
        ? [{ title: 'Điểm', width: 10, align: 'center' as const }]
        : [
            { title: 'Đồng ý', width: 10, align: 'center' as const },
            { title: 'Không đồng ý', width: 11, align: 'center' as const },
            { title: 'Không biểu quyết', width: 11, align: 'center' as const },
          ]),
      { title: 'Kết quả', width: 16 },
    ];
    const chosen = result.outcome.selected.map((id) => name(id)?.nominee_name ?? '').filter(Boolean);
    const tied = result.outcome.tied.map((id) => name(id)?.nominee_name ?? '').filter(Boolean);
    return {
      kind: 'section',
      level: 2,
      number: `${i + 1}.`,
      title,
      children: [
        dash(
          `Số thành viên có quyền biểu quyết có mặt: ${result.present}; số phiếu thu về: ${result.voted}${result.written ? ` (trong đó ${result.written} phiếu gửi bằng văn bản)` : ''}.`,
        ),
        { kind: 'table', columns, rows },
        dash(
          `Kết quả: ${chosen.length ? `chọn ${chosen.length} hồ sơ: ${chosen.join('; ')}` : 'không có hồ sơ nào được chọn'}${tied.length ? `; bằng phiếu, bỏ phiếu lại: ${tied.join('; ')}` : ''}${result.outcome.shortfall ? `; còn thiếu ${result.outcome.shortfall} so với cơ cấu` : ''}.`,
        ),
      ],
    };
  });

  const signTable: Block = {
    kind: 'signatures',
    columns: [
      { title: 'Thư ký Hội đồng', name: secretary?.name ?? '' },
      { title: 'Chủ tịch Hội đồng', name: chair?.name ?? '' },
    ],
  };
  return {
    issuer: council,
    number: '',
    place,
    date: session.held_on,
    type: 'BIÊN BẢN',
    title: `${lowerFirst(session.title)}`,
    basis: [],
    body: [
      para(
        `Vào ngày ${shortDmy(session.held_on)}, Hội đồng Thi đua - Khen thưởng Đảng ủy Khối họp xét chọn ${lowerFirst(campaign.name)}.`,
      ),
      {
        kind: 'section',
        level: 1,
        number: 'I-',
        title: 'THÀNH PHẦN',
        children: [
          para(
            `Tổng số người dự theo danh sách: ${roster.length}, trong đó thành viên có quyền biểu quyết: ${voting.members}; có mặt: ${present.length}; vắng mặt: ${absent.length}.`,
          ),
          {
            kind: 'table',
            columns: [
              { title: 'STT', width: 8, align: 'center' },
              { title: 'Họ và tên', width: 40 },
              { title: 'Chức danh', width: 34 },
              { title: 'Có mặt', width: 20, align: 'center' },
            ],
            rows: roster.map((m, i) => [
              String(i + 1),
              m.name,
              m.votes ? (roleWords[m.role] ?? m.role) : `${roleWords[m.role] ?? m.role} (không biểu quyết)`,
              m.attendance === 'present' ? 'Có mặt' : 'Vắng mặt',
            ]),
          },
          dash(
            `Chủ trì: ${chair ? `đồng chí ${chair.name}, Chủ tịch Hội đồng` : ''}; thư ký: ${secretary ? `đồng chí ${secretary.name}` : ''}.`,
          ),
          dash(
            `Số thành viên có quyền biểu quyết có mặt ${voting.present}/${voting.members} ${voting.present >= needed ? 'đủ' : 'không đủ'} số lượng tối thiểu (${needed}) theo quy chế; phiên họp ${voting.present >= needed ? 'hợp lệ' : 'không hợp lệ'}.`,
          ),
          ...(conflicts.length
            ? [
                dash(
                  `Có ${conflicts.length} trường hợp thành viên khai báo xung đột lợi ích và không tham gia bỏ phiếu đối với hồ sơ liên quan.`,
                ),
              ]
            : []),
        ],
      },
      { kind: 'section', level: 1, number: 'II-', title: 'QUY CHẾ BỎ PHIẾU', children: rulesText(session.rules) },
      {
        kind: 'section',
        level: 1,
        number: 'III-',
        title: 'KẾT QUẢ BỎ PHIẾU',
        children: roundBlocks.length ? roundBlocks : [para('Chưa tiến hành bỏ phiếu.')],
      },
      para(
        `Biên bản kết thúc vào hồi … giờ … cùng ngày, đã được đọc lại cho các thành viên Hội đồng có mặt cùng nghe và nhất trí thông qua./.`,
      ),
      signTable,
    ],
    recipients: [],
    signature: { position: '', name: '' },
  };
}

function listSections(lists: Awaited<ReturnType<typeof honourees>>['categories']): Block[] {
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  return lists.map((c, i) => ({
    kind: 'section',
    level: 1,
    number: `${roman[i]}-`,
    title: `${c.name.toLocaleUpperCase('vi')} (${c.honourees.length})`,
    children: [
      {
        kind: 'table',
        columns: [
          { title: 'STT', width: 8, align: 'center' },
          { title: c.kind === 'individual' ? 'Họ và tên' : c.kind === 'product' ? 'Sản phẩm' : 'Tập thể', width: 34 },
          { title: 'Đơn vị', width: 26 },
          { title: 'Thành tích', width: 34 },
        ],
        rows: c.honourees.map((h) => [String(h.position), h.name, h.unit.name, h.citation]),
      },
    ],
  }));
}

async function decided(platform: Platform, campaignId: string) {
  const data = await honourees(platform, campaignId);
  if (!data.decision)
    throw fail.conflict('CAMPAIGN_NOT_DECIDED', {
      vi: 'Kết quả đợt tôn vinh chưa được Ban Thường vụ xác nhận.',
      en: "The campaign's results are not yet confirmed.",
    });
  return data as typeof data & { decision: Decision };
}

/** The decision: "Quyết định … về việc tôn vinh …", three articles, the attached list per category. */
export async function decisionDocument(platform: Platform, campaignId: string): Promise<OfficialDocument> {
  const data = await decided(platform, campaignId);
  const n = splitDecisionNumber(data.decision.number);
  const total = data.categories.reduce((s, c) => s + c.honourees.length, 0);
  const parts = data.categories
    .filter((c) => c.honourees.length)
    .map((c) => `${c.honourees.length} ${kindWords[c.kind]}`);
  const name = data.campaign.name.replace(/^tôn vinh\s+/iu, '');
  const session = await platform.db
    .selectFrom('honour_sessions')
    .select('held_on')
    .where('campaign_id', '=', campaignId)
    .orderBy('held_on', 'desc')
    .executeTakeFirst();
  return {
    issuer: { ...bloc, symbolSuffix: n.suffix },
    number: n.number,
    symbol: n.symbol,
    place,
    date: data.decision.date,
    type: 'QUYẾT ĐỊNH',
    title: `về việc tôn vinh ${lowerFirst(name)}`,
    basis: [
      'Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ khối Doanh nghiệp tỉnh khóa hiện hành;',
      'Căn cứ Kế hoạch tổ chức các hoạt động kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình (06/9/2004 - 06/9/2019);',
      `Xét đề nghị của Hội đồng Thi đua - Khen thưởng Đảng ủy Khối${session ? ` tại phiên họp ngày ${shortDmy(session.held_on)}` : ''},`,
    ],
    body: [
      para([{ text: 'BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI', bold: true }], { align: 'center', indent: false }),
      para([{ text: 'QUYẾT ĐỊNH:', bold: true }], { align: 'center', indent: false }),
      para([
        { text: 'Điều 1. ', bold: true },
        {
          text: `Tôn vinh ${total} ${parts.length ? `(${parts.join(', ')})` : ''} có thành tích xuất sắc tiêu biểu, ${lowerFirst(name)} (có danh sách kèm theo).`,
        },
      ]),
      para([
        { text: 'Điều 2. ', bold: true },
        {
          text: 'Các tập thể, cá nhân, sản phẩm nêu tại Điều 1 được tặng Giấy khen của Ban Thường vụ Đảng ủy Khối và được tuyên dương tại Hội nghị tôn vinh.',
        },
      ]),
      para([
        { text: 'Điều 3. ', bold: true },
        {
          text: 'Văn phòng, Ban Tuyên giáo Đảng ủy Khối, các đảng ủy, chi ủy trực thuộc và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
        },
      ]),
    ],
    recipients: ['Thường trực Đảng ủy Khối', 'Như Điều 3'],
    archive: 'Văn phòng Đảng ủy Khối',
    signature: {
      authority: 'T/M BAN THƯỜNG VỤ',
      position: 'BÍ THƯ',
      name: await standingCommitteeSecretary(platform, data.decision.date),
    },
    // the list follows the signature, on a page of its own
    annex: [
      para([{ text: 'DANH SÁCH', bold: true }], { align: 'center', indent: false }),
      para([{ text: 'TẬP THỂ, CÁ NHÂN, SẢN PHẨM XUẤT SẮC TIÊU BIỂU ĐƯỢC TÔN VINH', bold: true }], {
        align: 'center',
        indent: false,
      }),
      para(
        [
          {
            text: `(Kèm theo Quyết định số ${data.decision.number}, ngày ${shortDmy(data.decision.date)} của Ban Thường vụ Đảng ủy Khối)`,
            italic: true,
          },
        ],
        { align: 'center', indent: false },
      ),
      ...listSections(data.categories),
    ],
  };
}

/** The proposal (tờ trình) to a higher level, for a chosen few of the confirmed honourees. */
export async function proposalDocument(
  platform: Platform,
  caller: Caller,
  campaignId: string,
  input: { nominationIds: string[]; to: string; award: string },
): Promise<OfficialDocument> {
  requireManage(caller);
  const data = await decided(platform, campaignId);
  const chosen = data.categories.map((c) => ({
    ...c,
    honourees: c.honourees
      .filter((h) => input.nominationIds.includes(h.nominationId))
      .map((h, i) => ({ ...h, position: i + 1 })),
  }));
  const found = chosen.flatMap((c) => c.honourees.map((h) => h.nominationId));
  const unknown = input.nominationIds.filter((id) => !found.includes(id));
  if (unknown.length || !found.length) {
    throw fail.validation([
      {
        in: 'body',
        path: 'nominationIds',
        code: 'not_confirmed',
        messages: {
          vi: 'Chỉ đề nghị cấp trên khen thưởng các tập thể, cá nhân, sản phẩm đã được xác nhận tôn vinh.',
          en: 'Only confirmed honourees can be proposed to a higher level.',
        },
      },
    ]);
  }
  const name = data.campaign.name.replace(/^tôn vinh\s+/iu, '');
  return {
    issuer: bloc,
    number: '',
    place,
    date: todayIso(platform.clock()),
    type: 'TỜ TRÌNH',
    title: `đề nghị ${lowerFirst(input.award)} cho các tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu`,
    basis: [],
    body: [
      para(`Kính gửi: ${input.to}.`, { align: 'center', indent: false }),
      para(
        `Thực hiện Kế hoạch tổ chức các hoạt động kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình, Ban Thường vụ Đảng ủy Khối đã tổ chức bình chọn và ban hành Quyết định số ${data.decision.number}, ngày ${shortDmy(data.decision.date)} tôn vinh ${lowerFirst(name)}.`,
      ),
      para(
        `Trên cơ sở đề nghị của Hội đồng Thi đua - Khen thưởng Đảng ủy Khối, Ban Thường vụ Đảng ủy Khối kính đề nghị ${input.to} xem xét, tặng ${lowerFirst(input.award)} cho ${found.length} tập thể, cá nhân, sản phẩm có thành tích đặc biệt xuất sắc sau đây:`,
      ),
      ...listSections(chosen.filter((c) => c.honourees.length)),
      para('(Có hồ sơ, báo cáo thành tích của từng tập thể, cá nhân, sản phẩm kèm theo.)', { indent: false }),
      para(`Ban Thường vụ Đảng ủy Khối kính đề nghị ${input.to} xem xét, quyết định./.`),
    ],
    recipients: [`Như kính gửi`, 'Thường trực Đảng ủy Khối'],
    archive: 'Văn phòng Đảng ủy Khối',
    signature: {
      authority: 'T/M BAN THƯỜNG VỤ',
      position: 'BÍ THƯ',
      name: await standingCommitteeSecretary(platform, todayIso(platform.clock())),
    },
  };
}

/** One Giấy khen per confirmed honouree: name, detail, the citation, the decision. */
export async function certificateList(platform: Platform, campaignId: string): Promise<CertificateData[]> {
  const data = await decided(platform, campaignId);
  const n = splitDecisionNumber(data.decision.number);
  const signer = await standingCommitteeSecretary(platform, data.decision.date);
  return data.categories.flatMap((c) =>
    c.honourees.map(
      (h): CertificateData => ({
        issuer: { superior: bloc.superior, body: bloc.body },
        awardedBy,
        honouree: {
          name: c.kind === 'individual' ? `Đồng chí ${h.name}` : c.kind === 'product' ? `Sản phẩm ${h.name}` : h.name,
          ...(c.kind === 'collective' ? {} : { detail: h.unit.name }),
        },
        reason:
          `Đã có thành tích xuất sắc tiêu biểu nhân dịp kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh (06/9/2004 - 06/9/2019). ${h.citation}`.trim(),
        decision: { number: n.number, symbol: `${n.symbol}/${n.suffix}`, date: data.decision.date },
        place,
        date: data.decision.date,
        signature: { authority: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: signer },
      }),
    ),
  );
}

export type DocumentFormat = 'docx' | 'pdf';
const render = async (doc: OfficialDocument, format: DocumentFormat) =>
  format === 'docx' ? (await builders()).toDocx(doc) : (await builders()).toPdf(doc);

export const minutesFile = async (platform: Platform, caller: Caller, sessionId: string, format: DocumentFormat) =>
  render(await minutesDocument(platform, caller, sessionId), format);
export const decisionFile = async (platform: Platform, campaignId: string, format: DocumentFormat) =>
  render(await decisionDocument(platform, campaignId), format);
export const proposalFile = async (
  platform: Platform,
  caller: Caller,
  campaignId: string,
  input: { nominationIds: string[]; to: string; award: string },
  format: DocumentFormat,
) => render(await proposalDocument(platform, caller, campaignId, input), format);
/** Every certificate of the campaign as one print-ready PDF, a page each (A4 landscape). */
export const certificatesFile = async (platform: Platform, campaignId: string) =>
  (await builders()).toCertificatesPdf(await certificateList(platform, campaignId));
