/**
 * Commune tier rules as data: a versioned rule set following QĐ 28/2025/QĐ-TTg. Each threshold names its source;
 * `confirmed: false` marks a threshold the decision's published summaries do not give (type II's users band and every
 * type III threshold).
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
  /** The tier's own key-route criterion: at least `atLeast` criteria of the tier `of` (or above) hold, on a key route. */
  keyRoute?: { of: 'type_2' | 'type_3'; atLeast: number; confirmed: boolean };
}

/** A criterion of a drug-free area (địa bàn không ma túy) that the figures can show: the figure is 0. */
export interface DrugFreeCriterion {
  id: string;
  /** The number of the criterion among the 8 of a drug-free village or commune. */
  criterion: number;
  vi: string;
  en: string;
  /** Every one of these figures is 0 (a missing figure shows nothing). */
  zero: Metric[];
  /** And these are 0 when given (the commune figures carry no area, only plants). */
  zeroWhenGiven?: Metric[];
}

export interface RuleSet {
  id: string;
  /** How the rule set is named to users. */
  label: string;
  version: number;
  source: string;
  rules: TierRule[];
  drugFree: DrugFreeCriterion[];
  /** What the decision sets that the rule set does not model, in words. */
  notModelled: { vi: string; en: string }[];
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

/**
 * Quyết định 28/2025/QĐ-TTg of 24/08/2025 (criteria for key routes, key complex areas and drug-free areas; replaces
 * QĐ 3122/2010/QĐ-BCA), from the government newspaper's summary and its translations. `confirmed: false` marks what
 * the summaries do not give: the type II users' band and every type III threshold.
 */
export const RULESET_QD28_2025: RuleSet = {
  id: 'qd-28-2025-qd-ttg',
  label: 'QĐ 28/2025/QĐ-TTg',
  version: 2,
  source:
    'Quyết định 28/2025/QĐ-TTg ngày 24/08/2025 của Thủ tướng Chính phủ (tóm tắt của Báo Chính phủ): loại I và II cần ít nhất 3 tiêu chí, loại III ít nhất 1',
  rules: [
    {
      tier: 'type_1',
      minCriteria: 3,
      keyRoute: { of: 'type_2', atLeast: 2, confirmed: true },
      criteria: [
        c(
          't1-users',
          'Người sử dụng, nghiện có hồ sơ quản lý ≥ 0,5% dân số',
          'Users and addicts with a management file ≥ 0.5% of residents',
          'usersShare',
          0.005,
          true,
        ),
        c(
          't1-places',
          '≥ 2 điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy',
          '≥ 2 places organising or harbouring illegal use',
          'organisedUsePlaces',
          2,
          true,
        ),
        c(
          't1-offenders',
          'Đối tượng phạm tội về ma túy bị bắt ≥ 0,1% dân số',
          'Drug offenders arrested ≥ 0.1% of residents',
          'offendersShare',
          0.001,
          true,
        ),
        c(
          't1-plants',
          'Phát hiện, phá bỏ ≥ 3.000 cây hoặc ≥ 750 m² cây có chứa chất ma túy',
          '≥ 3,000 plants containing narcotics or ≥ 750 m² found and destroyed',
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
      keyRoute: { of: 'type_3', atLeast: 2, confirmed: true },
      criteria: [
        c(
          't2-users',
          'Người sử dụng, nghiện có hồ sơ quản lý ≥ 0,3% dân số',
          'Users and addicts with a management file ≥ 0.3% of residents',
          'usersShare',
          0.003,
          false,
        ),
        c(
          't2-places',
          '1 điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy',
          '1 place organising or harbouring illegal use',
          'organisedUsePlaces',
          1,
          true,
        ),
        c(
          't2-offenders',
          'Đối tượng phạm tội về ma túy bị bắt từ 0,05% dân số',
          'Drug offenders arrested from 0.05% of residents',
          'offendersShare',
          0.0005,
          true,
        ),
        c(
          't2-plants',
          'Phát hiện, phá bỏ từ khoảng 500 cây hoặc từ 125 m² cây có chứa chất ma túy',
          'From about 500 plants or from 125 m² containing narcotics found and destroyed',
          'plantsDestroyed',
          500,
          true,
          { metric: 'areaDestroyedM2', atLeast: 125 },
        ),
      ],
    },
    {
      tier: 'type_3',
      minCriteria: 1,
      criteria: [
        c(
          't3-users',
          'Người sử dụng, nghiện có hồ sơ quản lý ≥ 0,1% dân số',
          'Users and addicts with a management file ≥ 0.1% of residents',
          'usersShare',
          0.001,
          false,
        ),
        c(
          't3-places',
          'Có điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy',
          'A place organising or harbouring illegal use',
          'organisedUsePlaces',
          1,
          false,
        ),
        c(
          't3-offenders',
          'Đối tượng phạm tội về ma túy bị bắt ≥ 0,02% dân số',
          'Drug offenders arrested ≥ 0.02% of residents',
          'offendersShare',
          0.0002,
          false,
        ),
        c(
          't3-plants',
          'Phát hiện, phá bỏ ≥ 100 cây hoặc ≥ 25 m² cây có chứa chất ma túy',
          '≥ 100 plants or ≥ 25 m² containing narcotics found and destroyed',
          'plantsDestroyed',
          100,
          false,
          { metric: 'areaDestroyedM2', atLeast: 25 },
        ),
      ],
    },
  ],
  drugFree: [
    {
      id: 'df-1',
      criterion: 1,
      vi: 'Không có điểm, tụ điểm, đối tượng bán lẻ, nơi tổ chức và sử dụng trái phép chất ma túy',
      en: 'No point or cluster, retail seller or place organising and using drugs',
      zero: ['organisedUsePlaces'],
    },
    {
      id: 'df-2',
      criterion: 2,
      vi: 'Không có đối tượng phạm tội về ma túy cư trú trên địa bàn',
      en: 'No drug offender residing in the area',
      zero: ['offendersShare'],
    },
    {
      id: 'df-8',
      criterion: 8,
      vi: 'Không có diện tích trồng cây có chứa chất ma túy',
      en: 'No plants containing narcotics grown',
      zero: ['plantsDestroyed'],
      zeroWhenGiven: ['areaDestroyedM2'],
    },
  ],
  notModelled: [
    {
      vi: 'Tiêu chí 3–7 của địa bàn không ma túy (quản lý người nghiện, điều trị thay thế, cam kết, mô hình) xét theo 8 tiêu chí của kế hoạch chuyển hóa, không từ số liệu',
      en: 'Drug-free criteria 3–7 (care of users, substitution therapy, pledges, models) are judged by the plan’s 8 criteria checks, not from figures',
    },
    {
      vi: 'Tiêu chí tỉnh trọng điểm, phức tạp về ma túy (người sử dụng ≥ 0,2% dân số tỉnh, ≥ 5 điểm, đối tượng ≥ 0,05% …): chưa mô hình hóa',
      en: 'Criteria for key complex provinces (users ≥ 0.2% of the province, ≥ 5 places, offenders ≥ 0.05% …): not modelled',
    },
    {
      vi: 'Tiêu chí tuyến trọng điểm: các tuyến do tỉnh đăng ký, không tính từ số liệu',
      en: 'Key-route criteria: the routes are registered by the province, not computed from figures',
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
    // No offender is a share of 0 whatever the population (a drug-free criterion needs no population to hold).
    offendersShare:
      n('offendersArrested') === 0
        ? 0
        : pop && n('offendersArrested') !== undefined
          ? n('offendersArrested')! / pop
          : undefined,
    plantsDestroyed: n('plantsDestroyed'),
    areaDestroyedM2: n('areaDestroyedM2'),
    onKeyRoute: values.onKeyRoute === true,
  };
}

const reaches = (m: Metrics, metric: Metric, atLeast: number) =>
  typeof m[metric] === 'number' && (m[metric] as number) >= atLeast;
const holds = (cr: Criterion, m: Metrics) =>
  reaches(m, cr.metric, cr.atLeast) || (!!cr.or && reaches(m, cr.or.metric, cr.or.atLeast));

const byTier = (set: RuleSet, tier: TierRule['tier']) => set.rules.find((r) => r.tier === tier)!;

/**
 * The worst tier whose rule holds, with exactly the criteria that triggered it. Below type III: `drug_free` when the
 * figures show every drug-free criterion they can (no place of use, no offender, no crop: the criteria met are listed),
 * else `has_activity`. A missing figure shows nothing, so it never makes a commune drug-free.
 */
export function suggestTier(
  set: RuleSet,
  m: Metrics,
): { tier: Tier; triggered: Criterion[]; ruleSet: string } {
  const ruleSet = `${set.label} (v${set.version})`;
  for (const rule of set.rules) {
    const triggered = rule.criteria.filter((cr) => holds(cr, m));
    if (rule.keyRoute && m.onKeyRoute === true) {
      const lower = byTier(set, rule.keyRoute.of).criteria.filter((cr) => holds(cr, m));
      if (lower.length >= rule.keyRoute.atLeast) {
        const name = rule.keyRoute.of === 'type_2' ? 'II' : 'III';
        triggered.push({
          id: `${rule.tier}-route`,
          vi: `Đạt ≥ ${rule.keyRoute.atLeast} tiêu chí loại ${name} trở lên và nằm trên tuyến trọng điểm`,
          en: `Meets ≥ ${rule.keyRoute.atLeast} criteria of type ${name} or above and lies on a key route`,
          metric: 'onKeyRoute',
          atLeast: 1,
          confirmed: rule.keyRoute.confirmed,
        });
      }
    }
    if (triggered.length >= rule.minCriteria) return { tier: rule.tier, triggered, ruleSet };
  }
  const met = set.drugFree.filter(
    (d) =>
      d.zero.every((k) => m[k] === 0) &&
      (d.zeroWhenGiven ?? []).every((k) => m[k] === undefined || m[k] === 0),
  );
  if (met.length === set.drugFree.length)
    return {
      tier: 'drug_free',
      triggered: met.map((d) => ({
        id: d.id,
        vi: `Tiêu chí ${d.criterion}: ${d.vi}`,
        en: `Criterion ${d.criterion}: ${d.en}`,
        metric: d.zero[0]!,
        atLeast: 0,
        confirmed: true,
      })),
      ruleSet,
    };
  return { tier: 'has_activity', triggered: [], ruleSet };
}
