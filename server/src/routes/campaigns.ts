import { Hono } from 'hono';
import { z } from 'zod';
import { IdSchema, IsoDateSchema, ProvinceQuerySchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { params, query } from '../http/validate.ts';
import { campaignDetail, listCampaigns } from '../services/campaigns.ts';
import { denyOutOfScope, inScope, provinceScope } from '../services/scope.ts';

export const campaignRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/campaigns', query(ProvinceQuerySchema.pick({ province: true })), async (c) => {
      const scope = await provinceScope(deps.db, c.get('user'));
      const rows = await listCampaigns(deps.db, c.req.valid('query').province);
      return c.json(rows.filter((r) => inScope(scope, r.provinceSlug)));
    })
    .get(
      '/campaigns/:id',
      params(z.object({ id: IdSchema })),
      query(z.object({ asOf: IsoDateSchema.optional() })),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const detail = await campaignDetail(
          deps.db,
          c.req.valid('param').id,
          c.req.valid('query').asOf,
        );
        if (!inScope(scope, detail.provinceSlug))
          await denyOutOfScope(deps.db, deps.clock(), scope, `Campaign ${detail.id}`, 'id', {
            objectType: 'campaign',
            objectId: detail.id,
          });
        return c.json(detail);
      },
    );
