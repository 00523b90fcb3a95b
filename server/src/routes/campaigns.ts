import { Hono } from 'hono';
import { z } from 'zod';
import { IdSchema, IsoDateSchema, ProvinceQuerySchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import { params, query } from '../http/validate.ts';
import { campaignDetail, listCampaigns } from '../services/campaigns.ts';

export const campaignRoutes = (deps: AppDeps) =>
  new Hono()
    .get('/campaigns', query(ProvinceQuerySchema.pick({ province: true })), async (c) =>
      c.json(await listCampaigns(deps.db, c.req.valid('query').province)),
    )
    .get(
      '/campaigns/:id',
      params(z.object({ id: IdSchema })),
      query(z.object({ asOf: IsoDateSchema.optional() })),
      async (c) =>
        c.json(await campaignDetail(deps.db, c.req.valid('param').id, c.req.valid('query').asOf)),
    );
