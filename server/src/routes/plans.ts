/** Transformation plans, their 8 criteria and tasks: reads for the province, writes for the planner. */
import { Hono } from 'hono';
import { z } from 'zod';
import { vietnamDay } from '@pcmt/shared/dates';
import {
  CriterionInputSchema,
  IdSchema,
  PlanInputSchema,
  PlanPatchSchema,
  TaskInputSchema,
  TaskPatchSchema,
} from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, params, query } from '../http/validate.ts';
import { listPlans, setCriterion, updatePlan } from '../services/plans.ts';
import { addTask, createPlan, updateTask } from '../services/plan-writes.ts';
import { expectedVersion } from '../services/versioned.ts';

const Id = z.object({ id: IdSchema });

export const planRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/plans',
      allow(deps, 'GET /api/plans'),
      query(z.object({ campaign: IdSchema.optional() })),
      async (c) => {
        const { scope } = await requestContext(deps, c);
        return c.json(await listPlans(deps.db, scope, c.req.valid('query').campaign));
      },
    )
    .post('/plans', allow(deps, 'POST /api/plans'), json(PlanInputSchema), async (c) => {
      const { scope, now, ip } = await requestContext(deps, c);
      return c.json(
        await createPlan(deps.db, now, vietnamDay(now), scope, c.req.valid('json'), ip),
        201,
      );
    })
    .patch(
      '/plans/:id',
      allow(deps, 'PATCH /api/plans/:id'),
      params(Id),
      json(PlanPatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(await updatePlan(deps.db, now, scope, c.req.valid('param').id, v, patch, ip));
      },
    )
    .put(
      '/plans/:id/criteria/:n',
      allow(deps, 'PUT /api/plans/:id/criteria/:n'),
      params(z.object({ id: IdSchema, n: z.coerce.number().int().min(1).max(8) })),
      json(CriterionInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const p = c.req.valid('param');
        const body = c.req.valid('json');
        const ifMatch = c.req.header('if-match');
        const version = ifMatch ? expectedVersion(ifMatch, body.version) : body.version;
        return c.json(await setCriterion(deps.db, now, scope, p.id, p.n, { ...body, version }, ip));
      },
    )
    .post(
      '/plans/:id/tasks',
      allow(deps, 'POST /api/plans/:id/tasks'),
      params(Id),
      json(TaskInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        return c.json(
          await addTask(deps.db, now, scope, c.req.valid('param').id, c.req.valid('json'), ip),
          201,
        );
      },
    )
    .patch(
      '/tasks/:id',
      allow(deps, 'PATCH /api/tasks/:id'),
      params(Id),
      json(TaskPatchSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { version, ...patch } = c.req.valid('json');
        const v = expectedVersion(c.req.header('if-match'), version);
        return c.json(await updateTask(deps.db, now, scope, c.req.valid('param').id, v, patch, ip));
      },
    );
