import type { z } from 'zod';
import { createDrive } from '../../src/server/modules/emulation/drives.ts';
import { driveInput } from '../../src/server/modules/emulation/schema.ts';
import { createCampaign } from '../../src/server/modules/honours/campaigns.ts';
import { addDossierItem, createNomination, submitNomination } from '../../src/server/modules/honours/nominations.ts';
import { campaignInput, nominationInput } from '../../src/server/modules/honours/schema.ts';
import { createPerson } from '../../src/server/modules/organisation/people.ts';
import { createPersonInput, createUnitInput } from '../../src/server/modules/organisation/schema.ts';
import { createUnit } from '../../src/server/modules/organisation/units.ts';
import { addActivity } from '../../src/server/modules/plans/activities.ts';
import { createPlan } from '../../src/server/modules/plans/plans.ts';
import { activityInput, createPlanInput } from '../../src/server/modules/plans/schema.ts';
import { createIndicator } from '../../src/server/modules/reporting/indicators.ts';
import { indicatorInput, templateInput } from '../../src/server/modules/reporting/schema.ts';
import { createTemplate } from '../../src/server/modules/reporting/templates.ts';
import { saveUpload } from '../../src/server/platform/files/store.ts';
import type { Platform } from '../../src/server/platform/platform.ts';
import type { Caller } from '../../src/server/platform/policy/caller.ts';
import { minimalPdf } from './files.ts';
import { buildUser } from './platform.ts';

/**
 * Test factories beside `buildUser` (test/support/platform.ts): each makes real rows through the
 * module's service, with the request schema's defaults and checks, so a test states the data it
 * needs — `buildCampaign(platform, { categories: [...] })` — and gets the service's typed answer
 * back. Every factory takes the fields to override and, last, the caller: by default an account
 * holding system_admin (a real user, made once per database, so that uploads have an owner).
 */
let counter = 0;
const next = () => ++counter;
const callers = new WeakMap<object, Promise<Caller>>();

/** The factories' default caller on this platform's database: an administrator account made once. */
export function factoryCaller(platform: Platform): Promise<Caller> {
  let caller = callers.get(platform.db);
  if (!caller) {
    caller = buildUser(platform, {
      displayName: 'Quản trị (dữ liệu thử)',
      grants: [{ role: 'system_admin', unitId: null }],
    }).then((u) => ({
      actor: { userId: u.id, name: u.displayName },
      grants: [{ role: 'system_admin', unitId: null }],
    }));
    callers.set(platform.db, caller);
  }
  return caller;
}

/** The fields a request may carry, before the schema's defaults (what a test writes). */
type Fields<S extends z.ZodType> = z.input<S>;

// ---------- organisation ----------

/** A unit (a grassroots cell under `parentId`, founded on 2010-01-01, unless told otherwise). */
export async function buildUnit(
  platform: Platform,
  fields: Partial<Fields<typeof createUnitInput>> = {},
  given?: Caller,
) {
  const caller = given ?? (await factoryCaller(platform));
  const n = next();
  return createUnit(
    platform,
    caller,
    createUnitInput.parse({
      code: `DV${n}`,
      kind: 'grassroots_cell',
      name: `Chi bộ thử nghiệm ${n}`,
      validFrom: '2010-01-01',
      ...fields,
    }),
  );
}

/** A person (a Party member of `partyUnitId` when given). */
export async function buildPerson(
  platform: Platform,
  fields: Partial<Fields<typeof createPersonInput>> = {},
  given?: Caller,
) {
  const caller = given ?? (await factoryCaller(platform));
  return createPerson(platform, caller, createPersonInput.parse({ fullName: `Nguyễn Văn Thử ${next()}`, ...fields }));
}

// ---------- reporting ----------

/** A numeric indicator summed over units and periods. */
export async function buildIndicator(
  platform: Platform,
  fields: Partial<Fields<typeof indicatorInput>> = {},
  given?: Caller,
) {
  const caller = given ?? (await factoryCaller(platform));
  const n = next();
  return createIndicator(
    platform,
    caller,
    indicatorInput.parse({
      code: `CT${n}`,
      name: `Chỉ tiêu ${n}`,
      valueType: 'integer',
      aggregation: 'sum',
      ...fields,
    }),
  );
}

/**
 * A reporting template (biểu mẫu): monthly, reported by the grassroots units, one section of the
 * given indicators (or one new indicator when none is given).
 */
export async function buildTemplate(
  platform: Platform,
  fields: Partial<Fields<typeof templateInput>> & { indicatorIds?: string[] } = {},
  given?: Caller,
) {
  const caller = given ?? (await factoryCaller(platform));
  const { indicatorIds, ...rest } = fields;
  const ids = indicatorIds ?? [(await buildIndicator(platform, {}, caller)).id];
  const n = next();
  return createTemplate(
    platform,
    caller,
    templateInput.parse({
      code: `BM${n}`,
      name: `Biểu mẫu ${n}`,
      periodType: 'monthly',
      sections: [{ key: 'A', title: 'Số liệu', items: ids.map((indicatorId) => ({ indicatorId })) }],
      assignment: { kinds: ['grassroots_committee', 'grassroots_cell'] },
      ...rest,
    }),
  );
}

// ---------- plans ----------

/** A plan of work with no activities (add them with `buildActivity`, or pass `activities`). */
export async function buildPlan(
  platform: Platform,
  fields: Partial<Fields<typeof createPlanInput>> = {},
  given?: Caller,
) {
  const caller = given ?? (await factoryCaller(platform));
  return createPlan(
    platform,
    caller,
    createPlanInput.parse({ header: { title: `Kế hoạch thử nghiệm ${next()}` }, ...fields }),
  );
}

/** An activity of a plan, in section II unless told otherwise. */
export async function buildActivity(
  platform: Platform,
  planId: string,
  fields: Partial<Fields<typeof activityInput>> = {},
  given?: Caller,
) {
  const caller = given ?? (await factoryCaller(platform));
  return addActivity(
    platform,
    caller,
    planId,
    activityInput.parse({ section: 'II', title: `Nhiệm vụ thử nghiệm ${next()}`, ...fields }),
  );
}

// ---------- emulation ----------

/** An emulation drive over 2019's summer, with the given participants. */
export async function buildDrive(platform: Platform, fields: Partial<Fields<typeof driveInput>> = {}, given?: Caller) {
  const caller = given ?? (await factoryCaller(platform));
  const n = next();
  return createDrive(
    platform,
    caller,
    driveInput.parse({
      code: `TD${n}`,
      name: `Phong trào thi đua ${n}`,
      start: '2019-06-15',
      end: '2019-08-30',
      ...fields,
    }),
  );
}

// ---------- honours ----------

/** An honours campaign taking nominations from 15/6 to 30/7/2019; one collective category unless told otherwise. */
export async function buildCampaign(
  platform: Platform,
  fields: Partial<Fields<typeof campaignInput>> = {},
  given?: Caller,
) {
  const caller = given ?? (await factoryCaller(platform));
  const n = next();
  return createCampaign(
    platform,
    caller,
    campaignInput.parse({
      code: `TV${n}`,
      name: `Đợt tôn vinh ${n}`,
      nominationOpens: '2019-06-15',
      nominationDue: '2019-07-30',
      categories: [{ kind: 'collective', name: 'Tập thể tiêu biểu', quota: 3 }],
      ...fields,
    }),
  );
}

const dossierPdf = minimalPdf('dossier');
export const requiredDossier = ['cover_submission', 'achievement_report', 'review_minutes'] as const;

/**
 * A nomination in a campaign's category. `submitted: true` attaches the three papers every
 * dossier needs (one-page PDFs) and submits it, so it waits for screening.
 */
export async function buildNomination(
  platform: Platform,
  campaignId: string,
  fields: Fields<typeof nominationInput> & { submitted?: boolean },
  given?: Caller,
) {
  const caller = given ?? (await factoryCaller(platform));
  const { submitted, ...input } = fields;
  const nomination = await createNomination(
    platform,
    caller,
    campaignId,
    nominationInput.parse({ summary: 'Thành tích tiêu biểu trong năm.', ...input }),
  );
  if (!submitted) return nomination;
  for (const kind of requiredDossier) {
    const file = await saveUpload(platform, caller.actor, dossierPdf, `${kind}.pdf`);
    await addDossierItem(platform, caller, nomination.id, file.id, kind);
  }
  return submitNomination(platform, caller, nomination.id);
}
