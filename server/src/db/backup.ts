/**
 * Backups of both engines, each beside its SHA-256 (`FILE.sha256`, for `sha256sum -c`) and a manifest
 * (`FILE.manifest.json`) holding every table's row count and an MD5 of its rows. A restore refuses a file whose
 * checksum does not match, and afterwards compares every table with the manifest.
 * PostgreSQL: pg_dump --format=custom / pg_restore --single-transaction. PGlite: its data directory as a tar.gz
 * (dumpDataDir / loadDataDir); stop the server first, the directory lock says so.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Db, Engine } from './create-db.ts';
import { lockDirectory } from './lock.ts';

export class BackupError extends Error {}

export interface TableDigest {
  rows: number;
  md5: string;
}
export interface Manifest {
  format: 'pcmt-backup-1';
  engine: Engine;
  createdAt: string;
  file: string;
  sha256: string;
  tables: Record<string, TableDigest>;
}

const rowsOf = (r: unknown) =>
  (Array.isArray(r) ? r : ((r as { rows: unknown[] }).rows ?? [])) as Record<string, unknown>[];

type Exec = (query: string) => Promise<Record<string, unknown>[]>;

/**
 * Every table of the app (schema public) and of the migrator (schema drizzle): row count and an MD5 over the MD5s of
 * its rows, in a fixed order (collation "C") and a fixed text form (UTC, ISO dates), so two databases holding the same
 * rows give the same digest whatever their settings, and no single value grows with the table.
 */
async function digestsWith(exec: Exec): Promise<Record<string, TableDigest>> {
  await exec(`set local timezone = 'UTC'`);
  await exec(`set local datestyle = 'ISO, YMD'`);
  const tables = await exec(
    `select format('%I.%I', schemaname, tablename) as name, schemaname || '.' || tablename as key
       from pg_tables where schemaname in ('public', 'drizzle') order by 2`,
  );
  const out: Record<string, TableDigest> = {};
  for (const t of tables) {
    const [d] = await exec(
      `select count(*)::int as rows,
              md5(coalesce(string_agg(h, '' order by h collate "C"), '')) as md5
         from (select md5(t::text) as h from ${String(t.name)} t) rows`,
    );
    out[String(t.key)] = { rows: Number(d!.rows), md5: String(d!.md5) };
  }
  return out;
}

/** The digests of `db`'s tables, read in one transaction. */
export async function tableDigests(db: Db): Promise<Record<string, TableDigest>> {
  return db.transaction((tx) =>
    digestsWith(async (q) => rowsOf(await (tx as unknown as Db).execute(sql.raw(q)))),
  );
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function seal(file: string, engine: Engine, tables: Record<string, TableDigest>) {
  const digest = await sha256File(file);
  const manifest: Manifest = {
    format: 'pcmt-backup-1',
    engine,
    createdAt: new Date().toISOString(),
    file: basename(file),
    sha256: digest,
    tables,
  };
  writeFileSync(`${file}.sha256`, `${digest}  ${basename(file)}\n`);
  writeFileSync(`${file}.manifest.json`, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** Reads the manifest and checks the file against its .sha256 before anything is touched. */
export async function checkBackup(file: string): Promise<Manifest> {
  for (const f of [file, `${file}.sha256`, `${file}.manifest.json`])
    if (!existsSync(f))
      throw new BackupError(
        `${f}: missing (a backup is the file, its .sha256 and its .manifest.json)`,
      );
  const expected = readFileSync(`${file}.sha256`, 'utf8').trim().split(/\s+/)[0];
  const actual = await sha256File(file);
  if (actual !== expected)
    throw new BackupError(
      `${basename(file)}: checksum mismatch (sha256 ${actual}, expected ${expected}); nothing was restored`,
    );
  const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as Manifest;
  if (manifest.format !== 'pcmt-backup-1' || manifest.sha256 !== actual)
    throw new BackupError(
      `${basename(file)}.manifest.json: does not describe this file; nothing was restored`,
    );
  return manifest;
}

/** Every table as the manifest has it, or a BackupError naming the first that differs. */
export function compareDigests(
  expected: Record<string, TableDigest>,
  actual: Record<string, TableDigest>,
) {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const name of [...names].sort()) {
    const e = expected[name];
    const a = actual[name];
    if (!e || !a || e.rows !== a.rows || e.md5 !== a.md5)
      throw new BackupError(
        `${name}: restored ${a ? `${a.rows} rows (md5 ${a.md5})` : 'nothing'}, the backup holds ${e ? `${e.rows} rows (md5 ${e.md5})` : 'nothing'}`,
      );
  }
}

/** A connection URL without its password, and the password for PGPASSWORD: nothing secret on a command line. */
function libpq(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return {
    dbname: u.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) =>
      reject(
        new BackupError(
          `${command}: ${e.message} (install the PostgreSQL client: apt-get install postgresql-client)`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${command} failed (${code}): ${stderr.trim().slice(0, 800)}`)),
    );
  });
}

/**
 * pg_dump of `url`, with the digests read from the very snapshot it dumps (a REPEATABLE READ transaction whose
 * snapshot pg_dump takes over), so a backup taken while the server writes still matches its manifest.
 */
export async function backupPostgres(url: string, file: string): Promise<Manifest> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await client.begin('isolation level repeatable read', async (tx) => {
      const [snap] = await tx.unsafe<{ id: string }[]>('select pg_export_snapshot() as id');
      const digests = await digestsWith((q) => tx.unsafe(q) as never);
      const conn = libpq(url);
      await run(
        'pg_dump',
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--snapshot=${snap!.id}`,
          `--file=${file}`,
          `--dbname=${conn.dbname}`,
        ],
        conn.env,
      );
      return digests;
    });
    return seal(file, 'postgres', tables);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Restores into `url`'s database: empty, or `force` to replace what it holds, in one transaction. */
export async function restorePostgres(url: string, db: Db, file: string, force = false) {
  const manifest = await checkBackup(file);
  if (manifest.engine !== 'postgres')
    throw new BackupError(
      `${basename(file)}: a ${manifest.engine} backup cannot be restored into PostgreSQL`,
    );
  const present = rowsOf(
    await db.execute(sql`select count(*)::int as n from pg_tables where schemaname = 'public'`),
  )[0];
  if (Number(present?.n) > 0 && !force)
    throw new BackupError(
      'the target database is not empty: restore into a new database, or pass --force to replace it',
    );
  // The data's version before: after the restore it must be higher, or servers still running would take their
  // kept answers of the replaced data for answers of the restored one (http/answer-cache.ts).
  const versionBefore = await dataVersionOf(db);
  const conn = libpq(url);
  await run(
    'pg_restore',
    [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      ...(force ? ['--clean', '--if-exists'] : []),
      `--dbname=${conn.dbname}`,
      file,
    ],
    conn.env,
  );
  compareDigests(manifest.tables, await tableDigests(db));
  const restored = await dataVersionOf(db);
  if (restored !== null)
    await db.execute(
      sql`update data_version set version = version + ${Math.max(0, (versionBefore ?? 0) - restored) + 1} where id = 1`,
    );
  return manifest;
}

/** The sum over `data_version`, or null when the table is not there (an empty or older database). */
async function dataVersionOf(db: Db): Promise<number | null> {
  const [table] = rowsOf(await db.execute(sql`select to_regclass('public.data_version') as t`));
  if (!table?.t) return null;
  const [row] = rowsOf(await db.execute(sql`select sum(version) as v from data_version`));
  return row?.v === null || row?.v === undefined ? null : Number(row.v);
}

export async function backupPglite(client: PGlite, file: string): Promise<Manifest> {
  const tables = await tableDigests(drizzlePglite(client) as unknown as Db);
  const dump = await client.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return seal(file, 'pglite', tables);
}

/**
 * Restores a PGlite backup into DIR (the DATABASE_URL=file://DIR of the server): DIR must hold no database, or with
 * `force` the one it holds is kept aside as pgdata.before-restore-… and put back if the restore fails its check.
 */
export async function restorePglite(dir: string, file: string, force = false) {
  const manifest = await checkBackup(file);
  if (manifest.engine !== 'pglite')
    throw new BackupError(
      `${basename(file)}: a ${manifest.engine} backup cannot be restored into PGlite`,
    );
  const release = lockDirectory(dir);
  const data = join(dir, 'pgdata');
  const aside = `${data}.before-restore-${Date.now()}`;
  try {
    if (existsSync(data) && readdirSync(data).length > 0) {
      if (!force)
        throw new BackupError(
          `${dir} already holds a database: pass --force to replace it (it is kept aside)`,
        );
      renameSync(data, aside);
    }
    try {
      const client = new PGlite(data, { loadDataDir: new Blob([readFileSync(file)]) });
      await client.waitReady;
      try {
        compareDigests(manifest.tables, await tableDigests(drizzlePglite(client) as unknown as Db));
      } finally {
        await client.close();
      }
    } catch (e) {
      rmSync(data, { recursive: true, force: true });
      if (existsSync(aside)) renameSync(aside, data);
      throw e;
    }
    return { manifest, keptAside: existsSync(aside) ? aside : null };
  } finally {
    release();
  }
}
