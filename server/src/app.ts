/** The Hono app: guards, then one router per resource. No I/O here beyond what deps provide. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './http/env.ts';
import { apiCaching } from './http/caching.ts';
import { AnswerCache, answerCache } from './http/answer-cache.ts';
import { idempotency } from './http/idempotency.ts';
import { onError, onNotFound } from './http/errors.ts';
import { basemapFile } from './services/basemap.ts';
import { authenticate, requestBodies } from './http/guards.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { borderRoutes } from './routes/borders.ts';
import { borderBeltRoutes } from './routes/border-belt.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { campaignWriteRoutes } from './routes/campaign-writes.ts';
import { geographyRoutes } from './routes/geography.ts';
import { boundaryRoutes } from './routes/boundaries.ts';
import { docsRoutes } from './routes/docs.ts';
import { figureRoutes } from './routes/figures.ts';
import { hotspotRoutes } from './routes/hotspots.ts';
import { systemRoutes } from './routes/system.ts';
import { assessmentRoutes } from './routes/assessments.ts';
import { planRoutes } from './routes/plans.ts';

export function createApi(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  api.use(apiCaching);
  // Who asks first: an anonymous upload is refused before its body is read.
  api.use(authenticate(deps));
  api.use(requestBodies);
  // After the body's size and type are checked, before any route: a replayed write is answered from its key.
  api.use(idempotency(deps));
  // Reads answered from memory while the data's version is unchanged (after the guards: a user is known).
  const bytes = deps.answerCacheBytes ?? 32 * 1024 * 1024;
  if (bytes > 0) api.use(answerCache(deps, new AnswerCache(bytes)));
  return api
    .route('/', systemRoutes(deps))
    .route('/', authRoutes(deps))
    .route('/', geographyRoutes(deps))
    .route('/', boundaryRoutes(deps))
    .route('/', hotspotRoutes(deps))
    .route('/', borderRoutes(deps))
    .route('/', borderBeltRoutes(deps))
    .route('/', campaignRoutes(deps))
    .route('/', campaignWriteRoutes(deps))
    .route('/', assessmentRoutes(deps))
    .route('/', figureRoutes(deps))
    .route('/', planRoutes(deps))
    .route('/', adminRoutes(deps))
    .route('/', docsRoutes(deps));
}

export type AppType = ReturnType<typeof createApi>;

/** No inline scripts, no plugins, no framing; MapLibre's worker and canvases are same-origin or blob:. */
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
  strictTransportSecurity: false,
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: 'same-origin',
});

const hsts =
  (always: boolean): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const tls = c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';
    if (always || tls) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };

/** Hashed build assets never change under their name; the page, the service worker and the manifest are asked for again. */
export function staticCacheControl(path: string): string {
  return /\/assets\/[^/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

export function createApp(deps: AppDeps) {
  const app = new Hono();
  // The basemap's brotli (a second of work) begins now, off the event loop, not on the first map's request.
  basemapFile(deps);
  // Answers the route did not compress are gzipped on the fly; the built assets carry their .br/.gz beside them.
  app.use(headers, hsts(deps.hsts ?? false), compress());
  app.onError(onError);
  app.notFound(onNotFound);
  const api = createApi(deps);
  api.onError(onError);
  api.notFound(onNotFound);
  app.route('/api', api);
  const dir = deps.staticDir;
  if (dir && existsSync(join(dir, 'index.html'))) {
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    const files = serveStatic({ root: relative(process.cwd(), dir), precompressed: true });
    app.use('/*', async (c, next) => {
      const found = await files(c, next);
      // Set on the file's own answer: a header set through the context after serveStatic built it is lost.
      if (found instanceof Response) {
        found.headers.set('Cache-Control', staticCacheControl(c.req.path));
        return found;
      }
    });
    app.get('*', (c) => {
      if (c.req.path.startsWith('/api')) return onNotFound(c);
      // A chunk of an older build is gone: a 404, never the page (a service worker would keep it as the script).
      if (c.req.path.startsWith('/assets/'))
        return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
      c.header('Cache-Control', 'no-cache');
      return c.html(index);
    });
  }
  return app;
}
