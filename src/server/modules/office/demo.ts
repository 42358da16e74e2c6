import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { grassrootsKinds, liveUnits, unitByCode } from '../organisation/index.ts';
import { saveUpload } from '../../platform/files/store.ts';
import { demoPlanId, issuePlan, planDocx, SEED_DEMO_KEY } from '../plans/index.ts';
import { inTransaction } from './access.ts';
import { loadDutyRoster } from './dutyDemo.ts';
import { acknowledgeDelivery, openDelivery } from './inbox.ts';
import { assignIncoming, markIncomingDone, recordIncoming } from './incoming.ts';
import { resolveRecipients, sendTo } from './outgoing.ts';
import { attachOutgoingFile, setOutgoingPublic } from './publish.ts';
import { addTerm, saveSettings } from './settings.ts';

/**
 * The office's demo: the register set up for the Bloc (ĐUK, the 2015–2020 term), the seed's plan
 * issued through the register on 10/6/2019 and sent to its "Nơi nhận" — the Provincial
 * Committee's Standing body, its Party-building boards and Office, the Bloc's Executive
 * Committee, and the grassroots units as "the units concerned" — with some units having opened
 * and acknowledged it, its .docx (as the plan module prints it, with its number) attached as the
 * register entry's file and the entry made public, so the website's /van-ban lists it and it
 * downloads; incoming documents of 2019 recorded and assigned, one of them overdue; and
 * the duty roster of the tournament, the festival and the ceremony (dutyDemo.ts).
 */
const caller = systemCaller('demo');

function at(platform: Platform, iso: string): Platform {
  let t = Date.parse(iso);
  return {
    ...platform,
    clock: () => {
      t += 1000;
      return new Date(t);
    },
  };
}

async function loadOffice(platform: Platform): Promise<number> {
  if (await platform.db.selectFrom('office_settings').select('id').executeTakeFirst()) return 0;
  const start = at(platform, '2019-06-01T01:00:00Z');
  await saveSettings(start, caller, {
    superiorBody: 'Đảng bộ tỉnh Thái Bình',
    issuingBody: 'Đảng ủy Khối Doanh nghiệp',
    symbolSuffix: 'ĐUK',
    congressSuffix: 'ĐH',
    place: 'Thái Bình',
  });
  await addTerm(start, caller, { name: 'Nhiệm kỳ 2015 - 2020', startsOn: '2015-08-01', endsOn: '2020-07-31' });
  let made = 1;

  const planId = await demoPlanId(platform, SEED_DEMO_KEY);
  if (planId) {
    const issuing = at(platform, '2019-06-10T02:00:00Z');
    const issued = await issuePlan(issuing, caller, planId, { date: '2019-06-10' });
    const resolved = await resolveRecipients(issuing, caller, { lines: issued.recipients, day: '2019-06-10' });
    const grassroots = await liveUnits(platform, '2019-06-10', { kinds: grassrootsKinds, limit: 5000 });
    const units = resolved.lines.flatMap((l) =>
      l.kind === 'text' && /đơn vị có liên quan/iu.test(l.line)
        ? grassroots.map((u) => ({ unitId: u.id, line: l.line }))
        : l.units.map((u) => ({ unitId: u.id, line: l.line })),
    );
    await inTransaction(issuing, (tx) => sendTo(tx, caller, issued.outgoingId, units, issuing.clock()));
    made++;
    const file = await saveUpload(
      issuing,
      caller.actor,
      await planDocx(issuing, caller, planId),
      `${issued.symbol.replace(/\//g, '-')} Ke hoach ky niem 15 nam.docx`,
      { allowed: ['docx'] },
    );
    await attachOutgoingFile(issuing, caller, issued.outgoingId, file.id);
    await setOutgoingPublic(issuing, caller, issued.outgoingId, true);
    const deliveries = await platform.db
      .selectFrom('office_deliveries')
      .select(['id', 'unit_id'])
      .where('outgoing_id', '=', issued.outgoingId)
      .execute();
    const byUnit = new Map(deliveries.map((d) => [d.unit_id, d.id]));
    // the first grassroots units acknowledge over the next days; two more only open it
    const answers: [string, string, 'ack' | 'open'][] = [
      ['BCH', '2019-06-10T07:30:00Z', 'ack'],
      ['TU-VP', '2019-06-11T01:15:00Z', 'ack'],
      ['CS01', '2019-06-11T02:05:00Z', 'ack'],
      ['CS02', '2019-06-11T03:40:00Z', 'ack'],
      ['CS03', '2019-06-12T01:20:00Z', 'ack'],
      ['CS05', '2019-06-12T08:10:00Z', 'ack'],
      ['CS04', '2019-06-13T02:00:00Z', 'open'],
      ['CS06', '2019-06-13T04:30:00Z', 'open'],
    ];
    for (const [code, iso, what] of answers) {
      const unit = await unitByCode(platform.db, code);
      const delivery = unit && byUnit.get(unit.id);
      if (!delivery) continue;
      const when = at(platform, iso);
      const clerk = systemCaller(`Văn thư ${unit.short_name ?? unit.name}`);
      if (what === 'ack') await acknowledgeDelivery(when, clerk, delivery);
      else await openDelivery(when, clerk, delivery);
    }
  }

  const unitId = async (code: string) => (await unitByCode(platform.db, code))?.id ?? null;
  const incoming = [
    {
      receivedOn: '2019-06-03',
      sender: 'Ban Tổ chức Tỉnh ủy',
      reference: '215-CV/BTCTU',
      docDate: '2019-05-30',
      summary: 'V/v hướng dẫn xét tôn vinh tập thể, cá nhân tiêu biểu nhân dịp kỷ niệm ngày thành lập đảng bộ',
      assign: { lead: 'BTC', coordinating: ['VP', 'HDTDKT'], deadline: '2019-06-20', done: '2019-06-18' },
    },
    {
      receivedOn: '2019-07-02',
      sender: 'Ban Tuyên giáo Tỉnh ủy',
      reference: '112-HD/BTGTU',
      docDate: '2019-06-28',
      summary: 'Hướng dẫn tuyên truyền các ngày kỷ niệm, sự kiện lịch sử tháng 7, tháng 8 năm 2019',
      assign: { lead: 'BTG', coordinating: ['DTN'], deadline: '2019-07-31', done: '2019-07-25' },
    },
    {
      receivedOn: '2019-08-19',
      sender: 'Văn phòng Tỉnh ủy',
      reference: '1046-CV/VPTU',
      docDate: '2019-08-16',
      summary: 'V/v đăng ký đại biểu dự các hoạt động kỷ niệm của các đảng bộ trực thuộc',
      assign: { lead: 'VP', coordinating: [], deadline: '2019-08-23', done: null },
    },
    {
      receivedOn: '2019-08-26',
      sender: 'Báo Thái Bình',
      reference: '87/BTB',
      docDate: '2019-08-24',
      summary: 'V/v phối hợp tuyên truyền Lễ kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh',
      assign: null,
    },
  ];
  for (const d of incoming) {
    const when = at(platform, `${d.receivedOn}T02:00:00Z`);
    const row = await recordIncoming(when, caller, {
      receivedOn: d.receivedOn,
      sender: d.sender,
      reference: d.reference,
      docDate: d.docDate,
      summary: d.summary,
      fileId: null,
    });
    made++;
    if (!d.assign) continue;
    const lead = await unitId(d.assign.lead);
    if (!lead) continue;
    const coordinating = (await Promise.all(d.assign.coordinating.map(unitId))).filter((u): u is string => !!u);
    await assignIncoming(when, caller, row.id, {
      leadUnitId: lead,
      coordinatingUnitIds: coordinating,
      deadline: d.assign.deadline,
      instructions: 'Giao đơn vị chủ trì nghiên cứu, tham mưu thực hiện; báo cáo kết quả về Văn phòng.',
    });
    if (d.assign.done)
      await markIncomingDone(at(platform, `${d.assign.done}T09:00:00Z`), caller, row.id, d.assign.done);
  }
  return made;
}

export const officeDemo: DemoLoader = {
  name: 'office',
  load: async (platform) => (await loadOffice(platform)) + (await loadDutyRoster(platform)),
};
