/** Sessions: random 256-bit tokens stored only as hashes; idle and absolute expiry (sign-in is sign-in.ts). */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, type Role } from '@pcmt/shared/policy';
import type { Db } from '../db/create-db.ts';
import { dataVersion, sessions, users } from '../db/schema.ts';

export const SESSION_COOKIE = '__Host-pcmt_session';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  provinceSlug: string | null;
  agencyId: string | null;
  title: string;
  csrfToken: string;
  tokenHash: string;
  /** The data's version (`data_version`), read with the session in the same query: the answer cache's key (null: none kept). */
  dataVersion: number | null;
}

/**
 * The user behind a session token, or null when unknown, idle for 30 minutes or older than 12 hours. A lock stops
 * new sign-ins only: an outsider's failed tries do not end the sessions of the account they aim at.
 */
export async function sessionUser(
  db: Db,
  now: Date,
  token: string | undefined,
): Promise<SessionUser | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const [row] = await db
    // Only the columns used: this query runs on every request (on PGlite the full rows cost twice as much).
    .select({
      s: {
        lastSeenAt: sessions.lastSeenAt,
        createdAt: sessions.createdAt,
        csrfToken: sessions.csrfToken,
      },
      u: {
        id: users.id,
        username: users.username,
        role: users.role,
        provinceSlug: users.provinceSlug,
        agencyId: users.agencyId,
        title: users.title,
      },
      dataVersion: sql<string | null>`(select sum(${dataVersion.version}) from ${dataVersion})`,
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const t = now.getTime();
  if (
    t - row.s.lastSeenAt.getTime() > SESSION_IDLE_MS ||
    t - row.s.createdAt.getTime() > SESSION_ABSOLUTE_MS
  ) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (t - row.s.lastSeenAt.getTime() > 30_000)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  const u = row.u;
  return {
    id: u.id,
    username: u.username,
    role: u.role as Role,
    provinceSlug: u.provinceSlug,
    agencyId: u.agencyId,
    title: u.title,
    csrfToken: row.s.csrfToken,
    tokenHash,
    dataVersion: row.dataVersion === null ? null : Number(row.dataVersion),
  };
}

export async function logout(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
