import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow } from '../http/guards.ts';
import { databaseState } from '../services/health.ts';

export const systemRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/health', async (c) => {
      // The database's state is the health: a 503 that says so when it does not answer.
      const database = await databaseState(deps.db);
      return c.json(
        {
          status: database.up ? ('ok' as const) : ('unavailable' as const),
          engine: deps.engine,
          database,
          time: deps.clock().toISOString(),
        },
        database.up ? 200 : 503,
      );
    })
    .get('/meta', allow(deps, 'GET /api/meta'), (c) => c.json({ data: deps.meta }));
