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
    .then(keepAnswersThatBypassedTheWorker)
    .catch(() => undefined);
}

/**
 * The first visit's answers went past the worker (it did not control the page yet), and so do the ones that
 * were in flight while it took control: the worker is asked to keep each such answer, so that the page opens
 * offline from now on, not only after a second visit. A resource entry with no `workerStart` did not go through
 * the worker; watching the entries as they complete leaves no gap between "ready" and "in control".
 */
function keepAnswersThatBypassedTheWorker(reg: ServiceWorkerRegistration) {
  const send = (entries: PerformanceEntryList) => {
    const urls = (entries as PerformanceResourceTiming[])
      .filter((e) => e.workerStart === 0 && new URL(e.name).pathname.startsWith('/api/'))
      .map((e) => e.name);
    if (urls.length > 0) reg.active?.postMessage({ type: KEEP, urls });
  };
  send(performance.getEntriesByType('resource'));
  if (typeof PerformanceObserver === 'undefined') return;
  new PerformanceObserver((list) => send(list.getEntries())).observe({ type: 'resource' });
}

/** Sign-out, or another user signed in: the kept API answers were the previous user's. */
export async function clearKeptData() {
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}
