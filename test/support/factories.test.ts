import { expect, it } from 'vitest';
import { describeEachDatabase } from './databases.ts';
import {
  buildActivity,
  buildCampaign,
  buildDrive,
  buildIndicator,
  buildNomination,
  buildPerson,
  buildPlan,
  buildTemplate,
  buildUnit,
} from './factories.ts';
import { useTestEnv } from './platform.ts';

/** The factories make real rows through the services, on both databases, and give back the services' answers. */
describeEachDatabase('test factories', (kind) => {
  const env = useTestEnv(kind);

  it('builds a small registry, a template, a plan with an activity, a drive and a submitted nomination', async () => {
    const { platform, clock } = env();
    clock.set(new Date('2019-07-01T03:00:00Z'));
    const committee = await buildUnit(platform, { code: 'CS-T', kind: 'grassroots_committee', name: 'Đảng bộ thử' });
    const cell = await buildUnit(platform, { parentId: committee.id });
    expect([committee.kind, cell.kind, cell.parentId]).toEqual([
      'grassroots_committee',
      'grassroots_cell',
      committee.id,
    ]);
    const member = await buildPerson(platform, { partyUnitId: cell.id, partyJoinedOn: '2005-03-02' });
    expect(member.partyUnitId).toBe(cell.id);

    const indicator = await buildIndicator(platform, { aggregation: 'average', valueType: 'percentage' });
    const template = await buildTemplate(platform, { indicatorIds: [indicator.id] });
    expect(template.sections[0].items.map((i) => i.indicatorId)).toEqual([indicator.id]);
    expect(template.assignment.kinds).toEqual(['grassroots_committee', 'grassroots_cell']);
    const own = await buildTemplate(platform, { periodType: 'quarterly' });
    expect([own.periodType, own.sections[0].items.length]).toEqual(['quarterly', 1]);

    const plan = await buildPlan(platform, { unitId: committee.id });
    const activity = await buildActivity(platform, plan.id, { leadUnitIds: [cell.id], due: '2019-08-30' });
    expect([activity.due, activity.lead.map((u) => u.id)]).toEqual(['2019-08-30', [cell.id]]);

    const results = await buildTemplate(platform, {
      periodType: 'campaign',
      campaign: { start: '2019-06-15', end: '2019-08-30' },
    });
    const drive = await buildDrive(platform, { participantIds: [committee.id], templateId: results.id });
    expect(drive.participants.map((p) => p.id)).toEqual([committee.id]);

    const campaign = await buildCampaign(platform);
    const nomination = await buildNomination(platform, campaign.id, {
      categoryId: campaign.categories[0].id,
      unitId: committee.id,
      nomineeUnitId: cell.id,
      submitted: true,
    });
    expect([nomination.status, nomination.missing, nomination.dossier.length]).toEqual(['submitted', [], 3]);
  });
});
