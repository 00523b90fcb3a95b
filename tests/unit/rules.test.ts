import { describe, expect, it } from 'vitest';
import {
  hotspotStatusOn,
  isOverdue,
  meetsAllCriteria,
  quotaProgress,
  spanContaining,
  tierChange,
  tierOn,
} from '@pcmt/shared/rules';

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

describe('tierChange', () => {
  it.each([
    ['type_3', 'type_1', -1],
    ['type_1', 'drug_free', 1],
    ['has_activity', 'has_activity', 0],
    ['unassessed', 'type_1', 0],
  ] as const)('%s → %s is %d', (a, b, d) => expect(tierChange(a, b)).toBe(d));
});

describe('hotspot lifecycle', () => {
  const h = { identifiedOn: '2024-05-10', eliminatedOn: '2024-09-20', reEmergedFromId: null };
  it.each([
    ['2024-05-09', null],
    ['2024-05-10', 'active'],
    ['2024-09-19', 'active'],
    ['2024-09-20', 'eliminated'],
  ])('on %s the status is %s', (d, s) => expect(hotspotStatusOn(h, d)).toBe(s));
  it('calls a hotspot linked to an earlier one re-emerged', () =>
    expect(
      hotspotStatusOn(
        { identifiedOn: '2024-11-10', eliminatedOn: null, reEmergedFromId: 'x' },
        '2024-12-01',
      ),
    ).toBe('re_emerged'));
});

describe('isOverdue (Thanh Hóa 2023: points 3 months, clusters 6 months)', () => {
  const point = {
    kind: 'complex_point' as const,
    identifiedOn: '2024-01-31',
    eliminatedOn: null,
    reEmergedFromId: null,
  };
  it.each([
    ['2024-04-30', false],
    ['2024-05-01', true],
  ])('a complex point identified 31/01 on %s: %s', (d, v) => expect(isOverdue(point, d)).toBe(v));
  it('gives a cluster six months', () => {
    const cluster = { ...point, kind: 'complex_cluster' as const };
    expect(isOverdue(cluster, '2024-07-31')).toBe(false);
    expect(isOverdue(cluster, '2024-08-01')).toBe(true);
  });
  it('never flags a retail point or an eliminated hotspot', () => {
    expect(isOverdue({ ...point, kind: 'retail_point' }, '2026-01-01')).toBe(false);
    expect(isOverdue({ ...point, eliminatedOn: '2024-03-01' }, '2026-01-01')).toBe(false);
  });
  it('takes the limits of the campaign', () =>
    expect(isOverdue(point, '2024-03-05', { complex_point: 1 })).toBe(true));
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

describe('quotaProgress', () => {
  const entries = [
    { recordedOn: '2024-09-07', value: 10 },
    { recordedOn: '2024-09-14', value: 5 },
  ];
  it('sums entries up to the date', () =>
    expect(quotaProgress(20, entries, '2024-09-10')).toEqual({ achieved: 10, share: 0.5 }));
  it('does not cap the share', () =>
    expect(quotaProgress(10, entries, '2024-12-31').share).toBe(1.5));
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
