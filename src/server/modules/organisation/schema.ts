import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { jsonValue } from '../../platform/http/jsonValue.ts';
import { day, idParam, pageParams } from '../../platform/http/params.ts';
import { genders, operationTypes, unitKindCodes } from './kinds.ts';

const bilingual = z.object({ vi: z.string(), en: z.string() });

export { day };

const uuid = z.string().uuid();
/** Optional free text: blank becomes null. */
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null));
const code = requiredText(40).refine((s) => !/\s/.test(s), 'msg:code_format');

export { idParam };

// ---------- units ----------

export const unitKindSchema = z.enum(unitKindCodes);

export const unitListQuery = z.object({
  q: text(200).optional().openapi({
    description:
      'Tìm theo tên, tên viết tắt, mã — không phân biệt dấu, hoa thường / search name, short name, code, ignoring diacritics and case',
  }),
  asOf: day.optional().openapi({
    description:
      'Cây đơn vị tại ngày này (YYYY-MM-DD), với tên và đơn vị cấp trên khi đó / the tree as of this date, with the names and parents of that day',
  }),
  parentId: z
    .union([uuid, z.literal('none')])
    .optional()
    .openapi({
      description:
        'Chỉ các đơn vị con trực tiếp của đơn vị này; "none" cho các đơn vị gốc / only the direct children of this unit; "none" for the roots',
    }),
  kind: unitKindSchema.optional(),
  includeEnded: z
    .enum(['0', '1'])
    .optional()
    .openapi({ description: 'Without asOf: 1 also lists units that have ended (merged, dissolved)' }),
  ...pageParams,
});

export const unitSummary = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: unitKindSchema,
    depth: z.number(),
    validFrom: z.string(),
    validTo: z
      .string()
      .nullable()
      .openapi({ description: 'The first day the unit no longer exists (exclusive); null while it exists' }),
    childCount: z.number(),
    parentName: z
      .string()
      .nullable()
      .openapi({ description: 'The parent unit’s name (as of the day viewed); null for a root' }),
    isDemo: z.boolean(),
  })
  .openapi('UnitSummary');

export const unitPage = z
  .object({ items: z.array(unitSummary), total: z.number(), page: z.number(), pageSize: z.number(), asOf: z.string() })
  .openapi('UnitPage');

const groupRef = z.object({
  setId: z.string(),
  setCode: z.string(),
  setName: z.string(),
  groupId: z.string(),
  groupCode: z.string(),
  groupName: z.string(),
});
const unitRef = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable(), kind: z.string() });

export const operationView = z
  .object({
    id: z.string(),
    type: z.enum(Object.keys(operationTypes) as [keyof typeof operationTypes]),
    label: bilingual,
    effectiveOn: z.string(),
    documentNumber: z.string().nullable(),
    documentDate: z.string().nullable(),
    note: z.string().nullable(),
    unit: unitRef,
    target: unitRef.nullable(),
    details: z.record(z.string(), jsonValue).nullable().openapi({
      description: 'What the operation recorded, by type: rename {from, to}, move {fromParentId, toParentId}, …',
    }),
    createdAt: z.string(),
  })
  .openapi('UnitOperation');

export const positionView = z
  .object({
    id: z.string(),
    personId: z.string(),
    fullName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    title: z.string(),
    rank: z.number(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
  })
  .openapi('Position');

export const inChargeView = z
  .object({
    id: z.string(),
    personId: z.string(),
    fullName: z.string(),
    titles: z.array(z.string()),
    unitId: z.string(),
    unitName: z.string(),
    unitShortName: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('InCharge');

export const unitDetail = unitSummary
  .extend({
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    taxCode: z.string().nullable(),
    workers: z.number().nullable(),
    note: z.string().nullable(),
    position: z.number(),
    kindLabel: bilingual,
    groups: z.array(groupRef),
    ancestors: z.array(unitRef),
    children: z.array(unitSummary),
    people: z.array(positionView),
    partyMembers: z.object({ direct: z.number(), subtree: z.number() }),
    versions: z.array(
      z.object({
        name: z.string(),
        shortName: z.string().nullable(),
        parentId: z.string().nullable(),
        parentName: z.string().nullable(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
      }),
    ),
    history: z.array(operationView),
    inCharge: z.array(inChargeView),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('UnitDetail');

const contactFields = {
  address: optionalText(500),
  phone: optionalText(50),
  email: optionalText(200),
  website: optionalText(300),
  note: optionalText(2000),
};

export const createUnitInput = z
  .strictObject({
    code,
    kind: unitKindSchema,
    name: requiredText(300),
    shortName: optionalText(100),
    parentId: uuid.nullable().optional(),
    position: z.number().int().min(0).max(100_000).optional(),
    ...contactFields,
    taxCode: optionalText(20),
    workers: z.number().int().min(0).max(10_000_000).nullable().optional(),
    validFrom: day.optional().openapi({ description: 'Ngày thành lập / founding date; today when omitted' }),
    documentNumber: optionalText(100),
    documentDate: day.nullable().optional(),
    groupIds: z.array(uuid).max(20).optional(),
  })
  .openapi('CreateUnit');

export const updateUnitInput = z
  .strictObject({
    code: code.optional(),
    kind: unitKindSchema.optional(),
    name: requiredText(300)
      .optional()
      .openapi({ description: 'Corrects the current name; a dated rename is an operation' }),
    shortName: optionalText(100),
    position: z.number().int().min(0).max(100_000).optional(),
    ...contactFields,
    taxCode: optionalText(20),
    workers: z.number().int().min(0).max(10_000_000).nullable().optional(),
    groupIds: z
      .array(uuid)
      .max(20)
      .optional()
      .openapi({ description: 'Replaces the unit’s groups: at most one per group set' }),
  })
  .openapi('UpdateUnit');

const opBase = {
  effectiveOn: day.openapi({ description: 'Ngày có hiệu lực / the date it takes effect' }),
  documentNumber: optionalText(100).openapi({
    description: 'Số văn bản quyết định, ví dụ 09-ĐA/TU / the deciding document, e.g. 09-ĐA/TU',
  }),
  documentDate: day.nullable().optional(),
  note: optionalText(2000),
};

export const operationInput = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('rename'), ...opBase, name: requiredText(300), shortName: optionalText(100) }),
    z.strictObject({ type: z.literal('move'), ...opBase, parentId: uuid }),
    z.strictObject({
      type: z.literal('merge'),
      ...opBase,
      targetId: uuid.openapi({ description: 'The unit this one is merged into; its children move there' }),
    }),
    z.strictObject({
      type: z.literal('split'),
      ...opBase,
      into: z
        .array(
          z.strictObject({
            code,
            name: requiredText(300),
            shortName: optionalText(100),
            kind: unitKindSchema.optional(),
          }),
        )
        .min(2)
        .max(20),
      keepSource: z.boolean().optional(),
    }),
    z.strictObject({ type: z.literal('dissolve'), ...opBase }),
  ])
  .openapi('UnitOperationInput');

// Service inputs: what the route has validated (and normalised); optional keys may be left out by other callers.
export type OperationInput = z.input<typeof operationInput>;
export type CreateUnitInput = z.input<typeof createUnitInput>;
export type UpdateUnitInput = z.input<typeof updateUnitInput>;

// ---------- people ----------

export const genderSchema = z.enum(Object.keys(genders) as [keyof typeof genders]);

export const personListQuery = z.object({
  q: text(200)
    .optional()
    .openapi({ description: 'Tìm theo họ tên, không phân biệt dấu / search names ignoring diacritics' }),
  unitId: uuid
    .optional()
    .openapi({ description: 'People whose Party unit or a current position is in this unit’s subtree' }),
  gender: genderSchema.optional(),
  partyMember: z.enum(['0', '1']).optional(),
  ...pageParams,
});

export const personSummary = z
  .object({
    id: z.string(),
    fullName: z.string(),
    givenName: z.string(),
    gender: genderSchema.nullable(),
    birthYear: z.number().nullable(),
    partyJoinedOn: z.string().nullable(),
    partyUnitId: z.string().nullable(),
    partyUnitName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    titles: z.array(z.string()),
    isDemo: z.boolean(),
  })
  .openapi('PersonSummary');

export const personPage = z
  .object({ items: z.array(personSummary), total: z.number(), page: z.number(), pageSize: z.number() })
  .openapi('PersonPage');

export const personDetail = personSummary
  .extend({
    address: z.string().nullable(),
    note: z.string().nullable(),
    positions: z.array(positionView),
    inChargeOf: z.array(inChargeView),
    accounts: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
    limited: z.boolean().openapi({
      description:
        'True when the person is outside the caller’s units: only the name, gender, positions and units in charge of are given (ADR 21).',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PersonDetail');

const personFields = {
  gender: genderSchema.nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  partyJoinedOn: day.nullable().optional(),
  partyUnitId: uuid.nullable().optional(),
  phone: optionalText(50),
  email: optionalText(200),
  address: optionalText(500),
  note: optionalText(2000),
};

export const createPersonInput = z
  .strictObject({ fullName: requiredText(200), ...personFields })
  .openapi('CreatePerson');
export const updatePersonInput = z
  .strictObject({ fullName: requiredText(200).optional(), ...personFields })
  .openapi('UpdatePerson');
export type CreatePersonInput = z.input<typeof createPersonInput>;
export type UpdatePersonInput = z.input<typeof updatePersonInput>;

export const positionInput = z
  .strictObject({
    unitId: uuid,
    title: requiredText(200),
    rank: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .openapi({ description: 'Order within a unit: smaller first (secretary 10, deputy 20, member 50)' }),
    validFrom: day.nullable().optional(),
    validTo: day.nullable().optional(),
  })
  .openapi('PositionInput');
export const updatePositionInput = z
  .strictObject({
    title: requiredText(200).optional(),
    rank: z.number().int().min(0).max(1000).optional(),
    validFrom: day.nullable().optional(),
    validTo: day.nullable().optional(),
  })
  .openapi('UpdatePosition');

export const linkAccountInput = z.strictObject({ userId: uuid.nullable() });

// ---------- in charge ----------

export const inChargeQuery = z.object({ personId: uuid.optional(), unitId: uuid.optional() });
export const inChargeInput = z
  .strictObject({ personId: uuid, unitId: uuid, note: optionalText(500) })
  .openapi('InChargeInput');

// ---------- group sets ----------

export const groupSetView = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    groups: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), unitCount: z.number() })),
  })
  .openapi('GroupSet');
export const groupSetInput = z.strictObject({ code, name: requiredText(200) }).openapi('GroupSetInput');
export const groupInput = z.strictObject({ code, name: requiredText(200) }).openapi('GroupInput');

// ---------- Excel ----------

export const importKind = z.enum(['units', 'people']);
export const kindQuery = z.object({ kind: importKind });
export const exportQuery = z.object({
  kind: importKind,
  q: text(200).optional(),
  asOf: day.optional(),
  parentId: z.union([uuid, z.literal('none')]).optional(),
  unitId: uuid.optional(),
  unitKind: unitKindSchema.optional(),
});
export const importProblem = z
  .object({ row: z.number(), column: z.string(), code: z.string(), messages: bilingual })
  .openapi('ImportProblem');
export const importPreview = z
  .object({
    id: z.string(),
    kind: importKind,
    status: z.enum(['previewed', 'confirmed']),
    fileName: z.string().nullable(),
    rowCount: z.number(),
    valid: z.boolean(),
    problems: z.array(importProblem),
    rows: z
      .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
      .openapi({ description: 'The first 50 rows as read: column → cell, and _row the sheet row' }),
  })
  .openapi('ImportPreview');
export const importResult = z.object({ id: z.string(), kind: importKind, created: z.number() }).openapi('ImportResult');

const labelled = z.object({ code: z.string(), label: bilingual });
export const metaView = z
  .object({ kinds: z.array(labelled), operationTypes: z.array(labelled), genders: z.array(labelled) })
  .openapi('OrganisationMeta');

export const operationApplied = z.object({ operationId: z.string(), unit: unitDetail });
export const inChargeList = z.object({ items: z.array(inChargeView) });
export const groupSetList = z.object({ items: z.array(groupSetView) });

// ---------- the types the web client reads (src/web/modules/organisation/api.ts) ----------

export type UnitSummary = z.output<typeof unitSummary>;
export type UnitPage = z.output<typeof unitPage>;
export type UnitDetail = z.output<typeof unitDetail>;
export type UnitRef = UnitDetail['ancestors'][number];
export type GroupRef = UnitDetail['groups'][number];
export type Operation = z.output<typeof operationView>;
export type Position = z.output<typeof positionView>;
export type InCharge = z.output<typeof inChargeView>;
export type PersonSummary = z.output<typeof personSummary>;
export type PersonPage = z.output<typeof personPage>;
export type PersonDetail = z.output<typeof personDetail>;
export type GroupSet = z.output<typeof groupSetView>;
export type Meta = z.output<typeof metaView>;
export type Labelled = z.output<typeof labelled>;
export type ImportProblem = z.output<typeof importProblem>;
export type ImportPreview = z.output<typeof importPreview>;
export type ImportResult = z.output<typeof importResult>;
export type OperationApplied = z.output<typeof operationApplied>;
export type InChargeList = z.output<typeof inChargeList>;
export type GroupSetList = z.output<typeof groupSetList>;
export type PositionInput = z.input<typeof positionInput>;
export type UpdatePositionInput = z.input<typeof updatePositionInput>;
export type LinkAccountInput = z.input<typeof linkAccountInput>;
export type InChargeInput = z.input<typeof inChargeInput>;
export type GroupSetInput = z.input<typeof groupSetInput>;
export type GroupInput = z.input<typeof groupInput>;
