/**
 * Backups from the command line, on DATABASE_URL's engine (PostgreSQL: as MIGRATION_DATABASE_URL's owner role when
 * set; PGlite: stop the server first, the directory lock says so):
 *   backup --out FILE               FILE plus FILE.sha256 and FILE.manifest.json
 *   restore --from FILE [--force]   checks the SHA-256 first and every table's rows afterwards
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from '../db/backup.ts';
import { createDb, DEFAULT_DATA_DIR } from '../db/create-db.ts';
import { readEnv } from '../env.ts';

const usage = 'usage: backup --out FILE | restore --from FILE [--force]';

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { out: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' } },
  });
  // pnpm runs the script in server/: a relative FILE is taken from where the command was typed.
  const here = (p: string) => resolve(process.env.INIT_CWD ?? process.cwd(), p);
  const env = readEnv();
  const url = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
  const postgres = /^postgres(ql)?:\/\//.test(url ?? '');
  if (command === 'backup' && values.out) {
    const file = here(values.out);
    const handle = await createDb(url);
    try {
      const m = postgres
        ? await backupPostgres(url!, file)
        : await backupPglite((handle.db as unknown as { $client: PGlite }).$client, file);
      const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
      console.log(
        `backup ${file}: ${Object.keys(m.tables).length} tables, ${rows} rows, sha256 ${m.sha256}`,
      );
    } finally {
      await handle.close();
    }
  } else if (command === 'restore' && values.from) {
    const file = here(values.from);
    if (postgres) {
      const handle = await createDb(url);
      try {
        await restorePostgres(url!, handle.db, file, values.force);
      } finally {
        await handle.close();
      }
    } else {
      const dir = url?.startsWith('file://')
        ? resolve(url.slice('file://'.length))
        : DEFAULT_DATA_DIR;
      if (url?.startsWith('memory://')) throw new Error('restore needs a database that persists');
      const r = await restorePglite(dir, file, values.force);
      if (r.keptAside) console.log(`the database it replaced is kept in ${r.keptAside}`);
    }
    console.log(`restored ${file}: checksum and every table's rows match the backup`);
  } else {
    console.error(usage);
    process.exit(2);
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message.slice(0, 800));
  process.exit(1);
});
