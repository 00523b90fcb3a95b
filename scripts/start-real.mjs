#!/usr/bin/env node
/**
 * Starts the dashboard on a province's own boundaries instead of the demo's tessellation: on a database of its
 * own (var/pglite-real, or DATABASE_URL), the first start loads the demo data and then imports the list of
 * boundary files given (province outlines, communes of one or both eras, a reform's crosswalk CSV), placing the
 * demo's hotspots, assessments and plans on the real communes (server/src/services/boundary-manifest.ts).
 *
 * usage: npx -y pnpm@10 start:real [LIST.json]     (default: data/sources/real-boundaries.json, which reads
 *        the test fixtures of ../shared/data/real/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const list = resolve(process.argv[2] ?? join(root, 'data', 'sources', 'real-boundaries.json'));
if (!existsSync(list)) {
  console.error(`no boundary list at ${list}`);
  process.exit(2);
}
const env = {
  ...process.env,
  BOUNDARIES: list,
  DATABASE_URL: process.env.DATABASE_URL ?? `file://${join(root, 'var', 'pglite-real')}`,
};
const run = (args) => {
  const r = spawnSync('npx', ['-y', 'pnpm@10', ...args], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['--filter', '@pcmt/web', 'build']);
run(['--filter', '@pcmt/server', 'start']);
