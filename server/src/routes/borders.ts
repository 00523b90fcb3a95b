import { Hono } from 'hono';
import { z } from 'zod';
import { CrossingsQuerySchema, EventsQuerySchema, IdSchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { params, query } from '../http/validate.ts';
import { crossingDetail, crossingsCollection, listEvents } from '../services/borders.ts';
import { denyOutOfScope, inScope, provinceScope } from '../services/scope.ts';

export const borderRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/crossings', query(CrossingsQuerySchema), async (c) => {
      const scope = await provinceScope(deps.db, c.get('user'));
      const fc = await crossingsCollection(deps.db, c.req.valid('query'));
      return c.json({
        ...fc,
        features: fc.features.filter((f) => inScope(scope, f.properties.provinceSlug)),
      });
    })
    .get('/crossings/:id', params(z.object({ id: IdSchema })), async (c) => {
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
    .get('/events', query(EventsQuerySchema), async (c) => {
      const scope = await provinceScope(deps.db, c.get('user'));
      const rows = await listEvents(deps.db, c.req.valid('query'));
      return c.json(rows.filter((e) => inScope(scope, e.provinceSlug)));
    });
