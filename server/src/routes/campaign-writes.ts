/** Campaign authoring (commander): the campaign, its copy, phases, quotas and report deadlines. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  CampaignCopySchema,
  CampaignEditSchema,
  CampaignInputSchema,
  CampaignPatchSchema,
  DeadlineInputSchema,
  DeadlinePatchSchema,
  PhaseInputSchema,
  PhasePatchSchema,
  QuotaInputSchema,
  QuotaPatchSchema,
} from '@pcmt/shared/campaign-contracts';
import { IdSchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, params } from '../http/validate.ts';
import * as P from '../services/campaign-parts.ts';
import { editCampaign } from '../services/campaign-edit.ts';
import * as W from '../services/campaign-writes.ts';
import { expectedVersion } from '../services/versioned.ts';

const Id = z.object({ id: IdSchema });

export const campaignWriteRoutes = (deps: AppDeps) => {
  const ctx = async (c: Context<AppEnv>) => ({ db: deps.db, ...(await requestContext(deps, c)) });
  const version = (c: Context<AppEnv>, v: number | undefined) =>
    expectedVersion(c.req.header('if-match'), v);
  return new Hono<AppEnv>()
    .post('/campaigns', allow(deps, 'POST /api/campaigns'), json(CampaignInputSchema), async (c) =>
      c.json(await W.createCampaign(await ctx(c), c.req.valid('json')), 201),
    )
    .put(
      '/campaigns/:id',
      allow(deps, 'PUT /api/campaigns/:id'),
      params(Id),
      json(CampaignEditSchema),
      async (c) =>
        c.json(await editCampaign(await ctx(c), c.req.valid('param').id, c.req.valid('json'))),
    )
    .patch(
      '/campaigns/:id',
      allow(deps, 'PATCH /api/campaigns/:id'),
      params(Id),
      json(CampaignPatchSchema),
      async (c) => {
        const { version: v, ...patch } = c.req.valid('json');
        return c.json(
          await W.updateCampaign(await ctx(c), c.req.valid('param').id, version(c, v), patch),
        );
      },
    )
    .post(
      '/campaigns/:id/copy',
      allow(deps, 'POST /api/campaigns/:id/copy'),
      params(Id),
      json(CampaignCopySchema),
      async (c) =>
        c.json(
          await W.copyCampaign(await ctx(c), c.req.valid('param').id, c.req.valid('json')),
          201,
        ),
    )
    .post(
      '/campaigns/:id/phases',
      allow(deps, 'POST /api/campaigns/:id/phases'),
      params(Id),
      json(PhaseInputSchema),
      async (c) =>
        c.json(await P.addPhase(await ctx(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .patch(
      '/phases/:id',
      allow(deps, 'PATCH /api/phases/:id'),
      params(Id),
      json(PhasePatchSchema),
      async (c) => {
        const { version: v, ...patch } = c.req.valid('json');
        return c.json(
          await P.updatePhase(await ctx(c), c.req.valid('param').id, version(c, v), patch),
        );
      },
    )
    .post(
      '/campaigns/:id/quotas',
      allow(deps, 'POST /api/campaigns/:id/quotas'),
      params(Id),
      json(QuotaInputSchema),
      async (c) =>
        c.json(await P.addQuota(await ctx(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .patch(
      '/quotas/:id',
      allow(deps, 'PATCH /api/quotas/:id'),
      params(Id),
      json(QuotaPatchSchema),
      async (c) => {
        const { version: v, ...patch } = c.req.valid('json');
        return c.json(
          await P.updateQuota(await ctx(c), c.req.valid('param').id, version(c, v), patch),
        );
      },
    )
    .post(
      '/campaigns/:id/deadlines',
      allow(deps, 'POST /api/campaigns/:id/deadlines'),
      params(Id),
      json(DeadlineInputSchema),
      async (c) =>
        c.json(
          await P.addDeadline(await ctx(c), c.req.valid('param').id, c.req.valid('json')),
          201,
        ),
    )
    .patch(
      '/deadlines/:id',
      allow(deps, 'PATCH /api/deadlines/:id'),
      params(Id),
      json(DeadlinePatchSchema),
      async (c) => {
        const { version: v, ...patch } = c.req.valid('json');
        return c.json(
          await P.updateDeadline(await ctx(c), c.req.valid('param').id, version(c, v), patch),
        );
      },
    );
};
