import { describe, expect, it } from 'vitest';
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
  it('counts "2 type III criteria on a key route" as a type I criterion', () => {
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
  it('suggests drug-free only when every figure is zero', () =>
    expect(
      suggest({
        registeredUsers: 0,
        organisedUsePlaces: 0,
        offendersArrested: 0,
        plantsDestroyed: 0,
      }).tier,
    ).toBe('drug_free'));
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
    expect(RULESET_QD28_2025.rules[1]!.criteria.some((c) => !c.confirmed)).toBe(true);
  });
});
