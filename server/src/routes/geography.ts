import { Hono } from 'hono';
import { z } from 'zod';
import { vietnamDay } from '@pcmt/shared/dates';
import {
  BasemapQuerySchema,
  IdSchema,
  ProvinceQuerySchema,
  UnitsQuerySchema,
} from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow } from '../http/guards.ts';
import { params, query } from '../http/validate.ts';
import { IMMUTABLE, matches, REVALIDATE } from '../http/caching.ts';
import { basemapFile } from '../services/basemap.ts';
import {
  listProvinces,
  provinceOn,
  unitDetail,
  unitsCollection,
  unitsVersions,
} from '../services/units.ts';
import { borderCollection, routesCollection } from '../services/borders.ts';
import { denyOutOfScope, inScope, provinceForRead, provinceScope } from '../services/scope.ts';

export const geographyRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/provinces',
      allow(deps, 'GET /api/provinces'),
      query(ProvinceQuerySchema.pick({ asOf: true })),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const rows = await listProvinces(deps.db, c.req.valid('query').asOf);
        return c.json(rows.filter((p) => inScope(scope, p.slug)));
      },
    )
    .get('/units', allow(deps, 'GET /api/units'), query(UnitsQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const province = await provinceForRead(deps.db, deps.clock(), c.get('user'), q.province);
      const today = vietnamDay(deps.clock());
      const fc = await unitsCollection(deps.db, { ...q, province }, today);
      // A past day's units under the province's current version never change: kept a year. Today's
      // (tiers may still be recorded today) and an old or missing version are asked for again.
      // Villages are kept under the era they were recorded in, not under this version: not kept.
      if (q.v && province && q.asOf && q.asOf < today && q.level !== 'village') {
        const current = await unitsVersions(deps.db);
        const row = await provinceOn(deps.db, province, q.asOf);
        if (current.get(row.id) === q.v) c.header('Cache-Control', IMMUTABLE);
      }
      return c.json(fc);
    })
    .get(
      '/units/:id',
      allow(deps, 'GET /api/units/:id'),
      params(z.object({ id: IdSchema })),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const unit = await unitDetail(deps.db, c.req.valid('param').id);
        if (!inScope(scope, unit.provinceSlug))
          await denyOutOfScope(deps.db, deps.clock(), scope, `Unit ${unit.id}`, 'id', {
            objectType: 'unit',
            objectId: unit.id,
          });
        c.header('ETag', `"${unit.version}"`);
        return c.json(unit);
      },
    )
    .get('/borders', allow(deps, 'GET /api/borders'), async (c) =>
      c.json(await borderCollection(deps.db)),
    )
    .get(
      '/routes',
      allow(deps, 'GET /api/routes'),
      query(ProvinceQuerySchema.pick({ province: true })),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const fc = await routesCollection(deps.db, c.req.valid('query').province);
        return c.json({
          ...fc,
          features: fc.features.filter((f) => inScope(scope, f.properties.province)),
        });
      },
    )
    .get('/basemap', allow(deps, 'GET /api/basemap'), query(BasemapQuerySchema), async (c) => {
      const file = basemapFile(deps);
      const tag = `"${file.version}"`;
      // Under its version the file never changes: the browser keeps it a year; unversioned, it asks again.
      c.header('Cache-Control', c.req.valid('query').v === file.version ? IMMUTABLE : REVALIDATE);
      c.header('ETag', tag);
      c.header('Vary', 'Accept-Encoding');
      if (matches(c.req.header('If-None-Match'), tag)) return c.body(null, 304);
      const accepts = c.req.header('Accept-Encoding') ?? '';
      const br = /\bbr\b/.test(accepts) ? await file.br : null;
      const [body, encoding] = br
        ? [br, 'br']
        : /\bgzip\b/.test(accepts)
          ? [file.gzip, 'gzip']
          : [file.json, null];
      if (encoding) c.header('Content-Encoding', encoding);
      return c.body(body as never, 200, { 'Content-Type': 'application/json' });
    });
