/** What the service worker and the page agree on. */
export const API_CACHE = 'pcmt-api';
/** The header the service worker adds to an API answer served from its cache (the network failed). */
export const OFFLINE_HEADER = 'X-Pcmt-Offline';
/** The message that clears the kept API answers (sign-out, another user's sign-in). */
export const CLEAR_DATA = 'clear-data';
/** Reads never kept for offline: files to download (reports, lists, templates), the audit log, the accounts, the API document. */
export const NOT_KEPT = /^\/api\/(audit|users|docs|openapi)|\/(report|lists|template|export)(\/|$)/;
/** The message that asks the worker to keep the API answers the page loaded before it took control. */
export const KEEP = 'keep';
