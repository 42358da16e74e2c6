import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { leaderView } from './leader.ts';
import { leaderOut, todoOut } from './schema.ts';
import { todoOf } from './todo.ts';

const todoRoute = apiRoute('signed-in', {
  method: 'get',
  path: '/api/home/todo',
  tags: ['home'],
  summary: 'Việc cần làm / What I have to do',
  description:
    "Every module's to-do items for the caller, by deadline, on the system clock's day (ADR 30): only what this caller has to do, within their grants' units.",
  responses: { 200: jsonResponse(todoOut, 'The to-do list') },
});

const leaderRoute = apiRoute('home.leader', {
  method: 'get',
  path: '/api/home/leader',
  tags: ['home'],
  summary: 'Toàn cảnh cho lãnh đạo / The leader’s view',
  description:
    'Days to the ceremony, the plan by section with what is overdue and whose, reporting completeness, honours against the quota, the drive, this week (ADR 30).',
  responses: { 200: jsonResponse(leaderOut, "The leader's view") },
});

export function registerHomeRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(todoRoute, async (c) => c.json(await todoOf(c.get('platform'), callerOf(c)), 200));
  app.openapi(leaderRoute, async (c) => c.json(await leaderView(c.get('platform'), callerOf(c)), 200));
}
