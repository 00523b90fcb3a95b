/**
 * The outbox: writes made without a link wait in IndexedDB (through `idb`) and are sent, in the order they were
 * made, when the link returns. Each entry keeps one Idempotency-Key for all its sends, so a replay whose first
 * answer was lost never writes twice (server/src/http/idempotency.ts). What happened to each is kept for the
 * user to see: sent, refused with the server's reason, or in conflict (412) with the server's current record,
 * until the user chooses their own version (sent again over the current one) or the server's.
 * Nothing is dropped silently: a discarded entry stays in the list as discarded.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type OutboxState = 'waiting' | 'sent' | 'conflict' | 'refused' | 'discarded';

export interface OutboxEntry {
  /** Stable id of the entry (the first idempotency key). */
  id: string;
  /** The Idempotency-Key of the next send: a new one only when the user re-sends over a newer version. */
  key: string;
  /** Whose write it is: it is sent only in that user's session. */
  username: string;
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  /** The JSON body as it was sent. */
  body: string;
  createdAt: string;
  /** Order of making: entries are sent in it (two may share a millisecond). */
  seq: number;
  state: OutboxState;
  attempts: number;
  sentAt?: string;
  /** The server's refusal (4xx other than 412), as it said it. */
  error?: { status: number; code: string; message: string; field?: string };
  /** On a 412: the server's current record, shown beside the user's. */
  current?: Record<string, unknown>;
}

interface Schema extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { seq: number } };
}

/** Writes that may wait for the link: a border post logs its events, hotspots and progress offline. */
const QUEUEABLE: [string, RegExp][] = [
  ['POST', /^\/api\/events$/],
  ['POST', /^\/api\/crossings\/[\w-]+\/seizures$/],
  ['POST', /^\/api\/hotspots$/],
  ['PATCH', /^\/api\/hotspots\/[\w-]+$/],
  ['POST', /^\/api\/hotspots\/[\w-]+\/(eliminate|re-emerge)$/],
  ['POST', /^\/api\/quotas\/[\w-]+\/progress$/],
  ['PUT', /^\/api\/plans\/[\w-]+\/criteria\/[1-8]$/],
  ['PATCH', /^\/api\/border\/alerts\/[\w-]+$/],
];
export const queueable = (method: string, path: string) =>
  QUEUEABLE.some(([m, p]) => m === method && p.test(path));

let counter = 0;

/** Refusals that are about the session, not the write. */
const WAIT_FOR_SESSION = new Set(['unauthenticated', 'csrf_failed', 'cross_site']);

/** Sent, refused and discarded entries kept for the list; older ones are forgotten. */
const KEPT_DONE = 50;

export type Send = (entry: OutboxEntry) => Promise<Response> | Response;

export interface ReplayResult {
  sent: number;
  conflicts: number;
  refused: number;
  /** Why replaying stopped before the end: no link, or the session must be renewed. */
  stopped: 'offline' | 'signed_out' | 'busy' | null;
}

export class Outbox {
  private db: Promise<IDBPDatabase<Schema>>;
  private running: Promise<ReplayResult> | null = null;
  private listeners = new Set<() => void>();

  constructor(name = 'pcmt-outbox') {
    this.db = openDB<Schema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('seq', 'seq');
      },
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private changed() {
    for (const l of this.listeners) l();
  }

  async add(e: Pick<OutboxEntry, 'key' | 'username' | 'method' | 'path' | 'body'>) {
    const entry: OutboxEntry = {
      ...e,
      id: e.key,
      createdAt: new Date().toISOString(),
      seq: Date.now() * 1000 + (counter++ % 1000),
      state: 'waiting',
      attempts: 0,
    };
    await (await this.db).put('outbox', entry);
    this.changed();
    return entry;
  }

  /** All entries, oldest first. */
  async list(username?: string): Promise<OutboxEntry[]> {
    const all = await (await this.db).getAllFromIndex('outbox', 'seq');
    return username ? all.filter((e) => e.username === username) : all;
  }

  private async put(entry: OutboxEntry) {
    await (await this.db).put('outbox', entry);
  }

  /** Sends the user's waiting entries in order; one replay at a time. */
  replay(username: string, send: Send): Promise<ReplayResult> {
    if (this.running) return this.running.then(() => this.replay(username, send));
    this.running = this.replayOnce(username, send).finally(() => {
      this.running = null;
      this.changed();
    });
    return this.running;
  }

  private async replayOnce(username: string, send: Send): Promise<ReplayResult> {
    const result: ReplayResult = { sent: 0, conflicts: 0, refused: 0, stopped: null };
    for (const entry of await this.list(username)) {
      if (entry.state !== 'waiting') continue;
      let res: Response;
      entry.attempts += 1;
      try {
        res = await send(entry);
      } catch {
        await this.put(entry);
        result.stopped = 'offline';
        break;
      }
      const body = (await res.json().catch(() => null)) as {
        current?: Record<string, unknown>;
        error?: { code: string; message: string; field?: string };
      } | null;
      if (res.ok) {
        entry.state = 'sent';
        entry.sentAt = new Date().toISOString();
        result.sent += 1;
      } else if (res.status === 412) {
        entry.state = 'conflict';
        entry.current = body?.current;
        result.conflicts += 1;
      } else if (WAIT_FOR_SESSION.has(body?.error?.code ?? '') || res.status === 401) {
        // The session ended, or its CSRF token: the entry waits, unchanged, for a new sign-in.
        await this.put(entry);
        result.stopped = 'signed_out';
        break;
      } else if (body?.error?.code === 'request_in_progress' || res.status >= 500) {
        // The first send is still running, or the server failed: the entry waits for the next replay.
        await this.put(entry);
        result.stopped = 'busy';
        break;
      } else {
        // Any other answer (a 409 "already eliminated", a 403 of scope, a 400 naming a field) is the server's
        // word on this write: shown with its reason, and the rest of the outbox goes on.
        entry.state = 'refused';
        entry.error = {
          status: res.status,
          code: body?.error?.code ?? 'http_error',
          message: body?.error?.message ?? `HTTP ${res.status}`,
          field: body?.error?.field,
        };
        result.refused += 1;
      }
      await this.put(entry);
      this.changed();
    }
    await this.forgetOld();
    return result;
  }

  /**
   * The user's choice on a conflict: `mine` sends their version again over the server's current one (a new
   * key, the current version); `theirs` keeps the server's record and marks the entry discarded.
   */
  async resolve(id: string, choice: 'mine' | 'theirs', newKey: string) {
    const db = await this.db;
    const entry = await db.get('outbox', id);
    if (!entry || entry.state !== 'conflict') return;
    if (choice === 'theirs') entry.state = 'discarded';
    else {
      const body = JSON.parse(entry.body) as Record<string, unknown>;
      body.version = entry.current?.version;
      entry.body = JSON.stringify(body);
      entry.key = newKey;
      entry.state = 'waiting';
      delete entry.current;
    }
    await db.put('outbox', entry);
    this.changed();
  }

  /** A refused entry the user has read: marked discarded, kept in the list. */
  async dismiss(id: string) {
    const db = await this.db;
    const entry = await db.get('outbox', id);
    if (!entry || entry.state !== 'refused') return;
    entry.state = 'discarded';
    await db.put('outbox', entry);
    this.changed();
  }

  private async forgetOld() {
    const db = await this.db;
    const done = (await db.getAllFromIndex('outbox', 'seq')).filter(
      (e) => e.state === 'sent' || e.state === 'discarded',
    );
    for (const e of done.slice(0, Math.max(0, done.length - KEPT_DONE)))
      await db.delete('outbox', e.id);
  }
}
