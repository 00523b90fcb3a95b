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

/**
 * Text from a request (a path, a username, an id) with any NUL character shown as U+FFFD: PostgreSQL
 * cannot store NUL, and the audit row of a request must never be lost to what the request carried.
 */
const clean = (s: string | null | undefined) =>
  s == null ? null : s.replaceAll('\u0000', '\uFFFD');
const cleanJson = (v: unknown): unknown =>
  typeof v === 'string'
    ? clean(v)
    : Array.isArray(v)
      ? v.map(cleanJson)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k)!, cleanJson(x)]))
        : v;

export async function audit(db: Pick<Db, 'insert'>, at: Date, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at,
    userId: e.actor?.id ?? null,
    username: clean(e.actor?.username ?? e.username),
    role: e.actor?.role ?? null,
    action: clean(e.action)!,
    objectType: clean(e.objectType),
    objectId: clean(e.objectId),
    changes: (cleanJson(e.changes) as AuditEntry['changes']) ?? null,
    outcome: e.outcome,
    clientIp: e.clientIp ?? null,
    detail: clean(e.detail),
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
