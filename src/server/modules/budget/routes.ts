import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { DOCX, XLSX } from '../../documents/mediaTypes.ts';
import { contentDisposition } from '../../platform/files/names.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { awardMoney } from './awards.ts';
import { awardsDocx, awardsXlsx, type BudgetFile, settlementDocx, settlementXlsx, thanksDocx } from './documents.ts';
import {
  approveEstimate,
  compareVersions,
  createEstimate,
  getEstimate,
  newVersion,
  returnEstimate,
  saveDraft,
  submitEstimate,
} from './estimates.ts';
import { planOverview } from './figures.ts';
import { addRate, listRates } from './rates.ts';
import {
  approveInput,
  awardsOut,
  awardsQuery,
  compareOut,
  compareQuery,
  draftInput,
  estimateInput,
  estimateOut,
  formatQuery,
  idParam,
  overviewOut,
  planParam,
  pledgeInput,
  rateInput,
  ratesOut,
  receiptInput,
  returnInput,
  settlementInput,
  spendingInput,
  spendingListOut,
  spendingOut,
  sponsorInput,
  sponsorOut,
  sponsorsOut,
  sponsorsQuery,
  sponsorUpdate,
} from './schema.ts';
import { closeSettlement, listSpending, recordSpending } from './spending.ts';
import { addPledge, addReceipt, createSponsor, listSponsors, updateSponsor } from './sponsors.ts';

const tags = ['budget'];
const base = '/api/budget';
const file = (description: string, types: string[]) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])),
});
const spendingQuery = z.object({
  planId: z.string().uuid().optional(),
  estimateId: z.string().uuid().optional(),
});
const awardsFileQuery = awardsQuery.extend(formatQuery.shape);

const r = {
  overview: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/plans/{planId}`,
    tags,
    summary: 'Kinh phí của kế hoạch / A plan’s budget',
    description: 'Per activity and per funding source: estimate, funds, spent, variance, balance.',
    request: { params: planParam },
    responses: { 200: jsonResponse(overviewOut, 'The plan’s budget in figures') },
  }),
  settlementFile: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/plans/{planId}/settlement`,
    tags,
    summary: 'Báo cáo quyết toán / The settlement report',
    request: { params: planParam, query: formatQuery },
    responses: { 200: file('The settlement by source, .xlsx or .docx', [XLSX, DOCX]) },
  }),
  closeSettlement: apiRoute('budget.approve', {
    method: 'post',
    path: `${base}/plans/{planId}/settlement`,
    tags,
    summary: 'Khóa sổ quyết toán / Close the settlement',
    request: { params: planParam, body: jsonBody(settlementInput) },
    responses: { 200: jsonResponse(overviewOut, 'The plan’s budget, settled') },
  }),
  createEstimate: apiRoute('budget.edit', {
    method: 'post',
    path: `${base}/estimates`,
    tags,
    summary: 'Lập dự toán cho hoạt động / Start an activity’s estimate',
    request: { body: jsonBody(estimateInput) },
    responses: { 201: jsonResponse(estimateOut, 'The estimate with its first draft') },
  }),
  estimate: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/estimates/{id}`,
    tags,
    summary: 'Một dự toán / One estimate',
    request: { params: idParam },
    responses: { 200: jsonResponse(estimateOut, 'The estimate, its versions and the approved lines with spending') },
  }),
  saveDraft: apiRoute('budget.edit', {
    method: 'put',
    path: `${base}/estimates/{id}/draft`,
    tags,
    summary: 'Sửa bản dự thảo / Edit the draft',
    request: { params: idParam, body: jsonBody(draftInput) },
    responses: { 200: jsonResponse(estimateOut, 'The estimate') },
  }),
  submit: apiRoute('budget.edit', {
    method: 'post',
    path: `${base}/estimates/{id}/submit`,
    tags,
    summary: 'Trình duyệt / Submit for approval',
    request: { params: idParam },
    responses: { 200: jsonResponse(estimateOut, 'The estimate, submitted') },
  }),
  approve: apiRoute('budget.approve', {
    method: 'post',
    path: `${base}/estimates/{id}/approve`,
    tags,
    summary: 'Duyệt dự toán / Approve (Standing Committee)',
    description: 'The approved version is frozen; the one approved before is superseded.',
    request: { params: idParam, body: jsonBody(approveInput) },
    responses: { 200: jsonResponse(estimateOut, 'The estimate, approved') },
  }),
  returnEstimate: apiRoute('budget.approve', {
    method: 'post',
    path: `${base}/estimates/{id}/return`,
    tags,
    summary: 'Trả lại dự toán / Return with a reason',
    request: { params: idParam, body: jsonBody(returnInput) },
    responses: { 200: jsonResponse(estimateOut, 'The estimate, back to draft') },
  }),
  newVersion: apiRoute('budget.edit', {
    method: 'post',
    path: `${base}/estimates/{id}/versions`,
    tags,
    summary: 'Phiên bản mới / A new version from the approved one',
    request: { params: idParam },
    responses: { 201: jsonResponse(estimateOut, 'The estimate with a new draft') },
  }),
  compare: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/estimates/{id}/compare`,
    tags,
    summary: 'So sánh phiên bản / Compare two versions',
    request: { params: idParam, query: compareQuery },
    responses: { 200: jsonResponse(compareOut, 'Line by line: added, removed, changed, same') },
  }),
  rates: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/rates`,
    tags,
    summary: 'Lương cơ sở và hệ số khen thưởng / Base salary and award coefficients',
    responses: { 200: jsonResponse(ratesOut, 'Every dated value') },
  }),
  addRate: apiRoute('budget.edit', {
    method: 'post',
    path: `${base}/rates`,
    tags,
    summary: 'Thêm giá trị mới theo ngày hiệu lực / Add a dated value',
    request: { body: jsonBody(rateInput) },
    responses: { 201: jsonResponse(ratesOut, 'Every dated value') },
  }),
  awards: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/awards`,
    tags,
    summary: 'Tiền thưởng theo kết quả tôn vinh / Award money from the honours results',
    request: { query: awardsQuery },
    responses: { 200: jsonResponse(awardsOut, 'Per honouree, per category and in total') },
  }),
  awardsFile: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/awards/list`,
    tags,
    summary: 'Danh sách chi thưởng / The list for payment',
    request: { query: awardsFileQuery },
    responses: { 200: file('The list, .xlsx or .docx', [XLSX, DOCX]) },
  }),
  sponsors: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/sponsors`,
    tags,
    summary: 'Nhà tài trợ / Sponsors of a plan',
    request: { query: sponsorsQuery },
    responses: { 200: jsonResponse(sponsorsOut, 'Sponsors in Vietnamese order with pledges and receipts') },
  }),
  createSponsor: apiRoute('budget.edit', {
    method: 'post',
    path: `${base}/sponsors`,
    tags,
    summary: 'Thêm nhà tài trợ / Add a sponsor',
    request: { body: jsonBody(sponsorInput) },
    responses: { 201: jsonResponse(sponsorOut, 'The sponsor') },
  }),
  updateSponsor: apiRoute('budget.edit', {
    method: 'patch',
    path: `${base}/sponsors/{id}`,
    tags,
    summary: 'Sửa nhà tài trợ / Edit a sponsor (public acknowledgement)',
    request: { params: idParam, body: jsonBody(sponsorUpdate) },
    responses: { 200: jsonResponse(sponsorOut, 'The sponsor') },
  }),
  pledge: apiRoute('budget.edit', {
    method: 'post',
    path: `${base}/sponsors/{id}/pledges`,
    tags,
    summary: 'Ghi cam kết tài trợ / Record a pledge',
    request: { params: idParam, body: jsonBody(pledgeInput) },
    responses: { 201: jsonResponse(sponsorOut, 'The sponsor') },
  }),
  receipt: apiRoute('budget.edit', {
    method: 'post',
    path: `${base}/sponsors/{id}/receipts`,
    tags,
    summary: 'Ghi nhận tiền, hiện vật tài trợ / Record money or support in kind received',
    request: { params: idParam, body: jsonBody(receiptInput) },
    responses: { 201: jsonResponse(sponsorOut, 'The sponsor') },
  }),
  thanks: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/sponsors/{id}/thanks`,
    tags,
    summary: 'Thư cảm ơn / The thanks letter (.docx)',
    request: { params: idParam },
    responses: { 200: file('The letter', [DOCX]) },
  }),
  spending: apiRoute('budget.read', {
    method: 'get',
    path: `${base}/spending`,
    tags,
    summary: 'Khoản chi / Spending of a plan or an estimate',
    request: { query: spendingQuery },
    responses: { 200: jsonResponse(spendingListOut, 'Spending in date order, with vouchers') },
  }),
  recordSpending: apiRoute('budget.edit', {
    method: 'post',
    path: `${base}/spending`,
    tags,
    summary: 'Ghi khoản chi / Record spending against an estimate line',
    request: { body: jsonBody(spendingInput) },
    responses: { 201: jsonResponse(spendingOut, 'The spending with its voucher') },
  }),
};

const send = (f: BudgetFile, type: string) =>
  new Response(f.bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      'content-type': type,
      'content-disposition': contentDisposition('attachment', f.name),
      'cache-control': 'no-store',
    },
  }) as never;

export function registerBudgetRoutes(app: OpenAPIHono<AppEnv>) {
  const p = (c: { get(k: 'platform'): AppEnv['Variables']['platform'] }) => c.get('platform');
  app.openapi(r.overview, async (c) => c.json(await planOverview(p(c), callerOf(c), c.req.valid('param').planId), 200));
  app.openapi(r.settlementFile, async (c) => {
    const { planId } = c.req.valid('param');
    return c.req.valid('query').format === 'docx'
      ? send(await settlementDocx(p(c), callerOf(c), planId), DOCX)
      : send(await settlementXlsx(p(c), callerOf(c), planId), XLSX);
  });
  app.openapi(r.closeSettlement, async (c) => {
    const { planId } = c.req.valid('param');
    await closeSettlement(p(c), callerOf(c), planId, c.req.valid('json'));
    return c.json(await planOverview(p(c), callerOf(c), planId), 200);
  });
  app.openapi(r.createEstimate, async (c) => c.json(await createEstimate(p(c), callerOf(c), c.req.valid('json')), 201));
  app.openapi(r.estimate, async (c) => c.json(await getEstimate(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.saveDraft, async (c) =>
    c.json(await saveDraft(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.submit, async (c) => c.json(await submitEstimate(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.approve, async (c) =>
    c.json(await approveEstimate(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json').decidedOn), 200),
  );
  app.openapi(r.returnEstimate, async (c) =>
    c.json(await returnEstimate(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
  app.openapi(r.newVersion, async (c) => c.json(await newVersion(p(c), callerOf(c), c.req.valid('param').id), 201));
  app.openapi(r.compare, async (c) => {
    const q = c.req.valid('query');
    return c.json(await compareVersions(p(c), callerOf(c), c.req.valid('param').id, q.from, q.to), 200);
  });
  app.openapi(r.rates, async (c) => c.json(await listRates(p(c), callerOf(c)), 200));
  app.openapi(r.addRate, async (c) => c.json(await addRate(p(c), callerOf(c), c.req.valid('json')), 201));
  app.openapi(r.awards, async (c) => c.json(await awardMoney(p(c), callerOf(c), c.req.valid('query').campaignId), 200));
  app.openapi(r.awardsFile, async (c) => {
    const q = c.req.valid('query');
    return q.format === 'docx'
      ? send(await awardsDocx(p(c), callerOf(c), q.campaignId), DOCX)
      : send(await awardsXlsx(p(c), callerOf(c), q.campaignId), XLSX);
  });
  app.openapi(r.sponsors, async (c) => c.json(await listSponsors(p(c), callerOf(c), c.req.valid('query')), 200));
  app.openapi(r.createSponsor, async (c) => c.json(await createSponsor(p(c), callerOf(c), c.req.valid('json')), 201));
  app.openapi(r.updateSponsor, async (c) =>
    c.json(await updateSponsor(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.pledge, async (c) =>
    c.json(await addPledge(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.receipt, async (c) =>
    c.json(await addReceipt(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.thanks, async (c) => send(await thanksDocx(p(c), callerOf(c), c.req.valid('param').id), DOCX));
  app.openapi(r.spending, async (c) => c.json(await listSpending(p(c), callerOf(c), c.req.valid('query')), 200));
  app.openapi(r.recordSpending, async (c) => c.json(await recordSpending(p(c), callerOf(c), c.req.valid('json')), 201));
}
