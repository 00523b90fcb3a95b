/** Request guards for the API: headers, JSON-only bodies, CSRF, authentication, the route policy. */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import {
  ATTACHMENT_MAX_BYTES,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MIMES,
  PDF_MIME,
  UPLOAD_MAX_BYTES,
  XLSX_MIME,
} from '@pcmt/shared/uploads';
import { can, ROUTE_POLICY, type Method, type Permission } from '@pcmt/shared/policy';
import { BOUNDARY_MAX_BYTES } from '@pcmt/shared/boundaries';
import type { AppDeps } from '../deps.ts';
import { sessionUser, SESSION_COOKIE } from '../auth/sessions.ts';
import { audit } from '../services/audit.ts';
import { ApiError } from '../errors.ts';
import { checkRefs, type Ref, type RefKind } from '../services/references.ts';
import { provinceScope } from '../services/scope.ts';
import type { AppEnv } from './env.ts';

export const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The client's address: the socket's peer, or, behind a reverse proxy that is trusted (TRUST_PROXY=on), the last
 * address of X-Forwarded-For, the one the proxy itself appended (those before it are the client's word).
 */
export function clientIp(c: Context, trustProxy = false): string | null {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    if (hops.length) return hops.at(-1)!.slice(0, 64);
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}

const jsonLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'Request body larger than 64 KB');
  },
});
const uploadLimit = bodyLimit({
  maxSize: UPLOAD_MAX_BYTES,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'file: the upload is larger than 5 MB', 'file');
  },
});

/** The routes that take an .xlsx file as the whole body; every other write sends JSON. */
export const UPLOAD_ROUTES = new Set(['/api/figures/import', '/api/hotspots/import']);
const FILE_TYPES = [XLSX_MIME, 'application/octet-stream'];

/** 64 KB JSON bodies at most (415 otherwise); an upload is the .xlsx itself, 5 MB at most. */
/** The route that takes a boundary file (a zip of Shapefile parts and CSVs, or a GeoJSON) as the whole body. */
export const BOUNDARY_UPLOAD = '/api/boundaries/import';
const BOUNDARY_MIMES = [
  'application/zip',
  'application/geo+json',
  'application/json',
  'application/octet-stream',
];
const boundaryLimit = bodyLimit({
  maxSize: BOUNDARY_MAX_BYTES,
  onError: () => {
    throw new ApiError(
      413,
      'payload_too_large',
      'file: the boundary file is larger than 20 MB',
      'file',
    );
  },
});

/** Every route of the policy table whose body is a file, with the file's type (the OpenAPI document says so). */
export const FILE_ROUTES: Readonly<Record<string, string>> = {
  '/api/figures/import': XLSX_MIME,
  '/api/hotspots/import': XLSX_MIME,
  '/api/events/:id/attachments': PDF_MIME,
  '/api/checks/:id/evidence': EVIDENCE_MIMES.join(', '),
  '/api/boundaries/import': BOUNDARY_MIMES.join(', '),
};

/** The routes that take a PDF minute as the whole body. */
export const PDF_UPLOAD = /^\/api\/events\/[^/]+\/attachments$/;
const pdfLimit = bodyLimit({
  maxSize: ATTACHMENT_MAX_BYTES,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'file: the minute is larger than 5 MB', 'file');
  },
});

/** The routes that take a check's evidence (a PDF or a photo) as the whole body. */
export const EVIDENCE_UPLOAD = /^\/api\/checks\/[^/]+\/evidence$/;
const evidenceLimit = bodyLimit({
  maxSize: EVIDENCE_MAX_BYTES,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'file: the evidence is larger than 5 MB', 'file');
  },
});

export const requestBodies: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (c.req.method === 'POST' && EVIDENCE_UPLOAD.test(c.req.path)) {
    if (!EVIDENCE_MIMES.some((m) => type.startsWith(m)))
      throw new ApiError(
        415,
        'unsupported_media_type',
        `file: send the evidence as ${EVIDENCE_MIMES.join(', ')}`,
        'file',
      );
    return evidenceLimit(c, next);
  }
  if (c.req.method === 'POST' && c.req.path === BOUNDARY_UPLOAD) {
    if (!BOUNDARY_MIMES.some((m) => type.startsWith(m)))
      throw new ApiError(
        415,
        'unsupported_media_type',
        `file: send the zipped Shapefile or the GeoJSON itself (${BOUNDARY_MIMES.join(', ')})`,
        'file',
      );
    return boundaryLimit(c, next);
  }
  if (c.req.method === 'POST' && PDF_UPLOAD.test(c.req.path)) {
    if (!type.startsWith(PDF_MIME))
      throw new ApiError(
        415,
        'unsupported_media_type',
        `file: send the minute as a PDF (${PDF_MIME})`,
        'file',
      );
    return pdfLimit(c, next);
  }
  if (c.req.method === 'POST' && UPLOAD_ROUTES.has(c.req.path)) {
    if (!FILE_TYPES.some((t) => type.startsWith(t)))
      throw new ApiError(
        415,
        'unsupported_media_type',
        `file: send the .xlsx file itself as ${XLSX_MIME}`,
        'file',
      );
    return uploadLimit(c, next);
  }
  return jsonLimit(c, async () => {
    // A write with a body must send JSON; a bodiless POST (sign out) is fine.
    const hasBody = type !== '' || Number(c.req.header('content-length') ?? 0) > 0;
    if (WRITE.has(c.req.method) && hasBody && !type.startsWith('application/json')) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        'Send the body as application/json',
        'content-type',
      );
    }
    await next();
  });
};

const PUBLIC = new Set(['/api/health', '/api/auth/login']);

/**
 * True when the browser says a write comes from another site: `Sec-Fetch-Site` other than same-origin or
 * none, or an `Origin` whose host is not this request's host (or X-Forwarded-Host behind a proxy). Clients
 * that send neither (curl, the tests'
 * requests) are judged by the CSRF token alone.
 */
export function crossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin === 'null';
  try {
    // Behind a reverse proxy the browser's host arrives as X-Forwarded-Host.
    const hosts = [
      c.req.header('x-forwarded-host'),
      c.req.header('host') ?? new URL(c.req.url).host,
    ];
    return !hosts.includes(new URL(origin).host);
  } catch {
    return true;
  }
}

/** Loads the session user; 401 without one (except public routes); CSRF token on every write. */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientIp', clientIp(c, deps.trustProxy));
    // A write from another site is refused before anything else, sign-in included (login CSRF).
    if (WRITE.has(c.req.method) && crossSite(c)) {
      await audit(deps.db, deps.clock(), {
        actor: null,
        action: `${c.req.method} ${c.req.path}`,
        outcome: 'denied',
        clientIp: c.get('clientIp'),
        detail: `cross-site write from ${c.req.header('origin') ?? c.req.header('sec-fetch-site')}`,
      });
      throw new ApiError(403, 'cross_site', 'Writes are accepted only from this site', 'origin');
    }
    if (PUBLIC.has(c.req.path)) return next();
    const now = deps.clock();
    const user = await sessionUser(deps.db, now, getCookie(c, SESSION_COOKIE));
    if (!user) {
      await audit(deps.db, now, {
        actor: null,
        action: `${c.req.method} ${c.req.path}`,
        outcome: 'denied',
        clientIp: c.get('clientIp'),
        detail: 'not signed in',
      });
      throw new ApiError(401, 'unauthenticated', 'Sign in first');
    }
    c.set('user', user);
    if (WRITE.has(c.req.method) && c.req.header('x-csrf-token') !== user.csrfToken) {
      await audit(deps.db, now, {
        actor: user,
        action: `${c.req.method} ${c.req.path}`,
        outcome: 'denied',
        clientIp: c.get('clientIp'),
        detail: 'missing or wrong CSRF token',
      });
      throw new ApiError(
        403,
        'csrf_failed',
        'Missing or wrong X-CSRF-Token header',
        'x-csrf-token',
      );
    }
    await next();
  };
}

/** Refuses (403, audited) a user whose role lacks `permission`. */
export function requirePermission(
  deps: AppDeps,
  permission: Permission,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!can(user.role, permission)) {
      await audit(deps.db, deps.clock(), {
        actor: user,
        action: `${c.req.method} ${c.req.path}`,
        outcome: 'denied',
        clientIp: c.get('clientIp'),
        detail: `role ${user.role} lacks ${permission}`,
      });
      throw new ApiError(403, 'forbidden', `Your role may not do this (${permission})`);
    }
    await next();
  };
}

/**
 * The guard of one route, declared on the route: the permission comes from the shared policy table
 * (`ROUTE_POLICY`), so a route the table does not list fails when the app is built, not at request time.
 */
export function allow(deps: AppDeps, route: `${Method} /api/${string}`): MiddlewareHandler<AppEnv> {
  const [method, path] = route.split(' ') as [Method, string];
  const entry = ROUTE_POLICY.find((r) => r.method === method && r.path === path);
  if (!entry) throw new Error(`${route} is not in shared/src/policy.ts ROUTE_POLICY`);
  const permitted = requirePermission(deps, entry.permission);
  return (c, next) => permitted(c, () => scopedQuery(deps, c, next));
}

/** The query fields that name a record, and its kind: every route resolves them through the one scoped lookup. */
export const QUERY_REFERENCES: Record<string, RefKind> = {
  campaign: 'campaign',
  phase: 'phase',
  unit: 'unit',
  crossing: 'crossing',
};
const ID = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * A query naming a record outside the caller's province (`?campaign=`, `?unit=` …) is an audited 404 naming the
 * field, on every route, before the route runs. A value that is no identifier is left to the route's validator (400).
 */
async function scopedQuery(deps: AppDeps, c: Context<AppEnv>, next: () => Promise<void>) {
  const refs: Ref[] = Object.entries(QUERY_REFERENCES)
    .map(([field, kind]) => ({ field, kind, id: c.req.query(field) }))
    .filter((r) => r.id !== undefined && ID.test(r.id));
  if (refs.length && c.get('user'))
    await checkRefs(deps.db, deps.clock(), await provinceScope(deps.db, c.get('user')), refs, {
      action: `${c.req.method} ${c.req.path}`,
      clientIp: c.get('clientIp'),
    });
  await next();
}

/** Scope, clock and client address of a request: what every service call needs. */
export async function requestContext(deps: AppDeps, c: Context<AppEnv>) {
  return {
    scope: await provinceScope(deps.db, c.get('user')),
    now: deps.clock(),
    ip: c.get('clientIp'),
  };
}
