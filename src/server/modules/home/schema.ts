import { z } from '@hono/zod-openapi';

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const todoOut = z
  .object({
    today: z.string(),
    items: z.array(
      z.object({
        module: z.string(),
        kind: z.string(),
        title: bilingual,
        detail: bilingual.nullable(),
        due: z.string().nullable(),
        /** Days from today to the deadline; negative once overdue; null without a deadline. */
        daysLeft: z.number().int().nullable(),
        path: z.string(),
        unit: z.object({ id: z.string(), name: z.string() }).nullable(),
      }),
    ),
  })
  .openapi('Todo');

const statusCounts = z.object({
  done_on_time: z.number().int(),
  done_late: z.number().int(),
  in_progress: z.number().int(),
  overdue: z.number().int(),
});
const lead = z.object({ names: z.array(z.string()), count: z.number().int() });

export const leaderOut = z
  .object({
    today: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    ceremony: z
      .object({
        activityId: z.string(),
        title: z.string(),
        on: z.string().nullable(),
        daysLeft: z.number().int().nullable(),
      })
      .nullable(),
    plan: z
      .object({
        id: z.string(),
        title: z.string(),
        total: z.number().int(),
        counts: statusCounts,
        sections: z.array(
          z.object({
            path: z.string(),
            marker: z.string(),
            title: z.string(),
            total: z.number().int(),
            counts: statusCounts,
            status: z.enum(['overdue', 'in_progress', 'done', 'empty']),
          }),
        ),
        overdue: z.array(
          z.object({
            id: z.string(),
            ref: z.string(),
            title: z.string(),
            due: z.string().nullable(),
            daysOverdue: z.number().int(),
            lead,
          }),
        ),
        thisWeek: z.array(
          z.object({
            id: z.string(),
            ref: z.string(),
            title: z.string(),
            start: z.string().nullable(),
            due: z.string().nullable(),
            lead,
          }),
        ),
      })
      .nullable(),
    reporting: z.array(
      z.object({
        templateId: z.string(),
        name: z.string(),
        periodId: z.string(),
        period: bilingual,
        due: z.string(),
        expected: z.number().int(),
        received: z.number().int(),
        onTime: z.number().int(),
        rate: z.number().nullable(),
        path: z.string(),
      }),
    ),
    honours: z
      .object({
        campaign: z.object({
          id: z.string(),
          name: z.string(),
          status: z.enum(['nominating', 'decided']),
          nominationDue: z.string(),
        }),
        categories: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            quota: z.number().int(),
            sent: z.number().int(),
            eligible: z.number().int(),
            selected: z.number().int(),
          }),
        ),
      })
      .nullable(),
    drive: z
      .object({
        drive: z.object({
          id: z.string(),
          name: z.string(),
          startOn: z.string(),
          endOn: z.string(),
          registrationDue: z.string().nullable(),
        }),
        participants: z.number().int(),
        registered: z.number().int(),
        accepted: z.number().int(),
        returned: z.number().int(),
        waiting: z.number().int(),
      })
      .nullable(),
  })
  .openapi('LeaderView');

export type Todo = z.output<typeof todoOut>;
export type TodoEntry = Todo['items'][number];
export type LeaderView = z.output<typeof leaderOut>;
