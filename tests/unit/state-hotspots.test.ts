import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGE_LIMIT_MONTHS,
  effectiveAgeLimits,
  hotspotOn,
  hotspotsIn,
  visibleIn,
  type HotspotRecord,
} from '@pcmt/shared/state/hotspots';

const base: HotspotRecord = {
  id: 'h1',
  kind: 'complex_point',
  unitId: 'u1',
  identifiedOn: '2024-05-10',
  eliminatedOn: '2024-09-20',
  reEmergedFromId: null,
};
const limits = effectiveAgeLimits({});

describe('hotspotOn', () => {
  it.each([
    ['2024-05-09', null, null],
    ['2024-05-10', 'active', 0],
    ['2024-09-15', 'active', 128],
    // an eliminated hotspot's age stops at its elimination
    ['2024-09-20', 'eliminated', 133],
    ['2026-01-01', 'eliminated', 133],
  ] as const)('on %s: %s, %s days', (d, status, age) => {
    const s = hotspotOn(base, d, limits);
    expect(s?.status ?? null).toBe(status);
    expect(s?.ageDays ?? null).toBe(age);
  });
  it('does not know an elimination recorded after the date', () =>
    expect(hotspotOn(base, '2024-09-19', limits)?.eliminatedOn).toBeNull());
  it('calls a hotspot linked to an earlier one re-emerged', () =>
    expect(
      hotspotOn({ ...base, eliminatedOn: null, reEmergedFromId: 'x' }, '2024-12-01', limits)
        ?.status,
    ).toBe('re_emerged'));
});

describe('overdue (one default: a point 3 months, a cluster 6; per campaign)', () => {
  const point = { ...base, identifiedOn: '2024-01-31', eliminatedOn: null };
  it.each([
    ['2024-04-30', false],
    ['2024-05-01', true],
  ])('a complex point identified 31/01 on %s: %s', (d, v) =>
    expect(hotspotOn(point, d, limits)!.overdue).toBe(v),
  );
  it('gives a cluster six months', () => {
    const cluster = { ...point, kind: 'complex_cluster' as const };
    expect(hotspotOn(cluster, '2024-07-31', limits)!.overdue).toBe(false);
    expect(hotspotOn(cluster, '2024-08-01', limits)!.overdue).toBe(true);
  });
  it('never flags a retail point or an eliminated hotspot', () => {
    expect(hotspotOn({ ...point, kind: 'retail_point' }, '2026-01-01', limits)!.overdue).toBe(
      false,
    );
    expect(hotspotOn({ ...point, eliminatedOn: '2024-03-01' }, '2026-01-01', limits)!.overdue).toBe(
      false,
    );
  });
  it('takes the limits of the campaign, the default for the kinds it does not set', () => {
    const own = effectiveAgeLimits({ complex_point: 1 });
    expect(own).toEqual({
      complex_point: 1,
      complex_cluster: DEFAULT_AGE_LIMIT_MONTHS.complex_cluster,
    });
    expect(hotspotOn(point, '2024-03-05', own)!.overdue).toBe(true);
    expect(hotspotOn(point, '2024-03-05', limits)!.overdue).toBe(false);
  });
  it('treats an empty setting as the default, never as "no limit"', () =>
    expect(effectiveAgeLimits({})).toEqual(DEFAULT_AGE_LIMIT_MONTHS));
});

describe('visibleIn and hotspotsIn', () => {
  it.each([
    ['identified after the date', { identifiedOn: '2024-10-01', eliminatedOn: null }, false],
    ['alive on the date', { identifiedOn: '2024-01-01', eliminatedOn: null }, true],
    [
      'eliminated before the range',
      { identifiedOn: '2024-01-01', eliminatedOn: '2024-08-31' },
      false,
    ],
    ['eliminated in the range', { identifiedOn: '2024-01-01', eliminatedOn: '2024-09-01' }, true],
    ['eliminated after the date', { identifiedOn: '2024-01-01', eliminatedOn: '2024-11-01' }, true],
  ])('%s: %s', (_, dates, v) =>
    expect(visibleIn({ ...base, ...dates }, '2024-09-01', '2024-09-30')).toBe(v),
  );
  it('gives each visible hotspot its state on the as-of date', () => {
    const list = [
      { ...base, id: 'a', identifiedOn: '2024-09-02', eliminatedOn: null },
      { ...base, id: 'b', identifiedOn: '2024-10-02', eliminatedOn: null },
    ];
    const out = hotspotsIn(list, { since: '2024-09-01', asOf: '2024-09-12' }, limits);
    expect(out.map((h) => [h.id, h.status, h.ageDays])).toEqual([['a', 'active', 10]]);
  });
});
