/** Reads the environment, opens the database, migrates, loads the demo data once, listens. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createDb } from './db/create-db.ts';
import { auditGuard } from './db/roles.ts';
import { DirectoryLockedError } from './db/lock.ts';
import { isEmpty, readDemo, seedDemo } from './db/seed.ts';
import { measureBorderDistances } from './services/border-belt.ts';
import { createDemoUsers } from './services/demo-users.ts';
import { applyBoundaryManifest, boundaryListApplied } from './services/boundary-manifest.ts';
import { readEnv } from './env.ts';

const require = createRequire(import.meta.url);

async function main() {
  const env = readEnv();
  const handle = await createDb(env.DATABASE_URL, { migrationUrl: env.MIGRATION_DATABASE_URL });
  console.log(`database: ${handle.describe}`);
  // Servers started together on one PostgreSQL take turns: the first migrates and seeds, the others find it done.
  const { demo } = await handle.exclusive(async () => {
    await handle.migrate();
    const guard = await auditGuard(handle.db);
    console.log(
      guard.level === 'role'
        ? `audit trail: append-only against the app's role ${guard.role} (${guard.why})`
        : handle.engine === 'postgres'
          ? `audit trail: WARNING only the trigger keeps it append-only: ${guard.why}; run the app as its own role (README "Database roles")`
          : 'audit trail: append-only by trigger (the embedded database has one role)',
    );
    const demo = readDemo();
    const seeded = env.SEED_DEMO === 'auto' && (await isEmpty(handle.db));
    if (seeded) {
      console.log('loading the demo data (first start)…');
      await seedDemo(handle.db, demo);
      const accounts = await createDemoUsers(handle.db);
      console.log('Demo accounts (shown once; change them or create your own with the CLI):');
      for (const a of accounts)
        console.log(
          `  DEMO-USER ${a.username} ${a.password} (${a.role}, ${a.provinceSlug ?? 'all provinces'})`,
        );
    }
    // A list of boundary files is imported once per database, and again at the next start if it stopped midway.
    if (env.BOUNDARIES && !(await boundaryListApplied(handle.db, env.BOUNDARIES))) {
      console.log(`boundaries: importing the list ${env.BOUNDARIES}…`);
      await applyBoundaryManifest(handle.db, env.BOUNDARIES, {
        now: new Date(),
        commit: true,
        log: (l) => console.log(`  ${l}`),
      });
    }
    // Units and hotspots written before the border belt existed (or by hand) get their distance to the border.
    const measured = await measureBorderDistances(handle.db);
    if (measured.units + measured.hotspots > 0 && !seeded)
      console.log(
        `border belt: measured ${measured.units} units and ${measured.hotspots} hotspots against the border line`,
      );
    return { demo };
  });
  const staticDir = env.STATIC_DIR ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  const app = createApp({
    db: handle.db,
    engine: handle.engine,
    clock: () => new Date(),
    basemapJson: readFileSync(require.resolve('@pcmt/data/build/basemap.json'), 'utf8'),
    meta: demo.meta,
    staticDir,
    hsts: env.HSTS === 'on',
    trustProxy: env.TRUST_PROXY === 'on',
    answerCacheBytes: env.ANSWER_CACHE_MB * 1024 * 1024,
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    console.log(`Dashboard: http://localhost:${info.port}`);
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    // Stop taking connections, let the requests in flight finish (idle keep-alive sockets are closed at
    // once), then close the database; a request still running after 10 s is cut.
    server.close(async () => {
      await handle.close();
      process.exit(0);
    });
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    setTimeout(() => handle.close().finally(() => process.exit(0)), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  if (
    e instanceof DirectoryLockedError ||
    (e instanceof Error && e.message.startsWith('Invalid environment'))
  ) {
    console.error(e.message);
  } else {
    const err = e as { message?: string; cause?: { message?: string } };
    console.error(
      'failed to start:',
      (err.cause?.message ?? err.message ?? String(e)).slice(0, 500),
    );
  }
  process.exit(1);
});
