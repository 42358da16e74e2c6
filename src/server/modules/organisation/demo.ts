import type { Platform } from '../../platform/platform.ts';
import type { DemoLoader } from '../../platform/modules.ts';
import { insertUser } from '../../platform/auth/users.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Role } from '../../platform/policy/permissions.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { inTransaction, systemCaller } from './access.ts';
import { createUnit } from './units.ts';
import { applyOperation } from './operations.ts';
import { addPosition, createPerson } from './people.ts';
import { assignInCharge } from './inCharge.ts';
import { createGroup, createGroupSet, groupLookup } from './groups.ts';
import {
  DEMO_PASSWORD,
  blocUnits,
  demoAccounts,
  grassroots,
  grassrootsPeople,
  groupSets,
  inCharge,
  leaders,
  officeReorganisation,
  outsideUnits,
  secretariesOnCommittee,
  type DemoPerson,
  type DemoUnit,
} from './demoData.ts';

/**
 * The seed plan's Bloc as demo data. Idempotent: every piece is looked up first (units by code,
 * people by name and Party unit, accounts by username) and only what is missing is added, so
 * `kyniem demo` can run again safely. Returns how many records it added.
 */
const caller = systemCaller('demo');

/** Everything in one transaction: a first start stays quick (one commit, not hundreds). */
async function loadOrganisation(platform: Platform): Promise<number> {
  return platform.db.transaction().execute((tx) => loadInto({ ...platform, db: tx }));
}

async function loadInto(platform: Platform): Promise<number> {
  const db = platform.db;
  let added = 0;

  for (const [i, set] of groupSets.entries()) {
    let row = await db.selectFrom('group_sets').select('id').where('code', '=', set.code).executeTakeFirst();
    if (!row) {
      row = { id: (await createGroupSet(platform, caller, { code: set.code, name: set.name, position: i })).id };
      added++;
    }
    const have = new Set(
      (await db.selectFrom('groups').select('code').where('set_id', '=', row.id).execute()).map((g) => g.code),
    );
    for (const [j, [code, name]] of set.groups.entries()) {
      if (have.has(code)) continue;
      await createGroup(platform, caller, row.id, { code, name, position: j });
      added++;
    }
  }
  const group = await groupLookup(db);

  const ids = new Map<string, string>();
  const idOf = async (code: string) => {
    if (!ids.has(code)) {
      const u = await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst();
      if (u) ids.set(code, u.id);
    }
    return ids.get(code);
  };
  const ensureUnit = async (u: DemoUnit & { taxCode?: string; workers?: number; groupIds?: string[] }) => {
    if (await idOf(u.code)) return;
    const parentId = u.parent ? await idOf(u.parent) : null;
    const created = await createUnit(platform, caller, {
      code: u.code,
      kind: u.kind,
      name: u.name,
      shortName: u.shortName ?? null,
      parentId,
      position: u.position ?? 0,
      validFrom: u.validFrom,
      documentNumber: u.documentNumber ?? null,
      documentDate: u.documentDate ?? null,
      address: u.address ?? null,
      phone: u.phone ?? null,
      taxCode: u.taxCode ?? null,
      workers: u.workers ?? null,
      groupIds: u.groupIds,
      isDemo: true,
    });
    ids.set(u.code, created.id);
    added++;
  };

  for (const u of [...blocUnits, ...outsideUnits]) await ensureUnit(u);
  for (const [i, g] of grassroots.entries()) {
    const groupIds = [group('ownership', g.ownership), group('sector', g.sector)].filter(
      (v): v is string => v !== null,
    );
    await ensureUnit({
      code: g.code,
      name: g.party,
      kind: g.kind,
      parent: 'DBK',
      validFrom: g.validFrom,
      position: 100 + i,
      documentNumber: g.documentNumber,
      documentDate: g.documentDate,
      groupIds,
    });
    await ensureUnit({
      code: `${g.code}-DN`,
      name: g.enterprise,
      kind: 'enterprise',
      parent: g.code,
      validFrom: g.validFrom,
      position: 0,
      taxCode: g.taxCode,
      workers: g.workers,
      groupIds,
      address: 'Tỉnh Thái Bình',
    });
    for (const [j, cell] of (g.cells ?? []).entries()) {
      await ensureUnit({
        code: `${g.code}-CB${j + 1}`,
        name: cell,
        kind: 'sub_cell',
        parent: g.code,
        validFrom: g.validFrom,
        position: j + 1,
      });
    }
  }

  // People: leaders first (their names are looked up for "in charge"), then each grassroots unit's members.
  const personIds = new Map<string, string>();
  const ensurePerson = async (p: DemoPerson, extra: DemoPerson['positions'] = []) => {
    const unitId = (await idOf(p.partyUnit)) ?? null;
    const existing = await db
      .selectFrom('people')
      .select('id')
      .where('full_name', '=', p.fullName)
      .where('party_unit_id', '=', unitId)
      .where('is_demo', '=', 1)
      .executeTakeFirst();
    if (existing) {
      personIds.set(p.fullName, existing.id);
      return existing.id;
    }
    const person = await createPerson(platform, caller, {
      fullName: p.fullName,
      gender: p.gender,
      birthYear: p.birthYear,
      partyJoinedOn: p.partyJoinedOn,
      partyUnitId: unitId,
      isDemo: true,
    });
    added++;
    for (const pos of [...p.positions, ...extra]) {
      const posUnit = await idOf(pos.unit);
      if (!posUnit) continue;
      await addPosition(platform, caller, person.id, {
        unitId: posUnit,
        title: pos.title,
        rank: pos.rank,
        validFrom: pos.from,
      });
      added++;
    }
    personIds.set(p.fullName, person.id);
    return person.id;
  };
  for (const p of leaders) await ensurePerson(p);
  const secretaries = new Map<string, string>();
  for (const [i, g] of grassroots.entries()) {
    for (const [j, p] of grassrootsPeople(g, i).entries()) {
      const extra =
        j === 0 && secretariesOnCommittee.includes(g.code)
          ? [{ unit: 'BCH', title: 'Ủy viên Ban Chấp hành', rank: 45, from: '2015-08-01' }]
          : [];
      const id = await ensurePerson(p, extra);
      if (j === 0) secretaries.set(g.code, id);
    }
  }

  // The Office's reorganisation under Project 09-ĐA/TU, once.
  const bdv = await db
    .selectFrom('units')
    .select(['id', 'valid_to'])
    .where('code', '=', officeReorganisation.unit)
    .executeTakeFirst();
  const vp = await idOf(officeReorganisation.target);
  if (bdv && bdv.valid_to === null && vp) {
    await applyOperation(
      platform,
      caller,
      bdv.id,
      {
        type: 'merge',
        targetId: vp,
        effectiveOn: officeReorganisation.effectiveOn,
        documentNumber: officeReorganisation.documentNumber,
        documentDate: officeReorganisation.documentDate,
        note: officeReorganisation.note,
      },
      { isDemo: true },
    );
    added++;
  }

  for (const [name, codes] of Object.entries(inCharge)) {
    const personId = personIds.get(name);
    if (!personId) continue;
    for (const code of codes) {
      const unitId = await idOf(code);
      if (!unitId) continue;
      const has = await db
        .selectFrom('unit_supervisors')
        .select('id')
        .where('person_id', '=', personId)
        .where('unit_id', '=', unitId)
        .executeTakeFirst();
      if (has) continue;
      await assignInCharge(platform, caller, { personId, unitId }, { quiet: true });
      added++;
    }
  }

  // Every demo account shares the one documented demo password: hash it once, not once per account.
  let demoHash: Promise<string> | null = null;
  const passwords = {
    ...platform.passwords,
    hash: (pw: string) =>
      pw === DEMO_PASSWORD ? (demoHash ??= platform.passwords.hash(pw)) : platform.passwords.hash(pw),
  };
  for (const a of demoAccounts) {
    if (await db.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst()) continue;
    const unitId = a.unit ? ((await idOf(a.unit)) ?? null) : null;
    const personId = a.person?.startsWith('@')
      ? secretaries.get(a.person.slice(1))
      : a.person
        ? personIds.get(a.person)
        : undefined;
    const now = platform.clock();
    await inTransaction(platform, async (tx) => {
      const user = await insertUser(
        tx as Transaction<Database>,
        passwords,
        {
          username: a.username,
          displayName: a.displayName,
          password: DEMO_PASSWORD,
          grants: [{ role: a.role as Role, unitId }],
        },
        caller.actor,
        now,
      );
      if (personId) {
        await tx.updateTable('users').set({ person_id: personId }).where('id', '=', user.id).execute();
        await recordAudit(
          tx,
          caller.actor,
          { action: 'person.account', entityType: 'person', entityId: personId, after: [user.id] },
          now,
        );
      }
    });
    added++;
  }
  return added;
}

export const organisationDemo: DemoLoader = { name: 'organisation', load: loadOrganisation };
