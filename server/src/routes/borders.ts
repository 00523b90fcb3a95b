import { Hono } from 'hono';
import { z } from 'zod';
import { CrossingsQuerySchema, EventsQuerySchema, IdSchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import { params, query } from '../http/validate.ts';
import { crossingDetail, crossingsCollection, listEvents } from '../services/borders.ts';

export const borderRoutes = (deps: AppDeps) =>
  new Hono()
    .get('/crossings', query(CrossingsQuerySchema), async (c) =>
      c.json(await crossingsCollection(deps.db, c.req.valid('query'))),
    )
    .get('/crossings/:id', params(z.object({ id: IdSchema })), async (c) =>
      c.json(await crossingDetail(deps.db, c.req.valid('param').id)),
    )
    .get('/events', query(EventsQuerySchema), async (c) =>
      c.json(await listEvents(deps.db, c.req.valid('query'))),
    );
