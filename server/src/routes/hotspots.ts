import { Hono } from 'hono';
import { vietnamDay } from '@pcmt/shared/dates';
import { HotspotsQuerySchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import { query } from '../http/validate.ts';
import { hotspotsCollection } from '../services/hotspots.ts';

export const hotspotRoutes = (deps: AppDeps) =>
  new Hono().get('/hotspots', query(HotspotsQuerySchema), async (c) =>
    c.json(await hotspotsCollection(deps.db, c.req.valid('query'), vietnamDay(deps.clock()))),
  );
