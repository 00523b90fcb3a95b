import { describe, expect, it } from 'vitest';
import { effectiveAgeLimits } from '@pcmt/shared/state/hotspots';
import { snapshotOn, type SnapshotInput } from '@pcmt/shared/state/snapshot';
import { groupByUnit } from '@pcmt/shared/state/tiers';

const input = (over: Partial<SnapshotInput> = {}): SnapshotInput => ({
  asOf: '2024-10-15',
  since: '2024-09-01',
  campaignStart: '2024-08-15',
  phaseId: 'p1',
  units: [
    { id: 'c1', parentId: 'd1' },
    { id: 'c2', parentId: 'd1' },
    { id: 'c3', parentId: 'd2', predecessorIds: ['old1', 'old2'] },
  ],
  assessments: groupByUnit([
    { unitId: 'c1', assessedOn: '2024-01-01', tier: 'type_3' as const },
    { unitId: 'c1', assessedOn: '2024-10-01', tier: 'type_1' as const },
    { unitId: 'c2', assessedOn: '2024-01-01', tier: 'has_activity' as const },
    { unitId: 'c2', assessedOn: '2024-10-01', seq: 0, tier: 'type_2' as const },
    { unitId: 'c2', assessedOn: '2024-10-01', seq: 1, tier: 'drug_free' as const },
    { unitId: 'old1', assessedOn: '2024-01-01', tier: 'has_activity' as const },
    { unitId: 'old2', assessedOn: '2024-01-01', tier: 'type_2' as const },
    { unitId: 'c3', assessedOn: '2024-09-20', tier: 'type_1' as const },
  ]),
  hotspots: [
    {
      id: 'h1',
      kind: 'complex_point',
      unitId: 'c1',
      identifiedOn: '2024-06-01',
      eliminatedOn: null,
      reEmergedFromId: null,
    },
    {
      id: 'h2',
      kind: 'retail_point',
      unitId: 'c2',
      identifiedOn: '2024-08-20',
      eliminatedOn: '2024-09-10',
      reEmergedFromId: null,
    },
    {
      id: 'h3',
      kind: 'retail_point',
      unitId: 'c2',
      identifiedOn: '2024-09-20',
      eliminatedOn: null,
      reEmergedFromId: 'h0',
    },
    {
      id: 'h4',
      kind: 'complex_cluster',
      unitId: 'c3',
      identifiedOn: '2024-09-05',
      eliminatedOn: '2024-10-20',
      reEmergedFromId: null,
    },
    {
      id: 'h5',
      kind: 'retail_point',
      unitId: 'c3',
      identifiedOn: '2024-10-16',
      eliminatedOn: null,
      reEmergedFromId: null,
    },
  ],
  ageLimits: effectiveAgeLimits({}),
  quotas: [
    {
      id: 'q1',
      target: 10,
      phaseId: 'p1',
      entries: [
        { recordedOn: '2024-09-10', value: 4 },
        { recordedOn: '2024-10-20', value: 9 },
      ],
    },
    { id: 'q2', target: 5, phaseId: 'p2', entries: [] },
  ],
  deadlines: [
    { id: 'd1', phaseId: 'p1', dueOn: '2024-10-03', submittedOn: '2024-10-02' },
    { id: 'd2', phaseId: null, dueOn: '2024-12-18', submittedOn: '2024-12-16' },
    { id: 'd3', phaseId: 'p2', dueOn: '2024-11-03', submittedOn: null },
  ],
  objectives: [
    {
      text: 'all eliminated',
      measure: 'hotspots_eliminated_share',
      comparator: 'at_least',
      target: 1,
    },
    { text: 'no re-emergence', measure: 're_emergences', comparator: 'at_most', target: 0 },
  ],
  ...over,
});

describe('snapshotOn', () => {
  const s = snapshotOn(input());
  it('shows hotspots alive on the date or eliminated in the range, each with its state then', () => {
    expect(s.hotspots.map((h) => [h.id, h.status])).toEqual([
      ['h1', 'active'],
      ['h2', 'eliminated'],
      ['h3', 're_emerged'],
      ['h4', 'active'],
    ]);
    expect(s.counts.status).toEqual({ active: 2, re_emerged: 1, eliminated: 1 });
  });
  it('lists overdue hotspots oldest first with their age on the date', () =>
    expect(s.overdue.map((h) => [h.id, h.ageDays])).toEqual([['h1', 136]]));
  it("reads tiers with the same-day correction, and a new unit's start tier from its predecessors", () => {
    expect(s.units).toEqual([
      {
        id: 'c1',
        tier: 'type_1',
        startTier: 'type_3',
        assessedOn: '2024-10-01',
        regressed: true,
        inherited: false,
      },
      {
        id: 'c2',
        tier: 'drug_free',
        startTier: 'has_activity',
        assessedOn: '2024-10-01',
        regressed: false,
        inherited: false,
      },
      {
        id: 'c3',
        tier: 'type_1',
        startTier: 'type_2',
        assessedOn: '2024-09-20',
        regressed: true,
        inherited: false,
      },
    ]);
    expect(s.regressions.map((r) => r.id)).toEqual(['c1', 'c3']);
  });
  it('gives a new unit its predecessors’ worst tier until it is assessed itself', () => {
    const before = snapshotOn(input({ asOf: '2024-09-10' }));
    expect(before.units.find((u) => u.id === 'c3')).toMatchObject({
      tier: 'type_2',
      assessedOn: null,
      inherited: true,
    });
    expect(before.counts.communes).toBe(3);
    const after = snapshotOn(input({ asOf: '2024-09-20' }));
    expect(after.units.find((u) => u.id === 'c3')).toMatchObject({
      tier: 'type_1',
      inherited: false,
    });
    // A unit with neither its own assessment nor predecessors stays unassessed.
    const lone = snapshotOn(input({ asOf: '2023-12-31' }));
    expect(lone.units.find((u) => u.id === 'c1')).toMatchObject({
      tier: 'unassessed',
      inherited: false,
    });
  });
  it('keeps quotas and deadlines of the phase or of the whole campaign, as of the date', () => {
    expect(s.quotas).toEqual([{ id: 'q1', target: 10, achieved: 4, share: 0.4 }]);
    expect(s.deadlines.map((d) => [d.id, d.state, d.submittedOn])).toEqual([
      ['d1', 'met', '2024-10-02'],
      ['d2', 'pending', null],
    ]);
  });
  it('measures each objective against its own target', () => {
    expect(s.objectives.map((o) => [o.value, o.met])).toEqual([
      [0.25, false],
      [1, false],
    ]);
  });
  it('narrows every count to a focus', () => {
    const f = snapshotOn(input({ focus: new Set(['c3']) }));
    expect(f.counts.communes).toBe(1);
    expect(f.hotspots.map((h) => h.id)).toEqual(['h4']);
    expect(f.regressions.map((r) => r.id)).toEqual(['c3']);
    expect(f.units).toHaveLength(3);
  });
});
