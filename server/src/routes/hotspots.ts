import { Hono } from 'hono';
import { vietnamDay } from '@pcmt/shared/dates';
import { HotspotsQuerySchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { query } from '../http/validate.ts';
import { hotspotsCollection } from '../services/hotspots.ts';
import { provinceForRead } from '../services/scope.ts';

export const hotspotRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/hotspots', query(HotspotsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const province = await provinceForRead(deps.db, deps.clock(), c.get('user'), q.province);
    return c.json(await hotspotsCollection(deps.db, { ...q, province }, vietnamDay(deps.clock())));
  });
