/** Optimistic concurrency: a write names the version it read; a stale one gets 412 with the current row. */
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/create-db.ts';
import { ApiError, StaleVersionError } from '../errors.ts';
import { audit, diff, type Actor } from './audit.ts';

/** The version a write is based on: the `If-Match: "3"` header or a `version` field; 428 when neither is given. */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): number {
  const header = ifMatch;
  const fromHeader = header ? Number(header.replace(/^W\//, '').replaceAll('"', '')) : undefined;
  const v = fromHeader ?? bodyVersion;
  if (v === undefined)
    throw new ApiError(
      428,
      'precondition_required',
      'Send the version you edited (If-Match header or version field)',
      'version',
    );
  if (!Number.isInteger(v) || v < 1)
    throw new ApiError(400, 'validation_failed', 'version: must be a positive integer', 'version');
  return v;
}

type Versioned = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Updates one row only if it still has `expected` version, bumping the version; returns before and after.
 * Throws 404 when the row is gone and StaleVersionError (412) when the version moved on.
 */
export async function updateVersioned<T extends Versioned>(
  tx: Db,
  table: T,
  id: string,
  expected: number,
  patch: Record<string, unknown>,
  now: Date,
) {
  const t = table as Versioned;
  const [before] = (await tx.select().from(t).where(eq(t.id, id)).for('update')) as Record<
    string,
    unknown
  >[];
  if (!before) throw new ApiError(404, 'not_found', `${id} not found`, 'id');
  if (before.version !== expected) throw new StaleVersionError(before);
  const [after] = (await tx
    .update(t)
    .set({ ...patch, version: sql`${t.version} + 1`, updatedAt: now } as never)
    .where(and(eq(t.id, id), eq(t.version, expected)))
    .returning()) as Record<string, unknown>[];
  if (!after) throw new StaleVersionError(before);
  return { before, after };
}

/** An edit with its audit row in one transaction: version-checked, before/after recorded. */
export async function auditedUpdate<T extends Versioned>(
  db: Db,
  now: Date,
  actor: Actor,
  table: T,
  id: string,
  version: number,
  patch: Record<string, unknown>,
  what: { action: string; objectType: string; clientIp: string | null },
) {
  return db.transaction(async (tx) => {
    const { before, after } = await updateVersioned(tx, table, id, version, patch, now);
    await audit(tx, now, {
      actor,
      action: what.action,
      objectType: what.objectType,
      objectId: id,
      changes: diff(before, after),
      outcome: 'ok',
      clientIp: what.clientIp,
    });
    return after;
  });
}

/** A new row with its audit row in one transaction; returns the stored row. */
export async function auditedInsert<T extends PgTable>(
  db: Db,
  now: Date,
  actor: Actor,
  table: T,
  values: T['$inferInsert'],
  what: { action: string; objectType: string; clientIp: string | null },
): Promise<T['$inferSelect']> {
  return db.transaction(async (tx) => {
    const [row] = (await tx
      .insert(table)
      .values(values as never)
      .returning()) as T['$inferSelect'][];
    const stored = row as Record<string, unknown>;
    await audit(tx, now, {
      actor,
      action: what.action,
      objectType: what.objectType,
      objectId: String(stored.id),
      changes: diff(null, stored),
      outcome: 'ok',
      clientIp: what.clientIp,
    });
    return row!;
  });
}
