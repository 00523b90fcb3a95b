/** Commune figures: the list (read), one commune's figures (form), the .xlsx template and its import (planner). */
import { Hono } from 'hono';
import {
  FiguresInputSchema,
  FiguresQuerySchema,
  FiguresTemplateQuerySchema,
} from '@pcmt/shared/figures';
import { ImportQuerySchema } from '@pcmt/shared/contracts';
import { XLSX_MIME } from '@pcmt/shared/uploads';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { allow, requestContext } from '../http/guards.ts';
import { json, query } from '../http/validate.ts';
import { listFigures, saveFigures } from '../services/figures.ts';
import { importFigures } from '../services/figures-import.ts';
import { figuresTemplate } from '../services/figures-template.ts';
import { provinceForRead } from '../services/scope.ts';

export const figureRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/figures', allow(deps, 'GET /api/figures'), query(FiguresQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const province = await provinceForRead(deps.db, deps.clock(), c.get('user'), q.province);
      if (!province) throw new ApiError(400, 'validation_failed', 'province: required', 'province');
      return c.json(await listFigures(deps.db, province, q.unit));
    })
    .put('/figures', allow(deps, 'PUT /api/figures'), json(FiguresInputSchema), async (c) => {
      const ctx = { db: deps.db, ...(await requestContext(deps, c)) };
      const { status, row } = await saveFigures(ctx, c.req.valid('json'), c.req.header('if-match'));
      return c.json(row, status as 200 | 201);
    })
    .get(
      '/figures/template',
      allow(deps, 'GET /api/figures/template'),
      query(FiguresTemplateQuerySchema),
      async (c) => {
        const q = c.req.valid('query');
        const province = await provinceForRead(deps.db, deps.clock(), c.get('user'), q.province);
        if (!province)
          throw new ApiError(400, 'validation_failed', 'province: required', 'province');
        const file = await figuresTemplate(
          deps.db,
          province,
          q.periodFrom,
          q.periodTo,
          deps.clock(),
        );
        c.header('Content-Type', XLSX_MIME);
        c.header(
          'Content-Disposition',
          `attachment; filename="so-lieu-xa-${province}-${q.periodFrom}-${q.periodTo}.xlsx"`,
        );
        return c.body(new Uint8Array(file));
      },
    )
    .post(
      '/figures/import',
      allow(deps, 'POST /api/figures/import'),
      query(ImportQuerySchema),
      async (c) => {
        const ctx = { db: deps.db, ...(await requestContext(deps, c)) };
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return c.json(await importFigures(ctx, bytes, c.req.valid('query').commit === '1'));
      },
    );
