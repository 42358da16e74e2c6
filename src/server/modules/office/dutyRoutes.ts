import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { XLSX } from '../../documents/mediaTypes.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { contentDisposition } from '../../platform/files/names.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { bookDuty, createDutyEvent, dutyEventDetail, dutyStaff, listDutyEvents, myDuties, removeDuty } from './duty.ts';
import { dutyRosterXlsx } from './dutyRoster.ts';
import {
  bookingInput,
  dutyEventDetailOut,
  dutyEventInput,
  dutyEventListOut,
  dutyEventParam,
  dutyEventsQuery,
  dutyParam,
  myDutiesOut,
  staffOut,
  staffQuery,
} from './dutySchema.ts';

const tags = ['office'];
const base = '/api/office/duty';

const r = {
  events: apiRoute('office.read', {
    method: 'get',
    path: `${base}/events`,
    tags,
    summary: 'Sự kiện bố trí cán bộ trực / Events staffed by the Office',
    request: { query: dutyEventsQuery },
    responses: { 200: jsonResponse(dutyEventListOut, 'The events in time order, with how many people serve') },
  }),
  create: apiRoute('office.duty', {
    method: 'post',
    path: `${base}/events`,
    tags,
    summary: 'Thêm sự kiện cần bố trí trực / Add an event to staff',
    request: { body: jsonBody(dutyEventInput) },
    responses: { 201: jsonResponse(dutyEventDetailOut, 'The event') },
  }),
  event: apiRoute('office.read', {
    method: 'get',
    path: `${base}/events/{id}`,
    tags,
    summary: 'Danh sách trực của một sự kiện / An event’s duty roster',
    request: { params: dutyEventParam },
    responses: { 200: jsonResponse(dutyEventDetailOut, 'The event and who serves, where, when, doing what') },
  }),
  book: apiRoute('office.duty', {
    method: 'post',
    path: `${base}/events/{id}/duties`,
    tags,
    summary: 'Phân công cán bộ trực / Book a person on duty',
    description:
      'Refused with 409 DUTY_OVERLAP when the person already serves elsewhere at an overlapping time (ADR 29).',
    request: { params: dutyEventParam, body: jsonBody(bookingInput) },
    responses: { 201: jsonResponse(dutyEventDetailOut, 'The event with the new booking') },
  }),
  remove: apiRoute('office.duty', {
    method: 'delete',
    path: `${base}/duties/{id}`,
    tags,
    summary: 'Bỏ phân công trực / Remove a booking',
    request: { params: dutyParam },
    responses: { 200: jsonResponse(dutyEventDetailOut, 'The event without the booking') },
  }),
  roster: apiRoute('office.read', {
    method: 'get',
    path: `${base}/events/{id}/roster.xlsx`,
    tags,
    summary: 'Tải danh sách phân công trực (.xlsx) / Download the duty roster',
    request: { params: dutyEventParam },
    responses: {
      200: {
        description: 'The roster, A4 portrait',
        content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
    },
  }),
  staff: apiRoute('office.duty', {
    method: 'get',
    path: `${base}/staff`,
    tags,
    summary: 'Cán bộ Văn phòng và các ban / The staff of the Office and the boards',
    request: { query: staffQuery },
    responses: { 200: jsonResponse(staffOut, 'People holding a position on the day, by unit') },
  }),
  mine: apiRoute('signed-in', {
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: 'Lịch trực của tôi / My duty schedule',
    description: 'The duties of the person the signed-in account is linked to; none when it is linked to no one.',
    responses: { 200: jsonResponse(myDutiesOut, 'The duties in time order') },
  }),
};

export function registerDutyRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.events, async (c) =>
    c.json(await listDutyEvents(c.get('platform'), callerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(r.create, async (c) =>
    c.json(await createDutyEvent(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.event, async (c) =>
    c.json(await dutyEventDetail(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.book, async (c) =>
    c.json(await bookDuty(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.remove, async (c) =>
    c.json(await removeDuty(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.staff, async (c) =>
    c.json(await dutyStaff(c.get('platform'), callerOf(c), c.req.valid('query').day), 200),
  );
  app.openapi(r.mine, async (c) => c.json(await myDuties(c.get('platform'), callerOf(c)), 200));
  app.openapi(r.roster, async (c) => {
    const file = await dutyRosterXlsx(c.get('platform'), callerOf(c), c.req.valid('param').id);
    return new Response(file.bytes as unknown as BodyInit, {
      status: 200,
      headers: {
        'content-type': XLSX,
        'content-disposition': contentDisposition('attachment', file.name),
        'cache-control': 'no-store',
      },
    }) as never;
  });
}
