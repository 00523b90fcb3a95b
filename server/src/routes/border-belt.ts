/** The border belt: the stations' stretches, the alerts near the border and the province's border rule. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { IdSchema } from '@pcmt/shared/contracts';
import {
  AlertPatchSchema,
  BorderQuerySchema,
  BorderRulePutSchema,
} from '@pcmt/shared/border-contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, params, query } from '../http/validate.ts';
import { ApiError } from '../errors.ts';
import { borderRuleOf } from '../services/border-belt.ts';
import {
  listAlerts,
  putBorderRule,
  sectorsCollection,
  updateAlert,
} from '../services/border-alerts.ts';
import { provinceForRead } from '../services/scope.ts';
import { expectedVersion } from '../services/versioned.ts';

const Id = z.object({ id: IdSchema });

export const borderBeltRoutes = (deps: AppDeps) => {
  /** The province a read is about: the one asked for (an audited 404 outside the user's scope) or the user's own. */
  const provinceOf = (c: Context<AppEnv>, asked: string | undefined) =>
    provinceForRead(deps.db, deps.clock(), c.get('user'), asked);
  return new Hono<AppEnv>()
    .get(
      '/border/sectors',
      allow(deps, 'GET /api/border/sectors'),
      query(BorderQuerySchema),
      async (c) => {
        const province = await provinceOf(c, c.req.valid('query').province);
        return c.json(await sectorsCollection(deps.db, province));
      },
    )
    .get(
      '/border/alerts',
      allow(deps, 'GET /api/border/alerts'),
      query(BorderQuerySchema),
      async (c) => {
        const province = await provinceOf(c, c.req.valid('query').province);
        return c.json(await listAlerts(deps.db, province));
      },
    )
    .patch(
      '/border/alerts/:id',
      allow(deps, 'PATCH /api/border/alerts/:id'),
      params(Id),
      json(AlertPatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...input } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(
          await updateAlert(deps.db, now, scope, c.req.valid('param').id, v, input, ip),
        );
      },
    )
    .get(
      '/border/rule',
      allow(deps, 'GET /api/border/rule'),
      query(BorderQuerySchema),
      async (c) => {
        const province = await provinceOf(c, c.req.valid('query').province);
        if (!province)
          throw new ApiError(400, 'validation_failed', 'province: required', 'province');
        return c.json(await borderRuleOf(deps.db, province));
      },
    )
    .put(
      '/border/rule',
      allow(deps, 'PUT /api/border/rule'),
      json(BorderRulePutSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...input } = c.req.valid('json');
        // Version 0 is a province still on the defaults (expectedVersion wants ≥ 1); the header wins, as there.
        const header = c.req.header('if-match');
        const fromHeader = header?.replace(/^W\//, '').replaceAll('"', '');
        const v =
          fromHeader === '0' || (fromHeader === undefined && version === 0)
            ? 0
            : expectedVersion(header, version);
        return c.json(await putBorderRule(deps.db, now, scope, input, v, ip));
      },
    );
};
