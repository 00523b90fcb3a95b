/** Operational writes: assessments and progress (commander), hotspots, crossings and events (border unit), plans (planner). */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  AssessmentInputSchema,
  CampaignPatchSchema,
  CriterionInputSchema,
  PlanInputSchema,
  TaskInputSchema,
  TaskPatchSchema,
  CrossingInputSchema,
  CrossingPatchSchema,
  EliminateInputSchema,
  ReEmergeInputSchema,
  EventInputSchema,
  EventPatchSchema,
  IdSchema,
  PlanPatchSchema,
  ProgressInputSchema,
} from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { json, params, query } from '../http/validate.ts';
import { addProgress, createAssessment } from '../services/assessments.ts';
import {
  createCrossing,
  createEvent,
  updateCrossing,
  updateEvent,
} from '../services/border-writes.ts';
import { eliminateHotspot, reEmergeHotspot } from '../services/hotspots.ts';
import { listPlans, setCriterion, updatePlan } from '../services/plans.ts';
import { addTask, createPlan, updateTask } from '../services/plan-writes.ts';
import { configureCampaign } from '../services/campaigns.ts';
import { vietnamDay } from '@pcmt/shared/dates';
import { provinceScope } from '../services/scope.ts';
import { expectedVersion } from '../services/versioned.ts';

const Id = z.object({ id: IdSchema });

export const writeRoutes = (deps: AppDeps) => {
  const ctx = async (c: { get: (k: 'user' | 'clientIp') => unknown }) => ({
    scope: await provinceScope(deps.db, c.get('user') as never),
    now: deps.clock(),
    ip: c.get('clientIp') as string | null,
  });
  return new Hono<AppEnv>()
    .post('/assessments', json(AssessmentInputSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      return c.json(await createAssessment(deps.db, now, scope, c.req.valid('json'), ip), 201);
    })
    .post('/quotas/:id/progress', params(Id), json(ProgressInputSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      return c.json(
        await addProgress(deps.db, now, scope, c.req.valid('param').id, c.req.valid('json'), ip),
        201,
      );
    })
    .post('/hotspots/:id/eliminate', params(Id), json(EliminateInputSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      const body = c.req.valid('json');
      return c.json(
        await eliminateHotspot(
          deps.db,
          now,
          scope,
          c.req.valid('param').id,
          expectedVersion(c, body.version),
          body.eliminatedOn,
          ip,
        ),
      );
    })
    .post('/hotspots/:id/re-emerge', params(Id), json(ReEmergeInputSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      const body = c.req.valid('json');
      return c.json(
        await reEmergeHotspot(
          deps.db,
          now,
          scope,
          c.req.valid('param').id,
          body.identifiedOn,
          body.note,
          ip,
        ),
        201,
      );
    })
    .post('/crossings', json(CrossingInputSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      return c.json(await createCrossing(deps.db, now, scope, c.req.valid('json'), ip), 201);
    })
    .patch('/crossings/:id', params(Id), json(CrossingPatchSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      const { version, ...patch } = c.req.valid('json');
      return c.json(
        await updateCrossing(
          deps.db,
          now,
          scope,
          c.req.valid('param').id,
          expectedVersion(c, version),
          patch,
          ip,
        ),
      );
    })
    .post('/events', json(EventInputSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      return c.json(await createEvent(deps.db, now, scope, c.req.valid('json'), ip), 201);
    })
    .patch('/events/:id', params(Id), json(EventPatchSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      const { version, ...patch } = c.req.valid('json');
      return c.json(
        await updateEvent(
          deps.db,
          now,
          scope,
          c.req.valid('param').id,
          expectedVersion(c, version),
          patch,
          ip,
        ),
      );
    })
    .get('/plans', query(z.object({ campaign: IdSchema.optional() })), async (c) => {
      const { scope } = await ctx(c);
      return c.json(await listPlans(deps.db, scope, c.req.valid('query').campaign));
    })
    .post('/plans', json(PlanInputSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      return c.json(
        await createPlan(deps.db, now, vietnamDay(now), scope, c.req.valid('json'), ip),
        201,
      );
    })
    .post('/plans/:id/tasks', params(Id), json(TaskInputSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      return c.json(
        await addTask(deps.db, now, scope, c.req.valid('param').id, c.req.valid('json'), ip),
        201,
      );
    })
    .patch('/tasks/:id', params(Id), json(TaskPatchSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      const { version, ...patch } = c.req.valid('json');
      return c.json(
        await updateTask(
          deps.db,
          now,
          scope,
          c.req.valid('param').id,
          expectedVersion(c, version),
          patch,
          ip,
        ),
      );
    })
    .patch('/campaigns/:id', params(Id), json(CampaignPatchSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      const { version, ageLimitsMonths } = c.req.valid('json');
      return c.json(
        await configureCampaign(
          deps.db,
          now,
          scope,
          c.req.valid('param').id,
          expectedVersion(c, version),
          ageLimitsMonths,
          ip,
        ),
      );
    })
    .patch('/plans/:id', params(Id), json(PlanPatchSchema), async (c) => {
      const { scope, now, ip } = await ctx(c);
      const { version, ...patch } = c.req.valid('json');
      return c.json(
        await updatePlan(
          deps.db,
          now,
          scope,
          c.req.valid('param').id,
          expectedVersion(c, version),
          patch,
          ip,
        ),
      );
    })
    .put(
      '/plans/:id/criteria/:n',
      params(z.object({ id: IdSchema, n: z.coerce.number().int().min(1).max(8) })),
      json(CriterionInputSchema),
      async (c) => {
        const { scope, now, ip } = await ctx(c);
        const p = c.req.valid('param');
        const body = c.req.valid('json');
        const version = c.req.header('if-match') ? expectedVersion(c, body.version) : body.version;
        return c.json(await setCriterion(deps.db, now, scope, p.id, p.n, { ...body, version }, ip));
      },
    );
};
