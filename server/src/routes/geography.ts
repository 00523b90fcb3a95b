import { Hono } from 'hono';
import { z } from 'zod';
import { vietnamDay } from '@pcmt/shared/dates';
import { IdSchema, ProvinceQuerySchema, UnitsQuerySchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import { params, query } from '../http/validate.ts';
import { listProvinces, unitDetail, unitsCollection } from '../services/units.ts';
import { borderCollection, routesCollection } from '../services/borders.ts';

export const geographyRoutes = (deps: AppDeps) =>
  new Hono()
    .get('/provinces', query(ProvinceQuerySchema.pick({ asOf: true })), async (c) =>
      c.json(await listProvinces(deps.db, c.req.valid('query').asOf)),
    )
    .get('/units', query(UnitsQuerySchema), async (c) =>
      c.json(await unitsCollection(deps.db, c.req.valid('query'), vietnamDay(deps.clock()))),
    )
    .get('/units/:id', params(z.object({ id: IdSchema })), async (c) =>
      c.json(await unitDetail(deps.db, c.req.valid('param').id)),
    )
    .get('/borders', async (c) => c.json(await borderCollection(deps.db)))
    .get('/routes', query(ProvinceQuerySchema.pick({ province: true })), async (c) =>
      c.json(await routesCollection(deps.db, c.req.valid('query').province)),
    )
    .get('/basemap', (c) => {
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(deps.basemapJson, 200, { 'Content-Type': 'application/json' });
    });
