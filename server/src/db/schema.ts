/**
 * The whole domain in one Drizzle schema, shared by PGlite and PostgreSQL. Every mutable row has
 * created_at, updated_at and an integer version (optimistic concurrency, see issue 3).
 * No table holds a person's name: places, counts, dates and units only.
 * Over 300 lines on purpose: drizzle-kit diffs this one file against its snapshots to write migrations.
 */
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type {
  CoordinationTarget,
  PhaseObjective,
  PhaseTarget,
  SeizureKind,
  SeizureUnit,
} from '@pcmt/shared/domain';
import type { Geometry } from '@pcmt/shared/geo';
import type { RecognitionStep } from '@pcmt/shared/state/recognition';

const audit = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
};
const day = (name: string) => date(name, { mode: 'string' });
const bbox = {
  west: doublePrecision('bbox_west').notNull(),
  south: doublePrecision('bbox_south').notNull(),
  east: doublePrecision('bbox_east').notNull(),
  north: doublePrecision('bbox_north').notNull(),
};

export const adminUnits = pgTable(
  'admin_units',
  {
    id: text('id').primaryKey(),
    level: text('level').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: text('parent_id'),
    provinceId: text('province_id'),
    slug: text('slug'),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to'),
    population: integer('population'),
    areaKm2: doublePrecision('area_km2').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    geometry: jsonb('geometry').$type<Geometry>().notNull(),
    /** Metres to the nearest border line (0: touches it); null until computed (services/border-belt.ts). */
    borderDistanceM: doublePrecision('border_distance_m'),
    ...bbox,
    ...audit,
  },
  (t) => [
    index('admin_units_level_validity').on(t.level, t.validFrom, t.validTo),
    index('admin_units_province').on(t.provinceId, t.level),
    index('admin_units_bbox').on(t.west, t.south, t.east, t.north),
    // A code is one unit's among those that exist on some day: a unit retired by a boundary import (its
    // validity closed where it began) gives its code up.
    uniqueIndex('admin_units_code_era')
      .on(t.level, t.code, t.validFrom)
      .where(sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export const unitCrosswalk = pgTable(
  'unit_crosswalk',
  {
    id: serial('id').primaryKey(),
    fromUnitId: text('from_unit_id')
      .notNull()
      .references(() => adminUnits.id),
    toUnitId: text('to_unit_id')
      .notNull()
      .references(() => adminUnits.id),
    share: doublePrecision('share').notNull().default(1),
    effectiveOn: day('effective_on').notNull(),
  },
  (t) => [index('crosswalk_from').on(t.fromUnitId), index('crosswalk_to').on(t.toUnitId)],
);

export const agencies = pgTable('agencies', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  provinceSlug: text('province_slug').notNull(),
  unitId: text('unit_id').references(() => adminUnits.id),
  synthetic: boolean('synthetic').notNull().default(false),
  ...audit,
});

export const tierAssessments = pgTable(
  'tier_assessments',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => adminUnits.id),
    assessedOn: day('assessed_on').notNull(),
    /** 0 for the first entry of a day; a later entry of the same day corrects it (shared/src/state/tiers.ts). */
    seq: integer('seq').notNull().default(0),
    tier: text('tier').notNull(),
    criteria: jsonb('criteria').$type<Record<string, number | boolean>>().notNull().default({}),
    decidedBy: text('decided_by').references(() => agencies.id),
    note: text('note').notNull().default(''),
    ...audit,
  },
  (t) => [uniqueIndex('assessments_unit_date_seq').on(t.unitId, t.assessedOn, t.seq)],
);

/** The inputs of the tier rules per commune and period (shared/src/figures.ts); null = not entered. */
export const communeFigures = pgTable(
  'commune_figures',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => adminUnits.id),
    periodFrom: day('period_from').notNull(),
    periodTo: day('period_to').notNull(),
    population: integer('population'),
    registeredUsers: integer('registered_users'),
    organisedUsePlaces: integer('organised_use_places'),
    offendersArrested: integer('offenders_arrested'),
    plantsDestroyed: integer('plants_destroyed'),
    areaDestroyedM2: doublePrecision('area_destroyed_m2'),
    onKeyRoute: boolean('on_key_route'),
    /** 'form' or 'import': how the figures were last written. */
    source: text('source').notNull().default('form'),
    recordedOn: day('recorded_on').notNull(),
    ...audit,
  },
  (t) => [uniqueIndex('commune_figures_unit_period').on(t.unitId, t.periodFrom, t.periodTo)],
);

export const hotspots = pgTable(
  'hotspots',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => adminUnits.id),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    identifiedOn: day('identified_on').notNull(),
    eliminatedOn: day('eliminated_on'),
    reEmergedFromId: text('re_emerged_from_id'),
    note: text('note').notNull().default(''),
    /** Metres to the nearest border line and the station stretch nearest to it; null until computed. */
    borderDistanceM: doublePrecision('border_distance_m'),
    borderSectorId: text('border_sector_id'),
    ...audit,
  },
  (t) => [
    index('hotspots_unit').on(t.unitId),
    index('hotspots_dates').on(t.identifiedOn, t.eliminatedOn),
    index('hotspots_position').on(t.lng, t.lat),
    // An eliminated hotspot has at most one open re-emergence.
    uniqueIndex('hotspots_one_open_re_emergence')
      .on(t.reEmergedFromId)
      .where(sql`${t.eliminatedOn} is null`),
  ],
);

export const borderLines = pgTable('border_lines', {
  id: text('id').primaryKey(),
  border: text('border').notNull(),
  name: text('name').notNull(),
  geometry: jsonb('geometry').$type<Geometry>().notNull(),
  ...bbox,
});

/** Each border-guard station's stretch of a border line, from the data pipeline. */
export const borderSectors = pgTable('border_sectors', {
  id: text('id').primaryKey(),
  border: text('border').notNull(),
  provinceSlug: text('province_slug').notNull(),
  stationAgencyId: text('station_agency_id')
    .notNull()
    .references(() => agencies.id),
  name: text('name').notNull(),
  lengthKm: doublePrecision('length_km').notNull(),
  geometry: jsonb('geometry').$type<Geometry>().notNull(),
  ...bbox,
});

/** What a province sets for its border (shared/src/border.ts `BorderRule`); no row: the defaults. */
export const provinceBorderRules = pgTable('province_border_rules', {
  /** The province's slug. */
  id: text('id').primaryKey(),
  beltM: integer('belt_m').notNull(),
  alertWithinM: integer('alert_within_m').notNull(),
  ...audit,
});

/**
 * A hotspot recorded near the border: raised on the day it is recorded, acknowledged and resolved by the station
 * whose stretch is nearest (a unit and a role are kept, never a person's name).
 */
export const borderAlerts = pgTable(
  'border_alerts',
  {
    id: text('id').primaryKey(),
    hotspotId: text('hotspot_id')
      .notNull()
      .references(() => hotspots.id, { onDelete: 'cascade' }),
    provinceSlug: text('province_slug').notNull(),
    sectorId: text('sector_id').references(() => borderSectors.id),
    distanceM: doublePrecision('distance_m').notNull(),
    /** The alert distance in force when it was raised. */
    withinM: integer('within_m').notNull(),
    raisedOn: day('raised_on').notNull(),
    acknowledgedOn: day('acknowledged_on'),
    acknowledgedByAgencyId: text('acknowledged_by_agency_id').references(() => agencies.id),
    resolvedOn: day('resolved_on'),
    resolvedByAgencyId: text('resolved_by_agency_id').references(() => agencies.id),
    note: text('note').notNull().default(''),
    ...audit,
  },
  (t) => [
    index('border_alerts_province').on(t.provinceSlug, t.raisedOn),
    // A hotspot raises one alert; a later move near the border again does not raise a second.
    uniqueIndex('border_alerts_hotspot').on(t.hotspotId),
  ],
);

export const keyRoutes = pgTable('key_routes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  provinceSlug: text('province_slug').notNull(),
  synthetic: boolean('synthetic').notNull().default(false),
  geometry: jsonb('geometry').$type<Geometry>().notNull(),
  ...bbox,
  ...audit,
});

export const borderCrossings = pgTable(
  'border_crossings',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    border: text('border').notNull(),
    provinceSlug: text('province_slug').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    counterpartGate: text('counterpart_gate'),
    counterpartProvince: text('counterpart_province').notNull(),
    counterpartCountry: text('counterpart_country').notNull(),
    responsibleAgencyId: text('responsible_agency_id').references(() => agencies.id),
    /** Our other units responsible at the crossing (customs, border police …). */
    partnerAgencyIds: jsonb('partner_agency_ids').$type<string[]>().notNull().default([]),
    /** Opening hours in Vietnam's time, `HH:MM`; both null when the crossing keeps no hours (an opening, a trail). */
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    hoursNote: text('hours_note').notNull().default(''),
    /** The hours and the names in the counterpart's script come from no published source (giả định). */
    profileAssumed: boolean('profile_assumed').notNull().default(false),
    /** The counterpart's names in its own script: Chinese (Hán) across VN–CN, Lao across VN–LA. */
    counterpartGateLocal: text('counterpart_gate_local'),
    counterpartProvinceLocal: text('counterpart_province_local'),
    communeIds: jsonb('commune_ids').$type<string[]>().notNull().default([]),
    approximate: boolean('approximate').notNull().default(true),
    synthetic: boolean('synthetic').notNull().default(false),
    ...audit,
  },
  (t) => [index('crossings_province').on(t.provinceSlug)],
);

/** What was seized at a crossing, per day: kind, quantity and its unit; no person. */
export const crossingSeizures = pgTable(
  'crossing_seizures',
  {
    id: text('id').primaryKey(),
    crossingId: text('crossing_id')
      .notNull()
      .references(() => borderCrossings.id),
    seizedOn: day('seized_on').notNull(),
    kind: text('kind').$type<SeizureKind>().notNull(),
    quantity: doublePrecision('quantity').notNull(),
    unit: text('unit').$type<SeizureUnit>().notNull(),
    note: text('note').notNull().default(''),
    /** The unit that recorded it. */
    agencyId: text('agency_id').references(() => agencies.id),
    synthetic: boolean('synthetic').notNull().default(false),
    ...audit,
  },
  (t) => [index('seizures_crossing').on(t.crossingId, t.seizedOn)],
);

export const campaigns = pgTable('campaigns', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  provinceSlug: text('province_slug').notNull(),
  issuingBody: text('issuing_body').notNull(),
  /** Number and symbol as printed on the plan, e.g. "Số 123/KH-UBND"; '' when not known. */
  documentNumber: text('document_number').notNull().default(''),
  /** Who the plan's reports go to ("Kính gửi"), as the plan states it; '' when it does not. */
  reportTo: text('report_to').notNull().default(''),
  issuedOn: day('issued_on'),
  sourceSeed: text('source_seed'),
  startsOn: day('starts_on').notNull(),
  endsOn: day('ends_on').notNull(),
  ageLimitsMonths: jsonb('age_limits_months').$type<Record<string, number>>().notNull().default({}),
  /** The cross-border plan's own targets, measured from the coordination events (shared/src/state/coordination.ts). */
  coordinationTargets: jsonb('coordination_targets')
    .$type<CoordinationTarget[]>()
    .notNull()
    .default([]),
  ...audit,
});

export const phases = pgTable(
  'phases',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    objectives: jsonb('objectives').$type<PhaseObjective[]>().notNull().default([]),
    ...audit,
  },
  (t) => [index('phases_campaign').on(t.campaignId, t.ordinal)],
);

export const quotas = pgTable(
  'quotas',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    phaseId: text('phase_id').references(() => phases.id),
    agencyId: text('agency_id').references(() => agencies.id),
    unitId: text('unit_id').references(() => adminUnits.id),
    metric: text('metric').notNull(),
    /** What the target counts: case (vụ), person (đối tượng), session (buổi), line (đường dây). */
    unit: text('unit').notNull().default('case'),
    target: integer('target').notNull(),
    label: text('label').notNull(),
    ...audit,
  },
  (t) => [index('quotas_campaign').on(t.campaignId)],
);

export const progressEntries = pgTable(
  'progress_entries',
  {
    id: text('id').primaryKey(),
    quotaId: text('quota_id')
      .notNull()
      .references(() => quotas.id, { onDelete: 'cascade' }),
    recordedOn: day('recorded_on').notNull(),
    value: integer('value').notNull(),
    note: text('note').notNull().default(''),
    ...audit,
  },
  (t) => [index('progress_quota').on(t.quotaId, t.recordedOn)],
);

export const reportDeadlines = pgTable('report_deadlines', {
  id: text('id').primaryKey(),
  campaignId: text('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  phaseId: text('phase_id').references(() => phases.id),
  kind: text('kind').notNull(),
  dueOn: day('due_on').notNull(),
  title: text('title').notNull(),
  submittedOn: day('submitted_on'),
  ...audit,
});

export const coordinationEvents = pgTable(
  'coordination_events',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    occurredOn: day('occurred_on').notNull(),
    crossingId: text('crossing_id').references(() => borderCrossings.id),
    border: text('border').notNull(),
    provinceSlug: text('province_slug').notNull(),
    counterpart: text('counterpart').notNull(),
    agencyIds: jsonb('agency_ids').$type<string[]>().notNull().default([]),
    summary: text('summary').notNull(),
    /** A meeting's level (MEETING_LEVELS); null for the other kinds. */
    level: text('level'),
    /** The units across the border that took part, as named by the counterpart (no person). */
    counterpartUnits: jsonb('counterpart_units').$type<string[]>().notNull().default([]),
    outcome: text('outcome').notNull().default(''),
    /** What the event counts, in its kind's unit (EVENT_QUANTITY_UNITS): m² destroyed, people verified, cases. */
    quantity: doublePrecision('quantity'),
    /** A joint patrol's track, WGS 84. */
    track: jsonb('track').$type<Geometry>(),
    ...audit,
  },
  (t) => [
    index('events_crossing_date').on(t.crossingId, t.occurredOn),
    index('events_province_date').on(t.provinceSlug, t.occurredOn),
  ],
);

/** What an event leaves to do, each with its own deadline and state. */
export const eventFollowUps = pgTable(
  'event_follow_ups',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => coordinationEvents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    dueOn: day('due_on').notNull(),
    doneOn: day('done_on'),
    ...audit,
  },
  (t) => [index('follow_ups_event').on(t.eventId, t.ordinal)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** A minute (biên bản) of an event: a PDF kept in the database, with its size and SHA-256. */
/** A file kept in the database: its name, type, size, SHA-256 and bytes. */
const storedFile = {
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

export const eventAttachments = pgTable(
  'event_attachments',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => coordinationEvents.id, { onDelete: 'cascade' }),
    ...storedFile,
  },
  (t) => [index('attachments_event').on(t.eventId)],
);

export const transformationPlans = pgTable(
  'transformation_plans',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => adminUnits.id),
    fromTier: text('from_tier').notNull(),
    targetTier: text('target_tier').notNull(),
    campaignId: text('campaign_id').references(() => campaigns.id),
    targetPhaseId: text('target_phase_id').references(() => phases.id),
    targetDate: day('target_date').notNull(),
    responsibleAgencyId: text('responsible_agency_id').references(() => agencies.id),
    status: text('status').notNull(),
    /** The target tier by the end of each phase named (shared/src/state/phase-targets.ts). */
    phaseTargets: jsonb('phase_targets').$type<PhaseTarget[]>().notNull().default([]),
    ...audit,
  },
  (t) => [
    // One open (not yet achieved) plan per commune and campaign, whatever the requests' timing.
    uniqueIndex('plans_one_open_per_commune_campaign')
      .on(t.unitId, sql`coalesce(${t.campaignId}, '')`)
      .where(sql`${t.status} <> 'achieved'`),
  ],
);

export const criteriaChecks = pgTable(
  'criteria_checks',
  {
    id: serial('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => transformationPlans.id, { onDelete: 'cascade' }),
    criterion: integer('criterion').notNull(),
    met: boolean('met').notNull(),
    checkedOn: day('checked_on').notNull(),
    note: text('note').notNull().default(''),
    ...audit,
  },
  (t) => [uniqueIndex('criteria_plan_criterion').on(t.planId, t.criterion)],
);

/**
 * Every check of a plan's criterion, kept (criteria_checks holds the latest one): the day, met or not, the note, the
 * role and unit that recorded it; evidence files hang on it.
 */
export const criteriaCheckHistory = pgTable(
  'criteria_check_history',
  {
    id: serial('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => transformationPlans.id, { onDelete: 'cascade' }),
    criterion: integer('criterion').notNull(),
    met: boolean('met').notNull(),
    checkedOn: day('checked_on').notNull(),
    note: text('note').notNull().default(''),
    recordedRole: text('recorded_role'),
    recordedAgencyId: text('recorded_agency_id').references(() => agencies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('check_history_plan').on(t.planId, t.criterion)],
);

/** Evidence of a check: a PDF or an image (PNG, JPEG), 5 MB at most, with its SHA-256. */
export const checkEvidence = pgTable(
  'check_evidence',
  {
    id: text('id').primaryKey(),
    checkId: integer('check_id')
      .notNull()
      .references(() => criteriaCheckHistory.id, { onDelete: 'cascade' }),
    ...storedFile,
  },
  (t) => [index('evidence_check').on(t.checkId)],
);

/** The steps of a plan's unit toward recognition as drug-free (shared/src/state/recognition.ts). */
export const recognitionSteps = pgTable(
  'recognition_steps',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => transformationPlans.id, { onDelete: 'cascade' }),
    step: text('step').$type<RecognitionStep>().notNull(),
    /** The day it took effect (the decision's date). */
    on: day('on').notNull(),
    seq: integer('seq').notNull(),
    decisionNumber: text('decision_number'),
    note: text('note').notNull().default(''),
    recordedRole: text('recorded_role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('steps_plan_seq').on(t.planId, t.seq)],
);

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  provinceSlug: text('province_slug'),
  agencyId: text('agency_id').references(() => agencies.id),
  title: text('title').notNull().default(''),
  /** When the account was last locked, and until when the lock stops clients it has not signed in on. */
  lockedAt: timestamp('locked_at', { withTimezone: true }),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** Locks in a row, each within a day of the last: the next one lasts twice as long (policy SIGN_IN). */
  lockStreak: integer('lock_streak').notNull().default(0),
  unlockedAt: timestamp('unlocked_at', { withTimezone: true }),
  ...audit,
});

/** Browsers a user has signed in on (the device cookie, stored only as a hash): the lock does not stop them. */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('trusted_devices_user').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * The answers of writes sent with an Idempotency-Key (the dashboard's offline outbox replays with one): the same
 * key from the same user gets the stored answer again instead of a second write. `status` is null while the
 * first request is still being handled.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** sha256 of the method, path and body: a key reused for another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status'),
    contentType: text('content_type'),
    body: text('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('idempotency_user_key').on(t.userId, t.key),
    index('idempotency_created').on(t.createdAt),
  ],
);

/**
 * Fixed-window rate limits (sign-in, exports, reports), kept in the database so that every server behind a load
 * balancer counts the same hits: one row per key, its window's start and the hits in it.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

/**
 * The version of the data every read answer is computed from: the sum of `version` over the table's 16 rows. Each
 * transaction that changes a data table adds one, to the row of its connection (pid mod 16, so concurrent writers
 * seldom wait on each other), at its commit, whichever server or command wrote (triggers of migrations 0023/0024:
 * a statement trigger on each data table marks the transaction once in `data_version_marks`, whose deferred trigger
 * does the bump and removes the mark). The servers' answer caches are keyed by it, so a write through one server is
 * seen by the next read on any other. Not bumped by the tables of accounts, sessions, sign-in, rate limits,
 * idempotency and audit. Writers must run at READ COMMITTED (the default).
 */
export const dataVersion = pgTable('data_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/** A transaction's mark that it changed data, removed by its own commit-time trigger: empty between transactions. */
export const dataVersionMarks = pgTable('data_version_marks', {
  id: serial('id').primaryKey(),
});

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    /** The client's address ('local' when unknown) and whether it carried the user's device cookie. */
    client: text('client').notNull().default('local'),
    trusted: boolean('trusted').notNull().default(false),
  },
  (t) => [
    index('login_attempts_user_at').on(t.username, t.at),
    index('login_attempts_client_at').on(t.client, t.at),
  ],
);

/** Append-only: a trigger (migration 0002) refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: text('user_id'),
    username: text('username'),
    role: text('role'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>(),
    outcome: text('outcome').notNull(),
    clientIp: text('client_ip'),
    detail: text('detail'),
  },
  (t) => [
    index('audit_at').on(t.at),
    index('audit_user').on(t.userId, t.at),
    index('audit_object').on(t.objectType, t.objectId),
  ],
);

/** Tasks of a transformation plan ("4 rõ": clear task, lead agency, co-ordinating agencies, deadline). */
/**
 * The "4 rõ" tasks of a unit's transformation plan, or of a campaign's programme itself (Thanh Hóa 2023's table):
 * exactly one of plan_id and campaign_id.
 */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').references(() => transformationPlans.id, { onDelete: 'cascade' }),
    campaignId: text('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** "Chỉ tiêu / thời gian" of the 4 rõ table: the task's own target or time, in the plan's words. */
    target: text('target').notNull().default(''),
    /** The position answerable for it ("Trưởng Công an xã"): a position, never a person's name. */
    responsiblePosition: text('responsible_position').notNull().default(''),
    leadAgencyId: text('lead_agency_id').references(() => agencies.id),
    coAgencyIds: jsonb('co_agency_ids').$type<string[]>().notNull().default([]),
    dueOn: day('due_on').notNull(),
    /** The plan names no time for the task ("thực hiện thường xuyên"): `dueOn` is assumed, shown "giả định". */
    dueAssumed: boolean('due_assumed').notNull().default(false),
    status: text('status').notNull().default('open'),
    /** The day it was marked done (Asia/Ho_Chi_Minh); null while open. */
    doneOn: day('done_on'),
    ...audit,
  },
  (t) => [
    index('plan_tasks_plan').on(t.planId),
    index('plan_tasks_campaign').on(t.campaignId),
    check('plan_tasks_one_owner', sql`(${t.planId} is null) <> (${t.campaignId} is null)`),
  ],
);
