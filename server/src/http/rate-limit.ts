/**
 * A small fixed-window rate limiter per key, on the app's clock (sign-in, exports, reports). The hits are counted in
 * the database (`rate_limits`), in one atomic upsert per request: servers behind a load balancer share the count, and
 * a restart does not forget it.
 */
import { lt, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import type { AppDeps } from '../deps.ts';
import type { Db } from '../db/create-db.ts';
import { rateLimits } from '../db/schema.ts';
import { audit, type Actor } from '../services/audit.ts';

/** Counts one hit of `key` at `now`; returns the hits in its window and when the window began. */
export async function hit(
  db: Db,
  key: string,
  now: Date,
  windowMs: number,
): Promise<{ hits: number; windowStart: Date }> {
  // As text: postgres.js cannot bind a Date inside a raw sql fragment (it has no column type to go by).
  const expired = new Date(now.getTime() - windowMs).toISOString();
  const at = now.toISOString();
  // Both SET expressions read the row as it was: a window that has run out starts again at this hit.
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowStart} <= ${expired}::timestamptz then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${expired}::timestamptz then ${at}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ hits: rateLimits.hits, windowStart: rateLimits.windowStart });
  return row!;
}

/** Rows whose window ended long ago are dropped now and then, so the table stays as small as the active keys. */
const SWEEP_EVERY = 500;
let sinceSweep = 0;

export function rateLimit(opts: {
  db: Db;
  limit: number;
  windowMs: number;
  clock: () => Date;
  key: (c: Parameters<MiddlewareHandler>[0]) => string;
  onLimited?: (c: Parameters<MiddlewareHandler>[0]) => Promise<void>;
}): MiddlewareHandler {
  return async (c, next) => {
    const now = opts.clock();
    const { hits, windowStart } = await hit(opts.db, opts.key(c), now, opts.windowMs);
    if (hits > opts.limit) {
      const left = windowStart.getTime() + opts.windowMs - now.getTime();
      c.header('Retry-After', String(Math.max(1, Math.ceil(left / 1000))));
      await opts.onLimited?.(c);
      throw new ApiError(429, 'rate_limited', 'Too many requests: wait a minute and try again');
    }
    if (++sinceSweep >= SWEEP_EVERY) {
      sinceSweep = 0;
      await opts.db
        .delete(rateLimits)
        .where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600_000)));
    }
    await next();
  };
}

/** A rate limit on the app's clock whose refusals are audited like every other denied request. */
export function auditedRateLimit(
  deps: AppDeps,
  limit: number,
  key: (c: Parameters<MiddlewareHandler>[0]) => string,
): MiddlewareHandler {
  return rateLimit({
    db: deps.db,
    limit,
    windowMs: 60_000,
    clock: deps.clock,
    key,
    onLimited: (c) =>
      audit(deps.db, deps.clock(), {
        actor: (c.get('user') as Actor | undefined) ?? null,
        action: `${c.req.method} ${c.req.path}`,
        outcome: 'denied',
        clientIp: (c.get('clientIp') as string | null | undefined) ?? null,
        detail: 'rate limited',
      }),
  });
}
