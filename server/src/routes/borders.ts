/** Crossings and coordination events: reads for everyone in the province, writes for the border unit. */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  CrossingInputSchema,
  CrossingPatchSchema,
  CrossingsQuerySchema,
  EventInputSchema,
  EventPatchSchema,
  EventsQuerySchema,
  IdSchema,
} from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, params, query } from '../http/validate.ts';
import { crossingDetail, crossingsCollection, listEvents } from '../services/borders.ts';
import {
  createCrossing,
  createEvent,
  updateCrossing,
  updateEvent,
} from '../services/border-writes.ts';
import { denyOutOfScope, inScope, provinceScope } from '../services/scope.ts';
import { expectedVersion } from '../services/versioned.ts';

const Id = z.object({ id: IdSchema });

export const borderRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/crossings',
      allow(deps, 'GET /api/crossings'),
      query(CrossingsQuerySchema),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const fc = await crossingsCollection(deps.db, c.req.valid('query'));
        return c.json({
          ...fc,
          features: fc.features.filter((f) => inScope(scope, f.properties.provinceSlug)),
        });
      },
    )
    .get('/crossings/:id', allow(deps, 'GET /api/crossings/:id'), params(Id), async (c) => {
      const scope = await provinceScope(deps.db, c.get('user'));
      const crossing = await crossingDetail(deps.db, c.req.valid('param').id);
      if (!inScope(scope, crossing.provinceSlug))
        await denyOutOfScope(deps.db, deps.clock(), scope, `Crossing ${crossing.id}`, 'id', {
          objectType: 'crossing',
          objectId: crossing.id,
        });
      c.header('ETag', `"${crossing.version}"`);
      return c.json(crossing);
    })
    .post(
      '/crossings',
      allow(deps, 'POST /api/crossings'),
      json(CrossingInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        return c.json(await createCrossing(deps.db, now, scope, c.req.valid('json'), ip), 201);
      },
    )
    .patch(
      '/crossings/:id',
      allow(deps, 'PATCH /api/crossings/:id'),
      params(Id),
      json(CrossingPatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(
          await updateCrossing(deps.db, now, scope, c.req.valid('param').id, v, patch, ip),
        );
      },
    )
    .get('/events', allow(deps, 'GET /api/events'), query(EventsQuerySchema), async (c) => {
      const scope = await provinceScope(deps.db, c.get('user'));
      const rows = await listEvents(deps.db, c.req.valid('query'));
      return c.json(rows.filter((e) => inScope(scope, e.provinceSlug)));
    })
    .post('/events', allow(deps, 'POST /api/events'), json(EventInputSchema), async (c) => {
      const { scope, now, ip } = await requestContext(deps, c);
      return c.json(await createEvent(deps.db, now, scope, c.req.valid('json'), ip), 201);
    })
    .patch(
      '/events/:id',
      allow(deps, 'PATCH /api/events/:id'),
      params(Id),
      json(EventPatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(
          await updateEvent(deps.db, now, scope, c.req.valid('param').id, v, patch, ip),
        );
      },
    );
