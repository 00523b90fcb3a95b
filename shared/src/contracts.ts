/** Zod contracts for API input, used by the server to validate and by the web to build requests. */
import { z } from 'zod';
import {
  AGENCY_KINDS,
  BORDERS,
  CROSSING_KINDS,
  EVENT_KINDS,
  HOTSPOT_KINDS,
  HOTSPOT_STATUSES,
  MEETING_LEVELS,
  PLAN_STATUSES,
  TIERS,
  UNIT_LEVELS,
} from './domain.ts';
import { ROLES } from './policy.ts';
import { RECOGNITION_STEPS } from './state/recognition.ts';
import { isIsoDate } from './dates.ts';

export const IsoDateSchema = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
export const SlugSchema = z
  .string()
  .regex(/^[a-z][a-z-]{1,40}$/, 'must be a province slug such as lao-cai');
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be an identifier');

/** `west,south,east,north` in degrees. */
export const BBoxParamSchema = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .refine(
    (n) =>
      n.length === 4 &&
      n.every(Number.isFinite) &&
      n[0]! <= n[2]! &&
      n[1]! <= n[3]! &&
      n[0]! >= -180 &&
      n[2]! <= 180 &&
      n[1]! >= -90 &&
      n[3]! <= 90,
    'must be west,south,east,north in degrees',
  );

export const UnitsQuerySchema = z.object({
  level: z.enum(UNIT_LEVELS).default('commune'),
  province: SlugSchema.optional(),
  asOf: IsoDateSchema.optional(),
  bbox: BBoxParamSchema.optional(),
  /** The province's `unitsVersion` (from /api/provinces): under it, an answer for a past day is kept a year. */
  v: z.string().max(64).optional(),
});
export type UnitsQuery = z.infer<typeof UnitsQuerySchema>;

/** `v`: the basemap's version (from /api/auth/me); under it the answer is kept a year. */
export const BasemapQuerySchema = z.object({ v: z.string().max(64).optional() });

export const HotspotsQuerySchema = z.object({
  province: SlugSchema.optional(),
  asOf: IsoDateSchema.optional(),
  since: IsoDateSchema.optional(),
  campaign: IdSchema.optional(),
  phase: IdSchema.optional(),
  kind: z.enum(HOTSPOT_KINDS).optional(),
  status: z.enum(HOTSPOT_STATUSES).optional(),
  unit: IdSchema.optional(),
});
export type HotspotsQuery = z.infer<typeof HotspotsQuerySchema>;

export const CrossingsQuerySchema = z.object({
  province: SlugSchema.optional(),
  border: z.enum(BORDERS).optional(),
  kind: z.enum(CROSSING_KINDS).optional(),
});

export const ProvinceQuerySchema = z.object({
  province: SlugSchema.optional(),
  asOf: IsoDateSchema.optional(),
});

export const EventsQuerySchema = z.object({
  crossing: IdSchema.optional(),
  border: z.enum(BORDERS).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

// ---- writes (strict: an unknown field such as province, unit owner or version is refused) ----

export const LoginSchema = z
  .object({ username: z.string().min(1).max(80), password: z.string().min(1).max(200) })
  .strict();

export const AssessmentInputSchema = z
  .object({
    unitId: IdSchema,
    assessedOn: IsoDateSchema,
    tier: z.enum(TIERS),
    criteria: z.record(z.string().max(40), z.union([z.number().finite(), z.boolean()])).default({}),
    note: z.string().max(2000).default(''),
  })
  .strict();

export const ProgressInputSchema = z
  .object({
    recordedOn: IsoDateSchema,
    value: z.number().int().min(-10000).max(10000),
    note: z.string().max(2000).default(''),
  })
  .strict();

export const EliminateInputSchema = z
  .object({ eliminatedOn: IsoDateSchema, version: z.number().int().min(1).optional() })
  .strict();

export const ReEmergeInputSchema = z
  .object({ identifiedOn: IsoDateSchema, note: z.string().max(2000).default('') })
  .strict();

const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
/**
 * A crossing's profile: opening hours in Vietnam's time (both or neither; the service answers 422 naming `closesAt`),
 * the counterpart's names in its own script (Chinese for VN–CN, Lao for VN–LA) and our other units responsible at it.
 */
const crossingFields = {
  kind: z.enum(CROSSING_KINDS),
  name: z.string().trim().min(1).max(200),
  border: z.enum(BORDERS),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  counterpartGate: z.string().max(200).nullable(),
  counterpartProvince: z.string().min(1).max(200),
  counterpartCountry: z.enum(['CN', 'LA']),
  opensAt: ClockTimeSchema.nullable(),
  closesAt: ClockTimeSchema.nullable(),
  /** Days, seasons, who may pass: the hours' own words. */
  hoursNote: z.string().trim().max(300),
  /** The hours and the names in the counterpart's script come from no published source (giả định). */
  profileAssumed: z.boolean(),
  counterpartGateLocal: z.string().trim().min(1).max(200).nullable(),
  counterpartProvinceLocal: z.string().trim().min(1).max(200).nullable(),
  /** Our units responsible at the crossing besides its border-guard station (customs, border police …). */
  partnerAgencyIds: z.array(IdSchema).max(10),
};
export const CrossingInputSchema = z
  .object({
    ...crossingFields,
    counterpartGate: crossingFields.counterpartGate.default(null),
    opensAt: crossingFields.opensAt.default(null),
    closesAt: crossingFields.closesAt.default(null),
    hoursNote: crossingFields.hoursNote.default(''),
    profileAssumed: crossingFields.profileAssumed.default(false),
    counterpartGateLocal: crossingFields.counterpartGateLocal.default(null),
    counterpartProvinceLocal: crossingFields.counterpartProvinceLocal.default(null),
    partnerAgencyIds: crossingFields.partnerAgencyIds.default([]),
  })
  .strict();
/** An edit of a crossing: only the fields sent change (no defaults here, so nothing unsent is reset). */
export const CrossingPatchSchema = z
  .object(crossingFields)
  .partial()
  .extend({ version: z.number().int().min(1).optional() })
  .strict();

/** A follow-up of an event: what is to be done and by when (on or after the event's day). */
export const FollowUpInputSchema = z
  .object({ text: z.string().trim().min(1).max(500), dueOn: IsoDateSchema })
  .strict();
/** A joint patrol's track as drawn on the map: a WGS 84 line of 2 to 2,000 vertices. */
export const TrackSchema = z
  .object({
    type: z.literal('LineString'),
    coordinates: z
      .array(
        z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]),
      )
      .min(2)
      .max(2000),
  })
  .strict();

/**
 * A coordination event. Across fields (the service answers 422 naming the field): a meeting names its level, and only a
 * meeting does; a quantity only for the kinds that count one (EVENT_QUANTITY_UNITS); a track only for a joint patrol;
 * no date after today; no follow-up due before the event.
 */
const eventFields = {
  kind: z.enum(EVENT_KINDS),
  occurredOn: IsoDateSchema,
  counterpart: z.string().trim().min(1).max(300),
  summary: z.string().trim().min(1).max(4000),
  level: z.enum(MEETING_LEVELS).nullable(),
  /** Our units that took part besides the writer's own. */
  agencyIds: z.array(IdSchema).max(10),
  /** The units across the border, as they name themselves; never a person. */
  counterpartUnits: z.array(z.string().trim().min(1).max(200)).max(10),
  outcome: z.string().trim().max(4000),
  quantity: z.number().finite().min(0).max(1e9).nullable(),
  track: TrackSchema.nullable(),
};
export const EventInputSchema = z
  .object({
    ...eventFields,
    crossingId: IdSchema,
    level: eventFields.level.default(null),
    agencyIds: eventFields.agencyIds.default([]),
    counterpartUnits: eventFields.counterpartUnits.default([]),
    outcome: eventFields.outcome.default(''),
    quantity: eventFields.quantity.default(null),
    track: eventFields.track.default(null),
    followUps: z.array(FollowUpInputSchema).max(20).default([]),
  })
  .strict();
/**
 * An edit of an event: only the fields sent change (no defaults here); its follow-ups are edited one by one
 * (FollowUpPatchSchema), new ones added with `addFollowUps`.
 */
export const EventPatchSchema = z
  .object(eventFields)
  .partial()
  .extend({
    addFollowUps: z.array(FollowUpInputSchema).max(20).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export const FollowUpPatchSchema = z
  .object({
    /** The day it was done; null reopens it. */
    doneOn: IsoDateSchema.nullable().optional(),
    text: z.string().trim().min(1).max(500).optional(),
    dueOn: IsoDateSchema.optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

/** The coordination history: one page, filtered by crossing, kind, level and dates. */
export const RegistryQuerySchema = z.object({
  province: SlugSchema.optional(),
  crossing: IdSchema.optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  level: z.enum(MEETING_LEVELS).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The target tier by the end of a phase of the plan's campaign (San Thàng: less complex by phase 3, drug-free by 4). */
export const PhaseTargetSchema = z.object({ phaseId: IdSchema, tier: z.enum(TIERS) }).strict();
export const PlanPatchSchema = z
  .object({
    targetTier: z.enum(TIERS).optional(),
    phaseTargets: z.array(PhaseTargetSchema).max(20).optional(),
    targetDate: IsoDateSchema.optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();
/** One of the 8 drug-free criteria: met or not, on a date. */
export const CriterionInputSchema = z
  .object({
    met: z.boolean(),
    checkedOn: IsoDateSchema,
    note: z.string().max(2000).default(''),
    version: z.number().int().min(1).optional(),
  })
  .strict();

/** A plan as a file: Word (the "Kế hoạch") or Excel. */
export const PlanExportQuerySchema = z.object({ format: z.enum(['docx', 'xlsx']).default('docx') });

/** A step toward recognition as drug-free (shared/src/state/recognition.ts), under the plan's version. */
export const RecognitionStepInputSchema = z
  .object({
    step: z.enum(RECOGNITION_STEPS),
    /** The day it took effect (the decision's date); not after today. */
    on: IsoDateSchema,
    /** The decision's number and symbol, e.g. "12/QĐ-UBND" (appraisal and recognition). */
    decisionNumber: z.string().trim().min(1).max(80).nullable().default(null),
    /** What was found or decided: places and facts, never a person's name. */
    note: z.string().trim().max(2000).default(''),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const UserInputSchema = z
  .object({
    username: z.string().regex(/^[a-z0-9._-]{3,40}$/, 'must be 3–40 of a-z, 0-9, . _ -'),
    password: z.string().min(1).max(200),
    role: z.enum(ROLES),
    provinceSlug: SlugSchema.nullable(),
    agencyId: IdSchema.nullable().default(null),
    title: z.string().max(200).default(''),
  })
  .strict();
export const UserPatchSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    provinceSlug: SlugSchema.nullable().optional(),
    agencyId: IdSchema.nullable().optional(),
    title: z.string().max(200).optional(),
    unlock: z.literal(true).optional(),
    password: z.string().min(1).max(200).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const AuditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  action: z.string().max(100).optional(),
  username: z.string().max(80).optional(),
  outcome: z.enum(['ok', 'denied', 'failed', 'conflict', 'locked']).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

/** The export takes the same filters; `zip` adds the CSV's SHA-256 and a manifest beside it. */
export const AuditExportQuerySchema = AuditQuerySchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'zip']).default('csv'),
});

/** An upload's query: `commit=0` previews the file, `commit=1` writes it. */
export const ImportQuerySchema = z.object({ commit: z.enum(['0', '1']).default('0') });

export const PlanInputSchema = z
  .object({
    unitId: IdSchema,
    targetTier: z.enum(TIERS),
    targetDate: IsoDateSchema,
    campaignId: IdSchema.nullable().default(null),
    targetPhaseId: IdSchema.nullable().default(null),
    phaseTargets: z.array(PhaseTargetSchema).max(20).default([]),
  })
  .strict();

const taskFields = {
  title: z.string().trim().min(1).max(500),
  /** Its target or time ("100% hộ gia đình ký cam kết", "Quý II/2025"). */
  target: z.string().trim().max(500),
  /** The position answerable for it, never a person's name. */
  responsiblePosition: z.string().trim().max(200),
  leadAgencyId: IdSchema.nullable(),
  coAgencyIds: z.array(IdSchema).max(20),
  dueOn: IsoDateSchema,
};
export const TaskInputSchema = z
  .object({
    ...taskFields,
    target: taskFields.target.default(''),
    responsiblePosition: taskFields.responsiblePosition.default(''),
    leadAgencyId: taskFields.leadAgencyId.default(null),
    coAgencyIds: taskFields.coAgencyIds.default([]),
  })
  .strict();
/** An edit of a task: only the fields sent change (no defaults, so a status change keeps the agencies). */
export const TaskPatchSchema = z
  .object(taskFields)
  .partial()
  .extend({
    status: z.enum(['open', 'done']).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

const agencyFields = {
  kind: z.enum(AGENCY_KINDS),
  name: z.string().trim().min(3).max(300),
  unitId: IdSchema.nullable(),
};
export const AgencyInputSchema = z
  .object({ ...agencyFields, unitId: agencyFields.unitId.default(null) })
  .strict();
export const AgencyPatchSchema = z
  .object(agencyFields)
  .partial()
  .extend({ version: z.number().int().min(1).optional() })
  .strict();
