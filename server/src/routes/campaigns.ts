/** Campaigns: list, detail on a date, the periodic report; quota progress (commander). Authoring: campaign-writes.ts. */
import { Hono } from 'hono';
import { z } from 'zod';
import { vietnamDay } from '@pcmt/shared/dates';
import {
  IdSchema,
  IsoDateSchema,
  ProgressInputSchema,
  ProvinceQuerySchema,
} from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { auditedRateLimit } from '../http/rate-limit.ts';
import { json, params, query } from '../http/validate.ts';
import { addProgress } from '../services/assessments.ts';
import { campaignDetail, listCampaigns } from '../services/campaigns.ts';
import { reportFile } from '../services/report-file.ts';
import { listFile, LISTS } from '../services/list-exports.ts';
import { XLSX_MIME } from '@pcmt/shared/uploads';
import { REPORT_KINDS } from '../services/report-figures.ts';
import { denyOutOfScope, inScope, provinceScope } from '../services/scope.ts';

const Id = z.object({ id: IdSchema });
const ReportQuery = z.object({
  phase: IdSchema.optional(),
  kind: z.enum(REPORT_KINDS).default('phase'),
  format: z.enum(['docx', 'xlsx']).default('docx'),
  /** The report's date (as on the dashboard's slider); default the phase's end, capped at today. */
  asOf: IsoDateSchema.optional(),
});

export const campaignRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/campaigns',
      allow(deps, 'GET /api/campaigns'),
      query(ProvinceQuerySchema.pick({ province: true })),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const rows = await listCampaigns(deps.db, c.req.valid('query').province);
        return c.json(rows.filter((r) => inScope(scope, r.provinceSlug)));
      },
    )
    .get(
      '/campaigns/:id',
      allow(deps, 'GET /api/campaigns/:id'),
      params(Id),
      query(z.object({ asOf: IsoDateSchema.optional() })),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const today = vietnamDay(deps.clock());
        const detail = await campaignDetail(
          deps.db,
          c.req.valid('param').id,
          today,
          c.req.valid('query').asOf,
        );
        if (!inScope(scope, detail.provinceSlug))
          await denyOutOfScope(deps.db, deps.clock(), scope, `Campaign ${detail.id}`, 'id', {
            objectType: 'campaign',
            objectId: detail.id,
          });
        return c.json(detail);
      },
    )
    .get(
      '/campaigns/:id/report',
      allow(deps, 'GET /api/campaigns/:id/report'),
      auditedRateLimit(deps, 10, (c) => `report:${(c.get('user') as { id: string }).id}`),
      params(Id),
      query(ReportQuery),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const file = await reportFile(
          deps.db,
          now,
          scope,
          c.req.valid('param').id,
          c.req.valid('query'),
          ip,
        );
        return c.body(new Uint8Array(file.bytes), 200, {
          'Content-Type': file.type,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        });
      },
    )
    .get(
      '/campaigns/:id/lists/:list',
      allow(deps, 'GET /api/campaigns/:id/lists/:list'),
      auditedRateLimit(deps, 30, (c) => `lists:${(c.get('user') as { id: string }).id}`),
      params(z.object({ id: IdSchema, list: z.enum(LISTS) })),
      query(ReportQuery.pick({ phase: true, asOf: true })),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        const { id, list } = c.req.valid('param');
        const file = await listFile(
          deps.db,
          now,
          scope,
          list,
          { campaign: id, ...c.req.valid('query') },
          ip,
        );
        return c.body(new Uint8Array(file.bytes), 200, {
          'Content-Type': XLSX_MIME,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        });
      },
    )
    .post(
      '/quotas/:id/progress',
      allow(deps, 'POST /api/quotas/:id/progress'),
      params(Id),
      json(ProgressInputSchema),
      async (c) => {
        const { scope, now, ip } = await requestContext(deps, c);
        return c.json(
          await addProgress(deps.db, now, scope, c.req.valid('param').id, c.req.valid('json'), ip),
          201,
        );
      },
    );
