/** Tier assessments: a province's history (read) and a new assessment or same-day correction (commander). */
import { Hono } from 'hono';
import { AssessmentInputSchema, ProvinceQuerySchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, query } from '../http/validate.ts';
import { createAssessment } from '../services/assessments.ts';
import { provinceForRead } from '../services/scope.ts';
import { provinceAssessments } from '../services/units.ts';

export const assessmentRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/assessments',
      allow(deps, 'GET /api/assessments'),
      query(ProvinceQuerySchema.pick({ province: true })),
      async (c) => {
        const province = await provinceForRead(
          deps.db,
          deps.clock(),
          c.get('user'),
          c.req.valid('query').province,
        );
        if (!province)
          throw new ApiError(400, 'validation_failed', 'province: required', 'province');
        return c.json(await provinceAssessments(deps.db, province));
      },
    )
    .post(
      '/assessments',
      allow(deps, 'POST /api/assessments'),
      json(AssessmentInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        return c.json(await createAssessment(deps.db, now, scope, c.req.valid('json'), ip), 201);
      },
    );
