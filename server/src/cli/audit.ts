/**
 * Audit retention from the command line, as the owner role (MIGRATION_DATABASE_URL, else DATABASE_URL):
 *   archive --older-than-days N --out DIR   (N ≥ 366: rows are kept at least a year)
 * Writes the rows to DIR as CSV with its .sha256 and a manifest, checks the file, then deletes them, in one transaction.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../db/create-db.ts';
import { readEnv } from '../env.ts';
import { archiveAudit } from '../services/audit-archive.ts';

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { 'older-than-days': { type: 'string', default: '730' }, out: { type: 'string' } },
  });
  if (command !== 'archive' || !values.out) {
    console.error('usage: archive --older-than-days N --out DIR');
    process.exit(2);
  }
  const env = readEnv();
  const handle = await createDb(env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL);
  try {
    const r = await archiveAudit(
      handle.db,
      new Date(),
      Number(values['older-than-days']),
      // pnpm runs the script in server/: a relative DIR is taken from where the command was typed.
      resolve(process.env.INIT_CWD ?? process.cwd(), values.out),
    );
    console.log(
      r.file
        ? `archived ${r.rows} audit rows to ${r.file} (sha256 ${r.sha256}); check with sha256sum -c ${r.file}.sha256`
        : 'no audit rows old enough to archive',
    );
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message.slice(0, 500));
  process.exit(1);
});
