/** The shape of data/build/demo.json, written by data/pipeline and loaded by the server; data/SPEC.md describes each field. */
import type { Geometry } from './geo.ts';
import type {
  AgencyKind,
  CoordinationTarget,
  MeetingLevel,
  Border,
  CrossingKind,
  DeadlineKind,
  EventKind,
  HotspotKind,
  PlanStatus,
  QuotaMetric,
  QuotaUnit,
  SeizureKind,
  SeizureUnit,
  Tier,
  UnitLevel,
  PhaseObjective,
  PhaseTarget,
} from './domain.ts';
import type { RecognitionStep } from './state/recognition.ts';

export interface UnitRow {
  id: string;
  level: UnitLevel;
  code: string;
  name: string;
  nameEn: string;
  parentId: string | null;
  provinceId: string | null;
  slug: string | null;
  validFrom: string;
  validTo: string | null;
  population: number | null;
  areaKm2: number;
  synthetic: boolean;
  geometry: Geometry;
  /** Metres to the border line (shared/src/border.ts), measured by the pipeline so the first start need not. */
  borderDistanceM?: number | null;
}

export interface CrosswalkRow {
  fromUnitId: string;
  toUnitId: string;
  share: number;
  effectiveOn: string;
}
export interface BorderLineRow {
  id: string;
  border: Border;
  name: string;
  geometry: Geometry;
}
/** One border-guard station's stretch of a border line (đoạn biên giới do đồn phụ trách). */
export interface BorderSectorRow {
  id: string;
  border: Border;
  provinceSlug: string;
  stationAgencyId: string;
  name: string;
  lengthKm: number;
  geometry: Geometry;
}
export interface KeyRouteRow {
  id: string;
  name: string;
  provinceSlug: string;
  synthetic: boolean;
  geometry: Geometry;
}

export interface AgencyRow {
  id: string;
  kind: AgencyKind;
  name: string;
  provinceSlug: string;
  unitId: string | null;
  synthetic: boolean;
}

export interface CrossingRow {
  id: string;
  kind: CrossingKind;
  name: string;
  border: Border;
  provinceSlug: string;
  lng: number;
  lat: number;
  counterpartGate: string | null;
  counterpartProvince: string;
  counterpartCountry: 'CN' | 'LA';
  responsibleAgencyId: string;
  /** Our other units responsible at the crossing (customs …). */
  partnerAgencyIds: string[];
  /** Opening hours in Vietnam's time, `HH:MM`, or null when it keeps none. */
  opensAt: string | null;
  closesAt: string | null;
  hoursNote: string;
  /** The hours and the names in the counterpart's script are the demo's own (giả định). */
  profileAssumed: boolean;
  counterpartGateLocal: string | null;
  counterpartProvinceLocal: string | null;
  communeIds: string[];
  approximate: boolean;
  synthetic: boolean;
}

/** A seizure at a crossing: kind, quantity in its unit, day; no person. */
export interface SeizureRow {
  id: string;
  crossingId: string;
  seizedOn: string;
  kind: SeizureKind;
  quantity: number;
  unit: SeizureUnit;
  note: string;
  agencyId: string | null;
  synthetic: boolean;
}

export interface HotspotRow {
  id: string;
  kind: HotspotKind;
  unitId: string;
  lng: number;
  lat: number;
  identifiedOn: string;
  eliminatedOn: string | null;
  reEmergedFromId: string | null;
  note: string;
  /** Metres to the border line and the station stretch it faces (placeAgainstBorder), measured by the pipeline. */
  borderDistanceM?: number | null;
  borderSectorId?: string | null;
}

export interface AssessmentRow {
  id: string;
  unitId: string;
  assessedOn: string;
  tier: Tier;
  criteria: Record<string, number | boolean>;
  decidedBy: string;
  note: string;
}

export interface ProgrammeTaskRow {
  id: string;
  title: string;
  target: string;
  leadAgencyId: string | null;
  coAgencyIds: string[];
  dueOn: string;
  /** The plan names no time for it (regular work): its deadline is the year's end, an assumption. */
  dueAssumed: boolean;
}

export interface PhaseRow {
  id: string;
  ordinal: number;
  name: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  objectives: PhaseObjective[];
}
export interface QuotaRow {
  id: string;
  phaseId: string | null;
  agencyId: string | null;
  unitId: string | null;
  metric: QuotaMetric;
  unit: QuotaUnit;
  target: number;
  label: string;
  progress: { recordedOn: string; value: number }[];
}
export interface DeadlineRow {
  id: string;
  phaseId: string | null;
  kind: DeadlineKind;
  dueOn: string;
  title: string;
  submittedOn: string | null;
}
export interface CampaignRow {
  id: string;
  name: string;
  nameEn: string;
  provinceSlug: string;
  issuingBody: string;
  /** As printed: "Số: /KH-UBND" (number left blank in the published plan) or "533/QĐ-UBND". */
  documentNumber: string;
  /** Who the reports go to ("Kính gửi"), as the plan states it; '' when it does not. */
  reportTo: string;
  issuedOn: string | null;
  sourceSeed: string;
  startsOn: string;
  endsOn: string;
  ageLimitsMonths: Partial<Record<HotspotKind, number>>;
  phases: PhaseRow[];
  quotas: QuotaRow[];
  deadlines: DeadlineRow[];
  /** The programme's own "4 rõ" table (Thanh Hóa 2023), not any unit's plan. */
  tasks?: ProgrammeTaskRow[];
  /** A cross-border plan's targets (seed 004), measured from its events. */
  coordinationTargets?: CoordinationTarget[];
}

export interface EventRow {
  id: string;
  kind: EventKind;
  occurredOn: string;
  crossingId: string | null;
  border: Border;
  provinceSlug: string;
  counterpart: string;
  agencyIds: string[];
  summary: string;
  level: MeetingLevel | null;
  counterpartUnits: string[];
  outcome: string;
  quantity: number | null;
  followUps: { text: string; dueOn: string; doneOn: string | null }[];
}

export interface PlanRow {
  id: string;
  unitId: string;
  fromTier: Tier;
  targetTier: Tier;
  campaignId: string | null;
  targetPhaseId: string | null;
  targetDate: string;
  responsibleAgencyId: string;
  status: PlanStatus;
  /** Every check, in order: the latest of each criterion is its state (criteria_checks), all are its history. */
  criteria: { criterion: number; met: boolean; checkedOn: string }[];
  /** Steps toward recognition (shared/src/state/recognition.ts). */
  steps?: { step: RecognitionStep; on: string; seq: number; decisionNumber: string | null }[];
  phaseTargets?: PhaseTarget[];
}

export interface DemoData {
  meta: {
    version: number;
    generator: string;
    sources: { name: string; licence: string; use: string }[];
    syntheticNote: string;
  };
  units: UnitRow[];
  crosswalk: CrosswalkRow[];
  borderLines: BorderLineRow[];
  borderSectors: BorderSectorRow[];
  keyRoutes: KeyRouteRow[];
  agencies: AgencyRow[];
  crossings: CrossingRow[];
  seizures: SeizureRow[];
  hotspots: HotspotRow[];
  assessments: AssessmentRow[];
  campaigns: CampaignRow[];
  events: EventRow[];
  plans: PlanRow[];
}
