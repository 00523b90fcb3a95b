/**
 * Account commands for the first administrator and password resets, run against DATABASE_URL
 * (stop the server first when it uses the embedded database: PGlite serves one process).
 *   create-admin --username NAME [--province SLUG]   (no --province: all provinces)
 *   reset-password --username NAME
 * The password comes from PCMT_PASSWORD or the first line of standard input; it is never printed.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createDb } from '../db/create-db.ts';
import { readEnv } from '../env.ts';
import { audit } from '../services/audit.ts';
import { createUser, setPassword } from '../services/users.ts';

async function readPassword(): Promise<string> {
  if (process.env.PCMT_PASSWORD) return process.env.PCMT_PASSWORD;
  if (process.stdin.isTTY) process.stdout.write('Mật khẩu / password: ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('no password given (PCMT_PASSWORD or standard input)');
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: 'string' }, province: { type: 'string' } },
  });
  if (!values.username || !['create-admin', 'reset-password'].includes(command ?? '')) {
    console.error(
      'usage: create-admin --username NAME [--province SLUG] | reset-password --username NAME',
    );
    process.exit(2);
  }
  const env = readEnv();
  const handle = await createDb(env.DATABASE_URL, { migrationUrl: env.MIGRATION_DATABASE_URL });
  try {
    await handle.migrate();
    const password = await readPassword();
    const now = new Date();
    if (command === 'create-admin') {
      const user = await createUser(handle.db, {
        username: values.username,
        password,
        role: 'admin',
        provinceSlug: values.province ?? null,
        agencyId: null,
        title: 'Quản trị hệ thống',
      });
      await audit(handle.db, now, {
        actor: null,
        username: 'cli',
        action: 'user.create',
        objectType: 'user',
        objectId: user.id,
        outcome: 'ok',
        detail: `admin ${user.username} created from the command line`,
      });
      console.log(`created admin ${user.username} (${user.provinceSlug ?? 'all provinces'})`);
    } else {
      const user = await setPassword(handle.db, values.username, password);
      await audit(handle.db, now, {
        actor: null,
        username: 'cli',
        action: 'user.password_reset',
        objectType: 'user',
        objectId: user.id,
        outcome: 'ok',
        detail: 'password reset and account unlocked from the command line',
      });
      console.log(
        `password of ${user.username} reset; the account is unlocked and its sessions ended`,
      );
    }
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message.slice(0, 500));
  process.exit(1);
});
