import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { addReport } from '../../src/server/modules/plans/progress.ts';
import { addPosition, linkAccount } from '../../src/server/modules/organisation/people.ts';
import { saveReport } from '../../src/server/modules/reporting/submissions.ts';
import { addDossierItem } from '../../src/server/modules/honours/nominations.ts';
import { saveUpload } from '../../src/server/platform/files/store.ts';
import type { Role } from '../../src/server/platform/policy/permissions.ts';
import type { Caller } from '../../src/server/platform/policy/caller.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildUser, useTestEnv } from '../support/platform.ts';
import { signIn, type Client } from '../support/client.ts';
import {
  buildActivity,
  buildCampaign,
  buildNomination,
  buildPerson,
  buildPlan,
  buildTemplate,
  buildUnit,
  factoryCaller,
} from '../support/factories.ts';
import { exampleOf, fetchOpenApi, operationsOf, opName, type Operation } from '../support/openapi.ts';
import { minimalPdf } from '../support/files.ts';

/**
 * Personal data stays within the caller's units (docs/adr/0021-personal-data-scope.md). Two
 * grassroots units A and B hold a person each (contacts, notes, an account), a progress report with
 * an attachment on one shared activity, a periodic report and a nomination with its dossier. Every
 * read route of the OpenAPI document is then walked as each role granted on unit A, with every id
 * seeded put into every path and `…Id` query parameter, and no answer may carry anything private of
 * unit B: B's person's contacts, birth year, notes or account, B's report text, figures and files, B's
 * nomination. B's person's name and id may appear only where ADR 21 names them (the unit tree's
 * names and positions).
 */

/** Where a person outside one's units may be named (ADR 21): the tree's names and positions. */
const NAMES_ALLOWED = new Set(['GET /api/people/{id}', 'GET /api/units/{id}', 'GET /api/in-charge']);
/** Routes not walked: the API's own description, and the live stream (checked in events.test.ts). */
const SKIPPED = new Set(['GET /api/openapi.json', 'GET /api/docs', 'GET /api/events']);

const ROLES: Role[] = ['unit_officer', 'judge', 'umpire', 'council_member', 'editor', 'viewer'];

const B = {
  name: 'Hoàng Thị Riêng Tư',
  phone: '0912 777 001',
  email: 'rieng.tu.b@donvi-b.example',
  address: 'Số 17 ngõ Kín Đáo, phường Bí Mật',
  note: 'Ghi chú riêng tư của đơn vị B',
  birthYear: 1961,
  username: 'bithu.donvib.riengtu',
  reportText: 'Báo cáo tiến độ riêng của đơn vị B: đã họp 73 lượt',
  fileName: 'bien-ban-rieng-don-vi-b.pdf',
  fileText: 'NOI-DUNG-TEP-RIENG-DON-VI-B',
  reportValue: 987_651,
  summary: 'Thành tích riêng của đơn vị B chưa công bố',
  dossierName: 'ho-so-rieng-don-vi-b.pdf',
};

/** What must never reach a caller of unit A (the name and id are checked apart). */
const privateMarkers = () => [
  B.phone,
  B.email,
  B.address,
  B.note,
  B.username,
  B.reportText,
  B.fileName,
  B.fileText,
  String(B.reportValue),
  B.summary,
  B.dossierName,
];

/** A well-formed PDF carrying the text in a comment, so that a leak of its bytes is found. */
const pdfOf = (text: string) => minimalPdf(text);

/** An answer's text: JSON and text as they are, an .xlsx/.docx unpacked (its XML parts). */
async function textOf(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (/spreadsheetml|wordprocessingml|zip/.test(type)) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name))
        .map((f) => f.async('string')),
    );
    return parts.join('\n');
  }
  return new TextDecoder().decode(bytes);
}

describeEachDatabase('personal data stays within the caller’s units', (kind) => {
  const env = useTestEnv(kind);
  let ops: Operation[] = [];
  const ids: Record<string, string> = {};
  const callers = new Map<Role, Client>();
  let personBId = '';
  let period = '';

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-01T03:00:00Z')); // nominations open, June's reports still open
    const admin = await factoryCaller(platform);
    ops = operationsOf(await fetchOpenApi(app)).filter((op) => op.method === 'GET' && !SKIPPED.has(opName(op)));

    const root = await buildUnit(platform, { kind: 'bloc', name: 'Đảng bộ Khối thử' });
    const unitA = await buildUnit(platform, {
      kind: 'grassroots_committee',
      name: 'Đảng bộ Đơn vị A',
      parentId: root.id,
    });
    const unitB = await buildUnit(platform, {
      kind: 'grassroots_committee',
      name: 'Đảng bộ Đơn vị B',
      parentId: root.id,
    });
    Object.assign(ids, { root: root.id, unitA: unitA.id, unitB: unitB.id });

    const personA = await buildPerson(platform, {
      fullName: 'Trần Văn Trong Phạm Vi',
      partyUnitId: unitA.id,
      partyJoinedOn: '2001-05-19',
      phone: '0912 000 0A',
    });
    const personB = await buildPerson(platform, {
      fullName: B.name,
      gender: 'female',
      birthYear: B.birthYear,
      partyJoinedOn: '1990-02-03',
      partyUnitId: unitB.id,
      phone: B.phone,
      email: B.email,
      address: B.address,
      note: B.note,
    });
    personBId = personB.id;
    await addPosition(platform, admin, personB.id, { unitId: unitB.id, title: 'Bí thư Đảng ủy', rank: 10 });
    await addPosition(platform, admin, personA.id, { unitId: unitA.id, title: 'Bí thư Đảng ủy', rank: 10 });
    const userB = await buildUser(platform, {
      username: B.username,
      displayName: B.name,
      grants: [{ role: 'unit_officer', unitId: unitB.id }],
    });
    await linkAccount(platform, admin, personB.id, userB.id);
    const callerB: Caller = {
      actor: { userId: userB.id, name: B.name },
      grants: [{ role: 'unit_officer', unitId: unitB.id }],
    };
    Object.assign(ids, { personA: personA.id, personB: personB.id, userB: userB.id });

    // A shared activity, reported by each unit; B's report carries a file.
    const plan = await buildPlan(platform);
    const activity = await buildActivity(platform, plan.id, { leadUnitIds: [unitA.id, unitB.id] });
    await addReport(platform, admin, activity.id, { text: 'Báo cáo của đơn vị A', percent: 40, unitId: unitA.id });
    const fileB = await saveUpload(platform, callerB.actor, pdfOf(B.fileText), B.fileName);
    await addReport(platform, callerB, activity.id, {
      text: B.reportText,
      percent: 60,
      unitId: unitB.id,
      attachmentIds: [fileB.id],
    });
    Object.assign(ids, { plan: plan.id, activity: activity.id, fileB: fileB.id });

    // A periodic report of B, for June.
    period = '2019-06';
    const template = await buildTemplate(platform);
    const indicatorId = template.sections[0].items[0].indicatorId;
    await saveReport(platform, callerB, {
      templateId: template.id,
      unitId: unitB.id,
      periodId: period,
      values: [{ indicatorId, breakdownKey: '', value: B.reportValue }],
    });
    Object.assign(ids, { template: template.id, indicator: indicatorId });

    // B's nomination of its secretary, with a dossier paper.
    const campaign = await buildCampaign(platform, {
      categories: [{ kind: 'individual', name: 'Cá nhân tiêu biểu', quota: 3 }],
    });
    const nomination = await buildNomination(
      platform,
      campaign.id,
      { categoryId: campaign.categories[0].id, unitId: unitB.id, nomineePersonId: personB.id, summary: B.summary },
      callerB,
    );
    const dossier = await saveUpload(platform, callerB.actor, pdfOf('ho so B'), B.dossierName);
    await addDossierItem(platform, callerB, nomination.id, dossier.id, 'achievement_report');
    Object.assign(ids, { campaign: campaign.id, category: campaign.categories[0].id, nomination: nomination.id });
    Object.assign(ids, { dossier: dossier.id });

    for (const [i, role] of ROLES.entries()) {
      const user = await buildUser(platform, { grants: [{ role, unitId: unitA.id }] });
      callers.set(role, await signIn(app, user.username, user.password, `203.0.113.${120 + i}`));
    }
  }, 120_000);

  /** Every URL to ask of a read route: each seeded id in each path parameter and `…Id` query. */
  function urlsOf(op: Operation): string[] {
    const pool = Object.values(ids);
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const required = new URLSearchParams();
    for (const p of op.parameters)
      if (p.in === 'query' && p.required) required.set(p.name, String(exampleOf(p.schema)));
    let paths = [op.path];
    for (const p of pathParams) {
      paths = paths.flatMap((at) => pool.map((id) => at.replace(`{${p.name}}`, id)));
    }
    const urls: string[] = [];
    const idQueries = op.parameters.filter((p) => p.in === 'query' && /Id$/.test(p.name));
    for (const at of paths) {
      const q = required.toString();
      urls.push(q ? `${at}?${q}` : at);
      for (const p of idQueries) {
        for (const id of pool) {
          const withId = new URLSearchParams(required);
          withId.set(p.name, id);
          if (p.name === 'templateId' || p.name === 'unitId') withId.set('periodId', period);
          urls.push(`${at}?${withId}`);
        }
      }
    }
    return urls;
  }

  it('walks every read route as every role of unit A and finds nothing private of unit B', async () => {
    const leaks: string[] = [];
    const namesSeen = new Set<string>();
    let requests = 0;
    for (const role of ROLES) {
      const client = callers.get(role)!;
      for (const op of ops) {
        for (const url of urlsOf(op)) {
          const res = await client.get(url);
          requests++;
          expect(res.status, `${role} GET ${url} must not fail on the server`).toBeLessThan(500);
          const text = await textOf(res);
          if (res.status >= 300) continue;
          for (const marker of privateMarkers())
            if (text.includes(marker)) leaks.push(`${role} ${opName(op)} (${url}): ${marker}`);
          // an id the request itself named may come back as an echo; B's person's id otherwise may not
          if (text.includes(B.name) || (!url.includes(personBId) && text.includes(personBId))) {
            namesSeen.add(opName(op));
            if (!NAMES_ALLOWED.has(opName(op))) leaks.push(`${role} ${opName(op)} (${url}): names ${B.name}`);
          }
        }
      }
    }
    const summary = {
      kind,
      routes: ops.length,
      roles: ROLES.length,
      requests,
      leaks: leaks.length,
      leakingRoutes: [...new Set(leaks.map((l) => l.split(' (')[0]))],
      namesSeen: [...namesSeen],
    };
    fs.mkdirSync(path.resolve('test-results'), { recursive: true });
    fs.writeFileSync(
      path.resolve('test-results', `personal-data-scope-${kind}.json`),
      JSON.stringify({ ...summary, leaks }, null, 2),
    );
    console.log(JSON.stringify(summary));
    expect(requests).toBeGreaterThan(ops.length * ROLES.length);
    expect(leaks).toEqual([]);
  }, 600_000);

  it('finds what it looks for: a caller of unit B reads the same routes and sees B’s private data', async () => {
    const { platform, app } = env();
    const user = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: ids.unitB }] });
    const client = await signIn(app, user.username, user.password, '203.0.113.140');
    const person = await textOf(await client.get(`/api/people/${ids.personB}`));
    expect(person).toContain(B.phone);
    expect(person).toContain(B.note);
    const activity = await textOf(await client.get(`/api/activities/${ids.activity}`));
    expect(activity).toContain(B.reportText);
    expect(activity).toContain(B.fileName);
    const file = await client.get(`/api/files/${ids.fileB}`);
    expect(file.status).toBe(200);
    expect(await textOf(file)).toContain(B.fileText);
    const nomination = await textOf(await client.get(`/api/honours/nominations/${ids.nomination}`));
    expect(nomination).toContain(B.summary);
  });
});
