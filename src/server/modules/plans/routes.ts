import { callerOf } from '../../platform/policy/caller.ts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { principalOf } from '../../platform/http/context.ts';
import { fail } from '../../platform/http/errors.ts';
import { withUploadSlot } from '../../platform/files/slots.ts';
import { apiRoute, errorSchema, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { addActivity, deleteActivity, getActivity, listActivities, updateActivity } from './activities.ts';
import { calendar, planDashboard, timeline, unitDashboard } from './dashboard.ts';
import { issuePlan } from './issue.ts';
import { planDocx, planPdf, progressReportDocx, tasksXlsx } from './documents.ts';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan } from './plans.ts';
import { previewPlanImport } from './preview.ts';
import { addReport } from './progress.ts';
import { listNotifications, markRead, registerReminderJobs } from './reminders.ts';
import {
  activityInput,
  activityListQuery,
  activityDetail,
  activityPage,
  calendarOut,
  calendarQuery,
  createPlanInput,
  dashboardOut,
  deploymentOut,
  idParam,
  importPreviewOut,
  notificationPage,
  notificationQuery,
  planListQuery,
  planPage,
  planView,
  reportInput,
  subPlanDraftOut,
  subPlanDraftQuery,
  subPlanInput,
  subPlanUnitsOut,
  supervisionInput,
  supervisionOut,
  supervisionPage,
  supervisionQuery,
  supervisionUnitsOut,
  timelineOut,
  unitDashboardOut,
  unitDashboardQuery,
  updateActivityInput,
  updatePlanInput,
  issuePlanInput,
  issuedPlanOut,
} from './schema.ts';
import { createSubPlan, deployment, subPlanDraft, subPlanUnits } from './subPlans.ts';
import { listSupervisions, recordSupervision, supervisionUnits } from './supervision.ts';
import { DOCX, XLSX } from '../../documents/mediaTypes.ts';
import { binaryBody, download } from '../../platform/http/files.ts';

const tags = ['plans'];
const seeNote =
  'A unit officer sees the activities its units lead or coordinate and its own sub-plans; Bloc roles (`plans.overview`) see everything.';
const binary = binaryBody;
const importTypes = new Set(['text/plain', DOCX, 'application/octet-stream']);

const r = {
  list: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans',
    tags,
    summary: 'Danh sách kế hoạch / Plans',
    description: `Top-level plans, or the sub-plans of \`parentId\`. ${seeNote}`,
    request: { query: planListQuery },
    responses: { 200: jsonResponse(planPage, 'A page of plans') },
  }),
  create: apiRoute('plans.manage', {
    method: 'post',
    path: '/api/plans',
    tags,
    summary: 'Tạo kế hoạch / Create a plan',
    description:
      'The structured plan, e.g. the `proposal` of an import preview after a person corrected it. Unit ids must be in the registry.',
    request: { body: jsonBody(createPlanInput) },
    responses: { 201: jsonResponse(planView, 'Created') },
  }),
  preview: apiRoute('plans.manage', {
    method: 'post',
    path: '/api/plans/import/preview',
    tags,
    summary: 'Đọc thử văn bản kế hoạch / Draft a plan from a document',
    description:
      'The body is the document itself (plain text or .docx, at most 1 MB). Answers the draft, each unit name matched against the registry (exact, candidates, unmatched; plural references stand for every unit of their kind) and a `proposal`: the body of POST /api/plans. Nothing is saved.',
    request: {
      body: {
        required: true,
        content: { 'text/plain': { schema: z.string() }, [DOCX]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
    },
    responses: {
      200: jsonResponse(importPreviewOut, 'The draft, the unit matches and the proposal'),
      422: jsonResponse(errorSchema, 'Not a readable plan'),
    },
  }),
  get: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}',
    tags,
    summary: 'Một kế hoạch / One plan',
    description: `Header, sections, milestones, activities with status today. ${seeNote}`,
    request: { params: idParam },
    responses: { 200: jsonResponse(planView, 'The plan') },
  }),
  update: apiRoute('plans.manage', {
    method: 'patch',
    path: '/api/plans/{id}',
    tags,
    summary: 'Sửa kế hoạch / Update a plan',
    request: { params: idParam, body: jsonBody(updatePlanInput) },
    responses: { 200: jsonResponse(planView, 'Updated') },
  }),
  remove: apiRoute('plans.manage', {
    method: 'delete',
    path: '/api/plans/{id}',
    tags,
    summary: 'Xóa kế hoạch / Delete a plan',
    description: 'Refused while sub-plans derive from it.',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }),
  activities: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/activities',
    tags,
    summary: 'Nhiệm vụ theo tình trạng / Activities by status',
    description: `Filtered by status, unit or section; paginated. ${seeNote}`,
    request: { params: idParam, query: activityListQuery },
    responses: { 200: jsonResponse(activityPage, 'A page of activities') },
  }),
  addActivity: apiRoute('plans.manage', {
    method: 'post',
    path: '/api/plans/{id}/activities',
    tags,
    summary: 'Thêm nhiệm vụ / Add an activity',
    request: { params: idParam, body: jsonBody(activityInput) },
    responses: { 201: jsonResponse(activityDetail, 'Added, with its reports (none yet)') },
  }),
  getActivity: apiRoute('plans.read', {
    method: 'get',
    path: '/api/activities/{id}',
    tags,
    summary: 'Một nhiệm vụ / One activity',
    description: 'With its progress reports.',
    request: { params: idParam },
    responses: { 200: jsonResponse(activityDetail, 'The activity') },
  }),
  updateActivity: apiRoute('plans.manage', {
    method: 'patch',
    path: '/api/activities/{id}',
    tags,
    summary: 'Sửa nhiệm vụ / Update an activity',
    request: { params: idParam, body: jsonBody(updateActivityInput) },
    responses: { 200: jsonResponse(activityDetail, 'Updated') },
  }),
  deleteActivity: apiRoute('plans.manage', {
    method: 'delete',
    path: '/api/activities/{id}',
    tags,
    summary: 'Xóa nhiệm vụ / Delete an activity',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }),
  report: apiRoute('plans.report', {
    method: 'post',
    path: '/api/activities/{id}/reports',
    tags,
    summary: 'Báo cáo tiến độ / Report progress',
    description:
      'By a unit that leads or coordinates the activity (`plans.report` on it), or by a manager. 100 % marks it done on `doneOn` (default today in Việt Nam).',
    request: { params: idParam, body: jsonBody(reportInput) },
    responses: { 201: jsonResponse(activityDetail, 'The activity with its reports') },
  }),
  dashboard: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/dashboard',
    tags,
    summary: 'Tổng hợp theo tình trạng / Counts by status',
    request: { params: idParam },
    responses: { 200: jsonResponse(dashboardOut, 'Counts') },
  }),
  unitDashboard: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/dashboard/units',
    tags,
    summary: 'Theo đơn vị / By unit',
    description:
      'What each unit owes and what is late, a page of units at a time; `lateOnly=1` keeps units with something overdue.',
    request: { params: idParam, query: unitDashboardQuery },
    responses: { 200: jsonResponse(unitDashboardOut, 'A page of units') },
  }),
  timeline: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/timeline',
    tags,
    summary: 'Tiến độ (Gantt) / Timeline',
    request: { params: idParam },
    responses: { 200: jsonResponse(timelineOut, 'Activities with start, due, status; milestones; today') },
  }),
  calendar: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/calendar',
    tags,
    summary: 'Lịch hạn / Deadlines of a month',
    request: { params: idParam, query: calendarQuery },
    responses: { 200: jsonResponse(calendarOut, 'Days with deadlines') },
  }),
  subPlan: apiRoute('plans.report', {
    method: 'post',
    path: '/api/plans/{id}/sub-plans',
    tags,
    summary: "Xây dựng kế hoạch cơ sở / Derive a unit's plan",
    description: 'Needs `plans.report` on the unit.',
    request: { params: idParam, body: jsonBody(subPlanInput) },
    responses: { 201: jsonResponse(planView, 'The sub-plan') },
  }),
  subPlanUnits: apiRoute('plans.report', {
    method: 'get',
    path: '/api/plans/{id}/sub-plans/units',
    tags,
    summary: 'Đơn vị xây dựng kế hoạch / Units whose plan I may build',
    description:
      'The units the plan expects to deploy it that the caller reports for (a manager: all of them), each with the sub-plan it already has, if any.',
    request: { params: idParam },
    responses: { 200: jsonResponse(subPlanUnitsOut, 'Units with their sub-plan or null') },
  }),
  subPlanDraft: apiRoute('plans.report', {
    method: 'get',
    path: '/api/plans/{id}/sub-plans/draft',
    tags,
    summary: 'Căn cứ xây dựng kế hoạch cơ sở / What a unit builds its plan from',
    description:
      "Needs `plans.report` on the unit. The Bloc's sections and all its activities (the plan is sent to every unit), each with the unit's part in it, a proposed title, and the unit's existing sub-plan.",
    request: { params: idParam, query: subPlanDraftQuery },
    responses: { 200: jsonResponse(subPlanDraftOut, 'The plan, the unit, its sub-plan or null, the activities') },
  }),
  deployment: apiRoute('plans.overview', {
    method: 'get',
    path: '/api/plans/{id}/deployment',
    tags,
    summary: 'Tình hình triển khai ở cơ sở / Which units deployed the plan',
    request: { params: idParam, query: planListQuery.pick({ page: true, pageSize: true }) },
    responses: { 200: jsonResponse(deploymentOut, 'Units with the day they issued their plan') },
  }),
  supervise: apiRoute('plans.supervise', {
    method: 'post',
    path: '/api/supervisions',
    tags,
    summary: 'Ghi nhận đôn đốc, kiểm tra / Record a supervision visit',
    description: 'For a unit the caller is in charge of (organisation module), or any unit with `plans.manage`.',
    request: { body: jsonBody(supervisionInput) },
    responses: { 201: jsonResponse(supervisionOut, 'Recorded') },
  }),
  supervisionUnits: apiRoute('plans.supervise', {
    method: 'get',
    path: '/api/supervisions/units',
    tags,
    summary: 'Cơ sở được phân công phụ trách / Units I may record visits for',
    description:
      "The units the caller's linked person is in charge of; `any` when the caller may record for every unit (`plans.manage`).",
    responses: { 200: jsonResponse(supervisionUnitsOut, 'Units') },
  }),
  supervisions: apiRoute('plans.read', {
    method: 'get',
    path: '/api/supervisions',
    tags,
    summary: 'Đôn đốc, kiểm tra / Supervision visits',
    request: { query: supervisionQuery },
    responses: { 200: jsonResponse(supervisionPage, 'A page of visits') },
  }),
  notifications: apiRoute('signed-in', {
    method: 'get',
    path: '/api/notifications',
    tags,
    summary: 'Thông báo của tôi / My notifications',
    request: { query: notificationQuery },
    responses: { 200: jsonResponse(notificationPage, 'A page of notifications') },
  }),
  read: apiRoute('signed-in', {
    method: 'post',
    path: '/api/notifications/{id}/read',
    tags,
    summary: 'Đánh dấu đã đọc / Mark read',
    request: { params: idParam },
    responses: { 204: { description: 'Marked' } },
  }),
  issue: apiRoute('plans.manage', {
    method: 'post',
    path: '/api/plans/{id}/issue',
    tags,
    summary: 'Cấp số, ban hành kế hoạch / Issue the plan with its number',
    description:
      'Takes the next KH number of the term from the office’s outgoing register and writes it into the plan.',
    request: { params: idParam, body: jsonBody(issuePlanInput) },
    responses: { 200: jsonResponse(issuedPlanOut, 'The number and symbol given') },
  }),
  docx: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/document.docx',
    tags,
    summary: 'Văn bản kế hoạch (.docx) / The plan as .docx',
    request: { params: idParam },
    responses: { 200: binary(DOCX, 'Word document') },
  }),
  pdf: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/document.pdf',
    tags,
    summary: 'Văn bản kế hoạch (.pdf) / The plan as .pdf',
    request: { params: idParam },
    responses: { 200: binary('application/pdf', 'PDF') },
  }),
  reportDocx: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/report.docx',
    tags,
    summary: 'Báo cáo tiến độ (.docx) / Progress report',
    request: { params: idParam },
    responses: { 200: binary(DOCX, 'Word document') },
  }),
  xlsx: apiRoute('plans.read', {
    method: 'get',
    path: '/api/plans/{id}/tasks.xlsx',
    tags,
    summary: 'Danh sách nhiệm vụ (.xlsx) / Task list',
    request: { params: idParam },
    responses: { 200: binary(XLSX, 'Spreadsheet') },
  }),
};

export function registerPlansRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.list, async (c) => c.json(await listPlans(c.get('platform'), callerOf(c), c.req.valid('query')), 200));
  app.openapi(r.preview, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!importTypes.has(type)) throw fail.unsupportedMediaType('text/plain hoặc/or .docx');
    const caller = callerOf(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer()); // before the slot: a slow sender holds none
    const preview = await withUploadSlot(caller.actor.userId, () =>
      previewPlanImport(c.get('platform'), caller, bytes),
    );
    return c.json(preview, 200);
  });
  app.openapi(r.create, async (c) => {
    const plan = await createPlan(c.get('platform'), callerOf(c), c.req.valid('json'));
    return c.json(await getPlan(c.get('platform'), callerOf(c), plan.id), 201);
  });
  app.openapi(r.get, async (c) => c.json(await getPlan(c.get('platform'), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.update, async (c) =>
    c.json(await updatePlan(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.remove, async (c) => {
    await deletePlan(c.get('platform'), callerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(r.activities, async (c) =>
    c.json(await listActivities(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(r.addActivity, async (c) =>
    c.json(await addActivity(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.getActivity, async (c) =>
    c.json(await getActivity(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.updateActivity, async (c) =>
    c.json(await updateActivity(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.deleteActivity, async (c) => {
    await deleteActivity(c.get('platform'), callerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(r.report, async (c) =>
    c.json(await addReport(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.dashboard, async (c) =>
    c.json(await planDashboard(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.unitDashboard, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await unitDashboard(c.get('platform'), callerOf(c), c.req.valid('param').id, {
        page: q.page,
        pageSize: q.pageSize,
        lateOnly: q.lateOnly === '1',
      }),
      200,
    );
  });
  app.openapi(r.timeline, async (c) =>
    c.json(await timeline(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.calendar, async (c) =>
    c.json(await calendar(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('query').month), 200),
  );
  app.openapi(r.subPlan, async (c) => {
    const id = await createSubPlan(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await getPlan(c.get('platform'), callerOf(c), id), 201);
  });
  app.openapi(r.subPlanUnits, async (c) =>
    c.json(await subPlanUnits(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.subPlanDraft, async (c) =>
    c.json(
      await subPlanDraft(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('query').unitId),
      200,
    ),
  );
  app.openapi(r.deployment, async (c) =>
    c.json(await deployment(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(r.supervise, async (c) =>
    c.json(await recordSupervision(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.supervisionUnits, async (c) => c.json(await supervisionUnits(c.get('platform'), callerOf(c)), 200));
  app.openapi(r.supervisions, async (c) =>
    c.json(await listSupervisions(c.get('platform'), callerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(r.notifications, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await listNotifications(c.get('platform'), principalOf(c).userId, {
        page: q.page,
        pageSize: q.pageSize,
        unread: q.unread === '1',
      }),
      200,
    );
  });
  app.openapi(r.read, async (c) => {
    if (!(await markRead(c.get('platform'), principalOf(c).userId, c.req.valid('param').id)))
      throw fail.notFound({ vi: 'Không tìm thấy thông báo.', en: 'Notification not found.' });
    return c.body(null, 204);
  });
  app.openapi(r.issue, async (c) =>
    c.json(await issuePlan(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    r.docx,
    async (c) =>
      download(await planDocx(c.get('platform'), callerOf(c), c.req.valid('param').id), DOCX, 'ke-hoach.docx') as never,
  );
  app.openapi(
    r.pdf,
    async (c) =>
      download(
        await planPdf(c.get('platform'), callerOf(c), c.req.valid('param').id),
        'application/pdf',
        'ke-hoach.pdf',
      ) as never,
  );
  app.openapi(
    r.reportDocx,
    async (c) =>
      download(
        await progressReportDocx(c.get('platform'), callerOf(c), c.req.valid('param').id),
        DOCX,
        'bao-cao-tien-do.docx',
      ) as never,
  );
  app.openapi(
    r.xlsx,
    async (c) =>
      download(
        await tasksXlsx(c.get('platform'), callerOf(c), c.req.valid('param').id),
        XLSX,
        'nhiem-vu.xlsx',
      ) as never,
  );
}

export { registerReminderJobs };
