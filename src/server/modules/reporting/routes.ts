import { callerOf } from '../../platform/policy/caller.ts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { completeness } from './completeness.ts';
import { createIndicator, listIndicators, updateIndicator } from './indicators.ts';
import { childTotals, groupTotalsOf, totalsOf } from './rollup.ts';
import {
  childTotalsOut,
  completenessOut,
  groupTotalsOut,
  historyPage,
  indicatorOut,
  indicatorPage,
  reportFormOut,
  templateDetailOut,
  templateOut,
  templatePage,
  totalsOut,
  childrenQuery,
  completenessQuery,
  groupTotalsQuery,
  formQuery,
  idParam,
  indicatorInput,
  listQuery,
  reasonInput,
  reopenInput,
  saveInput,
  templateInput,
  totalsQuery,
  updateIndicatorInput,
  updateTemplateInput,
} from './schema.ts';
import { approveReport, getForm, reopenReport, reportHistory, returnReport, saveReport } from './submissions.ts';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from './templates.ts';
import { registerReportingFileRoutes } from './excelRoutes.ts';

const tags = ['reporting'];
const see =
  "A unit's data is read with `reporting.read` on the unit or above it; Bloc roles (`reporting.overview`) read every unit.";

const r = {
  indicators: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/indicators',
    tags,
    summary: 'Chỉ tiêu báo cáo / Indicators',
    request: { query: listQuery },
    responses: { 200: jsonResponse(indicatorPage, 'A page of indicators') },
  }),
  createIndicator: apiRoute('reporting.manage', {
    method: 'post',
    path: '/api/reporting/indicators',
    tags,
    summary: 'Thêm chỉ tiêu / Create an indicator',
    request: { body: jsonBody(indicatorInput) },
    responses: { 201: jsonResponse(indicatorOut, 'Created') },
  }),
  updateIndicator: apiRoute('reporting.manage', {
    method: 'patch',
    path: '/api/reporting/indicators/{id}',
    tags,
    summary: 'Sửa chỉ tiêu / Update an indicator',
    description: 'How it adds up cannot change once values exist.',
    request: { params: idParam, body: jsonBody(updateIndicatorInput) },
    responses: { 200: jsonResponse(indicatorOut, 'Updated') },
  }),
  templates: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/templates',
    tags,
    summary: 'Biểu mẫu báo cáo / Templates',
    request: { query: listQuery },
    responses: { 200: jsonResponse(templatePage, 'A page of templates') },
  }),
  createTemplate: apiRoute('reporting.manage', {
    method: 'post',
    path: '/api/reporting/templates',
    tags,
    summary: 'Tạo biểu mẫu / Create a template',
    request: { body: jsonBody(templateInput) },
    responses: { 201: jsonResponse(templateOut, 'Created') },
  }),
  template: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/templates/{id}',
    tags,
    summary: 'Một biểu mẫu / One template',
    description: 'With its indicators.',
    request: { params: idParam },
    responses: { 200: jsonResponse(templateDetailOut, 'The template') },
  }),
  updateTemplate: apiRoute('reporting.manage', {
    method: 'patch',
    path: '/api/reporting/templates/{id}',
    tags,
    summary: 'Sửa biểu mẫu / Update a template',
    request: { params: idParam, body: jsonBody(updateTemplateInput) },
    responses: { 200: jsonResponse(templateOut, 'Updated') },
  }),
  form: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/form',
    tags,
    summary: "Mẫu nhập báo cáo của đơn vị / A unit's report form",
    description: `The template, the values so far, the state, the deadlines, why it is locked, and what the caller may do. ${see}`,
    request: { query: formQuery },
    responses: { 200: jsonResponse(reportFormOut, 'The form') },
  }),
  save: apiRoute('reporting.submit', {
    method: 'put',
    path: '/api/reporting/reports',
    tags,
    summary: 'Lưu nháp báo cáo / Save a draft',
    description:
      'Values are checked by type; the report is created on the first save. A save over a newer `version` is refused (409).',
    request: { body: jsonBody(saveInput) },
    responses: { 200: jsonResponse(reportFormOut, 'The form') },
  }),
  submit: apiRoute('reporting.submit', {
    method: 'post',
    path: '/api/reporting/reports/submit',
    tags,
    summary: 'Gửi báo cáo / Submit',
    description:
      'Saves and submits: compulsory values and the rules between indicators must hold. The totals of every unit above include it at once (or on approval, as the template says).',
    request: { body: jsonBody(saveInput) },
    responses: { 200: jsonResponse(reportFormOut, 'The form') },
  }),
  approve: apiRoute('reporting.approve', {
    method: 'post',
    path: '/api/reporting/reports/{id}/approve',
    tags,
    summary: 'Duyệt báo cáo / Approve',
    description: 'By the level above; approval locks the report.',
    request: { params: idParam },
    responses: { 200: jsonResponse(reportFormOut, 'The form') },
  }),
  return: apiRoute('reporting.approve', {
    method: 'post',
    path: '/api/reporting/reports/{id}/return',
    tags,
    summary: 'Trả lại báo cáo / Return',
    description: 'By the level above, with the reason; the unit corrects and submits again.',
    request: { params: idParam, body: jsonBody(reasonInput) },
    responses: { 200: jsonResponse(reportFormOut, 'The form') },
  }),
  reopen: apiRoute('reporting.manage', {
    method: 'post',
    path: '/api/reporting/reports/{id}/reopen',
    tags,
    summary: 'Mở lại báo cáo / Reopen',
    description: 'After the period locked or the report was approved: the unit may edit it again for `days` days.',
    request: { params: idParam, body: jsonBody(reopenInput) },
    responses: { 200: jsonResponse(reportFormOut, 'The form') },
  }),
  history: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/reports/{id}/history',
    tags,
    summary: 'Lịch sử số liệu / Value history',
    request: { params: idParam, query: listQuery.pick({ page: true, pageSize: true }) },
    responses: { 200: jsonResponse(historyPage, 'A page of changes') },
  }),
  totals: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/totals',
    tags,
    summary: 'Số liệu tổng hợp / Totals of a subtree',
    description: `Live: every submitted (or approved) report is in at once. \`from\`…\`to\` are periods of the template's type. ${see}`,
    request: { query: totalsQuery },
    responses: { 200: jsonResponse(totalsOut, 'Totals per indicator') },
  }),
  byGroup: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/totals/by-group',
    tags,
    summary: 'Tổng hợp theo nhóm đơn vị / Totals by group set',
    description:
      'The live totals of a subtree over a range broken down by a group set (by ownership, by sector): each group of the set with its units in the subtree, the units in no group, and the whole. Indicators that are not totalled are left out.',
    request: { query: groupTotalsQuery },
    responses: { 200: jsonResponse(groupTotalsOut, 'Totals per group') },
  }),
  children: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/totals/children',
    tags,
    summary: 'Tổng hợp theo đơn vị trực thuộc / Drill down',
    request: { query: childrenQuery },
    responses: { 200: jsonResponse(childTotalsOut, 'A page of child units with their totals') },
  }),
  completeness: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/completeness',
    tags,
    summary: 'Tình hình nộp báo cáo / Completeness and timeliness',
    description: 'Expected, received, on time, and the page of units (`missingOnly=1`: those who have not reported).',
    request: { query: completenessQuery },
    responses: { 200: jsonResponse(completenessOut, 'Counts and a page of units') },
  }),
};

/** `indicatorIds=a,b,c` → the ids (at most 200), or all of the template's when absent. */
const indicatorIdList = (list: string | undefined) =>
  list
    ? list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 200)
    : undefined;

export function registerReportingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.indicators, async (c) => c.json(await listIndicators(c.get('platform'), c.req.valid('query')), 200));
  app.openapi(r.createIndicator, async (c) =>
    c.json(await createIndicator(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.updateIndicator, async (c) =>
    c.json(await updateIndicator(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.templates, async (c) => c.json(await listTemplates(c.get('platform'), c.req.valid('query')), 200));
  app.openapi(r.createTemplate, async (c) =>
    c.json(await createTemplate(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.template, async (c) => c.json(await getTemplate(c.get('platform'), c.req.valid('param').id), 200));
  app.openapi(r.updateTemplate, async (c) =>
    c.json(await updateTemplate(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.form, async (c) => {
    const q = c.req.valid('query');
    return c.json(await getForm(c.get('platform'), callerOf(c), q.templateId, q.unitId, q.periodId), 200);
  });
  app.openapi(r.save, async (c) => c.json(await saveReport(c.get('platform'), callerOf(c), c.req.valid('json')), 200));
  app.openapi(r.submit, async (c) =>
    c.json(await saveReport(c.get('platform'), callerOf(c), c.req.valid('json'), { submit: true }), 200),
  );
  app.openapi(r.approve, async (c) =>
    c.json(await approveReport(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.return, async (c) =>
    c.json(
      await returnReport(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').reason),
      200,
    ),
  );
  app.openapi(r.reopen, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await reopenReport(c.get('platform'), callerOf(c), c.req.valid('param').id, body.reason, body.days),
      200,
    );
  });
  app.openapi(r.history, async (c) =>
    c.json(await reportHistory(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(r.totals, async (c) => {
    const q = c.req.valid('query');
    const indicatorIds = indicatorIdList(q.indicatorIds);
    return c.json(await totalsOf(c.get('platform'), callerOf(c), { ...q, indicatorIds }), 200);
  });
  app.openapi(r.byGroup, async (c) => {
    const q = c.req.valid('query');
    const indicatorIds = indicatorIdList(q.indicatorIds);
    return c.json(await groupTotalsOf(c.get('platform'), callerOf(c), { ...q, indicatorIds }), 200);
  });
  app.openapi(r.children, async (c) =>
    c.json(await childTotals(c.get('platform'), callerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(r.completeness, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await completeness(c.get('platform'), callerOf(c), { ...q, missingOnly: q.missingOnly === '1' }),
      200,
    );
  });
  registerReportingFileRoutes(app);
}
