import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DemoData } from '@pcmt/shared/demo-data';
import { parentOn } from '@pcmt/shared/state/villages';
import { phaseTargetsOn, phaseTargetsProblem, reaches } from '@pcmt/shared/state/phase-targets';
import { criteriaMetOn } from '@pcmt/shared/state/recognition';

const link = (fromUnitId: string, toUnitId: string, effectiveOn: string, share = 1) => ({
  fromUnitId,
  toUnitId,
  share,
  effectiveOn,
});

describe('a village’s commune on a date (parent per era)', () => {
  const links = [
    link('old-a', 'new-x', '2025-07-01'),
    link('old-b', 'new-x', '2025-07-01', 0.3),
    link('old-b', 'new-y', '2025-07-01', 0.7),
    link('new-x', 'newer-z', '2027-01-01'),
  ];
  it.each([
    ['old-a', '2025-06-30', 'old-a'],
    ['old-a', '2025-07-01', 'new-x'],
    ['old-a', '2027-01-01', 'newer-z'],
    // A split commune: the largest share
    ['old-b', '2025-08-01', 'new-y'],
    ['new-x', '2025-08-01', 'new-x'],
    ['lonely', '2030-01-01', 'lonely'],
  ])('%s on %s → %s', (from, date, expected) => expect(parentOn(from, date, links)).toBe(expected));
  it('stops on a loop of links and answers null for no parent', () => {
    expect(
      parentOn('p', '2030-01-01', [link('p', 'q', '2025-01-01'), link('q', 'p', '2025-01-01')]),
    ).toBe('p');
    expect(parentOn(null, '2030-01-01', links)).toBeNull();
  });
});

describe('a plan’s target tier per phase', () => {
  const phases = [
    { id: 'p3', ordinal: 3, startsOn: '2025-03-15', endsOn: '2025-08-14' },
    { id: 'p4', ordinal: 4, startsOn: '2025-08-15', endsOn: '2025-10-14' },
  ];
  // San Thàng's village: complex → less complex by 14/08/2025 → drug-free by 14/10/2025
  const targets = [
    { phaseId: 'p3', tier: 'has_activity' as const },
    { phaseId: 'p4', tier: 'drug_free' as const },
  ];
  const history = [
    { assessedOn: '2024-01-05', tier: 'type_3' as const },
    { assessedOn: '2025-08-01', tier: 'has_activity' as const },
    { assessedOn: '2025-10-20', tier: 'drug_free' as const },
  ];
  it('reads each phase on its last day, a running phase today', () => {
    expect(phaseTargetsOn(targets, phases, history, '2025-03-20').map((x) => x.state)).toEqual([
      'behind',
      'not_started',
    ]);
    expect(phaseTargetsOn(targets, phases, history, '2025-09-01').map((x) => x.state)).toEqual([
      'met',
      'behind',
    ]);
    // Drug-free six days after phase 4 ended: its target was missed, and stays missed.
    const late = phaseTargetsOn(targets, phases, history, '2025-11-01');
    expect(late.map((x) => [x.state, x.tier])).toEqual([
      ['met', 'has_activity'],
      ['missed', 'has_activity'],
    ]);
  });
  it('ranks tiers: better or equal reaches, unassessed reaches nothing', () => {
    expect(reaches('drug_free', 'has_activity')).toBe(true);
    expect(reaches('type_3', 'has_activity')).toBe(false);
    expect(reaches('unassessed', 'type_1')).toBe(false);
  });
  it('refuses a phase of another campaign, a phase twice, and aiming backwards', () => {
    expect(phaseTargetsProblem(targets, phases)).toBeNull();
    expect(phaseTargetsProblem([{ phaseId: 'x', tier: 'drug_free' }], phases)).toMatchObject({
      index: 0,
    });
    expect(phaseTargetsProblem([...targets, targets[0]!], phases)?.message).toMatch(/twice/);
    expect(
      phaseTargetsProblem(
        [
          { phaseId: 'p3', tier: 'drug_free' },
          { phaseId: 'p4', tier: 'type_3' },
        ],
        phases,
      ),
    ).toEqual({ index: 1, message: 'is worse than the target of phase 3' });
    expect(phaseTargetsProblem([{ phaseId: 'p3', tier: 'unassessed' }], phases)?.index).toBe(0);
  });
});

describe('seed 002’s village counts follow from the demo’s checks', () => {
  const demo = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@pcmt/data/build/demo.json'), 'utf8'),
  ) as DemoData;
  const villages = demo.units.filter((u) => u.level === 'village');
  const sanThang = demo.units.find((u) => u.name === 'Xã San Thàng')!;
  const plans = demo.plans.filter((p) => p.unitId.startsWith('vil-'));
  const fullOn = (day: string) =>
    plans.filter(
      (p) =>
        criteriaMetOn(
          p.criteria.map((c, id) => ({ ...c, id })),
          day,
        ).length === 8,
    ).length;
  it('holds Lai Châu city’s 72 villages, San Thàng’s 7, each in a commune of the city', () => {
    expect(villages).toHaveLength(72);
    expect(villages.filter((v) => v.parentId === sanThang.id)).toHaveLength(7);
    const city = demo.units.find((u) => u.name === 'Thành phố Lai Châu')!;
    for (const v of villages)
      expect(demo.units.find((u) => u.id === v.parentId)?.parentId, v.id).toBe(city.id);
    expect(plans).toHaveLength(72);
  });
  it('counts 17 at 8/8 after phase 1, at least 17 + 45 after phase 2, 71 at the end', () => {
    expect(fullOn('2024-03-31')).toBe(17);
    expect(fullOn('2025-03-14')).toBeGreaterThanOrEqual(62);
    expect(fullOn('2025-11-30')).toBe(71);
  });
  it('moves San Thàng’s villages to less complex by 14/08/2025 and drug-free by 14/10/2025', () => {
    const phases = demo.campaigns.find((c) => c.id === 'lch-2024-2025')!.phases;
    for (const v of villages.filter((x) => x.parentId === sanThang.id)) {
      const plan = plans.find((p) => p.unitId === v.id)!;
      const history = demo.assessments.filter((a) => a.unitId === v.id);
      expect(
        phaseTargetsOn(plan.phaseTargets ?? [], phases, history, '2025-11-30').map((x) => x.state),
        v.id,
      ).toEqual(['met', 'met']);
    }
  });
  it('moves every village of the city to its new commune on 01/07/2025', () => {
    for (const v of villages) {
      expect(parentOn(v.parentId, '2025-06-30', demo.crosswalk)).toBe(v.parentId);
      const after = parentOn(v.parentId, '2025-07-01', demo.crosswalk)!;
      expect(demo.units.find((u) => u.id === after)).toMatchObject({
        level: 'commune',
        validTo: null,
      });
    }
  });
});
