/**
 * Commune figures per period: the inputs of the tier rules of Decision 28/2025 (shared/src/tier-rules.ts),
 * one row per commune and period, entered in a form or through the .xlsx template. Counts only: no person.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './contracts.ts';
import { metricsOf, RULESET_QD28_2025, suggestTier, type Criterion } from './tier-rules.ts';
import type { Tier } from './domain.ts';

export const FIGURE_FIELDS = [
  {
    key: 'population',
    kind: 'count',
    vi: 'Dân số thường trú',
    en: 'Resident population',
  },
  {
    key: 'registeredUsers',
    kind: 'count',
    vi: 'Người sử dụng, nghiện có hồ sơ quản lý',
    en: 'Users and addicts with a management file',
  },
  {
    key: 'organisedUsePlaces',
    kind: 'count',
    vi: 'Điểm tổ chức, chứa chấp sử dụng trái phép',
    en: 'Places of organised use',
  },
  {
    key: 'offendersArrested',
    kind: 'count',
    vi: 'Đối tượng phạm tội về ma túy bị bắt',
    en: 'Drug offenders arrested',
  },
  {
    key: 'plantsDestroyed',
    kind: 'count',
    vi: 'Cây có chứa chất ma túy bị phá bỏ (cây)',
    en: 'Narcotic plants destroyed',
  },
  {
    key: 'areaDestroyedM2',
    kind: 'area',
    vi: 'Diện tích cây có chứa chất ma túy phá bỏ (m²)',
    /** The header of templates written before the words of QĐ 28 were used. */
    formerly: ['Diện tích cây có chất ma túy phá bỏ (m²)'],
    en: 'Area of narcotic plants destroyed (m²)',
  },
  {
    key: 'onKeyRoute',
    kind: 'flag',
    vi: 'Nằm trên tuyến trọng điểm (có/không)',
    en: 'Lies on a key route (yes/no)',
  },
] as const;
export type FigureKey = (typeof FIGURE_FIELDS)[number]['key'];

const Count = z.number().int().min(0).max(100_000_000).nullable().optional();

/** The figures themselves; a missing or null figure is one not entered for the period. */
export const FigureValuesSchema = z.object({
  population: z.number().int().min(1).max(100_000_000).nullable().optional(),
  registeredUsers: Count,
  organisedUsePlaces: Count,
  offendersArrested: Count,
  plantsDestroyed: Count,
  areaDestroyedM2: z.number().finite().min(0).max(1e9).nullable().optional(),
  onKeyRoute: z.boolean().nullable().optional(),
});
export type FigureValues = z.infer<typeof FigureValuesSchema>;

export const FiguresInputSchema = FigureValuesSchema.extend({
  unitId: IdSchema,
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  /** The version edited, when the commune already has figures for the period. */
  version: z.number().int().min(1).optional(),
})
  .strict()
  .refine((f) => f.periodFrom <= f.periodTo, {
    path: ['periodTo'],
    message: 'the period ends before it starts',
  });

export const FiguresQuerySchema = z.object({
  province: z
    .string()
    .regex(/^[a-z-]{2,40}$/)
    .optional(),
  unit: IdSchema.optional(),
});

export const FiguresTemplateQuerySchema = z
  .object({
    province: z
      .string()
      .regex(/^[a-z-]{2,40}$/)
      .optional(),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
  })
  .refine((f) => f.periodFrom <= f.periodTo, {
    path: ['periodTo'],
    message: 'the period ends before it starts',
  });

export interface FiguresRow extends FigureValues {
  id: string;
  unitId: string;
  periodFrom: string;
  periodTo: string;
  /** The day (Asia/Ho_Chi_Minh) the figures were last written. */
  recordedOn: string;
  version: number;
}

export interface Suggestion {
  tier: Tier;
  triggered: Criterion[];
  ruleSet: string;
}

/** The tier the rule set suggests from a period's figures; the unit's own population when none was entered. */
export function suggestFromFigures(f: FigureValues, unitPopulation: number | null): Suggestion {
  const values: Record<string, number | boolean> = {};
  for (const { key } of FIGURE_FIELDS) {
    const v = f[key];
    if (v !== null && v !== undefined) values[key] = v;
  }
  return suggestTier(RULESET_QD28_2025, metricsOf(values, f.population ?? unitPopulation));
}

/** One commune's row of an import preview: what changes, and the suggested tier before and after. */
export interface FiguresPreviewRow {
  row: number;
  unitId: string;
  code: string;
  name: string;
  changes: { key: FigureKey; before: number | boolean | null; after: number | boolean | null }[];
  before: SuggestionBrief | null;
  after: SuggestionBrief | null;
}
export interface SuggestionBrief {
  tier: Tier;
  ruleSet: string;
  triggered: { id: string; vi: string; en: string; confirmed: boolean }[];
}
/** The answer of an import, previewed (`committed: false`) or written. */
export interface FiguresPreview {
  province: string;
  provinceName: string;
  periodFrom: string;
  periodTo: string;
  /** The units of the era valid on this day are the communes of the file. */
  eraDay: string;
  rows: FiguresPreviewRow[];
  unchanged: number;
  committed: boolean;
  written: number;
}

/** The periods a province reports on: each year and its two halves, newest first, up to `today`'s year. */
export function reportingPeriods(today: string, years = 4) {
  const y = Number(today.slice(0, 4));
  const out: { from: string; to: string; vi: string; en: string }[] = [];
  for (let year = y; year > y - years; year--) {
    out.push(
      { from: `${year}-01-01`, to: `${year}-12-31`, vi: `Năm ${year}`, en: `Year ${year}` },
      {
        from: `${year}-07-01`,
        to: `${year}-12-31`,
        vi: `6 tháng cuối năm ${year}`,
        en: `H2 ${year}`,
      },
      {
        from: `${year}-01-01`,
        to: `${year}-06-30`,
        vi: `6 tháng đầu năm ${year}`,
        en: `H1 ${year}`,
      },
    );
  }
  return out;
}
