/** The planner's candidates: distance from drug-free with its reasons, the ranking, the filters and the projection. */
import { describe, expect, it } from 'vitest';
import {
  distanceFromDrugFree,
  filterCandidates,
  meetsTarget,
  projectDrugFree,
  rankCandidates,
  selectionStats,
  yearsByPace,
  type CandidateFacts,
} from '@pcmt/shared/state/candidates';
import { unitsInArea } from '@pcmt/shared/area-select';

const facts = (id: string, over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  id,
  population: 5000,
  tier: 'type_3',
  startTier: 'type_3',
  criteriaMet: [1, 2, 3, 4, 5, 6],
  activeHotspots: 0,
  borderDistanceM: 20_000,
  borderCommune: false,
  routeDistanceM: 8000,
  inPlan: false,
  ...over,
});

describe('distance from drug-free', () => {
  it.each([
    // [case, facts, distance, reason codes]
    [
      'has activity, 7 of 8 met',
      { tier: 'has_activity', startTier: 'has_activity', criteriaMet: [1, 2, 3, 4, 5, 6, 7] },
      3,
      ['tier', 'criteria'],
    ],
    ['type III, 6 met', {}, 6, ['tier', 'criteria']],
    ['type III, no check yet', { criteriaMet: null }, 12, ['tier', 'no_checks']],
    [
      'type III with 2 active hotspots',
      { activeHotspots: 2 },
      10,
      ['tier', 'criteria', 'hotspots'],
    ],
    [
      'type I, worse since the start',
      { tier: 'type_1', startTier: 'type_2' },
      12,
      ['tier', 'criteria', 'worse'],
    ],
    [
      'type II, better since the start',
      { tier: 'type_2', startTier: 'type_1' },
      7,
      ['tier', 'criteria', 'better'],
    ],
    [
      'all 8 met, has activity',
      { tier: 'has_activity', startTier: 'has_activity', criteriaMet: [1, 2, 3, 4, 5, 6, 7, 8] },
      2,
      // Ready to be proposed for appraisal.
      ['tier', 'ready'],
    ],
    [
      'all 8 met but a hotspot alive',
      {
        tier: 'has_activity',
        startTier: 'has_activity',
        criteriaMet: [1, 2, 3, 4, 5, 6, 7, 8],
        activeHotspots: 1,
      },
      4,
      ['tier', 'hotspots'],
    ],
  ] as const)('%s', (_name, over, distance, codes) => {
    const d = distanceFromDrugFree(facts('x', over as Partial<CandidateFacts>));
    expect(d.distance).toBe(distance);
    expect(d.reasons.map((r) => r.code)).toEqual(codes);
  });

  it('names the unmet criteria by number', () => {
    const d = distanceFromDrugFree(facts('x', { criteriaMet: [1, 3, 4, 5, 6, 8] }));
    expect(d.reasons).toContainEqual({ code: 'criteria', unmet: [2, 7] });
  });
});

describe('ranking, easy first', () => {
  const list = [
    facts('hard', { tier: 'type_1', criteriaMet: null, activeHotspots: 3 }),
    facts('easy', { tier: 'has_activity', criteriaMet: [1, 2, 3, 4, 5, 6, 7] }),
    facts('mid', {}),
    facts('big-mid', { population: 9000 }),
    facts('done', { tier: 'drug_free', criteriaMet: [1, 2, 3, 4, 5, 6, 7, 8] }),
  ];
  it('orders by distance, then larger population, and leaves drug-free communes out', () => {
    expect(rankCandidates(list, []).map((c) => c.id)).toEqual(['easy', 'big-mid', 'mid', 'hard']);
  });
  it('puts the pinned ones first, in the planner’s order', () => {
    expect(rankCandidates(list, ['hard', 'mid']).map((c) => [c.id, c.pinned])).toEqual([
      ['hard', true],
      ['mid', true],
      ['easy', false],
      ['big-mid', false],
    ]);
  });
});

describe('filters', () => {
  const list = [
    facts('a', {
      tier: 'type_1',
      startTier: 'type_1',
      activeHotspots: 1,
      borderCommune: true,
      routeDistanceM: 500,
    }),
    facts('b', {
      tier: 'type_3',
      startTier: 'type_2',
      criteriaMet: [1, 2, 3, 4, 5, 6, 7],
      inPlan: true,
    }),
    facts('c', {
      tier: 'has_activity',
      startTier: 'has_activity',
      criteriaMet: null,
      population: 900,
      routeDistanceM: null,
    }),
  ];
  it.each([
    [{ tiers: ['type_1', 'type_3'] }, ['a', 'b']],
    [{ minCriteria: 7 }, ['b']],
    [{ activeHotspots: true }, ['a']],
    [{ activeHotspots: false }, ['b', 'c']],
    [{ trend: 'better' }, ['b']],
    [{ trend: 'same' }, ['a', 'c']],
    [{ borderOnly: true }, ['a']],
    [{ routeWithinM: 1000 }, ['a']],
    [{ minPopulation: 1000 }, ['a', 'b']],
    [{ maxPopulation: 1000 }, ['c']],
    [{ notInPlan: true }, ['a', 'c']],
    [{}, ['a', 'b', 'c']],
  ] as const)('%j keeps %j', (f, ids) => {
    expect(filterCandidates(list, f as never).map((c) => c.id)).toEqual(ids);
  });
  it('sums a selection: count, people, tiers, criteria still lacking', () => {
    expect(selectionStats(list)).toEqual({
      count: 3,
      population: 10_900,
      tiers: { type_1: 1, type_3: 1, has_activity: 1 },
      criteriaGaps: 2 + 1 + 8,
    });
  });
});

describe('what-if projection', () => {
  it('adds each chosen commune from its planned year, capped at every commune', () => {
    expect(projectDrugFree(10, 2, [2027, 2027, 2029], 2026, 2030)).toEqual([
      { year: 2026, count: 2, share: 0.2 },
      { year: 2027, count: 4, share: 0.4 },
      { year: 2028, count: 4, share: 0.4 },
      { year: 2029, count: 5, share: 0.5 },
      { year: 2030, count: 5, share: 0.5 },
    ]);
    expect(projectDrugFree(3, 2, [2027, 2027], 2026, 2027).at(-1)).toEqual({
      year: 2027,
      count: 3,
      share: 1,
    });
  });
  it.each([
    [{ label: '≥ 20 % now', year: 2026, share: 0.2 }, true],
    [{ label: '≥ 50 % by 2030', year: 2030, share: 0.5 }, true],
    [{ label: '100 % by 2030', year: 2030, share: 1 }, false],
    [{ label: '40 % by 2027', year: 2027, share: 0.4 }, true],
    [{ label: 'before the projection', year: 2020, share: 0.1 }, false],
  ])('%j met: %s', (target, met) => {
    expect(meetsTarget(projectDrugFree(10, 2, [2027, 2027, 2029], 2026, 2030), target)).toBe(met);
  });
  it('spreads a ranking over the years at a pace', () => {
    expect([...yearsByPace(['a', 'b', 'c', 'd', 'e'], 2, 2027)]).toEqual([
      ['a', 2027],
      ['b', 2027],
      ['c', 2028],
      ['d', 2028],
      ['e', 2029],
    ]);
  });
});

describe('choosing with an area drawn on the map', () => {
  const square = (x: number, y: number, d = 1) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
  const units = [
    { id: 'inside', geometry: square(0.5, 0.5) },
    { id: 'half-in', geometry: square(2.5, 0.5) },
    { id: 'outside', geometry: square(10, 10) },
  ];
  it('takes the units whose surface point lies in the area, whether the ring is closed or not', () => {
    const open: [number, number][] = [
      [0, 0],
      [3.2, 0],
      [3.2, 3],
      [0, 3],
    ];
    expect(unitsInArea(units, open)).toEqual(['inside', 'half-in']);
    expect(unitsInArea(units, [...open, [0, 0]])).toEqual(['inside', 'half-in']);
  });
  it('takes nothing for a ring of fewer than three corners', () => {
    expect(
      unitsInArea(units, [
        [0, 0],
        [5, 5],
      ]),
    ).toEqual([]);
  });
});
