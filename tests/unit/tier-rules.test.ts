import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DemoData } from '@pcmt/shared/demo-data';
import { metricsOf, RULESET_QD28_2025, suggestTier } from '@pcmt/shared/tier-rules';

const suggest = (values: Record<string, number | boolean>, population = 10_000) =>
  suggestTier(RULESET_QD28_2025, metricsOf(values, population));

describe('tier suggestion (Decision 28/2025 rule set)', () => {
  it('suggests type I when 3 type I criteria hold, and names them', () => {
    const s = suggest({
      registeredUsers: 60,
      organisedUsePlaces: 2,
      offendersArrested: 12,
      plantsDestroyed: 0,
    });
    expect(s.tier).toBe('type_1');
    expect(s.triggered.map((c) => c.id)).toEqual(['t1-users', 't1-places', 't1-offenders']);
  });
  it('needs 3: two type I criteria fall to a lower tier', () => {
    const s = suggest({
      registeredUsers: 60,
      organisedUsePlaces: 2,
      offendersArrested: 0,
      plantsDestroyed: 0,
    });
    expect(s.tier).not.toBe('type_1');
  });
  it('counts "2 type II criteria on a key route" as a type I criterion', () => {
    const off = suggest({
      registeredUsers: 60,
      organisedUsePlaces: 2,
      offendersArrested: 3,
      plantsDestroyed: 0,
      onKeyRoute: false,
    });
    const on = suggest({
      registeredUsers: 60,
      organisedUsePlaces: 2,
      offendersArrested: 3,
      plantsDestroyed: 0,
      onKeyRoute: true,
    });
    expect(off.tier).not.toBe('type_1');
    expect(on.tier).toBe('type_1');
    expect(on.triggered.map((c) => c.id)).toContain('type_1-route');
  });
  it.each([
    [{ registeredUsers: 35, organisedUsePlaces: 1, offendersArrested: 6 }, 'type_2'],
    [{ registeredUsers: 12, organisedUsePlaces: 0, offendersArrested: 3 }, 'type_3'],
    [{ registeredUsers: 5, organisedUsePlaces: 0, offendersArrested: 0 }, 'has_activity'],
  ])('%o → %s', (values, tier) => expect(suggest(values).tier).toBe(tier));
  it('suggests drug-free from the decision’s criteria the figures show: no place, no offender, no crop', () => {
    const s = suggest({
      registeredUsers: 4, // users under care do not bar drug-free status (criteria 3–5 are checked in the plan)
      organisedUsePlaces: 0,
      offendersArrested: 0,
      plantsDestroyed: 0,
      areaDestroyedM2: 0,
    });
    expect(s.tier).toBe('drug_free');
    expect(s.triggered.map((c) => c.id)).toEqual(['df-1', 'df-2', 'df-8']);
    // A missing figure shows nothing: no drug-free suggestion without the crop figures.
    expect(suggest({ registeredUsers: 0, organisedUsePlaces: 0, offendersArrested: 0 }).tier).toBe(
      'has_activity',
    );
  });
  it('needs one criterion for type III, and takes 500 plants or 125 m² for type II', () => {
    expect(suggest({ organisedUsePlaces: 1, offendersArrested: 0, registeredUsers: 0 }).tier).toBe(
      'type_3',
    );
    const s = suggest({ registeredUsers: 35, organisedUsePlaces: 1, areaDestroyedM2: 130 });
    expect(s.tier).toBe('type_2');
    expect(s.triggered.map((c) => c.id)).toContain('t2-plants');
  });
  it('counts "2 type III criteria on a key route" as a type II criterion', () => {
    // 1 place and 0.06% offenders are two type II criteria; with the key route they make three.
    const values = { registeredUsers: 15, offendersArrested: 6, organisedUsePlaces: 1 };
    expect(suggest({ ...values, onKeyRoute: false }).tier).toBe('type_3');
    const on = suggest({ ...values, onKeyRoute: true });
    expect(on.tier).toBe('type_2');
    expect(on.triggered.map((c) => c.id)).toContain('type_2-route');
  });
  it('names the rule set as users know it', () =>
    expect(suggest({ registeredUsers: 0 }).ruleSet).toBe('QĐ 28/2025/QĐ-TTg (v2)'));
  it('uses the thresholds at their boundary (≥)', () => {
    expect(
      suggest({ registeredUsers: 50, organisedUsePlaces: 2, offendersArrested: 10 }).tier,
    ).toBe('type_1');
    expect(
      suggest({ registeredUsers: 49, organisedUsePlaces: 2, offendersArrested: 10 }).tier,
    ).not.toBe('type_1');
  });
  it('counts 750 m² destroyed as the plant criterion', () => {
    const s = suggest({
      registeredUsers: 60,
      organisedUsePlaces: 2,
      offendersArrested: 0,
      plantsDestroyed: 0,
      areaDestroyedM2: 800,
    });
    expect(s.tier).toBe('type_1');
    expect(s.triggered.map((c) => c.id)).toContain('t1-plants');
  });
  it('marks which thresholds are confirmed', () => {
    expect(RULESET_QD28_2025.rules[0]!.criteria.every((c) => c.confirmed)).toBe(true);
    expect(
      RULESET_QD28_2025.rules[1]!.criteria.filter((c) => !c.confirmed).map((c) => c.id),
    ).toEqual(['t2-users']);
    expect(RULESET_QD28_2025.rules[2]!.criteria.every((c) => !c.confirmed)).toBe(true);
    expect(RULESET_QD28_2025.rules.map((r) => r.minCriteria)).toEqual([3, 3, 1]);
  });
});

describe('the demo’s decided tiers follow from the rule set applied to the demo’s figures', () => {
  const demo = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@pcmt/data/build/demo.json'), 'utf8'),
  ) as DemoData;
  const population = new Map(demo.units.map((u) => [u.id, u.population ?? null]));
  // Decision 28 classifies communes; a village's tier is the result of its transformation, with no figures.
  const communes = new Set(demo.units.filter((u) => u.level === 'commune').map((u) => u.id));
  const rows = demo.assessments
    .filter((a) => communes.has(a.unitId))
    .map((a) => ({
      a,
      suggested: suggestTier(RULESET_QD28_2025, metricsOf(a.criteria, population.get(a.unitId)!))
        .tier,
    }));
  it('agrees for at least 90 % of the demo assessments', () => {
    const agree = rows.filter((r) => r.suggested === r.a.tier).length;
    expect(rows.length).toBeGreaterThan(1500);
    expect(agree / rows.length).toBeGreaterThanOrEqual(0.9);
  });
  it('gives every decision that departs from the suggestion its reason', () => {
    const differ = rows.filter((r) => r.suggested !== r.a.tier);
    expect(differ.length).toBeGreaterThan(0);
    for (const { a } of differ)
      expect(a.note, a.id).toMatch(/Hội đồng quyết định .+ thay cho đề xuất .+: \S/);
  });
});
