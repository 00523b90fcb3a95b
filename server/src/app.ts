/** The Hono app: composes one router per resource. No I/O here beyond what deps provide. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppDeps } from './deps.ts';
import { onError, onNotFound } from './http/errors.ts';
import { borderRoutes } from './routes/borders.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { geographyRoutes } from './routes/geography.ts';
import { hotspotRoutes } from './routes/hotspots.ts';
import { systemRoutes } from './routes/system.ts';

export function createApi(deps: AppDeps) {
  return new Hono()
    .use(async (c, next) => {
      await next();
      c.header('X-Content-Type-Options', 'nosniff');
      if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    })
    .route('/', systemRoutes(deps))
    .route('/', geographyRoutes(deps))
    .route('/', hotspotRoutes(deps))
    .route('/', borderRoutes(deps))
    .route('/', campaignRoutes(deps));
}

export type AppType = ReturnType<typeof createApi>;

export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.onError(onError);
  app.notFound(onNotFound);
  const api = createApi(deps);
  api.onError(onError);
  api.notFound(onNotFound);
  app.route('/api', api);
  const dir = deps.staticDir;
  if (dir && existsSync(join(dir, 'index.html'))) {
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: relative(process.cwd(), dir) }));
    app.use('/*', serveStatic({ root: relative(process.cwd(), dir) }));
    app.get('*', (c) => (c.req.path.startsWith('/api') ? onNotFound(c) : c.html(index)));
  }
  return app;
}
