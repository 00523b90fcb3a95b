import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps.ts';

export const systemRoutes = (deps: AppDeps) =>
  new Hono()
    .get('/health', async (c) => {
      await deps.db.execute(sql`select 1`);
      return c.json({
        status: 'ok' as const,
        engine: deps.engine,
        time: deps.clock().toISOString(),
      });
    })
    .get('/meta', (c) => c.json({ data: deps.meta }));
