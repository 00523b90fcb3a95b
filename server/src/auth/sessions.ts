/** Login, lockout, sessions: random 256-bit tokens stored only as hashes; idle and absolute expiry. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import {
  LOCKOUT_FAILURES,
  LOCKOUT_WINDOW_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  type Role,
} from '@pcmt/shared/policy';
import type { Db } from '../db/create-db.ts';
import { loginAttempts, sessions, users } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { audit } from '../services/audit.ts';
import { verifyPassword, decoyHash } from './passwords.ts';

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
}

const refused = () => new ApiError(401, 'invalid_credentials', 'Wrong username or password');

export async function login(
  db: Db,
  now: Date,
  username: string,
  password: string,
  ip: string | null,
) {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (user?.lockedAt) {
    await audit(db, now, {
      actor: null,
      username,
      action: 'login',
      objectType: 'user',
      objectId: user.id,
      outcome: 'locked',
      clientIp: ip,
    });
    throw new ApiError(
      401,
      'account_locked',
      'Account locked after repeated failed logins: ask an administrator to unlock it',
    );
  }
  // The same scrypt work whether or not the username exists: the answer's time tells nothing.
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await decoyHash()).then(() => false);
  await db.insert(loginAttempts).values({ username, at: now, ok });
  if (!user || !ok) {
    await audit(db, now, {
      actor: null,
      username,
      action: 'login_failed',
      objectType: 'user',
      objectId: user?.id,
      outcome: 'failed',
      clientIp: ip,
    });
    if (user) await lockIfNeeded(db, now, user.id, username, user.unlockedAt, ip);
    throw refused();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
  });
  await audit(db, now, {
    actor: { id: user.id, username, role: user.role },
    action: 'login',
    objectType: 'user',
    objectId: user.id,
    outcome: 'ok',
    clientIp: ip,
  });
  return { token, csrfToken, user };
}

async function lockIfNeeded(
  db: Db,
  now: Date,
  userId: string,
  username: string,
  unlockedAt: Date | null,
  ip: string | null,
) {
  const since = new Date(Math.max(now.getTime() - LOCKOUT_WINDOW_MS, unlockedAt?.getTime() ?? 0));
  const recent = await db
    .select()
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), gt(loginAttempts.at, since)));
  const lastOk = Math.max(0, ...recent.filter((a) => a.ok).map((a) => a.at.getTime()));
  const failures = recent.filter((a) => !a.ok && a.at.getTime() > lastOk).length;
  if (failures >= LOCKOUT_FAILURES) {
    await db.update(users).set({ lockedAt: now }).where(eq(users.id, userId));
    await audit(db, now, {
      actor: null,
      username,
      action: 'lock',
      objectType: 'user',
      objectId: userId,
      outcome: 'ok',
      clientIp: ip,
      detail: `${failures} failed logins in 15 minutes`,
    });
  }
}

/** The user behind a session token, or null when unknown, idle for 30 minutes or older than 12 hours. */
export async function sessionUser(
  db: Db,
  now: Date,
  token: string | undefined,
): Promise<SessionUser | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const t = now.getTime();
  if (
    t - row.s.lastSeenAt.getTime() > SESSION_IDLE_MS ||
    t - row.s.createdAt.getTime() > SESSION_ABSOLUTE_MS ||
    row.u.lockedAt
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
  };
}

export async function logout(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
