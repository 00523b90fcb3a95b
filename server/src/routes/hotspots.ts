/** Hotspots: the collection on a date (read), elimination and re-emergence (commander). */
import { Hono } from 'hono';
import { z } from 'zod';
import { vietnamDay } from '@pcmt/shared/dates';
import {
  EliminateInputSchema,
  HotspotsQuerySchema,
  IdSchema,
  ImportQuerySchema,
  ReEmergeInputSchema,
} from '@pcmt/shared/contracts';
import { HotspotInputSchema, HotspotPatchSchema } from '@pcmt/shared/hotspot-contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, params, query } from '../http/validate.ts';
import { eliminateHotspot, hotspotsCollection, reEmergeHotspot } from '../services/hotspots.ts';
import { createHotspot, updateHotspot } from '../services/hotspot-register.ts';
import { denyOutOfScope, inScope, provinceForRead, provinceScope } from '../services/scope.ts';
import { expectedVersion } from '../services/versioned.ts';
import { importHotspots } from '../services/hotspot-import.ts';
import { hotspotTemplate } from '../services/hotspot-template.ts';
import { provinceOn } from '../services/units.ts';
import { ApiError } from '../errors.ts';
import { XLSX_MIME } from '@pcmt/shared/uploads';

const Id = z.object({ id: IdSchema });

export const hotspotRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/hotspots', allow(deps, 'GET /api/hotspots'), query(HotspotsQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const province = await provinceForRead(deps.db, deps.clock(), c.get('user'), q.province);
      const scope = await provinceScope(deps.db, c.get('user'));
      // A campaign or phase named in the query must be of the province asked (404 otherwise).
      const visible = async (slug: string) => {
        if (!inScope(scope, slug) || (province && slug !== province))
          await denyOutOfScope(
            deps.db,
            deps.clock(),
            scope,
            `Campaign of ${q.campaign ?? q.phase}`,
            q.campaign ? 'campaign' : 'phase',
          );
      };
      return c.json(
        await hotspotsCollection(deps.db, { ...q, province }, vietnamDay(deps.clock()), visible),
      );
    })
    .get('/hotspots/template', allow(deps, 'GET /api/hotspots/template'), async (c) => {
      const { scope, now } = await requestContext(deps, c);
      const slug = scope.user.provinceSlug;
      if (!slug)
        throw new ApiError(
          400,
          'validation_failed',
          'province: sign in as a province’s commander',
          'province',
        );
      const province = await provinceOn(deps.db, slug, vietnamDay(now));
      c.header('Content-Type', XLSX_MIME);
      c.header('Content-Disposition', `attachment; filename="diem-ma-tuy-${slug}.xlsx"`);
      return c.body(new Uint8Array(await hotspotTemplate(slug, province.name)));
    })
    .post(
      '/hotspots/import',
      allow(deps, 'POST /api/hotspots/import'),
      query(ImportQuerySchema),
      async (c) => {
        const ctx = { db: deps.db, ...(await requestContext(deps, c)) };
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return c.json(await importHotspots(ctx, bytes, c.req.valid('query').commit === '1'));
      },
    )
    .post('/hotspots', allow(deps, 'POST /api/hotspots'), json(HotspotInputSchema), async (c) => {
      const ctx = { db: deps.db, ...(await requestContext(deps, c)) };
      return c.json(await createHotspot(ctx, c.req.valid('json')), 201);
    })
    .patch(
      '/hotspots/:id',
      allow(deps, 'PATCH /api/hotspots/:id'),
      params(Id),
      json(HotspotPatchSchema),
      async (c) => {
        const ctx = { db: deps.db, ...(await requestContext(deps, c)) };
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(await updateHotspot(ctx, c.req.valid('param').id, v, patch));
      },
    )
    .post(
      '/hotspots/:id/eliminate',
      allow(deps, 'POST /api/hotspots/:id/eliminate'),
      params(Id),
      json(EliminateInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const body = c.req.valid('json');
        const version = expectedVersion(c.req.header('if-match'), body.version);
        return c.json(
          await eliminateHotspot(
            deps.db,
            now,
            scope,
            c.req.valid('param').id,
            version,
            body.eliminatedOn,
            ip,
          ),
        );
      },
    )
    .post(
      '/hotspots/:id/re-emerge',
      allow(deps, 'POST /api/hotspots/:id/re-emerge'),
      params(Id),
      json(ReEmergeInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const body = c.req.valid('json');
        return c.json(
          await reEmergeHotspot(
            deps.db,
            now,
            scope,
            c.req.valid('param').id,
            body.identifiedOn,
            body.note,
            ip,
          ),
          201,
        );
      },
    );
