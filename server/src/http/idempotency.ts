/**
 * Idempotent writes. A write sent with an `Idempotency-Key` (the dashboard's offline outbox sends one with every
 * queued write, and sends it again on every replay) is handled once per user and key: a repeat gets the stored
 * answer of the first, marked `Idempotent-Replayed: true`, and writes nothing (for 30 days). A key reused for another request
 * (other method, path or body) is refused; a repeat while the first is still running gets a 409.
 * Answers of 500 and above are not kept: the client may try again with the same key.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { WRITE } from './guards.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY = /^[\w-]{8,100}$/;
/** A first request that left no answer this long ago died with its process: a repeat takes it over. */
const ABANDONED_MS = 60_000;
/** Keys are kept 30 days: longer than a post's outbox should ever wait for a link. */
const KEPT_MS = 30 * 24 * 3600_000;

export const idempotency =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    const user = c.get('user');
    if (key === undefined || !WRITE.has(c.req.method) || !user) return next();
    if (!KEY.test(key))
      throw new ApiError(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key: 8 to 100 letters, digits, "-" or "_"',
        IDEMPOTENCY_HEADER,
      );
    const body = Buffer.from(await c.req.arrayBuffer());
    const url = new URL(c.req.url);
    const fingerprint = createHash('sha256')
      .update(`${c.req.method} ${url.pathname}${url.search}\n${c.req.header('If-Match') ?? ''}\n`)
      .update(body)
      .digest('hex');
    const now = deps.clock();
    const mine = and(eq(idempotencyKeys.userId, user.id), eq(idempotencyKeys.key, key));
    const claimed = await deps.db
      .insert(idempotencyKeys)
      .values({ userId: user.id, key, fingerprint, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [row] = await deps.db.select().from(idempotencyKeys).where(mine);
      if (!row || row.fingerprint !== fingerprint)
        throw new ApiError(
          422,
          'idempotency_key_reused',
          'Idempotency-Key: already used for another request',
          IDEMPOTENCY_HEADER,
        );
      if (row.status !== null)
        return c.body(row.body ?? '', row.status as never, {
          ...(row.contentType ? { 'Content-Type': row.contentType } : {}),
          'Idempotent-Replayed': 'true',
        });
      const takenOver =
        now.getTime() - row.createdAt.getTime() > ABANDONED_MS &&
        (
          await deps.db
            .update(idempotencyKeys)
            .set({ createdAt: now })
            .where(
              and(
                mine,
                isNull(idempotencyKeys.status),
                eq(idempotencyKeys.createdAt, row.createdAt),
              ),
            )
            .returning({ key: idempotencyKeys.key })
        ).length > 0;
      if (!takenOver)
        throw new ApiError(
          409,
          'request_in_progress',
          'The same request is still being handled: try again in a moment',
          IDEMPOTENCY_HEADER,
        );
    }
    await next();
    const res = c.res;
    if (res.status >= 500) {
      await deps.db.delete(idempotencyKeys).where(mine);
      return;
    }
    await deps.db
      .update(idempotencyKeys)
      .set({
        status: res.status,
        contentType: res.headers.get('Content-Type'),
        body: await res.clone().text(),
      })
      .where(mine);
    await deps.db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.userId, user.id),
          lt(idempotencyKeys.createdAt, new Date(now.getTime() - KEPT_MS)),
        ),
      );
  };
