import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow } from '../http/guards.ts';
import { databaseAnswers } from '../services/health.ts';

export const systemRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/health', async (c) => {
      await databaseAnswers(deps.db);
      return c.json({
        status: 'ok' as const,
        engine: deps.engine,
        time: deps.clock().toISOString(),
      });
    })
    .get('/meta', allow(deps, 'GET /api/meta'), (c) => c.json({ data: deps.meta }));
