/// <reference lib="webworker" />
/**
 * The dashboard's service worker (Workbox, built by vite-plugin-pwa's injectManifest). It keeps:
 * - the app shell and every code chunk but the export's and the charts' (precached at install, from the HTTP cache when the
 *   page already loaded them: hashed names are never cache-busted);
 * - the API's reads, network first: online, each answer is the server's (with its 304s); offline, the last one
 *   kept is served, marked `X-Pcmt-Offline: 1` with the `Date` the server gave it, so the page says how old it is.
 *   No network timeout: a kept copy served on a slow but live link could undo an edit just made on screen, or
 *   give the page a sign-in without its CSRF token.
 * Writes are never handled here: offline they fail, and the page's outbox (lib/outbox.ts) queues them.
 * A sign-out or a new sign-in clears the kept answers (message `clear-data`): they are one user's data.
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { API_CACHE, CLEAR_DATA, KEEP, NOT_KEPT, OFFLINE_HEADER } from './constants.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: { url: string; revision: string | null }[];
};

self.skipWaiting();
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every screen of the app is the one page: offline, a reload or a shared link still opens it.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }),
);

// Chunks not precached (the export's, the charts') are kept once they were used.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
  new CacheFirst({
    cacheName: 'pcmt-assets',
    plugins: [new ExpirationPlugin({ maxEntries: 40, purgeOnQuotaError: true })],
  }),
);

registerRoute(
  ({ url, sameOrigin }) =>
    sameOrigin && url.pathname.startsWith('/api/') && !NOT_KEPT.test(url.pathname),
  new NetworkFirst({
    cacheName: API_CACHE,
    plugins: [
      new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true }),
      {
        cacheWillUpdate: async ({ request, response }) =>
          response.status === 200 ? withoutSecret(request.url, response) : null,
        // Only what comes out of the cache (the network failed) carries the mark.
        cachedResponseWillBeUsed: async ({ cachedResponse }) => {
          if (!cachedResponse) return cachedResponse;
          const headers = new Headers(cachedResponse.headers);
          headers.set(OFFLINE_HEADER, '1');
          return new Response(await cachedResponse.blob(), {
            status: cachedResponse.status,
            statusText: cachedResponse.statusText,
            headers,
          });
        },
      },
    ],
  }),
);

/** Who is signed in is kept without the session's CSRF token: nothing secret is written to the disk cache. */
async function withoutSecret(url: string, response: Response): Promise<Response> {
  if (!new URL(url).pathname.startsWith('/api/auth/')) return response;
  const { csrfToken: _secret, ...me } = (await response.clone().json()) as Record<string, unknown>;
  return new Response(JSON.stringify(me), {
    status: response.status,
    headers: { 'Content-Type': 'application/json', Date: response.headers.get('Date') ?? '' },
  });
}

/** Keeps the answers the page fetched before this worker controlled it (the first visit's). */
async function keep(urls: string[]) {
  const cache = await caches.open(API_CACHE);
  for (const href of urls) {
    const url = new URL(href, self.location.origin);
    if (url.origin !== self.location.origin || !url.pathname.startsWith('/api/')) continue;
    if (NOT_KEPT.test(url.pathname) || (await cache.match(url.href))) continue;
    // From the HTTP cache where it can (a revalidation costs a 304), never a second full download.
    const res = await fetch(url.href, { credentials: 'same-origin' }).catch(() => null);
    if (res?.status === 200) await cache.put(url.href, await withoutSecret(url.href, res));
  }
}

self.addEventListener('message', (e) => {
  if (e.data?.type === CLEAR_DATA) e.waitUntil(caches.delete(API_CACHE));
  if (e.data?.type === KEEP && Array.isArray(e.data.urls)) e.waitUntil(keep(e.data.urls));
});
