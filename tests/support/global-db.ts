/**
 * Once per integration project: a migrated, seeded template that each test file clones.
 * PGlite: a dumped data directory in a temp file. PostgreSQL: a template database, dropped at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createDb } from '@pcmt/server/db/create-db';
import { seedDemo } from '@pcmt/server/db/seed';
import { PGlite } from '@electric-sql/pglite';
import { adminUrl, withDatabase } from './pg-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const engine = process.env.DB_ENGINE ?? project.config.env?.DB_ENGINE;
  if (engine === 'postgres') {
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    try {
      await admin`select 1`;
    } catch (e) {
      throw new Error(
        `PostgreSQL is not reachable at ${adminUrl()} (set TEST_PG_URL): ${(e as Error).message}`,
      );
    }
    const name = `pcmt_tpl_${process.pid}_${Date.now()}`;
    await admin.unsafe(`create database ${name}`);
    const handle = await createDb(withDatabase(name));
    await handle.migrate();
    await seedDemo(handle.db);
    await handle.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pcmt-tpl-'));
  const handle = await createDb('memory://');
  await handle.migrate();
  await seedDemo(handle.db);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('gzip');
  const file = join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
