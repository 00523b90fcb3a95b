/**
 * The link as the dashboard sees it, and the fetch every API call goes through.
 * - An answer from the server (not the service worker's cache) means online, and is the last sync.
 * - An answer the service worker served from its cache (`X-Pcmt-Offline`) or a failed fetch means offline; the
 *   screen says how old its data are: the oldest `Date` among the kept answers shown.
 * - A write that may wait (lib/outbox.ts `queueable`) is given an Idempotency-Key; without a link it is put in
 *   the outbox and the caller gets a `QueuedOffline` error that says so. Any other write offline gets an
 *   `OfflineError`: the dashboard is read-only there.
 */
import { OFFLINE_HEADER } from '../sw/constants.ts';
import { Outbox, queueable, type OutboxEntry, type ReplayResult } from './outbox.ts';
import { createStore } from './store.ts';

export interface Connectivity {
  offline: boolean;
  /** When the data on screen were last fetched from the server (ISO), null if never. */
  syncedAt: string | null;
  /** The user's writes waiting in the outbox. */
  waiting: number;
}

const LAST_SYNC = 'pcmt.lastSync';
const storage = typeof localStorage === 'undefined' ? null : localStorage;
const store = createStore<Connectivity>({
  offline: typeof navigator !== 'undefined' && navigator.onLine === false,
  syncedAt: storage?.getItem(LAST_SYNC) ?? null,
  waiting: 0,
});
function set(patch: Partial<Connectivity>) {
  const now = store.get();
  const next = { ...now, ...patch };
  if (
    next.offline !== now.offline ||
    next.syncedAt !== now.syncedAt ||
    next.waiting !== now.waiting
  )
    store.set(next);
}
export const useConnectivity = store.use;

/** Whose outbox entries are sent: set by the app once it knows who is signed in. */
let username: string | null = null;
let csrf = () => '';
/** What asking the server for the session's token again came to. */
export type Renewal = 'renewed' | 'signed_out' | 'unreachable';
let renewToken: () => Promise<Renewal> = async () => 'unreachable';
/**
 * Who is signed in, the session's CSRF token, and how to ask the server for it again: after an offline reload the
 * kept "who am I" has no token (the service worker never keeps it), and a resend without one is refused.
 */
export function setSession(
  name: string | null,
  csrfToken: () => string,
  renew: () => Promise<Renewal> = async () => 'unreachable',
) {
  username = name;
  csrf = csrfToken;
  renewToken = renew;
  void countWaiting();
  // Writes left from an earlier session (or stopped by an ended one) go as soon as someone is signed in.
  if (name && typeof navigator !== 'undefined' && navigator.onLine !== false) void sendOutbox();
}

let box: Outbox | null = null;
/** The outbox, opened on first use (IndexedDB is not there in every test runner). */
export function outbox(): Outbox {
  box ??= new Outbox();
  return box;
}

async function countWaiting() {
  if (!username || typeof indexedDB === 'undefined') return set({ waiting: 0 });
  const entries = await outbox().list(username);
  set({ waiting: entries.filter((e) => e.state === 'waiting').length });
}

/** A write put in the outbox: not an error of the user's, but the form should say it was not sent yet. */
export class QueuedOffline extends Error {
  constructor(readonly entryId: string) {
    super('queued_offline');
  }
}
/** A write that needs the link (campaigns, imports, accounts) made without one. */
export class OfflineError extends Error {
  constructor() {
    super('offline');
  }
}

/** A random key without crypto.randomUUID, which a page served over plain http on a LAN does not have. */
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const pathOf = (input: RequestInfo | URL) =>
  new URL(
    typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    location.href,
  ).pathname;

function noteAnswer(res: Response) {
  if (res.headers.get(OFFLINE_HEADER)) {
    const at = res.headers.get('Date');
    const { offline, syncedAt } = store.get();
    const kept = at ? new Date(at).toISOString() : syncedAt;
    set({
      offline: true,
      syncedAt: kept && offline && syncedAt && syncedAt < kept ? syncedAt : kept,
    });
  } else {
    const now = new Date().toISOString();
    storage?.setItem(LAST_SYNC, now);
    set({ offline: false, syncedAt: now });
  }
}

async function enqueue(method: string, path: string, body: string, key: string): Promise<never> {
  if (!username) throw new OfflineError();
  const entry = await outbox().add({
    key,
    username,
    method: method as OutboxEntry['method'],
    path,
    body,
  });
  await countWaiting();
  throw new QueuedOffline(entry.id);
}

export async function trackedFetch(input: RequestInfo | URL, init?: RequestInit) {
  const method = (init?.method ?? 'GET').toUpperCase();
  const path = pathOf(input);
  const write = method !== 'GET' && method !== 'HEAD';
  const body = typeof init?.body === 'string' ? init.body : null;
  const canWait = write && body !== null && queueable(method, path);
  const headers = new Headers(init?.headers);
  const key = canWait ? (headers.get('Idempotency-Key') ?? newKey()) : null;
  if (key) headers.set('Idempotency-Key', key);
  if (canWait && navigator.onLine === false) return enqueue(method, path, body, key!);
  try {
    const res = await fetch(input, { ...init, headers });
    if (path.startsWith('/api/')) noteAnswer(res);
    return res;
  } catch (e) {
    set({ offline: true });
    if (canWait) return enqueue(method, path, body, key!);
    if (write) throw new OfflineError();
    throw e;
  }
}

/**
 * Sends the outbox (the link came back, or the app started); then the caller refetches what is shown. One send at a
 * time: a call while one runs gets that one's result.
 */
export function sendOutbox(): Promise<ReplayResult | null> {
  sending ??= sendOnce().finally(() => (sending = null));
  return sending;
}
let sending: Promise<ReplayResult | null> | null = null;

async function sendOnce(): Promise<ReplayResult | null> {
  if (!username || typeof indexedDB === 'undefined') return null;
  const user = username;
  // No token yet (the page opened offline): ask the server for one first. Without it nothing is sent, so no entry
  // is refused for it; a session that ended says so (the user signs in again), a server out of reach is tried later.
  if (!csrf()) {
    const renewal = await renewToken().catch((): Renewal => 'unreachable');
    if (renewal === 'signed_out' || user !== username)
      return { sent: 0, conflicts: 0, refused: 0, stopped: 'signed_out' };
  }
  if (!csrf()) {
    if ((await outbox().list(user)).some((e) => e.state === 'waiting')) later();
    return null;
  }
  const result = await outbox().replay(user, (e) =>
    fetch(e.path, {
      method: e.method,
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': e.key,
        'X-CSRF-Token': csrf(),
      },
      body: e.body,
    }),
  );
  // Only what was tried says anything of the link: an empty outbox must not call an offline page online (the
  // banner blinked, and "who am I" was asked again and again from the kept copy).
  if (result.stopped === 'offline') set({ offline: true });
  else if (result.sent + result.conflicts + result.refused > 0) set({ offline: false });
  // The server was busy or failed: try again shortly rather than at the next change of link.
  if (result.stopped === 'busy') later();
  await countWaiting();
  return result;
}
let retry: ReturnType<typeof setTimeout> | null = null;
function later() {
  retry ??= setTimeout(() => ((retry = null), void sendOutbox()), 15_000);
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => set({ offline: true }));
  window.addEventListener('online', () => set({ offline: false }));
}
