/**
 * Backup and restore on both engines: the restored database holds the same rows in every table; a file whose
 * checksum does not match is refused before anything is touched; the commands do the same from the shell.
 */
import { sql } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupPglite,
  backupPostgres,
  checkBackup,
  restorePglite,
  restorePostgres,
  tableDigests,
} from '@pcmt/server/db/backup';
import { createDb } from '@pcmt/server/db/create-db';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import { adminUrl, withDatabase } from '../support/pg-url.ts';

const exec = promisify(execFile);
let t: TestDb;
let api: TestApi;
const dir = mkdtempSync(join(tmpdir(), 'pcmt-backup-'));
const made: string[] = [];
let admin: postgres.Sql | undefined;

beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
  // Something written through the app, so the backup is more than the template.
  const r = await api.call('POST', '/api/assessments', {
    as: 'commander',
    body: { unitId: 'com-10-0004', assessedOn: '2024-11-15', tier: 'type_3', note: 'sao lưu' },
  });
  expect(r.status).toBe(201);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
  if (admin) {
    for (const name of made) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

async function newDatabase() {
  admin ??= postgres(adminUrl(), { max: 1, onnotice: () => {} });
  const name = `pcmt_restore_${process.pid}_${made.length}_${Math.random().toString(36).slice(2, 6)}`;
  await admin.unsafe(`create database ${name}`);
  made.push(name);
  return withDatabase(name);
}

/** Flips one byte in the middle of a file. */
const withoutVersion = (d: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'public.data_version'));

function corrupt(file: string) {
  const bytes = readFileSync(file);
  bytes[bytes.length >> 1]! ^= 0xff;
  writeFileSync(file, bytes);
}

describe(`backup and restore (${process.env.DB_ENGINE})`, () => {
  it('restores a backup with the same rows in every table, and refuses a changed file', async () => {
    const before = await tableDigests(t.db);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        'public.audit_log',
        'public.hotspots',
        'drizzle.__drizzle_migrations',
      ]),
    );
    expect(before['public.tier_assessments']!.rows).toBeGreaterThan(100);
    const file = join(dir, `demo.${t.engine}`);
    if (t.engine === 'postgres') {
      await backupPostgres(t.url!, file);
      const url = await newDatabase();
      const target = await createDb(url);
      try {
        const m = await restorePostgres(url, target.db, file);
        // Every table as it was, but the data's version: a restore moves it on (the answer caches' key).
        expect(withoutVersion(await tableDigests(target.db))).toEqual(withoutVersion(before));
        expect(m.tables).toEqual(before);
        const versionOf = async (db: typeof target.db) =>
          Number(((await db.execute(sql`select sum(version) as v from data_version`)) as any)[0].v);
        const once = await versionOf(target.db);
        expect(once).toBe((await versionOf(t.db)) + 1);
        // Restoring again over it needs --force, and then replaces it in one transaction.
        await expect(restorePostgres(url, target.db, file)).rejects.toThrow(/not empty/);
        await restorePostgres(url, target.db, file, true);
        expect(withoutVersion(await tableDigests(target.db))).toEqual(withoutVersion(before));
        // The backup's older version came back, and was moved past what the database had before.
        expect(await versionOf(target.db)).toBe(once + 1);
      } finally {
        await target.close();
      }
    } else {
      await backupPglite(t.client!, file);
      const target = join(dir, 'restored');
      const r = await restorePglite(target, file);
      expect(r.keptAside).toBeNull();
      const opened = await createDb(`file://${target}`);
      try {
        expect(await tableDigests(opened.db)).toEqual(before);
      } finally {
        await opened.close();
      }
      await expect(restorePglite(target, file)).rejects.toThrow(/already holds a database/);
    }
    expect(readFileSync(`${file}.sha256`, 'utf8')).toMatch(/^[0-9a-f]{64} {2}demo\./);
    corrupt(file);
    await expect(checkBackup(file)).rejects.toThrow(/checksum mismatch/);
  });

  it('backs up and restores from the command line', async () => {
    let source: string;
    let target: string;
    if (t.engine === 'postgres') {
      source = t.url!;
      target = await newDatabase();
    } else {
      // A server's data directory: the first test's restore, which nothing holds open now.
      source = `file://${join(dir, 'restored')}`;
      target = `file://${join(dir, 'from-cli')}`;
    }
    const cli = (url: string, ...args: string[]) =>
      exec('npx', ['tsx', 'server/src/cli/db.ts', ...args], {
        env: { ...process.env, DATABASE_URL: url },
        cwd: join(import.meta.dirname, '../..'),
      });
    const out = await cli(source, 'backup', '--out', join(dir, 'cli.backup'));
    expect(out.stdout).toMatch(/^backup .*cli\.backup: \d+ tables, \d+ rows, sha256 [0-9a-f]{64}/);
    const restored = await cli(target, 'restore', '--from', join(dir, 'cli.backup'));
    expect(restored.stdout).toContain("checksum and every table's rows match the backup");
    corrupt(join(dir, 'cli.backup'));
    const refused = await cli(
      target,
      'restore',
      '--from',
      join(dir, 'cli.backup'),
      '--force',
    ).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(
      /checksum mismatch.*nothing was restored/,
    );
  });
});
