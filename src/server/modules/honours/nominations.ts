import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import { displayNames } from '../../platform/auth/users.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Actor } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { attachFiles, deleteOwnedFiles, filesOf, registerFileOwner } from '../../platform/files/store.ts';
import { fileKinds } from '../../platform/files/mediaTypes.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { reach } from '../../platform/policy/policy.ts';
import { personRefs, subtreeUnitIds, unitRefs } from '../organisation/index.ts';
import { unitResults } from '../emulation/index.ts';
import {
  judgesSentOnly,
  mayJudge,
  mayManage,
  mayNominateFor,
  maySeeNomination,
  nominationNotFound,
  type Caller,
} from './access.ts';
import { checksOfNomination } from './eligibility.ts';
import { categoriesOf, findCampaign } from './campaigns.ts';
import type { dossierKinds, NominationInput, NominationStatus, screeningResults } from './schema.ts';

/**
 * Nominations and their dossiers: a grassroots unit nominates a collective (a unit), an
 * individual (a person) or a product (with its enterprise), writes the achievement summary and
 * uploads the dossier — cover submission (tờ trình), achievement report (báo cáo thành tích),
 * minutes of its own review (biên bản) and other evidence. The dossier says what is missing
 * before it can be submitted; the Propaganda Board may return it with reasons; every step is kept.
 */
type Db = Kysely<Database>;
export const NOMINATION_FILES = 'honour_nomination';
export const requiredDossier = ['cover_submission', 'achievement_report', 'review_minutes'] as const;
const dossierLabels: Record<(typeof dossierKinds)[number], { vi: string; en: string }> = {
  cover_submission: { vi: 'Tờ trình đề nghị', en: 'Cover submission' },
  achievement_report: { vi: 'Báo cáo thành tích', en: 'Achievement report' },
  review_minutes: { vi: 'Biên bản họp xét của đơn vị', en: "Minutes of the unit's review" },
  evidence: { vi: 'Tài liệu minh chứng khác', en: 'Other evidence' },
  photo: {
    vi: 'Ảnh (chân dung cá nhân, ảnh tập thể, ảnh sản phẩm)',
    en: 'Photo (portrait, the collective, the product)',
  },
};
/** What a photo may be, by the kind the file store read from its bytes. */
const photoKinds = [fileKinds.png, fileKinds.jpeg, fileKinds.webp];

export async function logEvent(
  tx: Db,
  nominationId: string,
  actor: Actor,
  action: string,
  note: string | null,
  now: Date,
) {
  await tx
    .insertInto('honour_nomination_events')
    .values({
      id: newId(now.getTime()),
      nomination_id: nominationId,
      action,
      note,
      actor_id: actor.userId,
      actor_name: actor.name,
      at: now.toISOString(),
    })
    .execute();
}

async function findNomination(db: Db, id: string) {
  const row = await db.selectFrom('honour_nominations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw nominationNotFound();
  return row;
}

async function seen(platform: Platform, caller: Caller, id: string) {
  const row = await findNomination(platform.db, id);
  if (!(await maySeeNomination(platform, caller, row.unit_id, row.status))) throw nominationNotFound();
  return row;
}

export async function createNomination(
  platform: Platform,
  caller: Caller,
  campaignId: string,
  input: NominationInput,
  options: { isDemo?: boolean } = {},
) {
  if (!(await mayNominateFor(platform, caller, input.unitId))) throw fail.forbidden();
  const campaign = await findCampaign(platform, campaignId);
  const today = todayIso(platform.clock());
  if (campaign.status !== 'nominating' || today > campaign.nomination_due) {
    throw fail.conflict('NOMINATIONS_CLOSED', {
      vi: `Đã hết hạn nộp hồ sơ (${campaign.nomination_due.split('-').reverse().join('/')}).`,
      en: `Nominations closed on ${campaign.nomination_due.split('-').reverse().join('/')}.`,
    });
  }
  const category = (await categoriesOf(platform, campaignId)).find((c) => c.id === input.categoryId);
  if (!category)
    throw fail.field(
      'categoryId',
      'unknown_category',
      'Loại tôn vinh không thuộc đợt này.',
      'The category is not of this campaign.',
    );
  const within = new Set(await subtreeUnitIds(platform, [input.unitId]));
  let nomineeName: string;
  if (category.kind === 'collective') {
    const u = input.nomineeUnitId
      ? (await unitRefs(platform, [input.nomineeUnitId])).get(input.nomineeUnitId)
      : undefined;
    if (!u || !within.has(u.id))
      throw fail.field(
        'nomineeUnitId',
        'nominee_outside',
        'Chọn tập thể là đơn vị mình hoặc đơn vị trực thuộc.',
        'Choose your unit or a unit below it.',
      );
    nomineeName = u.name;
  } else if (category.kind === 'individual') {
    const p = input.nomineePersonId
      ? (await personRefs(platform, [input.nomineePersonId])).get(input.nomineePersonId)
      : undefined;
    if (!p?.partyUnitId || !within.has(p.partyUnitId))
      throw fail.field(
        'nomineePersonId',
        'nominee_outside',
        'Chọn cá nhân là đảng viên sinh hoạt ở đơn vị mình hoặc đơn vị trực thuộc.',
        'Choose a Party member of your unit or a unit below it.',
      );
    nomineeName = p.fullName;
  } else {
    const e = input.productEnterpriseId
      ? (await unitRefs(platform, [input.productEnterpriseId])).get(input.productEnterpriseId)
      : undefined;
    if (!input.productName)
      throw fail.field('productName', 'required', 'Nhập tên sản phẩm.', 'Enter the product name.');
    if (e?.kind !== 'enterprise' || !within.has(e.id))
      throw fail.field(
        'productEnterpriseId',
        'nominee_outside',
        'Chọn doanh nghiệp sản xuất sản phẩm, thuộc đơn vị mình.',
        'Choose the enterprise that makes the product, in your unit.',
      );
    nomineeName = `${input.productName} (${e.name})`;
  }
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    const twice = await tx
      .selectFrom('honour_nominations')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where('category_id', '=', category.id)
      .where('nominee_name', '=', nomineeName)
      .executeTakeFirst();
    if (twice)
      throw fail.conflict('ALREADY_NOMINATED', {
        vi: `${nomineeName} đã được đề nghị trong loại này.`,
        en: `${nomineeName} is already nominated in this category.`,
      });
    const row = {
      id,
      campaign_id: campaignId,
      category_id: category.id,
      unit_id: input.unitId,
      nominee_unit_id: input.nomineeUnitId,
      nominee_person_id: input.nomineePersonId,
      product_name: input.productName,
      product_enterprise_id: input.productEnterpriseId,
      nominee_name: nomineeName,
      summary: input.summary,
      status: 'draft',
      reason: null,
      submitted_at: null,
      created_by: caller.actor.userId,
      is_demo: options.isDemo ? 1 : 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('honour_nominations').values(row).execute();
    await logEvent(tx, id, caller.actor, 'created', null, now);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'honour_nomination.create', entityType: 'honour_nomination', entityId: id, after: row },
      now,
    );
  });
  return getNomination(platform, caller, id);
}

const editable = (status: string) => status === 'draft' || status === 'returned';

export async function updateNomination(
  platform: Platform,
  caller: Caller,
  id: string,
  input: { summary?: string; productName?: string | null },
) {
  const row = await seen(platform, caller, id);
  if (!(await mayNominateFor(platform, caller, row.unit_id))) throw fail.forbidden();
  if (!editable(row.status))
    throw fail.conflict('NOMINATION_SUBMITTED', {
      vi: 'Hồ sơ đã gửi; chỉ sửa được khi bị trả lại.',
      en: 'The nomination is submitted; it can change only if returned.',
    });
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const patch = { summary: input.summary ?? row.summary, updated_at: now.toISOString() };
    await tx.updateTable('honour_nominations').set(patch).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_nomination.update',
        entityType: 'honour_nomination',
        entityId: id,
        before: row,
        after: { ...row, ...patch },
      },
      now,
    );
  });
  return getNomination(platform, caller, id);
}

export async function addDossierItem(
  platform: Platform,
  caller: Caller,
  id: string,
  fileId: string,
  kind: (typeof dossierKinds)[number],
) {
  const row = await seen(platform, caller, id);
  if (!(await mayNominateFor(platform, caller, row.unit_id))) throw fail.forbidden();
  // The photo is for the roll of honour, not for judging: it may be added at any stage (replaced: see below).
  if (kind !== 'photo' && !editable(row.status))
    throw fail.conflict('NOMINATION_SUBMITTED', {
      vi: 'Hồ sơ đã gửi; chỉ bổ sung được khi bị trả lại.',
      en: 'The nomination is submitted; files can be added only if returned.',
    });
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const owner = { type: NOMINATION_FILES, id };
    const [file] = await attachFiles(tx, caller.actor, [fileId], owner, 'fileId');
    let replaced: string[] = [];
    if (kind === 'photo') {
      if (!photoKinds.some((k) => k.mediaType === file.mediaType)) {
        const what = Object.values(fileKinds).find((k) => k.mediaType === file.mediaType)?.label ?? file.mediaType;
        throw fail.field(
          'fileId',
          'photo_not_image',
          `Ảnh phải là tệp PNG, JPEG hoặc WebP (nhận biết theo nội dung tệp); tệp “${file.name}” là ${what}.`,
          `A photo must be a PNG, JPEG or WebP image (recognised by its content); “${file.name}” is ${what}.`,
        );
      }
      // One current photo: the new one replaces the old, whose file goes with it.
      replaced = (
        await tx
          .selectFrom('honour_dossier_items')
          .select('file_id')
          .where('nomination_id', '=', id)
          .where('kind', '=', 'photo')
          .execute()
      ).map((r) => r.file_id);
      // Once the decision is made the photo is public on the roll of honour: a unit may still send
      // the first one, but only the Board (honours.manage) may replace it (a wrong face, a request).
      if (replaced.length && !mayManage(caller)) {
        const campaign = await tx
          .selectFrom('honour_campaigns')
          .select('status')
          .where('id', '=', row.campaign_id)
          .executeTakeFirstOrThrow();
        if (campaign.status === 'decided')
          throw fail.conflict('PHOTO_LOCKED', {
            vi: 'Đã có quyết định khen thưởng: ảnh đã công bố trên bảng vinh danh, đơn vị không thay được; đề nghị Ban Tuyên giáo thay nếu cần.',
            en: 'The decision is made: the photo is public on the roll of honour and the unit can no longer replace it; ask the Propaganda Board to replace it if needed.',
          });
      }
      if (replaced.length) {
        await tx
          .deleteFrom('honour_dossier_items')
          .where('nomination_id', '=', id)
          .where('kind', '=', 'photo')
          .execute();
        await deleteOwnedFiles(tx, owner, replaced);
      }
    }
    await tx
      .insertInto('honour_dossier_items')
      .values({ nomination_id: id, file_id: fileId, kind, added_at: now.toISOString() })
      .execute();
    await logEvent(
      tx,
      id,
      caller.actor,
      'file_added',
      `${dossierLabels[kind].vi}: ${file.name}${replaced.length ? ' (thay ảnh trước)' : ''}`,
      now,
    );
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_nomination.file',
        entityType: 'honour_nomination',
        entityId: id,
        before: replaced.length ? { photoFileIds: replaced } : undefined,
        after: { fileId, kind, name: file.name },
      },
      now,
    );
  });
  return getNomination(platform, caller, id);
}

/** What the dossier still lacks before it can be submitted. */
function missingOf(row: { summary: string }, kinds: string[]) {
  const missing: { key: (typeof requiredDossier)[number] | 'summary'; vi: string; en: string }[] = requiredDossier
    .filter((k) => !kinds.includes(k))
    .map((k) => ({ key: k, ...dossierLabels[k] }));
  if (row.summary.trim().length < 20)
    missing.unshift({
      key: 'summary',
      vi: 'Tóm tắt thành tích (ít nhất 20 ký tự)',
      en: 'Achievement summary (at least 20 characters)',
    });
  return missing;
}

export async function submitNomination(platform: Platform, caller: Caller, id: string) {
  const row = await seen(platform, caller, id);
  if (!(await mayNominateFor(platform, caller, row.unit_id))) throw fail.forbidden();
  const campaign = await findCampaign(platform, row.campaign_id);
  const now = platform.clock();
  if (todayIso(now) > campaign.nomination_due)
    throw fail.conflict('NOMINATIONS_CLOSED', { vi: 'Đã hết hạn nộp hồ sơ.', en: 'Nominations have closed.' });
  if (!editable(row.status))
    throw fail.conflict('NOMINATION_SUBMITTED', {
      vi: 'Hồ sơ đã được gửi.',
      en: 'The nomination is already submitted.',
    });
  const kinds = (
    await platform.db.selectFrom('honour_dossier_items').select('kind').where('nomination_id', '=', id).execute()
  ).map((k) => k.kind);
  const missing = missingOf(row, kinds);
  if (missing.length) {
    throw fail.validation(
      missing.map((m) => ({
        in: 'body',
        path: `dossier.${m.key}`,
        code: 'dossier_missing',
        messages: { vi: `Hồ sơ còn thiếu: ${m.vi}.`, en: `The dossier lacks: ${m.en}.` },
      })),
    );
  }
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('honour_nominations')
      .set({ status: 'submitted', reason: null, submitted_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await logEvent(tx, id, caller.actor, row.status === 'returned' ? 'resubmitted' : 'submitted', null, now);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_nomination.submit',
        entityType: 'honour_nomination',
        entityId: id,
        before: { status: row.status },
        after: { status: 'submitted' },
      },
      now,
    );
  });
  return getNomination(platform, caller, id);
}

export async function getNomination(platform: Platform, caller: Caller, id: string) {
  const row = await seen(platform, caller, id);
  const items = await platform.db
    .selectFrom('honour_dossier_items')
    .selectAll()
    .where('nomination_id', '=', id)
    .orderBy('added_at')
    .execute();
  const files = (await filesOf(platform.db, NOMINATION_FILES, [id])).get(id) ?? [];
  const events = await platform.db
    .selectFrom('honour_nomination_events')
    .selectAll()
    .where('nomination_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  // histories name people, not their usernames
  const names = await displayNames(
    platform.db,
    events.map((e) => e.actor_id),
  );
  const screenings = await platform.db
    .selectFrom('honour_screenings')
    .selectAll()
    .where('nomination_id', '=', id)
    .execute();
  const category = (await categoriesOf(platform, row.campaign_id)).find((c) => c.id === row.category_id)!;
  const unit = (await unitRefs(platform, [row.unit_id])).get(row.unit_id);
  const campaign = await findCampaign(platform, row.campaign_id);
  const resultsUnit = row.nominee_unit_id ?? row.unit_id;
  const emulation = campaign.drive_id
    ? (await unitResults(platform, resultsUnit)).drives.filter((d) => d.drive.id === campaign.drive_id)
    : [];
  const checks = await checksOfNomination(platform, row, category.criteria, emulation);
  return {
    id: row.id,
    campaignId: row.campaign_id,
    category: { id: category.id, kind: category.kind, name: category.name, criteria: category.criteria },
    unit: { id: row.unit_id, name: unit?.name ?? '' },
    nominee: {
      name: row.nominee_name,
      unitId: row.nominee_unit_id,
      personId: row.nominee_person_id,
      productName: row.product_name,
      enterpriseId: row.product_enterprise_id,
    },
    summary: row.summary,
    status: row.status as NominationStatus,
    reason: row.reason,
    submittedAt: row.submitted_at,
    dossier: items.map((i) => ({
      kind: i.kind as (typeof dossierKinds)[number],
      label: dossierLabels[i.kind as keyof typeof dossierLabels],
      file: files.find((f) => f.id === i.file_id) ?? null,
    })),
    missing: missingOf(
      row,
      items.map((i) => i.kind),
    ),
    events: events.map((e) => ({
      action: e.action,
      note: e.note,
      by: (e.actor_id && names.get(e.actor_id)) || e.actor_name,
      at: e.at,
    })),
    screening: screenings.map((s) => ({
      key: s.criterion_key,
      result: s.result as (typeof screeningResults)[number],
      note: s.note,
    })),
    checks,
    emulation,
    may: {
      edit: editable(row.status) && (await mayNominateFor(platform, caller, row.unit_id)),
      screen: mayJudge(caller),
    },
  };
}

/** A unit sees its own and its subtree's nominations; the Board and the Council see all. */
export async function listNominations(
  platform: Platform,
  caller: Caller,
  campaignId: string,
  q: { page: number; pageSize: number; categoryId?: string; status?: string; unitId?: string },
) {
  await findCampaign(platform, campaignId);
  let base = platform.db.selectFrom('honour_nominations').where('campaign_id', '=', campaignId);
  if (q.categoryId) base = base.where('category_id', '=', q.categoryId);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.unitId) base = base.where('unit_id', '=', q.unitId);
  if (mayJudge(caller) && judgesSentOnly(caller)) {
    // the Council reads what the units sent, and its members' own units' drafts
    const own = reach(caller.grants, 'honours.read');
    if (own !== null) {
      const units = own.length ? (await subtreeUnitIds(platform, own)).slice(0, 20_000) : ['-'];
      base = base.where((eb) => eb.or([eb('status', '!=', 'draft'), eb('unit_id', 'in', units)]));
    }
  } else if (!mayJudge(caller)) {
    const roots = [
      ...(reach(caller.grants, 'honours.nominate') ?? []),
      ...(reach(caller.grants, 'honours.read') ?? []),
    ];
    const all = reach(caller.grants, 'honours.read') === null;
    if (!all)
      base = base.where(
        'unit_id',
        'in',
        roots.length ? (await subtreeUnitIds(platform, roots)).slice(0, 20_000) : ['-'],
      );
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const units = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      categoryId: r.category_id,
      unit: { id: r.unit_id, name: units.get(r.unit_id)?.name ?? '' },
      nomineeName: r.nominee_name,
      status: r.status as NominationStatus,
      reason: r.reason,
      submittedAt: r.submitted_at,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export function registerNominationFiles(): void {
  registerFileOwner({
    type: NOMINATION_FILES,
    label: { vi: 'Hồ sơ đề nghị tôn vinh', en: 'Honours dossier' },
    async mayRead(platform, reader, nominationId) {
      const row = await platform.db
        .selectFrom('honour_nominations')
        .select(['unit_id', 'status'])
        .where('id', '=', nominationId)
        .executeTakeFirst();
      return (
        row !== undefined &&
        (await maySeeNomination(platform, { actor: reader.actor, grants: reader.grants }, row.unit_id, row.status))
      );
    },
  });
}
