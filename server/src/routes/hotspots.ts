import { Hono } from 'hono';
import { vietnamDay } from '@pcmt/shared/dates';
import { HotspotsQuerySchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { query } from '../http/validate.ts';
import { hotspotsCollection } from '../services/hotspots.ts';
import { denyOutOfScope, inScope, provinceScope } from '../services/scope.ts';

export const hotspotRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/hotspots', query(HotspotsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const scope = await provinceScope(deps.db, c.get('user'));
    const province = q.province ?? c.get('user').provinceSlug ?? undefined;
    if (province && !inScope(scope, province))
      await denyOutOfScope(deps.db, deps.clock(), scope, `Province ${province}`, 'province', {
        objectType: 'province',
        objectId: province,
      });
    return c.json(await hotspotsCollection(deps.db, { ...q, province }, vietnamDay(deps.clock())));
  });
