import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitRefs } from '../organisation/index.ts';
import { totalsForUnits, campaignId, findTemplate } from '../reporting/index.ts';
import { requireManage, type Caller } from './access.ts';
import { findDrive } from './drives.ts';
import type { CriteriaInput, DriveStatus, ScoresInput } from './schema.ts';

/**
 * Evaluating and ranking units at the end of a drive. Each criterion has a weight and a maximum
 * score; an "indicator" criterion is scored from the unit's reported result (its live total for
 * the drive's campaign period) against the best participant's, a "manual" one by the Bloc. A
 * unit's total is the weighted mean of its scores as a share of the maximum, out of 100; units
 * rank by total, then by name (Vietnamese order). Pure where it can be: `rankUnits`.
 */

export type Criterion = {
  id: string;
  name: string;
  weight: number;
  method: 'indicator' | 'manual';
  indicatorId: string | null;
  maxScore: number;
};
export type RankInput = { unitId: string; name: string; results: Map<string, number>; manual: Map<string, number> };
export type RankLine = {
  unitId: string;
  name: string;
  scores: { criterionId: string; score: number | null; result: number | null }[];
  total: number;
  rank: number;
};

const collator = new Intl.Collator('vi', { numeric: true });

export function rankUnits(criteria: Criterion[], units: RankInput[]): RankLine[] {
  const best = new Map<string, number>();
  for (const c of criteria)
    if (c.method === 'indicator' && c.indicatorId)
      best.set(c.id, Math.max(0, ...units.map((u) => u.results.get(c.indicatorId!) ?? 0)));
  const weights = criteria.reduce((a, c) => a + c.weight, 0);
  const lines = units.map((u) => {
    let sum = 0;
    const scores = criteria.map((c) => {
      const result = c.indicatorId ? (u.results.get(c.indicatorId) ?? null) : null;
      let score: number | null;
      if (c.method === 'indicator') {
        const top = best.get(c.id) ?? 0;
        score = top > 0 && result !== null ? (Math.max(0, result) / top) * c.maxScore : result === null ? null : 0;
      } else score = u.manual.get(c.id) ?? null;
      if (score !== null) sum += c.weight * (Math.min(score, c.maxScore) / c.maxScore);
      return { criterionId: c.id, score: score === null ? null : Math.round(score * 100) / 100, result };
    });
    return {
      unitId: u.unitId,
      name: u.name,
      scores,
      total: weights > 0 ? Math.round((sum / weights) * 10000) / 100 : 0,
      rank: 0,
    };
  });
  lines.sort((a, b) => b.total - a.total || collator.compare(a.name, b.name));
  lines.forEach((l, i) => (l.rank = i > 0 && lines[i - 1].total === l.total ? lines[i - 1].rank : i + 1));
  return lines;
}

export async function criteriaOf(platform: Pick<Platform, 'db'>, driveId: string): Promise<Criterion[]> {
  const rows = await platform.db
    .selectFrom('emulation_criteria')
    .selectAll()
    .where('drive_id', '=', driveId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    weight: Number(r.weight),
    method: r.method as Criterion['method'],
    indicatorId: r.indicator_id,
    maxScore: Number(r.max_score),
  }));
}

/** Replaces the criteria while no unit has been scored by hand on them. */
export async function setCriteria(platform: Platform, caller: Caller, driveId: string, input: CriteriaInput) {
  requireManage(caller);
  const drive = await findDrive(platform.db, driveId);
  const template = drive.template_id ? await findTemplate(platform, drive.template_id) : null;
  const allowed = new Set(template ? template.sections.flatMap((s) => s.items.map((i) => i.indicatorId)) : []);
  for (const [i, c] of input.criteria.entries()) {
    if (c.method === 'indicator' && (!c.indicatorId || !allowed.has(c.indicatorId))) {
      throw fail.field(
        `criteria.${i}.indicatorId`,
        'indicator_outside',
        'Tiêu chí chấm theo số liệu phải dùng một chỉ tiêu của biểu mẫu kết quả thi đua.',
        "A criterion scored from results must use an indicator of the drive's results template.",
      );
    }
  }
  if (input.criteria.reduce((a, c) => a + c.weight, 0) <= 0)
    throw fail.field(
      'criteria',
      'no_weight',
      'Tổng trọng số phải lớn hơn 0.',
      'The weights must add up to more than 0.',
    );
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const scored = await tx
      .selectFrom('emulation_scores')
      .select('unit_id')
      .where('drive_id', '=', driveId)
      .limit(1)
      .executeTakeFirst();
    if (scored)
      throw fail.conflict('DRIVE_SCORED', {
        vi: 'Đã chấm điểm theo bộ tiêu chí này; không thay được nữa.',
        en: 'Units have been scored on these criteria; they can no longer be replaced.',
      });
    const before = await tx.selectFrom('emulation_criteria').selectAll().where('drive_id', '=', driveId).execute();
    await tx.deleteFrom('emulation_criteria').where('drive_id', '=', driveId).execute();
    const rows = input.criteria.map((c, i) => ({
      id: newId(now.getTime()),
      drive_id: driveId,
      position: i + 1,
      name: c.name,
      weight: c.weight,
      method: c.method,
      indicator_id: c.indicatorId,
      max_score: c.maxScore,
    }));
    await tx.insertInto('emulation_criteria').values(rows).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'emulation_drive.criteria', entityType: 'emulation_drive', entityId: driveId, before, after: rows },
      now,
    );
  });
  return criteriaOf(platform, driveId);
}

export async function setScores(platform: Platform, caller: Caller, driveId: string, input: ScoresInput) {
  requireManage(caller);
  const now = platform.clock();
  const criteria = new Map((await criteriaOf(platform, driveId)).map((c) => [c.id, c]));
  for (const [i, s] of input.scores.entries()) {
    const c = criteria.get(s.criterionId);
    if (!c)
      throw fail.field(
        `scores.${i}.criterionId`,
        'unknown_criterion',
        'Tiêu chí không thuộc phong trào này.',
        'The criterion is not of this drive.',
      );
    if (c.method !== 'manual')
      throw fail.field(
        `scores.${i}.criterionId`,
        'scored_from_results',
        'Tiêu chí này được chấm tự động từ số liệu báo cáo.',
        'This criterion is scored from the reported results.',
      );
    if (s.score > c.maxScore)
      throw fail.field(
        `scores.${i}.score`,
        'above_max',
        `Điểm tối đa của tiêu chí là ${c.maxScore}.`,
        `The criterion's maximum is ${c.maxScore}.`,
      );
  }
  await platform.db.transaction().execute(async (tx) => {
    const drive = await findDrive(tx, driveId);
    if (drive.status !== 'open')
      throw fail.conflict('DRIVE_CLOSED', {
        vi: 'Phong trào đã kết thúc; kết quả đã chốt.',
        en: 'The drive is closed; its results are final.',
      });
    const joined = await tx
      .selectFrom('emulation_participants')
      .select('unit_id')
      .where('drive_id', '=', driveId)
      .where('unit_id', '=', input.unitId)
      .executeTakeFirst();
    if (!joined)
      throw fail.field(
        'unitId',
        'not_participant',
        'Đơn vị không tham gia phong trào này.',
        'The unit does not take part in this drive.',
      );
    for (const s of input.scores) {
      const row = {
        drive_id: driveId,
        unit_id: input.unitId,
        criterion_id: s.criterionId,
        score: s.score,
        note: s.note,
        scored_by: caller.actor.userId,
        scored_at: now.toISOString(),
      };
      await tx
        .insertInto('emulation_scores')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['drive_id', 'unit_id', 'criterion_id']).doUpdateSet({
            score: s.score,
            note: s.note,
            scored_by: caller.actor.userId,
            scored_at: now.toISOString(),
          }),
        )
        .execute();
    }
    await recordAudit(
      tx,
      caller.actor,
      { action: 'emulation_drive.score', entityType: 'emulation_drive', entityId: driveId, after: input },
      now,
    );
  });
  return ranking(platform, driveId);
}

/** The ranking of every participant now (live results; fixed once the drive is closed and no report changes). */
export async function ranking(platform: Platform, driveId: string) {
  const drive = await findDrive(platform.db, driveId);
  const criteria = await criteriaOf(platform, driveId);
  const participants = (
    await platform.db.selectFrom('emulation_participants').select('unit_id').where('drive_id', '=', driveId).execute()
  ).map((p) => p.unit_id);
  const refs = await unitRefs(platform, participants);
  const results = drive.template_id
    ? await totalsForUnits(
        platform,
        drive.template_id,
        campaignId(await findTemplate(platform, drive.template_id)),
        participants,
      )
    : new Map();
  const scores = await platform.db
    .selectFrom('emulation_scores')
    .select(['unit_id', 'criterion_id', 'score'])
    .where('drive_id', '=', driveId)
    .execute();
  const manual = new Map<string, Map<string, number>>();
  for (const s of scores)
    manual.set(s.unit_id, (manual.get(s.unit_id) ?? new Map()).set(s.criterion_id, Number(s.score)));
  const lines = rankUnits(
    criteria,
    participants.map((u) => ({
      unitId: u,
      name: refs.get(u)?.name ?? '',
      results: results.get(u) ?? new Map(),
      manual: manual.get(u) ?? new Map(),
    })),
  );
  return { driveId, status: drive.status as DriveStatus, criteria, items: lines };
}
