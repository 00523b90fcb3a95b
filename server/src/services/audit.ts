/** Appends audit rows; the database refuses to change or delete them (migration 0001). */
import type { Db } from '../db/create-db.ts';
import { auditLog } from '../db/schema.ts';

export interface Actor {
  id: string;
  username: string;
  role: string;
}

export interface AuditEntry {
  actor: Actor | null;
  username?: string;
  action: string;
  objectType?: string;
  objectId?: string;
  changes?: Record<string, { before: unknown; after: unknown }>;
  outcome: 'ok' | 'denied' | 'failed' | 'conflict' | 'locked';
  clientIp?: string | null;
  detail?: string;
}

export async function audit(db: Pick<Db, 'insert'>, at: Date, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at,
    userId: e.actor?.id ?? null,
    username: e.actor?.username ?? e.username ?? null,
    role: e.actor?.role ?? null,
    action: e.action,
    objectType: e.objectType ?? null,
    objectId: e.objectId ?? null,
    changes: e.changes ?? null,
    outcome: e.outcome,
    clientIp: e.clientIp ?? null,
    detail: e.detail ?? null,
  });
}

/** Field-by-field before/after of the keys that changed. */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const skip = new Set(['createdAt', 'updatedAt', 'passwordHash']);
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    if (skip.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}
