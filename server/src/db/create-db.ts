/**
 * One entry point for both engines. DATABASE_URL unset or file://DIR → PGlite on disk,
 * memory:// → PGlite in memory, postgres://… → PostgreSQL through the `postgres` driver.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema.ts';
import { lockDirectory } from './lock.ts';
import { grantAppRole } from './roles.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  engine: Engine;
  describe: string;
  migrate(): Promise<void>;
  /**
   * Runs `fn` while no other server on this database runs its own: servers started together on one PostgreSQL
   * migrate, seed and import one after the other (a session advisory lock). PGlite's directory lock already
   * keeps a second server out.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The advisory lock key of the start-up work (any fixed number; "pcmt" in ASCII). */
const STARTUP_LOCK = 0x70636d74;

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../var/pglite', import.meta.url));

/**
 * `migrationUrl` (PostgreSQL only): the owner role's connection. Migrations then run as the owner, which grants the
 * app's role (the user of `url`) what it needs and no more (`db/roles.ts`).
 */
export async function createDb(
  url: string | undefined,
  opts: { migrationUrl?: string | undefined } = {},
): Promise<DbHandle> {
  if (url?.startsWith('postgres://') || url?.startsWith('postgresql://')) {
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    const migrate = async () => {
      if (!opts.migrationUrl) return migratePostgres(db, { migrationsFolder });
      const owner = postgres(opts.migrationUrl, { max: 1, onnotice: () => {} });
      try {
        await migratePostgres(drizzlePostgres(owner), { migrationsFolder });
        const [me] = await client<{ role: string }[]>`select current_user as role`;
        const [them] = await owner<{ role: string }[]>`select current_user as role`;
        // One role on both URLs would revoke the owner's own rights on audit_log: there is nothing to separate.
        if (me!.role !== them!.role) await grantAppRole(owner, me!.role);
      } finally {
        await owner.end({ timeout: 5 });
      }
    };
    return {
      db: db as unknown as Db,
      engine: 'postgres',
      describe: `PostgreSQL ${new URL(url).host}${new URL(url).pathname}`,
      migrate,
      exclusive: async (fn) => {
        const conn = await client.reserve();
        try {
          // Tried every second, saying so, rather than a silent wait behind another server's long import.
          for (let said = false; ; said = true) {
            const [got] = await conn<
              { ok: boolean }[]
            >`select pg_try_advisory_lock(${STARTUP_LOCK}) as ok`;
            if (got!.ok) break;
            if (!said)
              console.log('waiting for another server to finish its start (migrations, imports)…');
            await new Promise((r) => setTimeout(r, 1000));
          }
          try {
            return await fn();
          } finally {
            // An unlock that fails (the connection was cut) must not hide what fn threw; the lock ends with
            // the session anyway.
            await conn`select pg_advisory_unlock(${STARTUP_LOCK})`.catch((e: Error) =>
              console.error(`start-up lock: could not release it (${e.message})`),
            );
          }
        } finally {
          conn.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const memory = url?.startsWith('memory://') ?? false;
  const dir = memory ? undefined : resolve(url ? url.slice('file://'.length) : DEFAULT_DATA_DIR);
  const release = dir ? lockDirectory(dir) : () => {};
  try {
    // The lock file sits beside PGlite's own directory, which must hold nothing else.
    const client = dir ? new PGlite(join(dir, 'pgdata')) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    return {
      db: db as unknown as Db,
      engine: 'pglite',
      describe: dir ? `PGlite ${dir}` : 'PGlite in memory',
      migrate: () => migratePglite(db, { migrationsFolder }),
      exclusive: (fn) => fn(),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
