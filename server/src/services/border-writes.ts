/** Crossings and coordination events, written by the border unit that is responsible for them. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CrossingInputSchema,
  CrossingPatchSchema,
  EventInputSchema,
  EventPatchSchema,
  FollowUpPatchSchema,
} from '@pcmt/shared/contracts';
import { vietnamDay } from '@pcmt/shared/dates';
import { EVENT_QUANTITY_UNITS, type EventKind } from '@pcmt/shared/domain';
import type { Db } from '../db/create-db.ts';
import { borderCrossings, coordinationEvents, eventFollowUps } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { audit } from './audit.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedUpdate, auditedInsert } from './versioned.ts';
import { borderIndexes } from './border-belt.ts';
import { withParts } from './coordination.ts';
import { checkRefs } from './references.ts';

export const invalid = (field: string, message: string) =>
  new ApiError(422, 'validation_failed', `${field}: ${message}`, field);

export function requireUnit(scope: Scope): string {
  if (!scope.user.agencyId || !scope.user.provinceSlug)
    throw new ApiError(403, 'forbidden', 'Your account is not attached to a border unit');
  return scope.user.agencyId;
}

/**
 * The crossing, if it is on the stretch of border of the user's own unit (with `partners`, also when the unit is one
 * of the crossing's other responsible units, as customs is for a seizure); otherwise a denial.
 */
export async function ownCrossing(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  action: string,
  ip: string | null,
  opts: { partners?: boolean } = {},
) {
  const [c] = await db.select().from(borderCrossings).where(eq(borderCrossings.id, id));
  if (!c || !inScope(scope, c.provinceSlug))
    return denyOutOfScope(db, now, scope, `Crossing ${id}`, 'crossingId', {
      action,
      objectType: 'crossing',
      objectId: id,
      clientIp: ip,
    });
  const own =
    c.responsibleAgencyId === scope.user.agencyId ||
    (!!opts.partners && !!scope.user.agencyId && c.partnerAgencyIds.includes(scope.user.agencyId));
  if (!own) {
    await audit(db, now, {
      actor: scope.user,
      action,
      objectType: 'crossing',
      objectId: id,
      outcome: 'denied',
      clientIp: ip,
      detail: 'crossing of another unit',
    });
    throw new ApiError(
      403,
      'forbidden',
      'This crossing is on the stretch of another unit',
      'crossingId',
    );
  }
  return c;
}

export async function createCrossing(
  db: Db,
  now: Date,
  scope: Scope,
  input: z.infer<typeof CrossingInputSchema>,
  ip: string | null,
) {
  const agencyId = requireUnit(scope);
  await checkProfile(db, now, scope, input, scope.user.provinceSlug!, 'crossing.create', ip);
  return auditedInsert(
    db,
    now,
    scope.user,
    borderCrossings,
    {
      id: `crossing-${randomUUID()}`,
      ...input,
      provinceSlug: scope.user.provinceSlug!,
      responsibleAgencyId: agencyId,
      approximate: true,
      synthetic: false,
    },
    {
      action: 'crossing.create',
      objectType: 'crossing',
      clientIp: ip,
    },
  );
}

export async function updateCrossing(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof CrossingPatchSchema>, 'version'>,
  ip: string | null,
) {
  const c = await ownCrossing(db, now, scope, id, 'crossing.update', ip);
  await checkProfile(db, now, scope, { ...c, ...patch }, c.provinceSlug, 'crossing.update', ip);
  return auditedUpdate(db, now, scope.user, borderCrossings, id, version, patch, {
    action: 'crossing.update',
    objectType: 'crossing',
    clientIp: ip,
  });
}

/** A crossing's profile as it will be stored: hours both or neither, partner units of its province. */
async function checkProfile(
  db: Db,
  now: Date,
  scope: Scope,
  p: { opensAt?: string | null; closesAt?: string | null; partnerAgencyIds?: string[] },
  province: string,
  action: string,
  ip: string | null,
) {
  if (!p.opensAt !== !p.closesAt)
    throw invalid(
      p.opensAt ? 'closesAt' : 'opensAt',
      'give both opening and closing time, or neither',
    );
  await checkRefs(
    db,
    now,
    scope,
    (p.partnerAgencyIds ?? []).map((id, i) => ({
      field: `partnerAgencyIds.${i}`,
      kind: 'agency' as const,
      id,
    })),
    { action, clientIp: ip },
    province,
  );
}

type EventInput = z.infer<typeof EventInputSchema>;

/** The rules across an event's fields, on the event as it will be stored (422 naming the field). */
function checkEvent(
  now: Date,
  e: Pick<EventInput, 'kind' | 'occurredOn' | 'level' | 'quantity' | 'track'>,
  followUps: readonly { dueOn: string }[],
  followUpField: (i: number) => string = (i) => `followUps.${i}.dueOn`,
) {
  if (e.occurredOn > vietnamDay(now)) throw invalid('occurredOn', 'must not be after today');
  if (e.kind === 'meeting' && !e.level)
    throw invalid('level', 'a meeting names its level (MEETING_LEVELS)');
  if (e.kind !== 'meeting' && e.level) throw invalid('level', 'only a meeting has a level');
  if (e.quantity !== null && e.quantity !== undefined && !EVENT_QUANTITY_UNITS[e.kind as EventKind])
    throw invalid('quantity', `a ${e.kind} counts no quantity`);
  const unit = EVENT_QUANTITY_UNITS[e.kind as EventKind];
  if (unit && unit !== 'm2' && typeof e.quantity === 'number' && !Number.isInteger(e.quantity))
    throw invalid('quantity', 'people and cases are counted in whole numbers');
  if (e.track && e.kind !== 'joint_patrol')
    throw invalid('track', 'only a joint patrol has a track');
  followUps.forEach((f, i) => {
    if (f.dueOn < e.occurredOn)
      throw invalid(
        followUpField(i),
        `the follow-up due ${f.dueOn} must not be before the event (${e.occurredOn})`,
      );
  });
}

/** Farther than this from the province's stretches of border, a patrol track gets a warning. */
export const TRACK_WARNING_M = 5000;

/** Warnings for a track that leaves the province's stretches of border (kept: a patrol may go inland). */
async function trackWarnings(db: Db, province: string, track: EventInput['track']) {
  if (!track) return [];
  const sectors = (await borderIndexes(db)).sectors.get(province);
  if (!sectors) return ['track: the province has no stretch of border to check the track against'];
  const far = Math.max(
    ...track.coordinates.map((p) => sectors.nearest({ type: 'Point', coordinates: p })!.distanceM),
  );
  return far > TRACK_WARNING_M
    ? [
        `track: ${(far / 1000).toFixed(1)} km from the province's border stretch at its farthest (more than ${TRACK_WARNING_M / 1000} km)`,
      ]
    : [];
}

/** The event's new follow-ups, each with its audit row, in the event's transaction. */
async function insertFollowUps(
  tx: Db,
  now: Date,
  scope: Scope,
  eventId: string,
  from: number,
  list: readonly { text: string; dueOn: string }[],
  ip: string | null,
) {
  for (const [i, f] of list.entries())
    await auditedInsert(
      tx,
      now,
      scope.user,
      eventFollowUps,
      { id: `${eventId}-f${from + i}`, eventId, ordinal: from + i, text: f.text, dueOn: f.dueOn },
      { action: 'follow_up.create', objectType: 'follow_up', clientIp: ip },
    );
}

export async function createEvent(
  db: Db,
  now: Date,
  scope: Scope,
  input: EventInput,
  ip: string | null,
) {
  const crossing = await ownCrossing(db, now, scope, input.crossingId, 'event.create', ip);
  checkEvent(now, input, input.followUps);
  await checkRefs(
    db,
    now,
    scope,
    input.agencyIds.map((id, i) => ({ field: `agencyIds.${i}`, kind: 'agency' as const, id })),
    { action: 'event.create', clientIp: ip },
    crossing.provinceSlug,
  );
  const warnings = await trackWarnings(db, crossing.provinceSlug, input.track);
  const { followUps, ...values } = input;
  const id = `ev-${randomUUID()}`;
  const event = await db.transaction(async (tx) => {
    const row = await auditedInsert(
      tx,
      now,
      scope.user,
      coordinationEvents,
      {
        id,
        ...values,
        border: crossing.border,
        provinceSlug: crossing.provinceSlug,
        agencyIds: [...new Set([scope.user.agencyId!, ...input.agencyIds])],
      },
      { action: 'event.create', objectType: 'coordination_event', clientIp: ip },
    );
    await insertFollowUps(tx, now, scope, id, 1, followUps, ip);
    return row;
  });
  return { ...(await withParts(db, [event]))[0]!, warnings };
}

/** The event, if it is at a crossing of the user's unit; otherwise an audited denial. */
export async function ownEvent(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  action: string,
  ip: string | null,
) {
  const [event] = await db.select().from(coordinationEvents).where(eq(coordinationEvents.id, id));
  if (!event || !inScope(scope, event.provinceSlug))
    return denyOutOfScope(db, now, scope, `Event ${id}`, 'id', {
      action,
      objectType: 'coordination_event',
      objectId: id,
      clientIp: ip,
    });
  if (!event.crossingId)
    throw new ApiError(
      403,
      'forbidden',
      'Events without a crossing are kept by the provincial office',
    );
  await ownCrossing(db, now, scope, event.crossingId, action, ip);
  return event;
}

export async function updateEvent(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof EventPatchSchema>, 'version'>,
  ip: string | null,
) {
  const event = await ownEvent(db, now, scope, id, 'event.update', ip);
  const { addFollowUps = [], ...fields } = patch;
  const existing = await db.select().from(eventFollowUps).where(eq(eventFollowUps.eventId, id));
  const merged = { ...event, ...fields } as never;
  checkEvent(now, merged, existing, () => 'occurredOn');
  checkEvent(now, merged, addFollowUps, (i) => `addFollowUps.${i}.dueOn`);
  if (fields.agencyIds)
    await checkRefs(
      db,
      now,
      scope,
      fields.agencyIds.map((a, i) => ({ field: `agencyIds.${i}`, kind: 'agency' as const, id: a })),
      { action: 'event.update', clientIp: ip },
      event.provinceSlug,
    );
  const warnings = fields.track ? await trackWarnings(db, event.provinceSlug, fields.track) : [];
  const row = await db.transaction(async (tx) => {
    // Our side's units always keep the unit whose crossing it is (the writer's own).
    const values = fields.agencyIds
      ? { ...fields, agencyIds: [...new Set([scope.user.agencyId!, ...fields.agencyIds])] }
      : fields;
    const after = await auditedUpdate(
      tx,
      now,
      scope.user,
      coordinationEvents,
      id,
      version,
      values,
      {
        action: 'event.update',
        objectType: 'coordination_event',
        clientIp: ip,
      },
    );
    const last = Math.max(0, ...existing.map((f) => f.ordinal));
    await insertFollowUps(tx, now, scope, id, last + 1, addFollowUps, ip);
    return after;
  });
  return { ...(await withParts(db, [row as typeof event]))[0]!, warnings };
}

/** Marks a follow-up done (on a day not after today nor before its event) or edits it, version-checked. */
export async function updateFollowUp(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof FollowUpPatchSchema>, 'version'>,
  ip: string | null,
) {
  const [f] = await db.select().from(eventFollowUps).where(eq(eventFollowUps.id, id));
  if (!f)
    return denyOutOfScope(db, now, scope, `Follow-up ${id}`, 'id', {
      action: 'follow_up.update',
      objectType: 'follow_up',
      objectId: id,
      clientIp: ip,
    });
  const event = await ownEvent(db, now, scope, f.eventId, 'follow_up.update', ip);
  if (patch.doneOn && patch.doneOn > vietnamDay(now))
    throw invalid('doneOn', 'must not be after today');
  if (patch.doneOn && patch.doneOn < event.occurredOn)
    throw invalid('doneOn', `must not be before the event (${event.occurredOn})`);
  if (patch.dueOn && patch.dueOn < event.occurredOn)
    throw invalid('dueOn', `must not be before the event (${event.occurredOn})`);
  return auditedUpdate(db, now, scope.user, eventFollowUps, id, version, patch, {
    action: 'follow_up.update',
    objectType: 'follow_up',
    clientIp: ip,
  });
}
