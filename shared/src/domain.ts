/** Domain vocabulary shared by every package. Codes are English; labels live in the web's i18n. */

export const TIERS = [
  'type_1',
  'type_2',
  'type_3',
  'has_activity',
  'drug_free',
  'unassessed',
] as const;
export type Tier = (typeof TIERS)[number];

/** Severity rank: lower is worse; `unassessed` is not ranked. */
export const TIER_RANK: Record<Tier, number | null> = {
  type_1: 1,
  type_2: 2,
  type_3: 3,
  has_activity: 4,
  drug_free: 5,
  unassessed: null,
};

export const HOTSPOT_KINDS = [
  'retail_point',
  'complex_point',
  'complex_cluster',
  'organised_use',
  'conditional_business',
  'illicit_crop',
] as const;
export type HotspotKind = (typeof HOTSPOT_KINDS)[number];

export const HOTSPOT_STATUSES = ['active', 'eliminated', 're_emerged'] as const;
export type HotspotStatus = (typeof HOTSPOT_STATUSES)[number];

export const CROSSING_KINDS = ['international', 'main', 'secondary', 'opening', 'trail'] as const;
export type CrossingKind = (typeof CROSSING_KINDS)[number];

export const BORDERS = ['VN-CN', 'VN-LA'] as const;
export type Border = (typeof BORDERS)[number];

export const UNIT_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const AGENCY_KINDS = [
  'steering_committee',
  'police_department',
  'border_guard',
  'border_guard_station',
  'customs',
  'district_police',
  'commune_police',
  'mass_organisation',
  /** A provincial department (sở, ban, ngành) or a group of them as a plan names it. */
  'department',
  /** People's committees (UBND), or "các địa phương" as a plan names them. */
  'local_government',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const EVENT_KINDS = [
  'meeting',
  'joint_patrol',
  'information_exchange',
  'joint_case',
  'fugitive_verification',
  'crop_eradication',
  'training',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * The levels of a cross-border meeting (seed 004): the 8 Vietnamese and Lao provinces sharing the border, the rotating
 * Sơn La – Hủa Phăn – Luông Pha Băng meeting, a department with its counterpart, the border liaison offices (BLO),
 * and a gate with the gate across it.
 */
export const MEETING_LEVELS = [
  'border_provinces',
  'three_province',
  'department',
  'blo',
  'gate',
] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];
/**
 * The meeting levels a crossing's unit can hold (seed 004): the 8 border provinces' meeting is the Viet Nam – Laos
 * border's, the rotating three-province meeting Sơn La's with Hủa Phăn and Luông Pha Băng; the others any border's.
 */
export const meetingLevelsFor = (border: string, provinceSlug: string): MeetingLevel[] =>
  MEETING_LEVELS.filter((l) =>
    l === 'border_provinces'
      ? border === 'VN-LA'
      : l === 'three_province'
        ? provinceSlug === 'son-la'
        : true,
  );

/** What an event of a kind counts, when it counts anything: m² of crops destroyed, people verified, cases. */
export const EVENT_QUANTITY_UNITS: Partial<Record<EventKind, 'm2' | 'person' | 'case'>> = {
  crop_eradication: 'm2',
  fugitive_verification: 'person',
  joint_case: 'case',
};

/** What is seized at a crossing (thu giữ): the drug, or its precursors. Counts and quantities only, never a person. */
export const SEIZURE_KINDS = [
  'heroin',
  'methamphetamine',
  'synthetic_pills',
  'opium',
  'cannabis',
  'ketamine',
  'precursors',
  'other',
] as const;
export type SeizureKind = (typeof SEIZURE_KINDS)[number];

/** The unit a seizure's quantity is written in: grams, kilograms, tablets, millilitres, litres. */
export const SEIZURE_UNITS = ['g', 'kg', 'tablet', 'ml', 'l'] as const;
export type SeizureUnit = (typeof SEIZURE_UNITS)[number];

/**
 * What a cross-border plan targets, measured from its events: meetings of a level, events of a kind, or the sum of
 * their quantities (m² destroyed, people verified).
 */
export const COORDINATION_MEASURES = [
  'meetings_border_provinces',
  'meetings_three_province',
  'meetings_department',
  'meetings_blo',
  'meetings_gate',
  'training',
  'information_exchange',
  'joint_case',
  'joint_patrol',
  'fugitives_verified',
  'crop_area_m2',
] as const;
export type CoordinationMeasure = (typeof COORDINATION_MEASURES)[number];

export interface CoordinationTarget {
  measure: CoordinationMeasure;
  /** The number the plan states; null when it names the work without a number (it is then counted, not judged). */
  target: number | null;
  /** The plan's words for it. */
  label: string;
}

export const QUOTA_METRICS = [
  'cases',
  'compulsory_rehab',
  'propaganda_sessions',
  'lines_dismantled',
] as const;
export type QuotaMetric = (typeof QUOTA_METRICS)[number];

/** The unit a quota is counted in: cases (vụ), people (đối tượng), sessions (buổi), lines (đường dây). */
export const QUOTA_UNITS = ['case', 'person', 'session', 'line'] as const;
export type QuotaUnit = (typeof QUOTA_UNITS)[number];
/** The unit a metric is usually counted in (a quota may say otherwise). */
export const DEFAULT_QUOTA_UNIT: Record<QuotaMetric, QuotaUnit> = {
  cases: 'case',
  compulsory_rehab: 'person',
  propaganda_sessions: 'session',
  lines_dismantled: 'line',
};

export const DEADLINE_KINDS = [
  'one_month',
  'phase',
  'final',
  'six_month',
  'quarter',
  'yearly',
  /** Not a report: the plans of the units due to the issuer (Lai Châu city: before 01/05/2024). */
  'plan_submission',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const PLAN_STATUSES = ['planned', 'in_progress', 'achieved', 'at_risk'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A plan's target tier by the end of one phase of its campaign (San Thàng's villages: less complex, then drug-free). */
export interface PhaseTarget {
  phaseId: string;
  tier: Tier;
}

/** The 8 drug-free criteria of the Lai Châu plan (seed 002), numbered 1..8. */
export const DRUG_FREE_CRITERIA = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type CriterionNumber = (typeof DRUG_FREE_CRITERIA)[number];

/**
 * What a phase objective measures, computed on the as-of date by `shared/src/state/campaign.ts`: shares
 * are 0..1; re-emergences and new clusters count the phase's range [since, asOf]; regressions count the
 * communes worse on the date than at the campaign start ("không để địa bàn phức tạp thêm").
 */
export const OBJECTIVE_MEASURES = [
  'hotspots_eliminated_share',
  're_emergences',
  'new_clusters',
  'regressions',
  'drug_free_share',
  'villages_full',
] as const;
export type ObjectiveMeasure = (typeof OBJECTIVE_MEASURES)[number];

export const OBJECTIVE_COMPARATORS = ['at_least', 'more_than', 'at_most'] as const;
export type ObjectiveComparator = (typeof OBJECTIVE_COMPARATORS)[number];

/** A phase objective in the plan's words; with a measure, its numeric target as the plan states it. */
export interface PhaseObjective {
  text: string;
  measure?: ObjectiveMeasure;
  comparator?: ObjectiveComparator;
  target?: number;
}
