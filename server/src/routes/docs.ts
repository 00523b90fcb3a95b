/** The API document (OpenAPI 3.1, generated) and Swagger UI to read it, served from this server only. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { allow } from '../http/guards.ts';
import { params } from '../http/validate.ts';
import { openApiDocument } from '../services/openapi.ts';

const uiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};
// No inline script (the CSP allows none): the page loads its start-up from a file of its own.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API – Bản đồ phòng, chống ma túy</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true });`;

const files = new Map<string, Buffer>();
/** A reader's file, read from disk once. */
const asset = (file: string) => {
  let bytes = files.get(file);
  if (!bytes) files.set(file, (bytes = readFileSync(join(uiDir, file))));
  return new Uint8Array(bytes);
};

export const docsRoutes = (deps: AppDeps) => {
  let doc: string | null = null;
  return new Hono<AppEnv>()
    .get('/openapi.json', allow(deps, 'GET /api/openapi.json'), (c) => {
      doc ??= JSON.stringify(openApiDocument());
      c.header('Content-Type', 'application/json; charset=utf-8');
      return c.body(doc);
    })
    .get('/docs', allow(deps, 'GET /api/docs'), (c) => c.html(PAGE))
    .get(
      '/docs/:file',
      allow(deps, 'GET /api/docs/:file'),
      params(z.object({ file: z.string().max(40) })),
      (c) => {
        const { file } = c.req.valid('param');
        const type = file === 'init.js' ? 'text/javascript; charset=utf-8' : ASSETS[file];
        if (!type) throw new ApiError(404, 'not_found', `${file} not found`, 'file');
        // The reader's files (never data) may be kept a day by this browser.
        c.header('Cache-Control', 'private, max-age=86400');
        c.header('Content-Type', type);
        if (file === 'init.js') return c.body(INIT);
        return c.body(asset(file));
      },
    );
};
