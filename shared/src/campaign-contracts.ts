/**
 * Zod contracts for authoring a campaign: the campaign, its phases with objectives and numeric targets,
 * quotas with their unit, report deadlines and age limits. Each refusal names its field (`phases.1.endsOn`).
 */
import { z } from 'zod';
import {
  DEADLINE_KINDS,
  HOTSPOT_KINDS,
  OBJECTIVE_COMPARATORS,
  OBJECTIVE_MEASURES,
  QUOTA_METRICS,
  QUOTA_UNITS,
} from './domain.ts';
import { IdSchema, IsoDateSchema } from './contracts.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const isShare = (m: string) => m.endsWith('_share');

/** An objective in the plan's words; with a measure it needs a comparator and a target (a share 0..1 or a count). */
export const ObjectiveInputSchema = z
  .object({
    text: text(500),
    measure: z.enum(OBJECTIVE_MEASURES).optional(),
    comparator: z.enum(OBJECTIVE_COMPARATORS).optional(),
    target: z.number().finite().min(0).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (!o.measure) {
      if (o.comparator !== undefined || o.target !== undefined)
        ctx.addIssue({ code: 'custom', path: ['measure'], message: 'required with a target' });
      return;
    }
    if (!o.comparator)
      ctx.addIssue({ code: 'custom', path: ['comparator'], message: 'required with a measure' });
    if (o.target === undefined)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'required with a measure' });
    else if (isShare(o.measure) ? o.target > 1 : !Number.isInteger(o.target))
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: isShare(o.measure) ? 'a share between 0 and 1 (0.5 = 50 %)' : 'a whole number',
      });
  });

const AgeLimitsSchema = z.partialRecord(z.enum(HOTSPOT_KINDS), z.number().int().min(1).max(36));

const PhaseShape = {
  name: text(200),
  nameEn: z.string().trim().max(200).default(''),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  objectives: z.array(ObjectiveInputSchema).max(20).default([]),
};
const PHASE_ORDER: [
  (p: { startsOn: string; endsOn: string }) => boolean,
  { path: string[]; message: string },
] = [(p) => p.startsOn <= p.endsOn, { path: ['endsOn'], message: 'must not be before startsOn' }];

export const PhaseInputSchema = z
  .object(PhaseShape)
  .strict()
  .refine(...PHASE_ORDER);

const QuotaFields = {
  agencyId: IdSchema.nullable().default(null),
  unitId: IdSchema.nullable().default(null),
  metric: z.enum(QUOTA_METRICS),
  unit: z.enum(QUOTA_UNITS),
  target: z.number().int().min(1).max(1_000_000),
  label: text(300),
};
const oneHolder = (q: { agencyId: string | null; unitId: string | null }) =>
  (q.agencyId === null) !== (q.unitId === null);
const HOLDER = {
  path: ['agencyId'],
  message: 'give either an agency or a district/commune (unitId)',
};

export const QuotaInputSchema = z
  .object({ phaseId: IdSchema.nullable().default(null), ...QuotaFields })
  .strict()
  .refine(oneHolder, HOLDER);
export const QuotaPatchSchema = z
  .object({
    phaseId: IdSchema.nullable().optional(),
    target: QuotaFields.target.optional(),
    label: QuotaFields.label.optional(),
    unit: QuotaFields.unit.optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const DeadlineInputSchema = z
  .object({
    phaseId: IdSchema.nullable().default(null),
    kind: z.enum(DEADLINE_KINDS),
    /** The last allowed day ("trước ngày 03/10" is stored as 02/10). */
    dueOn: IsoDateSchema,
    title: text(300),
  })
  .strict();
export const DeadlinePatchSchema = z
  .object({
    kind: z.enum(DEADLINE_KINDS).optional(),
    dueOn: IsoDateSchema.optional(),
    title: text(300).optional(),
    /** The day the report was sent, or null to clear it. */
    submittedOn: IsoDateSchema.nullable().optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

const CampaignFields = {
  name: text(300),
  nameEn: z.string().trim().max(300).default(''),
  /** Number and symbol as printed, e.g. "Số 123/KH-UBND". */
  documentNumber: z.string().trim().max(80).default(''),
  issuingBody: text(200),
  /** Who the reports go to ("Kính gửi"); left out, it stays as it is ('' on a new campaign). */
  reportTo: z.string().trim().max(300).optional(),
  issuedOn: IsoDateSchema.nullable().default(null),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
};

/** A row of a campaign as the editor sends it: a saved one names its id and the version edited. */
const Saved = { id: IdSchema.optional(), version: z.number().int().min(1).optional() };
const CampaignQuotaShape = {
  phase: z.number().int().min(0).nullable().default(null),
  ...QuotaFields,
};
const CampaignDeadlineShape = {
  phase: z.number().int().min(0).nullable().default(null),
  kind: DeadlineInputSchema.shape.kind,
  dueOn: DeadlineInputSchema.shape.dueOn,
  title: DeadlineInputSchema.shape.title,
};

/** The checks of a whole campaign: phases inside it, and quotas and deadlines naming a phase that is there. */
function checkCampaign(
  c: {
    startsOn: string;
    endsOn: string;
    phases: { startsOn: string; endsOn: string }[];
    quotas: { phase: number | null }[];
    deadlines: { phase: number | null }[];
  },
  ctx: z.RefinementCtx,
) {
  if (c.startsOn > c.endsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
  c.phases.forEach((p, i) => {
    if (p.startsOn < c.startsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['phases', i, 'startsOn'],
        message: `must lie inside the campaign (from ${c.startsOn})`,
      });
    if (p.endsOn > c.endsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['phases', i, 'endsOn'],
        message: `must lie inside the campaign (to ${c.endsOn})`,
      });
  });
  const ref = (list: { phase: number | null }[], name: string) =>
    list.forEach((x, i) => {
      if (x.phase !== null && x.phase >= c.phases.length)
        ctx.addIssue({
          code: 'custom',
          path: [name, i, 'phase'],
          message: `no phase ${x.phase} (there are ${c.phases.length})`,
        });
    });
  ref(c.quotas, 'quotas');
  ref(c.deadlines, 'deadlines');
}

/** A new campaign with its phases; quotas and deadlines name their phase by its index in `phases`. */
export const CampaignInputSchema = z
  .object({
    ...CampaignFields,
    ageLimitsMonths: AgeLimitsSchema.default({}),
    phases: z.array(PhaseInputSchema).min(1).max(12),
    quotas: z
      .array(z.object(CampaignQuotaShape).strict().refine(oneHolder, HOLDER))
      .max(200)
      .default([]),
    deadlines: z.array(z.object(CampaignDeadlineShape).strict()).max(50).default([]),
  })
  .strict()
  .superRefine(checkCampaign);

/**
 * A saved campaign edited as a whole, written in one transaction: rows with an id are edited at the
 * version named, rows without one are added. Every saved phase is listed (phases are not deleted).
 */
export const CampaignEditSchema = z
  .object({
    ...CampaignFields,
    ageLimitsMonths: AgeLimitsSchema.default({}),
    version: z.number().int().min(1),
    phases: z
      .array(
        z
          .object({ ...Saved, ...PhaseShape })
          .strict()
          .refine(...PHASE_ORDER),
      )
      .min(1)
      .max(12),
    quotas: z
      .array(
        z
          .object({ ...Saved, ...CampaignQuotaShape })
          .strict()
          .refine(oneHolder, HOLDER),
      )
      .max(200)
      .default([]),
    deadlines: z
      .array(z.object({ ...Saved, ...CampaignDeadlineShape }).strict())
      .max(50)
      .default([]),
  })
  .strict()
  .superRefine(checkCampaign);
export type CampaignEdit = z.infer<typeof CampaignEditSchema>;
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

/** An edit of the campaign's own fields; phases, quotas and deadlines have their own routes. */
export const CampaignPatchSchema = z
  .object({
    name: CampaignFields.name.optional(),
    nameEn: z.string().trim().max(300).optional(),
    documentNumber: z.string().trim().max(80).optional(),
    issuingBody: CampaignFields.issuingBody.optional(),
    issuedOn: IsoDateSchema.nullable().optional(),
    startsOn: IsoDateSchema.optional(),
    endsOn: IsoDateSchema.optional(),
    ageLimitsMonths: AgeLimitsSchema.optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const PhasePatchSchema = z
  .object({
    name: text(200).optional(),
    nameEn: z.string().trim().max(200).optional(),
    startsOn: IsoDateSchema.optional(),
    endsOn: IsoDateSchema.optional(),
    objectives: z.array(ObjectiveInputSchema).max(20).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

/** A copy of a campaign as the start of a new one: every date moves by the same number of days. */
export const CampaignCopySchema = z
  .object({
    name: text(300),
    startsOn: IsoDateSchema,
    documentNumber: z.string().trim().max(80).default(''),
  })
  .strict();
