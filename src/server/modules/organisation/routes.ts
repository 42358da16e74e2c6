import { callerOf } from '../../platform/policy/caller.ts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { genders, operationTypes, unitKinds } from './kinds.ts';
import {
  createPersonInput,
  createUnitInput,
  groupInput,
  groupSetInput,
  groupSetList,
  groupSetView,
  idParam,
  inChargeInput,
  inChargeList,
  inChargeQuery,
  inChargeView,
  linkAccountInput,
  metaView,
  operationApplied,
  operationInput,
  personDetail,
  personListQuery,
  personPage,
  positionInput,
  unitDetail,
  unitListQuery,
  unitPage,
  updatePersonInput,
  updatePositionInput,
  updateUnitInput,
} from './schema.ts';
import { createUnit, getUnit, listUnits, updateUnit } from './units.ts';
import { applyOperation } from './operations.ts';
import {
  addPosition,
  createPerson,
  deletePerson,
  deletePosition,
  getPerson,
  linkAccount,
  listPeople,
  updatePerson,
  updatePosition,
} from './people.ts';
import { assignInCharge, listInCharge, removeInCharge } from './inCharge.ts';
import { createGroup, createGroupSet, listGroupSets } from './groups.ts';
import { registerExcelRoutes } from './excelRoutes.ts';

const tags = ['organisation'];
const editNote = 'Needs `unit.edit` on the unit concerned (its subtree is included) or `organisation.manage`.';

const meta = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/organisation/meta',
  tags,
  summary: 'Loại đơn vị, loại thao tác / Unit kinds and operation types',
  responses: { 200: jsonResponse(metaView, 'Labels in Vietnamese and English') },
});
const listUnitsRoute = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/units',
  tags,
  summary: 'Danh sách đơn vị / List units',
  description:
    'Units as `{ id, parentId, code, name, shortName, kind, depth, validFrom, validTo, childCount }`. Paginated with `page` (from 1) and `pageSize` ' +
    '(1–500, default 50); `total` is the number of matches. `q` searches name, short name and code without regard to diacritics or case. ' +
    '`asOf=YYYY-MM-DD` gives the tree as of that day (the names and parents of that day). `parentId` lists one level for lazy loading ' +
    '("none" for the roots). Without `asOf`, units that have ended are left out unless `includeEnded=1`. validTo is exclusive: the first day the unit no longer exists.',
  request: { query: unitListQuery },
  responses: { 200: jsonResponse(unitPage, 'A page of units') },
});
const createUnitRoute = apiRoute('unit.edit', {
  method: 'post',
  path: '/api/units',
  tags,
  summary: 'Thành lập đơn vị / Found a unit',
  description: `Records a "found" operation with the deciding document. ${editNote} A unit without a parent needs \`organisation.manage\`.`,
  request: { body: jsonBody(createUnitInput) },
  responses: { 201: jsonResponse(unitDetail, 'Created') },
});
const getUnitRoute = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/units/{id}',
  tags,
  summary: 'Một đơn vị / One unit',
  description:
    'Details, ancestors, children, people with their positions, Party member counts, history, who is in charge.',
  request: { params: idParam },
  responses: { 200: jsonResponse(unitDetail, 'The unit') },
});
const updateUnitRoute = apiRoute('unit.edit', {
  method: 'patch',
  path: '/api/units/{id}',
  tags,
  summary: 'Sửa thông tin đơn vị / Correct a unit',
  description: `Corrects details. Dated renames, moves, merges and so on are operations. ${editNote}`,
  request: { params: idParam, body: jsonBody(updateUnitInput) },
  responses: { 200: jsonResponse(unitDetail, 'Updated') },
});
const operationRoute = apiRoute('unit.edit', {
  method: 'post',
  path: '/api/units/{id}/operations',
  tags,
  summary: 'Sắp xếp tổ chức / Restructure a unit',
  description:
    `Rename, move, merge into another unit (its children and Party members move there), split into new units, or dissolve — dated, ` +
    `with the deciding document. Applied in one transaction. ${editNote} Every unit touched must be within reach.`,
  request: { params: idParam, body: jsonBody(operationInput) },
  responses: { 201: jsonResponse(operationApplied, 'Applied') },
});

const listPeopleRoute = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/people',
  tags,
  summary: 'Danh sách nhân sự / List people',
  description:
    'Ordered the Vietnamese way: by given name, then full name. Paginated with `page` and `pageSize` (1–500).',
  request: { query: personListQuery },
  responses: { 200: jsonResponse(personPage, 'A page of people') },
});
const createPersonRoute = apiRoute('unit.edit', {
  method: 'post',
  path: '/api/people',
  tags,
  summary: 'Thêm người / Add a person',
  description: `Needs \`unit.edit\` on the person's Party unit, or \`organisation.manage\` for a person without one.`,
  request: { body: jsonBody(createPersonInput) },
  responses: { 201: jsonResponse(personDetail, 'Created') },
});
const getPersonRoute = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/people/{id}',
  tags,
  summary: 'Một người / One person',
  request: { params: idParam },
  responses: { 200: jsonResponse(personDetail, 'The person, positions, units in charge of, linked accounts') },
});
const updatePersonRoute = apiRoute('unit.edit', {
  method: 'patch',
  path: '/api/people/{id}',
  tags,
  summary: 'Sửa thông tin người / Update a person',
  request: { params: idParam, body: jsonBody(updatePersonInput) },
  responses: { 200: jsonResponse(personDetail, 'Updated') },
});
const deletePersonRoute = apiRoute('unit.edit', {
  method: 'delete',
  path: '/api/people/{id}',
  tags,
  summary: 'Xóa người / Delete a person',
  description: 'Removes the person with their positions and in-charge assignments; refused while an account is linked.',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' } },
});
const addPositionRoute = apiRoute('unit.edit', {
  method: 'post',
  path: '/api/people/{id}/positions',
  tags,
  summary: 'Thêm chức vụ / Add a position',
  description: 'Needs `unit.edit` on the unit of the position.',
  request: { params: idParam, body: jsonBody(positionInput) },
  responses: { 201: jsonResponse(personDetail, 'Added') },
});
const updatePositionRoute = apiRoute('unit.edit', {
  method: 'patch',
  path: '/api/positions/{id}',
  tags,
  summary: 'Sửa chức vụ / Update a position',
  request: { params: idParam, body: jsonBody(updatePositionInput) },
  responses: { 200: jsonResponse(personDetail, 'Updated') },
});
const deletePositionRoute = apiRoute('unit.edit', {
  method: 'delete',
  path: '/api/positions/{id}',
  tags,
  summary: 'Xóa chức vụ / Delete a position',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' } },
});
const linkAccountRoute = apiRoute('accounts.manage', {
  method: 'put',
  path: '/api/people/{id}/account',
  tags,
  summary: 'Gắn tài khoản / Link an account',
  description: 'Links one user account to the person (null unlinks).',
  request: { params: idParam, body: jsonBody(linkAccountInput) },
  responses: { 200: jsonResponse(personDetail, 'Linked') },
});

const listInChargeRoute = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/in-charge',
  tags,
  summary: 'Phân công phụ trách cơ sở / Who is in charge of which units',
  request: { query: inChargeQuery },
  responses: { 200: jsonResponse(inChargeList, 'Assignments') },
});
const createInChargeRoute = apiRoute('organisation.manage', {
  method: 'post',
  path: '/api/in-charge',
  tags,
  summary: 'Phân công phụ trách / Put a member in charge',
  description:
    'The person must be a serving member of the Standing or Executive Committee; the unit a grassroots Party organisation.',
  request: { body: jsonBody(inChargeInput) },
  responses: { 201: jsonResponse(inChargeView, 'Assigned') },
});
const deleteInChargeRoute = apiRoute('organisation.manage', {
  method: 'delete',
  path: '/api/in-charge/{id}',
  tags,
  summary: 'Bỏ phân công / Remove an assignment',
  request: { params: idParam },
  responses: { 204: { description: 'Removed' } },
});

const listGroupSetsRoute = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/group-sets',
  tags,
  summary: 'Bộ phân nhóm / Group sets',
  responses: { 200: jsonResponse(groupSetList, 'Group sets with their groups') },
});
const createGroupSetRoute = apiRoute('organisation.manage', {
  method: 'post',
  path: '/api/group-sets',
  tags,
  summary: 'Thêm bộ phân nhóm / Add a group set',
  request: { body: jsonBody(groupSetInput) },
  responses: { 201: jsonResponse(groupSetView, 'Created') },
});
const createGroupRoute = apiRoute('organisation.manage', {
  method: 'post',
  path: '/api/group-sets/{id}/groups',
  tags,
  summary: 'Thêm nhóm / Add a group',
  request: { params: idParam, body: jsonBody(groupInput) },
  responses: { 201: jsonResponse(groupSetView, 'Created') },
});

const labelled = (o: Record<string, { vi: string; en: string }>) =>
  Object.entries(o).map(([code, label]) => ({ code, label }));

export function registerOrganisationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(meta, (c) =>
    c.json({ kinds: labelled(unitKinds), operationTypes: labelled(operationTypes), genders: labelled(genders) }, 200),
  );
  // Static paths before /api/units/{id}.
  registerExcelRoutes(app);
  app.openapi(listUnitsRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listUnits(c.get('platform'), { ...q, includeEnded: q.includeEnded === '1' }), 200);
  });
  app.openapi(createUnitRoute, async (c) =>
    c.json(await createUnit(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(getUnitRoute, async (c) => c.json(await getUnit(c.get('platform'), c.req.valid('param').id), 200));
  app.openapi(updateUnitRoute, async (c) =>
    c.json(await updateUnit(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(operationRoute, async (c) =>
    c.json(await applyOperation(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(listPeopleRoute, async (c) =>
    c.json(await listPeople(c.get('platform'), callerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(createPersonRoute, async (c) =>
    c.json(await createPerson(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(getPersonRoute, async (c) =>
    c.json(await getPerson(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(updatePersonRoute, async (c) =>
    c.json(await updatePerson(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(deletePersonRoute, async (c) => {
    await deletePerson(c.get('platform'), callerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(addPositionRoute, async (c) =>
    c.json(await addPosition(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(updatePositionRoute, async (c) =>
    c.json(await updatePosition(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(deletePositionRoute, async (c) => {
    await deletePosition(c.get('platform'), callerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(linkAccountRoute, async (c) =>
    c.json(await linkAccount(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').userId), 200),
  );

  app.openapi(listInChargeRoute, async (c) => c.json(await listInCharge(c.get('platform'), c.req.valid('query')), 200));
  app.openapi(createInChargeRoute, async (c) =>
    c.json(await assignInCharge(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(deleteInChargeRoute, async (c) => {
    await removeInCharge(c.get('platform'), callerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(listGroupSetsRoute, async (c) => c.json(await listGroupSets(c.get('platform')), 200));
  app.openapi(createGroupSetRoute, async (c) =>
    c.json(await createGroupSet(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(createGroupRoute, async (c) =>
    c.json(await createGroup(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
}
