/** Crossings and coordination events, written by the border unit that is responsible for them. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CrossingInputSchema,
  CrossingPatchSchema,
  EventInputSchema,
  EventPatchSchema,
} from '@pcmt/shared/contracts';
import type { Db } from '../db/create-db.ts';
import { borderCrossings, coordinationEvents } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { audit } from './audit.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedUpdate, auditedInsert } from './versioned.ts';

function requireUnit(scope: Scope): string {
  if (!scope.user.agencyId || !scope.user.provinceSlug)
    throw new ApiError(403, 'forbidden', 'Your account is not attached to a border unit');
  return scope.user.agencyId;
}

/** The crossing, if it is on the stretch of border of the user's own unit; otherwise a denial. */
async function ownCrossing(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  action: string,
  ip: string | null,
) {
  const [c] = await db.select().from(borderCrossings).where(eq(borderCrossings.id, id));
  if (!c || !inScope(scope, c.provinceSlug))
    return denyOutOfScope(db, now, scope, `Crossing ${id}`, 'crossingId', {
      action,
      objectType: 'crossing',
      objectId: id,
      clientIp: ip,
    });
  if (c.responsibleAgencyId !== scope.user.agencyId) {
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
  await ownCrossing(db, now, scope, id, 'crossing.update', ip);
  return auditedUpdate(db, now, scope.user, borderCrossings, id, version, patch, {
    action: 'crossing.update',
    objectType: 'crossing',
    clientIp: ip,
  });
}

export async function createEvent(
  db: Db,
  now: Date,
  scope: Scope,
  input: z.infer<typeof EventInputSchema>,
  ip: string | null,
) {
  const crossing = await ownCrossing(db, now, scope, input.crossingId, 'event.create', ip);
  return auditedInsert(
    db,
    now,
    scope.user,
    coordinationEvents,
    {
      id: `ev-${randomUUID()}`,
      ...input,
      border: crossing.border,
      provinceSlug: crossing.provinceSlug,
      agencyIds: [scope.user.agencyId!],
    },
    {
      action: 'event.create',
      objectType: 'coordination_event',
      clientIp: ip,
    },
  );
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
  const [event] = await db.select().from(coordinationEvents).where(eq(coordinationEvents.id, id));
  if (!event || !inScope(scope, event.provinceSlug))
    return denyOutOfScope(db, now, scope, `Event ${id}`, 'id', {
      action: 'event.update',
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
  await ownCrossing(db, now, scope, event.crossingId, 'event.update', ip);
  return auditedUpdate(db, now, scope.user, coordinationEvents, id, version, patch, {
    action: 'event.update',
    objectType: 'coordination_event',
    clientIp: ip,
  });
}
