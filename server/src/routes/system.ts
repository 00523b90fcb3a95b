import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';

export const systemRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/health', async (c) => {
      await deps.db.execute(sql`select 1`);
      return c.json({
        status: 'ok' as const,
        engine: deps.engine,
        time: deps.clock().toISOString(),
      });
    })
    .get('/meta', (c) => c.json({ data: deps.meta }));
