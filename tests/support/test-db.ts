/** A fresh, seeded database per test file, cloned from the project's template. */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDb, type Db, type Engine } from '@pcmt/server/db/create-db';
import * as schema from '@pcmt/server/db/schema';
import { adminUrl, withDatabase } from './pg-url.ts';

export interface TestDb {
  db: Db;
  engine: Engine;
  /** PostgreSQL: the test database's URL. */
  url?: string;
  /** PGlite: the client. */
  client?: PGlite;
  close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
  const pgTemplate = inject('postgresTemplate');
  if (pgTemplate) {
    const name = `pcmt_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${pgTemplate}`);
    const handle = await createDb(withDatabase(name));
    return {
      db: handle.db,
      engine: 'postgres',
      url: withDatabase(name),
      close: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  const client = new PGlite({ loadDataDir: new Blob([dump]) });
  await client.waitReady;
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    engine: 'pglite',
    client,
    close: () => client.close(),
  };
}
