/** Transformation plans, their 8 criteria and tasks: reads for the province, writes for the planner. */
import { Hono } from 'hono';
import { z } from 'zod';
import { vietnamDay } from '@pcmt/shared/dates';
import {
  CriterionInputSchema,
  IdSchema,
  PlanInputSchema,
  PlanExportQuerySchema,
  PlanPatchSchema,
  RecognitionStepInputSchema,
  TaskInputSchema,
  TaskPatchSchema,
} from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, params, query } from '../http/validate.ts';
import { listPlans, setCriterion, updatePlan } from '../services/plans.ts';
import { addTask, createPlan, updateTask } from '../services/plan-writes.ts';
import { addEvidence, addStep, planHistory, readEvidence } from '../services/recognition.ts';
import { provinceScope } from '../services/scope.ts';
import { planFile } from '../services/plan-export.ts';
import { auditedRateLimit } from '../http/rate-limit.ts';
import { expectedVersion } from '../services/versioned.ts';

const Id = z.object({ id: IdSchema });
/** A check of the criteria history: its serial number. */
const CheckId = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

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
    .get(
      '/plans/:id/export',
      allow(deps, 'GET /api/plans/:id/export'),
      auditedRateLimit(deps, 30, (c) => `plan-export:${(c.get('user') as { id: string }).id}`),
      params(Id),
      query(PlanExportQuerySchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const id = c.req.valid('param').id;
        const file = await planFile(deps.db, now, scope, id, c.req.valid('query').format, ip);
        return c.body(new Uint8Array(file.bytes), 200, {
          'Content-Type': file.type,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        });
      },
    )
    .get('/plans/:id/history', allow(deps, 'GET /api/plans/:id/history'), params(Id), async (c) => {
      const scope = await provinceScope(deps.db, c.get('user'));
      return c.json(await planHistory(deps.db, deps.clock(), scope, c.req.valid('param').id));
    })
    .post(
      '/plans/:id/steps',
      allow(deps, 'POST /api/plans/:id/steps'),
      params(Id),
      json(RecognitionStepInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const body = c.req.valid('json');
        const version = expectedVersion(c.req.header('if-match'), body.version);
        const id = c.req.valid('param').id;
        return c.json(await addStep(deps.db, now, scope, id, { ...body, version }, ip), 201);
      },
    )
    .post(
      '/checks/:id/evidence',
      allow(deps, 'POST /api/checks/:id/evidence'),
      params(CheckId),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const name = c.req.header('x-file-name');
        const id = c.req.valid('param').id;
        return c.json(await addEvidence(deps.db, now, scope, id, bytes, name, ip), 201);
      },
    )
    .get(
      '/checks/:id/evidence/:file',
      allow(deps, 'GET /api/checks/:id/evidence/:file'),
      params(CheckId.extend({ file: IdSchema })),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const { id, file } = c.req.valid('param');
        const f = await readEvidence(deps.db, deps.clock(), scope, id, file);
        c.header('Content-Type', f.mime);
        c.header(
          'Content-Disposition',
          `attachment; filename="minh-chung"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        );
        c.header('X-Content-Type-Options', 'nosniff');
        c.header('Cache-Control', 'private, no-store');
        return c.body(new Uint8Array(f.content));
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
          await addTask(
            deps.db,
            now,
            scope,
            { planId: c.req.valid('param').id },
            c.req.valid('json'),
            ip,
          ),
          201,
        );
      },
    )
    .post(
      '/campaigns/:id/tasks',
      allow(deps, 'POST /api/campaigns/:id/tasks'),
      params(Id),
      json(TaskInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const id = c.req.valid('param').id;
        return c.json(
          await addTask(deps.db, now, scope, { campaignId: id }, c.req.valid('json'), ip),
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
