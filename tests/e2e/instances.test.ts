/**
 * Several servers on one PostgreSQL behave as one (README "Several servers behind a load balancer"): started
 * together they migrate and seed once; a session opened on one is good on the other; a write through one is read
 * through the other, even when the other kept its answer before; a sign-out, an idempotency key and a rate limit
 * hold on both.
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, withDatabase } from '../support/pg-url.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';
import { gateMeeting } from '../support/border.ts';

const name = `pcmt_two_${process.pid}_${Date.now()}`;
const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
let a: RunningServer;
let b: RunningServer;
let password: string;

beforeAll(async () => {
  await admin.unsafe(`create database ${name}`);
  const env = { DATABASE_URL: withDatabase(name) };
  // Started at the same moment on an empty database: both migrate and one seeds, in turn.
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
  const printed = demoUsers(a.output() + b.output());
  password = printed['bienphong.laocai']!;
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

async function signIn(server: RunningServer) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bienphong.laocai', password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('__Host-pcmt_session='));
  const body = res.status === 200 ? ((await res.json()) as { csrfToken: string }) : null;
  return { status: res.status, cookie: cookie ?? '', csrf: body?.csrfToken ?? '' };
}

const event = gateMeeting;

describe('two server processes on one PostgreSQL', () => {
  it('migrate and seed once when started together', async () => {
    const db = postgres(withDatabase(name), { max: 1, onnotice: () => {} });
    try {
      const [m] = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const [u] =
        await db`select count(*)::int as n from users where username = 'bienphong.laocai'`;
      const [c] = await db`select count(*)::int as n from campaigns`;
      const applied = (await import('node:fs'))
        .readdirSync(new URL('../../server/drizzle', import.meta.url))
        .filter((f) => f.endsWith('.sql')).length;
      expect(m!.n).toBe(applied);
      expect(u!.n).toBe(1);
      expect(c!.n).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
    // Exactly one of them loaded the demo and printed its accounts.
    const seeders = [a, b].filter((s) => s.output().includes('loading the demo data'));
    expect(seeders).toHaveLength(1);
    expect(password).toBeTruthy();
  });

  it('take a session opened on one for a write on the other, and read it back on the first', async () => {
    const s = await signIn(a);
    expect(s.status).toBe(200);
    // `a` keeps its answer for crossing-01 (the answer cache) before `b` writes.
    const readA = () =>
      fetch(`${a.url}/api/crossings/crossing-01`, { headers: { cookie: s.cookie } });
    await readA();
    expect((await readA()).headers.get('X-Answer-Cache')).toBe('hit');
    const summary = `Giao ban qua hai máy chủ ${randomUUID().slice(0, 8)}`;
    const written = await fetch(`${b.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify(event(summary)),
    });
    expect(written.status, await written.clone().text()).toBe(201);
    const read = await readA();
    expect([read.status, read.headers.get('X-Answer-Cache')]).toEqual([200, 'miss']);
    const { events } = (await read.json()) as { events: { summary: string }[] };
    expect(events.filter((e) => e.summary === summary)).toHaveLength(1);

    // The outbox's key sent to one and replayed to the other writes once.
    const key = randomUUID();
    const send = (server: RunningServer) =>
      fetch(`${server.url}/api/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'Idempotency-Key': key,
        },
        body: JSON.stringify(event(`${summary} (khoá)`)),
      });
    expect((await send(a)).status).toBe(201);
    const replay = await send(b);
    expect([replay.status, replay.headers.get('Idempotent-Replayed')]).toEqual([201, 'true']);
    const again = (await (
      await fetch(`${b.url}/api/crossings/crossing-01`, { headers: { cookie: s.cookie } })
    ).json()) as { events: { summary: string }[] };
    expect(again.events.filter((e) => e.summary === `${summary} (khoá)`)).toHaveLength(1);

    // Signed out on the second, the session is gone on the first too.
    const out = await fetch(`${b.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.status).toBeLessThan(300);
    const after = await fetch(`${a.url}/api/auth/me`, { headers: { cookie: s.cookie } });
    expect(after.status).toBe(401);
  });

  it('count sign-ins from one address on both servers against one limit', async () => {
    // The limit is 10 a minute per address; the test above signed in once on `a`.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(i % 2 ? a : b)).status);
    const first429 = statuses.indexOf(429);
    // Each server alone has seen at most 7 of the 13 sign-ins: only a shared count refuses any.
    expect(first429).toBeGreaterThanOrEqual(0);
    expect(1 + first429).toBe(10);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
  });
});
