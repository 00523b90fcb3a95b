/**
 * PostgreSQL with two roles (README "Database roles"): the owner migrates, the app runs as a role that may only
 * INSERT and SELECT on audit_log, so it can neither change audit rows nor switch the append-only trigger off.
 * PGlite has one role: this file runs on PostgreSQL only.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createApp } from '@pcmt/server/app';
import { createDb, type DbHandle } from '@pcmt/server/db/create-db';
import { auditGuard } from '@pcmt/server/db/roles';
import { createUser } from '@pcmt/server/services/users';
import { adminUrl, withDatabase } from '../support/pg-url.ts';

// The project's own template tells the engine (process.env is shared by the projects' workers).
const onPostgres = Boolean(inject('postgresTemplate'));
const tag = `${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
const ownerRole = `pcmt_owner_${tag}`;
const appRole = `pcmt_app_${tag}`;
const dbName = `pcmt_roles_${tag}`;
const as = (role: string) => {
  const url = new URL(withDatabase(dbName));
  url.username = role;
  url.password = '';
  return url.toString();
};

let admin: postgres.Sql;
let handle: DbHandle;
let appSql: postgres.Sql;

beforeAll(async () => {
  if (!onPostgres) return;
  admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create role ${ownerRole} login`);
  await admin.unsafe(`create role ${appRole} login`);
  await admin.unsafe(`create database ${dbName} owner ${ownerRole}`);
  handle = await createDb(as(appRole), { migrationUrl: as(ownerRole) });
  await handle.migrate();
  appSql = postgres(as(appRole), { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  if (!onPostgres) return;
  await appSql?.end();
  await handle?.close();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`drop role if exists ${appRole}`);
  await admin.unsafe(`drop role if exists ${ownerRole}`);
  await admin.end();
});

/** The SQLSTATE a statement fails with, or 'ok'. */
const refusal = (q: Promise<unknown>) =>
  q.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );

describe.skipIf(!onPostgres)('database roles (postgres)', () => {
  it('runs the app as its own role: sign-in, sessions and audit rows work', async () => {
    const basemapJson = readFileSync(
      createRequire(import.meta.url).resolve('@pcmt/data/build/basemap.json'),
      'utf8',
    );
    await createUser(handle.db, {
      username: 'quantri.vaitro',
      password: 'Kiem-tra-vai-tro-2026',
      role: 'admin',
      provinceSlug: null,
      agencyId: null,
    });
    const app = createApp({
      db: handle.db,
      engine: 'postgres',
      clock: () => new Date(),
      basemapJson,
      meta: {},
    });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quantri.vaitro', password: 'Kiem-tra-vai-tro-2026' }),
    });
    expect(login.status).toBe(200);
    const [rows] = await appSql<{ n: number }[]>`select count(*)::int as n from audit_log`;
    expect(rows!.n).toBeGreaterThan(0);
    const health = await app.request('/api/health');
    const journal = JSON.parse(
      readFileSync(new URL('../../server/drizzle/meta/_journal.json', import.meta.url), 'utf8'),
    );
    // The app role reads the migrations table the owner wrote.
    expect((await health.json()).database).toMatchObject({
      up: true,
      migrations: journal.entries.length,
    });
    expect(await auditGuard(handle.db)).toMatchObject({ level: 'role', role: appRole });
  });

  it('refuses the app role every way of changing the trail, the trigger included', async () => {
    expect(
      await refusal(appSql`insert into audit_log (at, action, outcome) values (now(), 'x', 'ok')`),
    ).toBe('ok');
    for (const statement of [
      `update audit_log set detail = 'tampered'`,
      `delete from audit_log`,
      `truncate audit_log`,
      `alter table audit_log disable trigger user`,
      `alter table audit_log disable trigger all`,
      `drop trigger audit_log_no_update on audit_log`,
      `set session_replication_role = replica`,
      `drop table audit_log`,
      `create or replace function audit_log_append_only() returns trigger language plpgsql as $$ begin return new; end $$`,
    ])
      expect(await refusal(appSql.unsafe(statement)), statement).toBe('42501');
    // The owner could switch the trigger off, which is why the app must not connect as the owner: the guard says so.
    const owner = await createDb(as(ownerRole));
    try {
      expect(await auditGuard(owner.db)).toMatchObject({ level: 'trigger', role: ownerRole });
    } finally {
      await owner.close();
    }
  });
});
