/**
 * HTTP caching of the API. Every answer is per user (a session cookie asked for it), so nothing is ever `public`:
 * no shared cache keeps a province's data, and sign-in answers (the CSRF token) are `no-store`.
 * - A JSON read the route did not cache itself is `private, no-cache` with a weak ETag of its body: the browser
 *   keeps it and asks again with If-None-Match; an unchanged answer is a 304 without a body.
 * - A route may choose its own Cache-Control (immutable geometry keyed by era and version, the basemap).
 * - An answer carrying a record's version as its ETag (the If-Match of an edit) is not revalidated by it: a
 *   version does not cover the derived parts of the answer (a unit's tier history).
 * - Writes, errors, files and sign-in are `no-store`.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export const REVALIDATE = 'private, no-cache';
/** Geometry whose URL names its era and data version never changes: the browser keeps it a year. */
export const IMMUTABLE = 'private, max-age=31536000, immutable';

/** The headers a 304 may repeat (RFC 9110 15.4.5). */
export const KEPT_ON_304 = new Set([
  'cache-control',
  'date',
  'etag',
  'expires',
  'vary',
  'content-location',
]);
const NO_STORE_PREFIXES = ['/api/auth/'];

/** The weak ETag of an answer's body, the same whether the answer cache or this middleware computes it. */
export const bodyTag = (body: Uint8Array) =>
  `W/"${createHash('sha1').update(body).digest('base64url')}"`;

/** If-None-Match against an entity tag, weak or strong (RFC 9110 weak comparison), `*` included. */
export function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = tag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export const apiCaching: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const read = c.req.method === 'GET' || c.req.method === 'HEAD';
  const json = (res.headers.get('Content-Type') ?? '').startsWith('application/json');
  const chosen = res.headers.get('Cache-Control');
  // A route's own 304 (the basemap's) keeps the Cache-Control it chose: the browser copies it onto what it kept.
  if (res.status === 304) return;
  if (
    !read ||
    !res.ok ||
    res.status !== 200 ||
    NO_STORE_PREFIXES.some((p) => c.req.path.startsWith(p))
  ) {
    res.headers.set('Cache-Control', 'no-store');
    return;
  }
  if (!json || res.headers.has('ETag')) {
    if (!chosen) res.headers.set('Cache-Control', 'no-store');
    return;
  }
  const body = Buffer.from(await res.clone().arrayBuffer());
  const tag = bodyTag(body);
  const cacheControl = chosen ?? REVALIDATE;
  if (matches(c.req.header('If-None-Match'), tag)) {
    await res.body?.cancel();
    c.res = new Response(null, { status: 304 });
    // Hono carries the 200's headers over: a 304 keeps only those RFC 9110 lets it repeat.
    for (const key of [...c.res.headers.keys()])
      if (!KEPT_ON_304.has(key)) c.res.headers.delete(key);
    c.res.headers.set('ETag', tag);
    c.res.headers.set('Cache-Control', cacheControl);
    return;
  }
  res.headers.set('ETag', tag);
  res.headers.set('Cache-Control', cacheControl);
};
