/** The page's side of the service worker: registered once the map has drawn, and told to forget a user's data. */
import { API_CACHE, KEEP } from './constants.ts';

let registered = false;
/** Registers /sw.js (built by vite-plugin-pwa); later calls do nothing. Not in development (no worker built). */
export function registerServiceWorker() {
  if (registered || import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  registered = true;
  // A page served over plain http (not localhost) has no service worker: it simply works online only.
  void navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      // This first visit's answers went past the worker: it is asked to keep them, so the page opens
      // offline from now on, not only after a second visit.
      const urls = performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((u) => new URL(u).pathname.startsWith('/api/'));
      reg.active?.postMessage({ type: KEEP, urls });
    })
    .catch(() => undefined);
}

/** Sign-out, or another user signed in: the kept API answers were the previous user's. */
export async function clearKeptData() {
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}
