import { describe, expect, it } from 'vitest';
import { assessmentOn, countTiers, groupByUnit, tierOn } from '@pcmt/shared/state/tiers';

describe('tierOn', () => {
  const history = [
    { assessedOn: '2024-06-30', tier: 'type_2' as const },
    { assessedOn: '2024-10-31', tier: 'has_activity' as const },
  ];
  it.each([
    ['2024-06-29', 'unassessed'],
    ['2024-06-30', 'type_2'],
    ['2024-10-30', 'type_2'],
    ['2024-10-31', 'has_activity'],
    ['2026-01-01', 'has_activity'],
  ])('on %s is %s', (date, tier) => expect(tierOn(history, date)).toBe(tier));
  it('does not depend on the order of the history', () =>
    expect(tierOn([...history].reverse(), '2025-01-01')).toBe('has_activity'));
});

describe('several assessments on one day: a correction supersedes', () => {
  const day = [
    { assessedOn: '2024-09-01', seq: 0, tier: 'type_1' as const },
    { assessedOn: '2024-09-01', seq: 1, tier: 'type_3' as const },
  ];
  it('takes the higher seq, in whatever order the rows come', () => {
    expect(tierOn(day, '2024-09-01')).toBe('type_3');
    expect(tierOn([...day].reverse(), '2024-09-01')).toBe('type_3');
  });
  it('still lets a later day win over a same-day correction', () =>
    expect(
      tierOn([...day, { assessedOn: '2024-09-02', seq: 0, tier: 'drug_free' }], '2024-09-02'),
    ).toBe('drug_free'));
  it('reads a missing seq as the first entry of its day', () =>
    expect(
      assessmentOn([{ assessedOn: '2024-09-01', tier: 'type_1' }, day[1]!], '2024-09-01')?.tier,
    ).toBe('type_3'));
});

describe('groupByUnit and countTiers', () => {
  it('group rows per unit and count every tier', () => {
    const g = groupByUnit([
      { unitId: 'a', assessedOn: '2024-01-01', tier: 'type_1' as const },
      { unitId: 'b', assessedOn: '2024-01-01', tier: 'drug_free' as const },
      { unitId: 'a', assessedOn: '2024-02-01', tier: 'type_2' as const },
    ]);
    expect([...g.keys()]).toEqual(['a', 'b']);
    expect(g.get('a')).toHaveLength(2);
    const c = countTiers(['type_1', 'type_1', 'drug_free']);
    expect(c).toEqual({
      type_1: 2,
      type_2: 0,
      type_3: 0,
      has_activity: 0,
      drug_free: 1,
      unassessed: 0,
    });
  });
});
