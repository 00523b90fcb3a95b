/**
 * A province's own boundaries from the command line, against DATABASE_URL (stop the server first when it uses
 * the embedded database: PGlite serves one process):
 *   import LIST.json [--commit]     each file of the list, previewed (the default) or written
 * LIST.json: [{ "file": "xa.zip", "province": "lai-chau", "validFrom": "2025-07-01", "mode": "replace", … }],
 * paths relative to the list; the fields are those of POST /api/boundaries/import (shared/src/boundaries.ts).
 */
import { parseArgs } from 'node:util';
import { createDb } from '../db/create-db.ts';
import { readEnv } from '../env.ts';
import { applyBoundaryManifest } from '../services/boundary-manifest.ts';

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { commit: { type: 'boolean', default: false } },
  });
  if (command !== 'import' || positionals.length !== 1) {
    console.error('usage: import LIST.json [--commit]');
    process.exit(2);
  }
  const env = readEnv();
  const handle = await createDb(env.DATABASE_URL, { migrationUrl: env.MIGRATION_DATABASE_URL });
  try {
    await handle.migrate();
    await applyBoundaryManifest(handle.db, positionals[0]!, {
      now: new Date(),
      commit: values.commit ?? false,
      log: (l) => console.log(l),
    });
    console.log(values.commit ? 'written' : 'previewed only: add --commit to write');
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}
void main();
