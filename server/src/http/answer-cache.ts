/**
 * The answer cache. A read's serialised answer is kept, compressed once (brotli and gzip), under the data's
 * version (`data_version`, read with the session in the same query), the Vietnamese day (answers default to
 * today), the user and their role, province and unit, and the URL. The next identical read is answered from memory
 * without running the route or compressing; a revalidation whose ETag still matches is a 304 without a body (only
 * the session's query runs).
 *
 * Any write to a data table, through any server or command, bumps the version at its commit: every server's next
 * read misses and recomputes. Nothing here needs to be told of a write, so servers behind a load balancer stay
 * consistent (README "Several servers behind a load balancer").
 *
 * Kept: 200 JSON answers to GET without Set-Cookie or `no-store`. Not kept: sign-in, health, accounts and the
 * audit trail (their tables do not bump the version), the static documents and the basemap (cached by their own
 * routes). The memory is bounded (`ANSWER_CACHE_MB`, least recently used entries go first): an entry counts its
 * bodies, headers and a fixed overhead, and is kept under a hash of its key, so a URL padded with junk parameters
 * costs what it weighs; at most MAX_ENTRIES are kept.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { vietnamDay } from '@pcmt/shared/dates';
import type { AppDeps } from '../deps.ts';
import { bodyTag, KEPT_ON_304, matches, REVALIDATE } from './caching.ts';
import type { AppEnv } from './env.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const brotliAsync = promisify(brotliCompress);

const NOT_KEPT = [
  '/api/auth/',
  '/api/health',
  '/api/audit',
  '/api/users',
  '/api/docs',
  '/api/openapi.json',
  '/api/basemap',
];
/** Smaller answers are kept as they are: compressing them saves less than the header costs. */
const COMPRESS_FROM = 1024;
/** What an entry costs beyond its bodies and headers (the map's slot, the object, the hashed key). */
const ENTRY_OVERHEAD = 320;
const MAX_ENTRIES = 20_000;
/** Headers of the route's answer that are kept with it (the rest are the app's, set again on the way out). */
const KEPT_HEADERS = ['content-type', 'cache-control', 'content-disposition'];

interface Entry {
  headers: [string, string][];
  /** The answer uncompressed, kept only when small (otherwise unzipped for the rare client that wants it so). */
  plain: Buffer | null;
  gzip: Buffer | null;
  br: Buffer | null;
  etag: string;
  /** The route's own ETag is a record's version (the If-Match of an edit): not a revalidation tag. */
  revalidate: boolean;
  bytes: number;
}

/** A least-recently-used map bounded by the bytes of its entries. */
export class AnswerCache {
  private entries = new Map<string, Entry>();
  private used = 0;
  constructor(readonly maxBytes: number) {}

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, e: Entry): void {
    if (e.bytes > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.used -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, e);
    this.used += e.bytes;
    // Oldest first (a Map iterates in insertion order, and a read moves its entry to the end).
    for (const [k, v] of this.entries) {
      if (this.used <= this.maxBytes && this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(k);
      this.used -= v.bytes;
    }
  }

  get size() {
    return { entries: this.entries.size, bytes: this.used };
  }
}

async function entryOf(res: Response): Promise<Entry> {
  const body = Buffer.from(await res.arrayBuffer());
  const routeTag = res.headers.get('ETag');
  const etag = routeTag ?? bodyTag(body);
  const headers: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const v = res.headers.get(name);
    if (v !== null) headers.push([name, v]);
  }
  const fixed =
    ENTRY_OVERHEAD + etag.length + headers.reduce((n, [k, v]) => n + k.length + v.length + 32, 0);
  if (body.length < COMPRESS_FROM)
    return {
      headers,
      plain: body,
      gzip: null,
      br: null,
      etag,
      revalidate: !routeTag,
      bytes: fixed + body.length,
    };
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: 6 }),
    brotliAsync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ]);
  return {
    headers,
    plain: null,
    gzip: gz,
    br,
    etag,
    revalidate: !routeTag,
    bytes: fixed + gz.length + br.length,
  };
}

/** br, then gzip, then none, as the client accepts (q=0 refuses). */
function accepted(header: string | undefined): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (n: string) => (offered.get(n) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

export function answerCache(deps: AppDeps, cache: AnswerCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (
      c.req.method !== 'GET' ||
      !user ||
      user.dataVersion === null ||
      NOT_KEPT.some((p) => c.req.path.startsWith(p))
    )
      return next();
    const url = new URL(c.req.url);
    const key = keyOf([
      user.dataVersion,
      vietnamDay(deps.clock()),
      user.id,
      user.role,
      user.provinceSlug ?? '',
      user.agencyId ?? '',
      url.pathname + url.search,
    ]);
    let entry = cache.get(key);
    let state = 'hit';
    if (!entry) {
      await next();
      const res = c.res;
      if (
        res.status !== 200 ||
        !(res.headers.get('Content-Type') ?? '').startsWith('application/json') ||
        res.headers.has('Set-Cookie') ||
        /no-store/.test(res.headers.get('Cache-Control') ?? '')
      )
        return;
      entry = await entryOf(res);
      cache.set(key, entry);
      state = 'miss';
    }

    const headers = new Headers(entry.headers);
    headers.set('ETag', entry.etag);
    if (!headers.has('cache-control'))
      headers.set('Cache-Control', entry.revalidate ? REVALIDATE : 'no-store');
    headers.set('Vary', 'Accept-Encoding');
    headers.set('X-Answer-Cache', state);
    // Hono copies the headers of the answer it holds onto one set over it: the route's answer is dropped first.
    c.res = undefined as unknown as Response;
    if (entry.revalidate && matches(c.req.header('If-None-Match'), entry.etag)) {
      c.res = new Response(null, { status: 304, headers: onlyFor304(headers) });
      return;
    }
    const encoding = entry.plain ? null : accepted(c.req.header('Accept-Encoding'));
    const body =
      entry.plain ??
      (encoding === 'br'
        ? entry.br!
        : encoding === 'gzip'
          ? entry.gzip!
          : await gunzipAsync(entry.gzip!));
    if (encoding) headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(body.length));
    c.res = new Response(new Uint8Array(body), { status: 200, headers });
  };
}

/** A fixed-size key: the URL may be long, the map holds only its hash. */
const keyOf = (parts: (string | number)[]) =>
  createHash('sha256').update(parts.join('\n')).digest('base64url');

/** RFC 9110: a 304 repeats only the headers it may (as apiCaching's own 304s), and says it came from here. */
function onlyFor304(h: Headers): Headers {
  const out = new Headers();
  for (const [name, v] of h)
    if (KEPT_ON_304.has(name) || name === 'x-answer-cache') out.set(name, v);
  return out;
}
