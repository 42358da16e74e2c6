import { describe, expect, it } from 'vitest';
import {
  buildProposal,
  checkState,
  initialState,
  namesToCheck,
  splitNumber,
  type ImportPreview,
  type NameMatch,
} from './importModel.ts';

const name = (n: string, over: Partial<NameMatch>): NameMatch => ({
  name: n,
  status: 'exact',
  group: false,
  match: null,
  candidates: [],
  resolvedIds: [],
  resolvedCount: 0,
  via: null,
  ...over,
});

/** A small preview: one exact name, one guess, one unmatched, one group whose 250 units the answer lists only 200 of. */
function preview(): ImportPreview {
  const many = Array.from({ length: 250 }, (_, i) => `g${i}`);
  const activity = (id: string, lead: string[], coordinating: string[]) => ({
    id,
    kind: 'task' as const,
    section: 'II.1',
    sectionTitle: 'Nội dung',
    title: `Việc ${id}`,
    description: '',
    lead,
    coordinating,
    leadSource: null,
    related: [],
    start: '2019-06-15',
    due: '2019-08-30',
    tentative: false,
    recurrence: null,
    dateText: null,
    dateSource: null,
    target: null,
    line: 1,
    warnings: [],
  });
  const proposed = (ref: string, lead: string[], coordinating: string[], others: string[]) => ({
    ref,
    kind: 'task' as const,
    section: 'II.1',
    title: `Việc ${ref}`,
    description: '',
    subItems: [],
    leadUnitIds: lead,
    coordinatingUnitIds: coordinating,
    otherParticipants: others,
    start: '2019-06-15',
    due: '2019-08-30',
    tentative: false,
    recurrence: null,
    target: null,
    statusSource: null,
  });
  return {
    draft: {
      source: { format: 'text', lines: 10 },
      header: {
        superiorBody: null,
        issuingBody: 'BAN TUYÊN GIÁO',
        number: '27-KH/BTG',
        place: 'Thái Bình',
        date: '2019-11-15',
        dateText: null,
        type: 'KẾ HOẠCH',
        title: 'tuyên truyền',
        line: 1,
      },
      legalBasis: [],
      introduction: [],
      purposes: [],
      sections: [],
      period: null,
      milestones: [],
      recipients: [],
      signer: { authority: null, position: null, name: null },
      closing: null,
      warnings: [],
      activities: [
        activity('A1', ['Ban TG', 'Các cơ sở'], ['Đoàn khối', 'Các đơn vị liên quan']),
        activity('A2', ['Các cơ sở'], []),
      ],
    },
    units: [
      name('Ban TG', {
        status: 'exact',
        match: { id: 'tg', name: 'Ban Tuyên giáo Đảng ủy Khối', score: 1, via: 'name' },
        resolvedIds: ['tg'],
        resolvedCount: 1,
        via: 'exact',
      }),
      name('Đoàn khối', {
        status: 'candidates',
        candidates: [
          { id: 'dtn', name: 'Đoàn TN khối', score: 0.9 },
          { id: 'dtp', name: 'Đoàn TN thành phố', score: 0.7 },
        ],
        resolvedIds: ['dtn'],
        resolvedCount: 1,
        via: 'best_candidate',
      }),
      name('Các đơn vị liên quan', { status: 'unmatched', group: true }),
      name('Các cơ sở', {
        status: 'unmatched',
        group: true,
        resolvedIds: many.slice(0, 200),
        resolvedCount: 250,
        via: 'group',
      }),
    ],
    proposal: {
      header: {
        superiorBody: null,
        issuingBody: 'BAN TUYÊN GIÁO',
        symbolSuffix: null,
        number: '27-KH/BTG',
        place: 'Thái Bình',
        date: '2019-11-15',
        type: 'KẾ HOẠCH',
        title: 'tuyên truyền',
      },
      unitId: null,
      legalBasis: [],
      introduction: [],
      purposes: [],
      sections: [],
      periodStart: null,
      periodDue: null,
      deployDue: null,
      milestones: [],
      recipients: ['Thường trực'],
      archive: null,
      signer: { authority: null, position: null, name: null },
      closing: null,
      activities: [proposed('A1', ['tg', ...many], ['dtn'], ['Các đơn vị liên quan']), proposed('A2', many, [], [])],
    },
  };
}

describe('the import draft turned into the body of POST /api/plans', () => {
  it('reads the number and symbol as the document writes them', () => {
    expect(splitNumber('27-KH/BTG')).toEqual({ number: '27', symbolSuffix: 'BTG' });
    expect(splitNumber('-KH/ĐUK')).toEqual({ number: '', symbolSuffix: 'ĐUK' });
    expect(splitNumber('12/QĐ')).toEqual({ number: '12/QĐ', symbolSuffix: '' });
    expect(splitNumber(null)).toEqual({ number: '', symbolSuffix: '' });
  });

  it('keeps the proposal as it is when nothing is corrected, every unit of a long group included', () => {
    const p = preview();
    const body = buildProposal(p, initialState(p));
    expect(body.header).toMatchObject({
      number: '27',
      symbolSuffix: 'BTG',
      issuingBody: 'BAN TUYÊN GIÁO',
      title: 'tuyên truyền',
    });
    expect(body.activities[0].leadUnitIds).toEqual(p.proposal.activities[0].leadUnitIds);
    expect(body.activities[0].coordinatingUnitIds).toEqual(['dtn']);
    expect(body.activities[0].otherParticipants).toEqual(['Các đơn vị liên quan']);
    expect(body.activities[1].leadUnitIds).toHaveLength(250);
    expect(namesToCheck(p, initialState(p).names).map((m) => m.name)).toEqual(['Đoàn khối', 'Các đơn vị liên quan']);
  });

  it('applies a chosen unit, a name left out and a unit added to one activity', () => {
    const p = preview();
    const state = initialState(p);
    state.names['Đoàn khối'] = { kind: 'unit', unit: { id: 'dtp', name: 'Đoàn TN thành phố' }, checked: true };
    state.names['Các đơn vị liên quan'] = { kind: 'skip', checked: true };
    state.activities[0].lead = [
      { type: 'name', name: 'Ban TG' },
      { type: 'unit', unit: { id: 'vp', name: 'Văn phòng' } },
    ];
    const body = buildProposal(p, state);
    expect(body.activities[0].leadUnitIds).toEqual(['tg', 'vp']);
    expect(body.activities[0].coordinatingUnitIds).toEqual(['dtp']);
    expect(body.activities[0].otherParticipants).toEqual([]);
    expect(body.activities[1].leadUnitIds).toHaveLength(250);
    expect(namesToCheck(p, state.names)).toEqual([]);
  });

  it('finds what the browser can refuse before sending', () => {
    const p = preview();
    const state = initialState(p);
    state.header.title = ' ';
    state.activities[1].due = '2019-06-01';
    expect(checkState(state)).toEqual({ 'header.title': 'required', 'activities.1.due': 'dueBeforeStart' });
  });
});
