import { Hono } from 'hono';
import { z } from 'zod';
import { IdSchema, IsoDateSchema, ProvinceQuerySchema } from '@pcmt/shared/contracts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { params, query } from '../http/validate.ts';
import { campaignDetail, listCampaigns } from '../services/campaigns.ts';
import { reportFigures } from '../services/report-figures.ts';
import { KIND_TITLES, reportDocx } from '../services/report-docx.ts';
import { reportXlsx } from '../services/report-xlsx.ts';
import { auditedRateLimit } from '../http/rate-limit.ts';
import { vietnamDay } from '@pcmt/shared/dates';
import { audit } from '../services/audit.ts';
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
    )
    .get(
      '/campaigns/:id/report',
      auditedRateLimit(deps, 10, (c) => `report:${(c.get('user') as { id: string }).id}`),
      params(z.object({ id: IdSchema })),
      query(
        z.object({
          phase: IdSchema.optional(),
          kind: z.enum(['one_month', 'phase', 'final']).default('phase'),
          format: z.enum(['docx', 'xlsx']).default('docx'),
        }),
      ),
      async (c) => {
        const scope = await provinceScope(deps.db, c.get('user'));
        const { id } = c.req.valid('param');
        const q = c.req.valid('query');
        const base = await campaignDetail(deps.db, id);
        if (!inScope(scope, base.provinceSlug))
          await denyOutOfScope(deps.db, deps.clock(), scope, `Campaign ${id}`, 'id', {
            objectType: 'campaign',
            objectId: id,
          });
        const figures = await reportFigures(deps.db, id, q.phase, q.kind, vietnamDay(deps.clock()));
        const place =
          (
            await deps.db.query.adminUnits.findFirst({
              where: (u, { and, eq }) =>
                and(eq(u.slug, base.provinceSlug), eq(u.level, 'province')),
            })
          )?.name.replace(/^Tỉnh /, '') ?? '';
        const file =
          q.format === 'docx' ? await reportDocx(figures, place) : await reportXlsx(figures);
        await audit(deps.db, deps.clock(), {
          actor: c.get('user'),
          action: 'report.export',
          objectType: 'campaign',
          objectId: id,
          outcome: 'ok',
          clientIp: c.get('clientIp'),
          detail: `${q.kind} ${q.format}`,
        });
        const name = `${KIND_TITLES[q.kind]} ${figures.asOf}.${q.format}`;
        const type =
          q.format === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return c.body(new Uint8Array(file), 200, {
          'Content-Type': type,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        });
      },
    );
