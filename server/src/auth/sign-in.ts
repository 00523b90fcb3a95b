/**
 * Sign-in: password check, growing waits per client, the account lock and trusted devices (policy `SIGN_IN` in
 * shared/src/policy.ts, README "Sign-in policy"). Every count comes from `login_attempts` in the database, so two
 * server processes apply one policy.
 */
import { randomBytes } from 'node:crypto';
import { and, count, eq, gt, lt, max, sql, type SQL } from 'drizzle-orm';
import { lockLengthMs, signInWaitMs, SIGN_IN } from '@pcmt/shared/policy';
import type { Db } from '../db/create-db.ts';
import { loginAttempts, sessions, trustedDevices, users } from '../db/schema.ts';
import { ApiError, RetryLaterError } from '../errors.ts';
import { audit } from '../services/audit.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { hashToken as hash } from './sessions.ts';

export const DEVICE_COOKIE = '__Host-pcmt_device';

export interface SignInRequest {
  username: string;
  password: string;
  /** The client's address, null when unknown (counted as 'local'). */
  ip: string | null;
  /** The device cookie the browser sent, if any. */
  deviceToken?: string | undefined;
}

/**
 * Failures matching `where` after `since` (and, when `resets`, after the last success matching it): how many, and
 * the latest. An attempt in flight counts as a failure until its password is found right.
 */
async function failuresSince(db: Db, where: SQL | undefined, since: Date, resets = true) {
  const [ok] = resets
    ? await db
        .select({ at: max(loginAttempts.at) })
        .from(loginAttempts)
        .where(and(where, eq(loginAttempts.ok, true), gt(loginAttempts.at, since)))
    : [];
  const from = ok?.at && ok.at > since ? ok.at : since;
  const [failed] = await db
    .select({ n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.ok, false), gt(loginAttempts.at, from)));
  return { n: failed?.n ?? 0, last: failed?.last ?? null };
}

const hhmm = (d: Date) =>
  d.toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });

type Gate =
  | { refuse: 'throttled'; seconds: number; detail: string; userId?: string }
  | { refuse: 'locked'; until: Date; userId: string }
  | {
      refuse: null;
      attempt: number;
      user: typeof users.$inferSelect | undefined;
      device: typeof trustedDevices.$inferSelect | undefined;
    };

/**
 * Everything decided before the password is checked, under one lock per username, and the attempt recorded as a
 * failure before the check (made a success after it): parallel tries see each other, so a burst cannot slip past
 * the lock while the first ones are still checking their password.
 */
async function gate(db: Db, now: Date, req: SignInRequest): Promise<Gate> {
  const { username } = req;
  const client = req.ip ?? 'local';
  const windowStart = new Date(now.getTime() - SIGN_IN.windowMs);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${username}`}))`);
    const t = tx as unknown as Db;
    const [user] = await t.select().from(users).where(eq(users.username, username));
    const device =
      user && req.deviceToken
        ? (
            await t
              .select()
              .from(trustedDevices)
              .where(
                and(
                  eq(trustedDevices.tokenHash, hash(req.deviceToken)),
                  eq(trustedDevices.userId, user.id),
                  gt(trustedDevices.lastUsedAt, new Date(now.getTime() - SIGN_IN.deviceMaxAgeMs)),
                ),
              )
          )[0]
        : undefined;
    // Growing waits, before any password work: this client on this username (a success there starts afresh), then
    // this client on any username (successes do not reset it: one valid account must not launder a spray). A browser
    // the user signed in on is not held by its address: it is bounded by losing its trust after 5 failures.
    if (!device)
      for (const [where, free, what, resets] of [
        [
          and(eq(loginAttempts.client, client), eq(loginAttempts.username, username)),
          SIGN_IN.clientUserFreeFailures,
          'this username',
          true,
        ],
        [eq(loginAttempts.client, client), SIGN_IN.clientFreeFailures, 'any username', false],
      ] as const) {
        const f = await failuresSince(t, where, windowStart, resets);
        const wait = signInWaitMs(f.n, free);
        const readyAt = f.last ? f.last.getTime() + wait : 0;
        if (wait > 0 && readyAt > now.getTime())
          return {
            refuse: 'throttled' as const,
            seconds: Math.ceil((readyAt - now.getTime()) / 1000),
            detail: `${f.n} failed sign-ins from ${client} (${what})`,
            userId: user?.id,
          };
      }
    if (user && !device) {
      if (user.lockedUntil && user.lockedUntil > now)
        return { refuse: 'locked' as const, until: user.lockedUntil, userId: user.id };
      const until = await lockIfNeeded(t, now, user, req.ip);
      if (until) return { refuse: 'locked' as const, until, userId: user.id };
    }
    const [row] = await t
      .insert(loginAttempts)
      .values({ username, at: now, ok: false, client, trusted: !!device })
      .returning({ id: loginAttempts.id });
    return { refuse: null, attempt: row!.id, user, device };
  });
}

export async function login(db: Db, now: Date, req: SignInRequest) {
  const { username, password } = req;
  const g = await gate(db, now, req);
  const denied = (action: string, outcome: 'denied' | 'locked', detail: string, id?: string) =>
    audit(db, now, {
      actor: null,
      username,
      action,
      objectType: 'user',
      objectId: id,
      outcome,
      clientIp: req.ip,
      detail,
    });
  if (g.refuse === 'throttled') {
    await denied('login_throttled', 'denied', g.detail, g.userId);
    throw new RetryLaterError(
      'sign_in_throttled',
      `Too many failed sign-ins from this computer: try again in ${g.seconds} s`,
      g.seconds,
    );
  }
  if (g.refuse === 'locked') {
    await denied('login', 'locked', `locked until ${g.until.toISOString()}`, g.userId);
    throw new ApiError(
      401,
      'account_locked',
      `Account locked after repeated failed sign-ins until ${hhmm(g.until)}: wait, sign in on a computer you used before, or ask an administrator to unlock it`,
    );
  }
  const { user, device } = g;

  // The same scrypt work whether or not the username exists: the answer's time tells nothing.
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await decoyHash()).then(() => false);
  if (ok) await db.update(loginAttempts).set({ ok: true }).where(eq(loginAttempts.id, g.attempt));
  if (!user || !ok) {
    await audit(db, now, {
      actor: null,
      username,
      action: 'login_failed',
      objectType: 'user',
      objectId: user?.id,
      outcome: 'failed',
      clientIp: req.ip,
    });
    if (user && device) await revokeTrustIfNeeded(db, now, user.id, username, req.ip);
    else if (user) await lockIfNeeded(db, now, user, req.ip);
    throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hash(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
  });
  // The browser becomes (or stays) trusted for this user for 90 days from its last sign-in.
  let deviceToken = req.deviceToken;
  if (device) {
    await db
      .update(trustedDevices)
      .set({ lastUsedAt: now })
      .where(eq(trustedDevices.tokenHash, device.tokenHash));
  } else {
    deviceToken = randomBytes(32).toString('base64url');
    await db
      .delete(trustedDevices)
      .where(
        and(
          eq(trustedDevices.userId, user.id),
          lt(trustedDevices.lastUsedAt, new Date(now.getTime() - SIGN_IN.deviceMaxAgeMs)),
        ),
      );
    await db
      .insert(trustedDevices)
      .values({ tokenHash: hash(deviceToken), userId: user.id, createdAt: now, lastUsedAt: now });
  }
  await audit(db, now, {
    actor: { id: user.id, username, role: user.role },
    action: 'login',
    objectType: 'user',
    objectId: user.id,
    outcome: 'ok',
    clientIp: req.ip,
    detail: device ? 'trusted device' : undefined,
  });
  return { token, csrfToken, user, deviceToken: deviceToken! };
}

/** 5 failures in 15 minutes from clients the user never signed in on lock the account, each lock twice as long. */
async function lockIfNeeded(db: Db, now: Date, user: typeof users.$inferSelect, ip: string | null) {
  const since = new Date(
    Math.max(
      now.getTime() - SIGN_IN.windowMs,
      user.unlockedAt?.getTime() ?? 0,
      user.lockedAt?.getTime() ?? 0,
    ),
  );
  const f = await failuresSince(
    db,
    and(eq(loginAttempts.username, user.username), eq(loginAttempts.trusted, false)),
    since,
  );
  if (f.n < SIGN_IN.lockFailures) return null;
  // In a row: within a day of the last lock's end (a 24-hour lock must not reset the streak by lasting 24 hours).
  const streak =
    user.lockedUntil && now.getTime() - user.lockedUntil.getTime() < SIGN_IN.streakResetMs
      ? user.lockStreak + 1
      : 1;
  const until = new Date(now.getTime() + lockLengthMs(streak));
  await db
    .update(users)
    .set({ lockedAt: now, lockedUntil: until, lockStreak: streak })
    .where(eq(users.id, user.id));
  await audit(db, now, {
    actor: null,
    username: user.username,
    action: 'lock',
    objectType: 'user',
    objectId: user.id,
    outcome: 'ok',
    clientIp: ip,
    detail: `${f.n} failed sign-ins in 15 minutes: locked until ${until.toISOString()} (lock ${streak} in a row)`,
  });
  return until;
}

/** 5 failures in 15 minutes from the user's trusted browsers end their trust: the lock then applies to them too. */
async function revokeTrustIfNeeded(
  db: Db,
  now: Date,
  userId: string,
  username: string,
  ip: string | null,
) {
  const f = await failuresSince(
    db,
    and(eq(loginAttempts.username, username), eq(loginAttempts.trusted, true)),
    new Date(now.getTime() - SIGN_IN.windowMs),
  );
  if (f.n < SIGN_IN.deviceFailures) return;
  await db.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
  await audit(db, now, {
    actor: null,
    username,
    action: 'device_trust_revoked',
    objectType: 'user',
    objectId: userId,
    outcome: 'ok',
    clientIp: ip,
    detail: `${f.n} failed sign-ins from trusted browsers in 15 minutes`,
  });
}
