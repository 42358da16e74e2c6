import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';

/**
 * Staff on duty: request and answer shapes. Times are Vietnam wall-clock "YYYY-MM-DDTHH:mm"
 * (the app and the roster speak Vietnam time; the country keeps no daylight saving).
 */
const uuid = z.string().uuid();
const pathId = (name: string) => uuid.openapi({ param: { name, in: 'path' } });
export const dutyEventParam = z.object({ id: pathId('id') });
export const dutyParam = z.object({ id: pathId('id') });

const realMoment = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60;
};
export const moment = z
  .string()
  .refine(realMoment, 'msg:datetime_format')
  .openapi({ example: '2019-09-04T17:30', description: 'Vietnam time, YYYY-MM-DDTHH:mm' });

export const dutyEventInput = z
  .strictObject({
    title: requiredText(300).openapi({ example: 'Hội nghị tôn vinh, tuyên dương (04/9/2019)' }),
    place: requiredText(300).openapi({ example: 'Nhà văn hóa tỉnh Thái Bình' }),
    startsAt: moment,
    endsAt: moment,
    planActivityId: uuid.nullable().optional().default(null).openapi({ description: 'The plan activity it serves' }),
    notes: text(2000).optional().default(''),
  })
  .openapi('OfficeDutyEventInput');
export type DutyEventInput = z.output<typeof dutyEventInput>;

export const bookingInput = z
  .strictObject({
    personId: uuid,
    duties: requiredText(1000).openapi({ example: 'Đón tiếp đại biểu, hướng dẫn chỗ ngồi' }),
    place: text(300).optional().default('').openapi({ description: 'Where, if not the event’s place' }),
    startsAt: moment.nullable().optional().default(null).openapi({ description: 'From, if not the event’s start' }),
    endsAt: moment.nullable().optional().default(null).openapi({ description: 'Until, if not the event’s end' }),
  })
  .openapi('OfficeDutyBookingInput');
export type BookingInput = z.output<typeof bookingInput>;

export const dutyOut = z
  .object({
    id: z.string(),
    eventId: z.string(),
    person: z.object({ id: z.string(), name: z.string() }),
    unit: z.object({ id: z.string().nullable(), name: z.string() }),
    positionTitle: z.string().nullable(),
    duties: z.string(),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
  })
  .openapi('OfficeDuty');
export type DutyOut = z.output<typeof dutyOut>;

export const dutyEventOut = z
  .object({
    id: z.string(),
    title: z.string(),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    activity: z.object({ id: z.string(), planId: z.string().nullable(), title: z.string() }).nullable(),
    notes: z.string().nullable(),
    staff: z.number(),
  })
  .openapi('OfficeDutyEvent');
export type DutyEventOut = z.output<typeof dutyEventOut>;

export const dutyEventListOut = z.object({ items: z.array(dutyEventOut) }).openapi('OfficeDutyEventList');
export const dutyEventDetailOut = z
  .object({ event: dutyEventOut, duties: z.array(dutyOut) })
  .openapi('OfficeDutyEventDetail');
export type DutyEventDetailOut = z.output<typeof dutyEventDetailOut>;

export const dutyEventsQuery = z.object({
  q: text(100).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'msg:date_format')
    .optional(),
});

export const myDutiesOut = z
  .object({
    person: z.object({ id: z.string(), name: z.string() }).nullable(),
    items: z.array(dutyOut.extend({ event: z.object({ id: z.string(), title: z.string(), place: z.string() }) })),
  })
  .openapi('OfficeMyDuties');
export type MyDutiesOut = z.output<typeof myDutiesOut>;

export const staffQuery = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'msg:date_format')
    .optional(),
});
export const staffOut = z
  .object({
    items: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        unit: z.object({ id: z.string(), name: z.string() }),
        title: z.string(),
      }),
    ),
  })
  .openapi('OfficeDutyStaff');
export type StaffOut = z.output<typeof staffOut>;
