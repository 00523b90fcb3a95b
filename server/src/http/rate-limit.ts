/** A small fixed-window rate limiter per key, on the app's clock (login and exports). */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import type { AppDeps } from '../deps.ts';
import { audit, type Actor } from '../services/audit.ts';

export function rateLimit(opts: {
  limit: number;
  windowMs: number;
  clock: () => Date;
  key: (c: Parameters<MiddlewareHandler>[0]) => string;
  onLimited?: (c: Parameters<MiddlewareHandler>[0]) => Promise<void>;
}): MiddlewareHandler {
  const hits = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const now = opts.clock().getTime();
    const key = opts.key(c);
    const entry = hits.get(key);
    if (!entry || now - entry.start >= opts.windowMs) hits.set(key, { start: now, count: 1 });
    else if (++entry.count > opts.limit) {
      c.header('Retry-After', String(Math.ceil((entry.start + opts.windowMs - now) / 1000)));
      await opts.onLimited?.(c);
      throw new ApiError(429, 'rate_limited', 'Too many requests: wait a minute and try again');
    }
    if (hits.size > 10_000) hits.clear();
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
