import { z } from '@hono/zod-openapi';
import { partyDocumentCodes } from '../../../common/partyDocumentTypes.ts';
import { requiredText, text } from '../../../common/schemas.ts';
import { storedFile } from '../../platform/files/schema.ts';
import { day } from '../../platform/http/params.ts';

/** Request and answer shapes of the office network. Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
const pathId = (name: string) => uuid.openapi({ param: { name, in: 'path' } });
export const idParam = z.object({ id: pathId('id') });
export const deliveryParam = z.object({ id: pathId('id') });
const unitRef = z.object({ id: z.string(), name: z.string() });
// a file that may be missing: the shape itself, since a named schema made nullable hides it
const fileOrNull = z.object(storedFile.shape).nullable();

export const settingsInput = z
  .strictObject({
    superiorBody: requiredText(200).openapi({ example: 'ĐẢNG BỘ TỈNH THÁI BÌNH' }),
    issuingBody: requiredText(200).openapi({ example: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP' }),
    symbolSuffix: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}]{1,20}$/u, 'msg:code_format')
      .transform((s) => s.normalize('NFC'))
      .openapi({ example: 'ĐUK', description: 'The issuing body’s part of the symbol, after the slash' }),
    congressSuffix: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}]{1,20}$/u, 'msg:code_format')
      .transform((s) => s.normalize('NFC'))
      .optional()
      .default('ĐH'),
    place: requiredText(100).openapi({ example: 'Thái Bình' }),
  })
  .openapi('OfficeSettingsInput');
export type SettingsInput = z.output<typeof settingsInput>;

export const termInput = z
  .strictObject({ name: requiredText(100).openapi({ example: 'Nhiệm kỳ 2015–2020' }), startsOn: day, endsOn: day })
  .openapi('OfficeTermInput');
export type TermInput = z.output<typeof termInput>;

export const settingsOut = z
  .object({
    superiorBody: z.string(),
    issuingBody: z.string(),
    symbolSuffix: z.string(),
    congressSuffix: z.string(),
    place: z.string(),
    configured: z.boolean(),
    terms: z.array(z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() })),
  })
  .openapi('OfficeSettings');
export type SettingsOut = z.output<typeof settingsOut>;

export const documentType = z.enum(partyDocumentCodes);

export const recipientInput = z.strictObject({
  unitId: uuid,
  line: requiredText(300).openapi({ description: 'The "Nơi nhận" line the unit stands for' }),
});

export const issueInput = z
  .strictObject({
    type: documentType,
    date: day,
    summary: requiredText(1000).openapi({ description: 'Trích yếu' }),
    signerName: requiredText(120),
    signerPosition: requiredText(120).openapi({ example: 'BÍ THƯ' }),
    recipients: z
      .array(requiredText(300))
      .max(100)
      .optional()
      .default([])
      .openapi({ description: 'The "Nơi nhận" lines as the document prints them' }),
    units: z
      .array(recipientInput)
      .max(2000)
      .optional()
      .default([])
      .openapi({ description: 'The recipient units in the registry: each finds the document in its inbox' }),
    isPublic: z.boolean().optional().default(false),
    congress: z.boolean().optional().default(false),
    fileId: uuid.nullable().optional().default(null),
  })
  .openapi('OfficeIssueInput');
export type IssueRequest = z.output<typeof issueInput>;

export const resolveInput = z
  .strictObject({ lines: z.array(requiredText(300)).min(1).max(100), day: day.optional() })
  .openapi('OfficeResolveInput');
export const resolvedOut = z
  .object({
    lines: z.array(
      z.object({
        line: z.string(),
        kind: z.enum(['unit', 'group', 'text']).openapi({
          description: 'unit: one unit of the registry; group: several ("Các …"); text: kept as written',
        }),
        units: z.array(unitRef),
      }),
    ),
  })
  .openapi('OfficeResolvedRecipients');
export type ResolvedOut = z.output<typeof resolvedOut>;

const receiptCounts = z.object({ units: z.number(), opened: z.number(), acknowledged: z.number() });

export const outgoingOut = z
  .object({
    id: z.string(),
    type: z.string(),
    number: z.number(),
    symbol: z.string(),
    issuedOn: z.string(),
    summary: z.string(),
    signer: z.object({ name: z.string(), position: z.string() }),
    isPublic: z.boolean(),
    congress: z.boolean(),
    recipients: z.array(z.string()),
    file: fileOrNull,
    source: z.object({ type: z.string(), id: z.string() }).nullable(),
    sentAt: z.string().nullable(),
    receipt: receiptCounts,
  })
  .openapi('OfficeOutgoing');
export type OutgoingOut = z.output<typeof outgoingOut>;

export const outgoingQuery = z.object({
  q: text(100).optional(),
  type: z.enum(partyDocumentCodes).optional(),
  year: z.coerce.number().int().min(1900).max(3000).optional(),
});
export const outgoingListOut = z.object({ items: z.array(outgoingOut) }).openapi('OfficeOutgoingList');

export const deliveryOut = z
  .object({
    id: z.string(),
    unit: unitRef,
    line: z.string(),
    sentAt: z.string(),
    openedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    reminders: z.number(),
    lastRemindedAt: z.string().nullable(),
  })
  .openapi('OfficeDelivery');
export type DeliveryOut = z.output<typeof deliveryOut>;

export const receiptBoardOut = z
  .object({ document: outgoingOut, deliveries: z.array(deliveryOut) })
  .openapi('OfficeReceiptBoard');
export type ReceiptBoardOut = z.output<typeof receiptBoardOut>;

export const inboxItemOut = z
  .object({
    id: z.string(),
    unit: unitRef,
    sentAt: z.string(),
    openedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    document: z.object({
      id: z.string(),
      type: z.string(),
      symbol: z.string(),
      issuedOn: z.string(),
      summary: z.string(),
      signer: z.object({ name: z.string(), position: z.string() }),
      file: fileOrNull,
    }),
  })
  .openapi('OfficeInboxItem');
export type InboxItemOut = z.output<typeof inboxItemOut>;
export const inboxQuery = z.object({ pending: z.enum(['1', '0']).optional() });
export const inboxOut = z.object({ items: z.array(inboxItemOut), pending: z.number() }).openapi('OfficeInbox');

export const publicInput = z
  .strictObject({
    isPublic: z.boolean().openapi({ description: 'Shown on the public website, its file downloadable' }),
  })
  .openapi('OfficePublicFlag');
export const fileInput = z
  .strictObject({ fileId: uuid.openapi({ description: 'An upload of the caller’s (the signed scan)' }) })
  .openapi('OfficeOutgoingFile');

export const remindOut = z.object({ notified: z.number() }).openapi('OfficeReminded');

export const incomingInput = z
  .strictObject({
    receivedOn: day,
    sender: requiredText(300).openapi({ example: 'Văn phòng Tỉnh ủy' }),
    reference: requiredText(60).openapi({ example: '125-CV/TU', description: 'The sender’s number and symbol' }),
    docDate: day.nullable().optional().default(null),
    summary: requiredText(1000),
    fileId: uuid.nullable().optional().default(null),
  })
  .openapi('OfficeIncomingInput');
export type IncomingInput = z.output<typeof incomingInput>;

export const assignInput = z
  .strictObject({
    leadUnitId: uuid,
    coordinatingUnitIds: z.array(uuid).max(200).optional().default([]),
    deadline: day.nullable().optional().default(null),
    instructions: text(2000).optional().default(''),
  })
  .openapi('OfficeAssignment');
export type AssignInput = z.output<typeof assignInput>;

export const taskInput = z
  .strictObject({
    planId: uuid,
    section: requiredText(20).openapi({ example: 'III', description: 'Where the task sits in the plan' }),
  })
  .openapi('OfficeIncomingTask');
export type TaskInput = z.output<typeof taskInput>;

export const doneInput = z.strictObject({ doneOn: day }).openapi('OfficeIncomingDone');

export const handlingStatus = z.enum(['unassigned', 'in_progress', 'overdue', 'done', 'done_late']);
export const incomingOut = z
  .object({
    id: z.string(),
    year: z.number(),
    arrivalNumber: z.number(),
    receivedOn: z.string(),
    sender: z.string(),
    reference: z.string(),
    docDate: z.string().nullable(),
    summary: z.string(),
    file: fileOrNull,
    lead: unitRef.nullable(),
    coordinating: z.array(unitRef),
    deadline: z.string().nullable(),
    instructions: z.string().nullable(),
    assignedAt: z.string().nullable(),
    planActivityId: z.string().nullable(),
    doneOn: z.string().nullable(),
    status: handlingStatus.openapi({
      description: 'From the plan activity when the assignment became one; else from the deadline and the day done',
    }),
  })
  .openapi('OfficeIncoming');
export type IncomingOut = z.output<typeof incomingOut>;
export const incomingQuery = z.object({
  q: text(100).optional(),
  year: z.coerce.number().int().min(1900).max(3000).optional(),
  overdue: z.enum(['1', '0']).optional(),
});
export const incomingListOut = z.object({ items: z.array(incomingOut) }).openapi('OfficeIncomingList');

export const bookQuery = z.object({
  year: z.coerce.number().int().min(1900).max(3000),
  format: z.enum(['xlsx', 'pdf']).optional().default('xlsx'),
});
