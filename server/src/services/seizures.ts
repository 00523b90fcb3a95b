/** Seizures at a crossing (kind, quantity, unit, day; never a person), written by the units responsible there. */
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SeizureInputSchema, SeizurePatchSchema } from '@pcmt/shared/border-contracts';
import { vietnamDay } from '@pcmt/shared/dates';
import type { Db } from '../db/create-db.ts';
import { borderCrossings, crossingSeizures } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { invalid, ownCrossing, requireUnit } from './border-writes.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedInsert, auditedUpdate } from './versioned.ts';

export async function seizuresAt(db: Db, crossingId: string) {
  return db
    .select()
    .from(crossingSeizures)
    .where(eq(crossingSeizures.crossingId, crossingId))
    .orderBy(desc(crossingSeizures.seizedOn), desc(crossingSeizures.createdAt));
}

function checkDay(now: Date, seizedOn: string | undefined) {
  if (seizedOn && seizedOn > vietnamDay(now)) throw invalid('seizedOn', 'must not be after today');
}

export async function createSeizure(
  db: Db,
  now: Date,
  scope: Scope,
  crossingId: string,
  input: z.infer<typeof SeizureInputSchema>,
  ip: string | null,
) {
  requireUnit(scope);
  await ownCrossing(db, now, scope, crossingId, 'seizure.create', ip, { partners: true });
  checkDay(now, input.seizedOn);
  return auditedInsert(
    db,
    now,
    scope.user,
    crossingSeizures,
    {
      id: `sz-${randomUUID()}`,
      crossingId,
      ...input,
      agencyId: scope.user.agencyId,
      synthetic: false,
    },
    { action: 'seizure.create', objectType: 'seizure', clientIp: ip },
  );
}

export async function updateSeizure(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof SeizurePatchSchema>, 'version'>,
  ip: string | null,
) {
  const [row] = await db
    .select({ crossingId: crossingSeizures.crossingId, province: borderCrossings.provinceSlug })
    .from(crossingSeizures)
    .innerJoin(borderCrossings, eq(crossingSeizures.crossingId, borderCrossings.id))
    .where(eq(crossingSeizures.id, id));
  if (!row) throw notFound(`Seizure ${id}`, 'id');
  // Another province's seizure is an audited 404 like a missing one.
  if (!inScope(scope, row.province))
    await denyOutOfScope(db, now, scope, `Seizure ${id}`, 'id', {
      action: 'seizure.update',
      objectType: 'seizure',
      objectId: id,
      clientIp: ip,
    });
  requireUnit(scope);
  await ownCrossing(db, now, scope, row.crossingId, 'seizure.update', ip, { partners: true });
  checkDay(now, patch.seizedOn);
  return auditedUpdate(db, now, scope.user, crossingSeizures, id, version, patch, {
    action: 'seizure.update',
    objectType: 'seizure',
    clientIp: ip,
  });
}
