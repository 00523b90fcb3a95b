/**
 * Commune tier rules as data: a versioned rule set following Decision 28/2025/QĐ-TTg. Each
 * threshold names its source; `confirmed: false` marks a threshold we could not check against
 * the decision's text (the type II and III values are placeholders to be confirmed).
 */
import type { Tier } from './domain.ts';

export type Metric =
  | 'usersShare'
  | 'organisedUsePlaces'
  | 'offendersShare'
  | 'plantsDestroyed'
  | 'areaDestroyedM2'
  | 'onKeyRoute';

export interface Criterion {
  id: string;
  vi: string;
  en: string;
  metric: Metric;
  atLeast: number;
  /** The criterion also holds when this other figure reaches its threshold. */
  or?: { metric: Metric; atLeast: number };
  confirmed: boolean;
}

export interface TierRule {
  tier: Extract<Tier, 'type_1' | 'type_2' | 'type_3'>;
  /** How many of the criteria must hold. */
  minCriteria: number;
  criteria: Criterion[];
  /** Also counts as one criterion: at least this many type III criteria and on a key route. */
  typeThreeOnKeyRoute?: number;
}

export interface RuleSet {
  id: string;
  version: number;
  source: string;
  rules: TierRule[];
}

const c = (
  id: string,
  vi: string,
  en: string,
  metric: Metric,
  atLeast: number,
  confirmed: boolean,
  or?: Criterion['or'],
): Criterion => ({ id, vi, en, metric, atLeast, confirmed, ...(or ? { or } : {}) });

export const RULESET_QD28_2025: RuleSet = {
  id: 'qd-28-2025-qd-ttg',
  version: 1,
  source:
    'Quyết định 28/2025/QĐ-TTg, tiêu chí xã trọng điểm phức tạp về ma túy (thresholds of type I as quoted in the team issue; II and III unconfirmed)',
  rules: [
    {
      tier: 'type_1',
      minCriteria: 3,
      typeThreeOnKeyRoute: 2,
      criteria: [
        c(
          't1-users',
          'Người sử dụng, nghiện ≥ 0,5% dân số',
          'Users and addicts ≥ 0.5% of residents',
          'usersShare',
          0.005,
          true,
        ),
        c(
          't1-places',
          '≥ 2 điểm tổ chức sử dụng trái phép',
          '≥ 2 places of organised use',
          'organisedUsePlaces',
          2,
          true,
        ),
        c(
          't1-offenders',
          'Đối tượng phạm tội bị bắt ≥ 0,1% dân số',
          'Offenders arrested ≥ 0.1% of residents',
          'offendersShare',
          0.001,
          true,
        ),
        c(
          't1-plants',
          'Phá bỏ ≥ 3.000 cây hoặc ≥ 750 m² cây có chất ma túy',
          '≥ 3,000 narcotic plants or ≥ 750 m² destroyed',
          'plantsDestroyed',
          3000,
          true,
          { metric: 'areaDestroyedM2', atLeast: 750 },
        ),
      ],
    },
    {
      tier: 'type_2',
      minCriteria: 3,
      criteria: [
        c(
          't2-users',
          'Người sử dụng, nghiện ≥ 0,3% dân số',
          'Users and addicts ≥ 0.3% of residents',
          'usersShare',
          0.003,
          false,
        ),
        c(
          't2-places',
          '≥ 1 điểm tổ chức sử dụng trái phép',
          '≥ 1 place of organised use',
          'organisedUsePlaces',
          1,
          false,
        ),
        c(
          't2-offenders',
          'Đối tượng phạm tội bị bắt ≥ 0,05% dân số',
          'Offenders arrested ≥ 0.05% of residents',
          'offendersShare',
          0.0005,
          false,
        ),
        c(
          't2-plants',
          'Phá bỏ ≥ 1.500 cây có chất ma túy',
          '≥ 1,500 narcotic plants destroyed',
          'plantsDestroyed',
          1500,
          false,
        ),
      ],
    },
    {
      tier: 'type_3',
      minCriteria: 2,
      criteria: [
        c(
          't3-users',
          'Người sử dụng, nghiện ≥ 0,1% dân số',
          'Users and addicts ≥ 0.1% of residents',
          'usersShare',
          0.001,
          false,
        ),
        c(
          't3-places',
          '≥ 1 điểm tổ chức sử dụng trái phép',
          '≥ 1 place of organised use',
          'organisedUsePlaces',
          1,
          false,
        ),
        c(
          't3-offenders',
          'Đối tượng phạm tội bị bắt ≥ 0,02% dân số',
          'Offenders arrested ≥ 0.02% of residents',
          'offendersShare',
          0.0002,
          false,
        ),
        c(
          't3-plants',
          'Phá bỏ ≥ 500 cây có chất ma túy',
          '≥ 500 narcotic plants destroyed',
          'plantsDestroyed',
          500,
          false,
        ),
      ],
    },
  ],
};

export type Metrics = Partial<Record<Metric, number | boolean>>;

/** Metrics from an assessment's recorded values and the commune's population (shares are 0..1). */
export function metricsOf(
  values: Record<string, number | boolean>,
  population: number | null,
): Metrics {
  const n = (k: string) => (typeof values[k] === 'number' ? (values[k] as number) : undefined);
  const pop = population && population > 0 ? population : undefined;
  return {
    usersShare: pop && n('registeredUsers') !== undefined ? n('registeredUsers')! / pop : undefined,
    organisedUsePlaces: n('organisedUsePlaces'),
    offendersShare:
      pop && n('offendersArrested') !== undefined ? n('offendersArrested')! / pop : undefined,
    plantsDestroyed: n('plantsDestroyed'),
    areaDestroyedM2: n('areaDestroyedM2'),
    onKeyRoute: values.onKeyRoute === true,
  };
}

const reaches = (m: Metrics, metric: Metric, atLeast: number) =>
  typeof m[metric] === 'number' && (m[metric] as number) >= atLeast;
const holds = (cr: Criterion, m: Metrics) =>
  reaches(m, cr.metric, cr.atLeast) || (!!cr.or && reaches(m, cr.or.metric, cr.or.atLeast));

/** The worst tier whose rule holds, with exactly the criteria that triggered it; else `has_activity`, or `drug_free` when every figure is zero. */
export function suggestTier(
  set: RuleSet,
  m: Metrics,
): { tier: Tier; triggered: Criterion[]; ruleSet: string } {
  const typeThree = set.rules.find((r) => r.tier === 'type_3');
  for (const rule of set.rules) {
    const triggered = rule.criteria.filter((cr) => holds(cr, m));
    if (rule.typeThreeOnKeyRoute && m.onKeyRoute === true && typeThree) {
      const t3 = typeThree.criteria.filter((cr) => holds(cr, m));
      if (t3.length >= rule.typeThreeOnKeyRoute)
        triggered.push({
          id: `${rule.tier}-route`,
          vi: `Đạt ≥ ${rule.typeThreeOnKeyRoute} tiêu chí loại III và nằm trên tuyến trọng điểm`,
          en: `Meets ≥ ${rule.typeThreeOnKeyRoute} type III criteria and lies on a key route`,
          metric: 'onKeyRoute',
          atLeast: 1,
          confirmed: true,
        });
    }
    if (triggered.length >= rule.minCriteria)
      return { tier: rule.tier, triggered, ruleSet: `${set.id} v${set.version}` };
  }
  const anything = Object.values(m).some((v) => typeof v === 'number' && v > 0);
  return {
    tier: anything ? 'has_activity' : 'drug_free',
    triggered: [],
    ruleSet: `${set.id} v${set.version}`,
  };
}
