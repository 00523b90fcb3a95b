import { Hono } from 'hono';
import { BoundaryImportQuerySchema } from '@pcmt/shared/boundaries';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { query } from '../http/validate.ts';
import { importBoundaries } from '../services/boundary-import.ts';

/** A province's own boundaries in (`services/boundary-import.ts`): previewed with `commit=0`, written with `commit=1`. */
export const boundaryRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post(
    '/boundaries/import',
    allow(deps, 'POST /api/boundaries/import'),
    query(BoundaryImportQuerySchema),
    async (c) => {
      const ctx = { db: deps.db, ...(await requestContext(deps, c)) };
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await importBoundaries(ctx, bytes, c.req.valid('query')));
    },
  );
