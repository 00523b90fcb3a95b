import { describe, expect, it } from 'vitest';
import { meetsAllCriteria, spanContaining, tierChange } from '@pcmt/shared/rules';

describe('tierChange', () => {
  it.each([
    ['type_3', 'type_1', -1],
    ['type_1', 'drug_free', 1],
    ['has_activity', 'has_activity', 0],
    ['unassessed', 'type_1', 0],
  ] as const)('%s → %s is %d', (a, b, d) => expect(tierChange(a, b)).toBe(d));
});

describe('spanContaining', () => {
  const phases = [
    { id: 'p1', startsOn: '2024-09-01', endsOn: '2024-10-31' },
    { id: 'p2', startsOn: '2024-11-01', endsOn: '2024-12-14' },
  ];
  it.each([
    ['2024-09-01', 'p1'],
    ['2024-10-31', 'p1'],
    ['2024-11-01', 'p2'],
    ['2024-12-15', undefined],
  ])('%s is in %s', (d, id) => expect(spanContaining(phases, d)?.id).toBe(id));
});

describe('meetsAllCriteria', () => {
  const all = [1, 2, 3, 4, 5, 6, 7, 8].map((criterion) => ({ criterion, met: true }));
  it('needs all 8', () => {
    expect(meetsAllCriteria(all)).toBe(true);
    expect(meetsAllCriteria(all.map((c) => (c.criterion === 6 ? { ...c, met: false } : c)))).toBe(
      false,
    );
    expect(meetsAllCriteria(all.slice(1))).toBe(false);
  });
});
