import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { fold } from '../../../common/text.ts';
import { givenName, personSortKey } from '../../../common/sortKey.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { PeopleTable } from './tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { requireEdit, todayIn, type Caller, inTransaction } from './access.ts';
import { findUnit, titlesOf } from './repo.ts';
import { foldedContains } from '../../platform/db/search.ts';
import { holdsAnywhere, reach } from '../../platform/policy/policy.ts';
import { subtreeOf } from './queries.ts';
import type { CreatePersonInput, UpdatePersonInput } from './schema.ts';
import { fieldProblem, inChargeRows, positionsIn, publishOrganisation } from './units.ts';
import type { Gender } from './kinds.ts';

/** People: the registry Party members are counted from, their positions, the accounts linked to them. */
type Executor = Kysely<Database>;
type PersonRow = Selectable<PeopleTable>;

const personNotFound = () => fail.notFound({ vi: 'Không tìm thấy người này.', en: 'Person not found.' });
const positionNotFound = () => fail.notFound({ vi: 'Không tìm thấy chức vụ.', en: 'Position not found.' });

export type PersonListFilter = { q?: string; unitId?: string; gender?: Gender; partyMember?: '0' | '1' };

/**
 * Whose personal details the caller reads (docs/adr/0021-personal-data-scope.md): the subtree
 * roots of their `organisation.read` grants, or everywhere (null) with `people.private` (the
 * Bloc's leaders and staff) or a grant on no unit.
 */
export function peopleReach(caller: Caller): string[] | null {
  if (holdsAnywhere(caller.grants, 'people.private')) return null;
  return reach(caller.grants, 'organisation.read');
}

/**
 * Is the person `p` within these subtrees: their Party unit is, or they hold a position there
 * today? A condition that composes into the caller's one statement.
 */
export function personWithin(
  db: Executor,
  eb: ExpressionBuilder<Database & { p: PeopleTable }, 'p'>,
  roots: string[],
  today: string,
) {
  const units = () => db.selectFrom(subtreeOf(db, roots).as('r')).select('r.unit_id');
  return eb.or([
    eb('p.party_unit_id', 'in', units()),
    eb.exists(
      eb
        .selectFrom('positions as own')
        .select('own.id')
        .whereRef('own.person_id', '=', 'p.id')
        .where('own.unit_id', 'in', units())
        .where((x) => x.or([x('own.valid_from', 'is', null), x('own.valid_from', '<=', today)]))
        .where((x) => x.or([x('own.valid_to', 'is', null), x('own.valid_to', '>', today)])),
    ),
  ]);
}

/**
 * Tells the `organisation` topic that a person changed, scoped to the units they belong to (their
 * Party unit and positions, before and after): a subscriber outside those units hears nothing
 * (ADR 21). Best effort, after the change is committed, like every live event.
 */
function publishPerson(platform: Platform, id: string, change: string, also: (string | null)[] = []) {
  void (async () => {
    const rows = await platform.db
      .selectFrom('people')
      .select('party_unit_id as unit_id')
      .where('id', '=', id)
      .union(platform.db.selectFrom('positions').select('unit_id').where('person_id', '=', id))
      .execute();
    const unitIds = [...new Set([...rows.map((r) => r.unit_id), ...also].filter((u): u is string => !!u))];
    publishOrganisation(platform, {
      entity: 'person',
      id,
      change,
      scope: { unitIds, everywhere: ['people.private'] },
    });
  })().catch(() => {});
}

function personQuery(db: Executor, f: PersonListFilter, today: string, roots: string[] | null) {
  let base = db.selectFrom('people as p').leftJoin('units as u', 'u.id', 'p.party_unit_id');
  if (roots) base = base.where((eb) => personWithin(db, eb, roots, today));
  if (f.q) base = base.where('p.name_folded', 'like', foldedContains(f.q));
  if (f.gender) base = base.where('p.gender', '=', f.gender);
  if (f.partyMember === '1') base = base.where('p.party_joined_on', 'is not', null);
  if (f.partyMember === '0') base = base.where('p.party_joined_on', 'is', null);
  if (f.unitId) {
    const root = f.unitId;
    base = base.where((w) =>
      w.or([
        w(
          'p.party_unit_id',
          'in',
          w.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', root),
        ),
        w.exists(
          w
            .selectFrom('positions as pos')
            .innerJoin('unit_closure as c', 'c.descendant_id', 'pos.unit_id')
            .select('pos.id')
            .whereRef('pos.person_id', '=', 'p.id')
            .where('c.ancestor_id', '=', root)
            .where((x) => x.or([x('pos.valid_to', 'is', null), x('pos.valid_to', '>', today)])),
        ),
      ]),
    );
  }
  return base;
}

function toSummary(r: PersonRow & { party_unit_name: string | null }, titles: string[]) {
  return {
    id: r.id,
    fullName: r.full_name,
    givenName: givenName(r.full_name),
    gender: (r.gender as Gender | null) ?? null,
    birthYear: r.birth_year,
    partyJoinedOn: r.party_joined_on,
    partyUnitId: r.party_unit_id,
    partyUnitName: r.party_unit_name,
    phone: r.phone,
    email: r.email,
    titles,
    isDemo: r.is_demo === 1,
  };
}

/** People within the caller's reach (a person outside it is found only by the unit tree's names and positions). */
export async function listPeople(
  platform: Platform,
  caller: Caller,
  f: PersonListFilter & { page: number; pageSize: number },
) {
  const today = todayIn(platform.clock());
  const base = personQuery(platform.db, f, today, peopleReach(caller));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll('p')
    .select('u.name as party_unit_name')
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const titles = await titlesOf(
    platform.db,
    rows.map((r) => r.id),
    today,
  );
  return { items: rows.map((r) => toSummary(r, titles.get(r.id) ?? [])), total, page: f.page, pageSize: f.pageSize };
}

export async function allPeople(platform: Platform, caller: Caller, f: PersonListFilter, limit: number) {
  return (await listPeople(platform, caller, { ...f, page: 1, pageSize: limit })).items;
}

/**
 * One person. Within the caller's reach, the whole record; outside it, only what the unit tree
 * shows of anyone (ADR 21): the name, gender, positions and the units they are in charge of —
 * never contacts, birth year, Party dates or unit, notes or accounts (`limited: true`).
 */
export async function getPerson(platform: Platform, caller: Caller, id: string) {
  const db = platform.db;
  const today = todayIn(platform.clock());
  const roots = peopleReach(caller);
  const r = await db
    .selectFrom('people as p')
    .leftJoin('units as u', 'u.id', 'p.party_unit_id')
    .selectAll('p')
    .select('u.name as party_unit_name')
    .select((eb) => (roots ? personWithin(db, eb, roots, today) : eb.lit(true)).as('within'))
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!r) throw personNotFound();
  const full = r.within === true || Number(r.within) === 1;
  const titles = await titlesOf(db, [id], today);
  const common = {
    positions: await positionsIn(db, { personId: id }, today, false),
    inChargeOf: await inChargeRows(db, { personId: id }, today),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (!full) {
    return {
      id: r.id,
      fullName: r.full_name,
      givenName: givenName(r.full_name),
      gender: (r.gender as Gender | null) ?? null,
      birthYear: null,
      partyJoinedOn: null,
      partyUnitId: null,
      partyUnitName: null,
      phone: null,
      email: null,
      titles: titles.get(id) ?? [],
      isDemo: r.is_demo === 1,
      address: null,
      note: null,
      accounts: [],
      limited: true,
      ...common,
    };
  }
  const accounts = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('person_id', '=', id)
    .orderBy('username')
    .execute();
  return {
    ...toSummary(r, titles.get(id) ?? []),
    address: r.address,
    note: r.note,
    accounts: accounts.map((a) => ({ id: a.id, username: a.username, displayName: a.display_name })),
    limited: false,
    ...common,
  };
}

async function checkPartyUnit(tx: Executor, unitId: string | null | undefined) {
  if (!unitId) return;
  if (!(await findUnit(tx, unitId)))
    throw fieldProblem('partyUnitId', 'unknown_unit', {
      vi: 'Đơn vị sinh hoạt Đảng không tồn tại.',
      en: 'The Party unit does not exist.',
    });
}

function checkPartyDates(birthYear: number | null | undefined, joined: string | null | undefined) {
  if (birthYear && joined && Number(joined.slice(0, 4)) < birthYear + 16) {
    throw fieldProblem('partyJoinedOn', 'too_young', {
      vi: 'Ngày vào Đảng phải sau khi đủ 18 tuổi (ít nhất sau năm sinh 16 năm).',
      en: 'The Party joining date must be at least 16 years after the year of birth.',
    });
  }
}

export type NewPerson = CreatePersonInput & { isDemo?: boolean };

export async function insertPerson(tx: Executor, input: NewPerson, now: Date): Promise<PersonRow> {
  checkPartyDates(input.birthYear, input.partyJoinedOn);
  await checkPartyUnit(tx, input.partyUnitId);
  const at = now.toISOString();
  const row: PersonRow = {
    id: newId(now.getTime()),
    full_name: input.fullName,
    name_folded: fold(input.fullName),
    sort_key: personSortKey(input.fullName),
    gender: input.gender ?? null,
    birth_year: input.birthYear ?? null,
    party_joined_on: input.partyJoinedOn ?? null,
    party_unit_id: input.partyUnitId ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    address: input.address ?? null,
    note: input.note ?? null,
    is_demo: input.isDemo ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
  await tx.insertInto('people').values(row).execute();
  return row;
}

export async function createPerson(platform: Platform, caller: Caller, input: NewPerson) {
  const now = platform.clock();
  const row = await inTransaction(platform, async (tx) => {
    await requireEdit(tx, caller, input.partyUnitId ?? null);
    const row = await insertPerson(tx, input, now);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'person.create', entityType: 'person', entityId: row.id, after: row },
      now,
    );
    return row;
  });
  publishPerson(platform, row.id, 'created');
  return getPerson(platform, caller, row.id);
}

/** A person's record belongs to their Party unit; with none, to whoever manages the whole tree. */
async function loadEditable(tx: Executor, caller: Caller, id: string) {
  const row = await tx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw personNotFound();
  await requireEdit(tx, caller, row.party_unit_id);
  return row;
}

export async function updatePerson(platform: Platform, caller: Caller, id: string, input: UpdatePersonInput) {
  const now = platform.clock();
  const unitBefore = await inTransaction(platform, async (tx) => {
    const before = await loadEditable(tx, caller, id);
    if (input.partyUnitId !== undefined && input.partyUnitId !== before.party_unit_id) {
      await checkPartyUnit(tx, input.partyUnitId);
      await requireEdit(tx, caller, input.partyUnitId);
    }
    const fullName = input.fullName ?? before.full_name;
    const change: Partial<PersonRow> = {
      full_name: fullName,
      name_folded: fold(fullName),
      sort_key: personSortKey(fullName),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.birthYear !== undefined ? { birth_year: input.birthYear } : {}),
      ...(input.partyJoinedOn !== undefined ? { party_joined_on: input.partyJoinedOn } : {}),
      ...(input.partyUnitId !== undefined ? { party_unit_id: input.partyUnitId } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updated_at: now.toISOString(),
    };
    const after = { ...before, ...change };
    checkPartyDates(after.birth_year, after.party_joined_on);
    await tx.updateTable('people').set(change).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'person.update', entityType: 'person', entityId: id, before, after },
      now,
    );
    return before.party_unit_id;
  });
  publishPerson(platform, id, 'updated', [unitBefore]);
  return getPerson(platform, caller, id);
}

export async function deletePerson(platform: Platform, caller: Caller, id: string) {
  const now = platform.clock();
  const unitsBefore = await inTransaction(platform, async (tx) => {
    const before = await loadEditable(tx, caller, id);
    const linked = await tx.selectFrom('users').select('id').where('person_id', '=', id).executeTakeFirst();
    if (linked) {
      throw fail.conflict('PERSON_HAS_ACCOUNT', {
        vi: 'Người này đang gắn với một tài khoản; hãy bỏ liên kết trước khi xóa.',
        en: 'This person is linked to an account; unlink it before deleting.',
      });
    }
    const positions = await tx.selectFrom('positions').selectAll().where('person_id', '=', id).execute();
    const inCharge = await tx.selectFrom('unit_supervisors').selectAll().where('person_id', '=', id).execute();
    await tx.deleteFrom('positions').where('person_id', '=', id).execute();
    await tx.deleteFrom('unit_supervisors').where('person_id', '=', id).execute();
    await tx.deleteFrom('people').where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'person.delete', entityType: 'person', entityId: id, before: { ...before, positions, inCharge } },
      now,
    );
    return [before.party_unit_id, ...positions.map((p) => p.unit_id)];
  });
  publishPerson(platform, id, 'deleted', unitsBefore);
}

function checkPositionDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to <= from) {
    throw fieldProblem('validTo', 'dates_order', {
      vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
      en: 'The end date must be after the start date.',
    });
  }
}

export async function insertPosition(
  tx: Executor,
  personId: string,
  input: { unitId: string; title: string; rank?: number; validFrom?: string | null; validTo?: string | null },
  now: Date,
) {
  checkPositionDates(input.validFrom, input.validTo);
  if (!(await findUnit(tx, input.unitId)))
    throw fieldProblem('unitId', 'unknown_unit', { vi: 'Đơn vị không tồn tại.', en: 'The unit does not exist.' });
  const row = {
    id: newId(now.getTime()),
    person_id: personId,
    unit_id: input.unitId,
    title: input.title,
    rank: input.rank ?? 100,
    valid_from: input.validFrom ?? null,
    valid_to: input.validTo ?? null,
    created_at: now.toISOString(),
  };
  await tx.insertInto('positions').values(row).execute();
  return row;
}

export async function addPosition(
  platform: Platform,
  caller: Caller,
  personId: string,
  input: { unitId: string; title: string; rank?: number; validFrom?: string | null; validTo?: string | null },
) {
  const now = platform.clock();
  const unitOfPosition = input.unitId;
  await inTransaction(platform, async (tx) => {
    const person = await tx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
    if (!person) throw personNotFound();
    await requireEdit(tx, caller, input.unitId);
    const row = await insertPosition(tx, personId, input, now);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'position.create', entityType: 'position', entityId: row.id, after: row },
      now,
    );
  });
  publishPerson(platform, personId, 'position', [unitOfPosition]);
  return getPerson(platform, caller, personId);
}

export async function updatePosition(
  platform: Platform,
  caller: Caller,
  id: string,
  input: { title?: string; rank?: number; validFrom?: string | null; validTo?: string | null },
) {
  const now = platform.clock();
  const { person_id: personId, unit_id: unitOfPosition } = await inTransaction(platform, async (tx) => {
    const before = await tx.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw positionNotFound();
    await requireEdit(tx, caller, before.unit_id);
    const after = {
      ...before,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.rank !== undefined ? { rank: input.rank } : {}),
      ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
      ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
    };
    checkPositionDates(after.valid_from, after.valid_to);
    await tx
      .updateTable('positions')
      .set({ title: after.title, rank: after.rank, valid_from: after.valid_from, valid_to: after.valid_to })
      .where('id', '=', id)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'position.update', entityType: 'position', entityId: id, before, after },
      now,
    );
    return before;
  });
  publishPerson(platform, personId, 'position', [unitOfPosition]);
  return getPerson(platform, caller, personId);
}

export async function deletePosition(platform: Platform, caller: Caller, id: string) {
  const now = platform.clock();
  const { person_id: personId, unit_id: unitOfPosition } = await inTransaction(platform, async (tx) => {
    const before = await tx.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw positionNotFound();
    await requireEdit(tx, caller, before.unit_id);
    await tx.deleteFrom('positions').where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'position.delete', entityType: 'position', entityId: id, before },
      now,
    );
    return before;
  });
  publishPerson(platform, personId, 'position', [unitOfPosition]);
}

/** Links (or unlinks, with null) the account of a person. Needs accounts.manage at the route. */
export async function linkAccount(platform: Platform, caller: Caller, personId: string, userId: string | null) {
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const person = await tx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
    if (!person) throw personNotFound();
    const before = await tx.selectFrom('users').select(['id', 'username']).where('person_id', '=', personId).execute();
    await tx.updateTable('users').set({ person_id: null }).where('person_id', '=', personId).execute();
    if (userId) {
      const user = await tx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (!user)
        throw fieldProblem('userId', 'unknown_user', {
          vi: 'Tài khoản không tồn tại.',
          en: 'The account does not exist.',
        });
      await tx
        .updateTable('users')
        .set({ person_id: personId, updated_at: now.toISOString() })
        .where('id', '=', userId)
        .execute();
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'person.account',
        entityType: 'person',
        entityId: personId,
        before: before.map((b) => b.id),
        after: userId ? [userId] : [],
      },
      now,
    );
  });
  publishPerson(platform, personId, 'account');
  return getPerson(platform, caller, personId);
}

/** How many Party members each of these units holds in its subtree (from the people registry). */
export async function partyMemberCounts(db: Executor, unitIds: string[]) {
  const map = new Map<string, number>();
  if (unitIds.length === 0) return map;
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'p.party_unit_id')
    .select(['c.ancestor_id', sql<number>`count(*)`.as('n')])
    .where('c.ancestor_id', 'in', unitIds)
    .where('p.party_joined_on', 'is not', null)
    .groupBy('c.ancestor_id')
    .execute();
  for (const r of rows) map.set(r.ancestor_id, Number(r.n));
  return map;
}
