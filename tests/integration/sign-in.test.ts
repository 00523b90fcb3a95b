/**
 * The sign-in policy (shared/src/policy.ts SIGN_IN): growing waits per client, a temporary lock that doubles, and
 * trusted browsers the lock does not stop, so an outsider cannot lock an administrator out.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, trustedDevices, users } from '@pcmt/server/db/schema';
import { createApp } from '@pcmt/server/app';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { FIXED_NOW, PASSWORD, testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

/** The clock `seconds` after a base instant; each test takes its own hour so windows never overlap. */
const clock = (hour: number) => (seconds: number) =>
  api.setNow(new Date(FIXED_NOW.getTime() + hour * 3600_000 + seconds * 1000));
const wrong = (i: number) => `sai-mat-khau-${i}`;
const actions = async (username: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.username, username))).map((r) => r.action);

describe(`sign-in policy (${process.env.DB_ENGINE})`, () => {
  it('makes one client wait 1 s, 2 s, 4 s … after its 3rd failure on a username; another client is not held', async () => {
    const go = clock(1);
    go(0);
    for (let i = 0; i < 3; i++)
      expect((await api.login('t.planner', wrong(i), { ip: '10.0.0.1' })).status).toBe(401);
    const held = await api.login('t.planner', PASSWORD, { ip: '10.0.0.1' });
    expect([held.status, held.body.error.code]).toEqual([429, 'sign_in_throttled']);
    expect(held.headers.get('retry-after')).toBe('1');
    // Another computer signs in meanwhile.
    expect((await api.login('t.planner', PASSWORD, { ip: '10.0.0.2' })).status).toBe(200);
    go(1);
    expect((await api.login('t.planner', wrong(3), { ip: '10.0.0.1' })).status).toBe(401);
    go(2);
    const again = await api.login('t.planner', PASSWORD, { ip: '10.0.0.1' });
    expect([again.status, again.headers.get('retry-after')]).toEqual([429, '1']);
    go(3);
    expect((await api.login('t.planner', PASSWORD, { ip: '10.0.0.1' })).status).toBe(200);
    expect(await actions('t.planner')).toContain('login_throttled');
  });

  it('holds one client trying many usernames after its 10th failure', async () => {
    const go = clock(2);
    const names = Array.from({ length: 10 }, (_, i) => `khong.co.${i}`);
    for (const [i, name] of names.entries()) {
      go(i * 7);
      expect((await api.login(name, wrong(i), { ip: '10.0.1.1' })).status).toBe(401);
    }
    go(63.5);
    const held = await api.login('t.commander', PASSWORD, { ip: '10.0.1.1' });
    expect([held.status, held.body.error.code]).toEqual([429, 'sign_in_throttled']);
    expect((await api.login('t.commander', PASSWORD, { ip: '10.0.1.2' })).status).toBe(200);
  });

  it('locks an account for 15 minutes after 5 failures from clients it never used, then 30, and an admin unlocks it at once', async () => {
    const go = clock(3);
    const failFrom = async (base: number, n: number) => {
      for (let i = 0; i < n; i++) {
        go(base + i);
        expect((await api.login('t.border2', wrong(i), { ip: `10.0.2.${i + 1}` })).status).toBe(
          401,
        );
      }
    };
    await failFrom(0, 5);
    go(10);
    const locked = await api.login('t.border2', PASSWORD, { ip: '10.0.2.99' });
    expect([locked.status, locked.body.error.code]).toEqual([401, 'account_locked']);
    const [row] = await t.db.select().from(users).where(eq(users.username, 't.border2'));
    expect(row!.lockedUntil!.getTime() - row!.lockedAt!.getTime()).toBe(15 * 60_000);
    go(15 * 60 + 5);
    expect((await api.login('t.border2', PASSWORD, { ip: '10.0.2.99' })).status).toBe(200);

    // A second lock within a day lasts twice as long.
    await failFrom(3600, 5);
    const [second] = await t.db.select().from(users).where(eq(users.username, 't.border2'));
    expect(second!.lockStreak).toBe(2);
    expect(second!.lockedUntil!.getTime() - second!.lockedAt!.getTime()).toBe(30 * 60_000);
    go(3600 + 20 * 60);
    expect((await api.login('t.border2', PASSWORD, { ip: '10.0.2.99' })).body.error.code).toBe(
      'account_locked',
    );

    const user = (await api.get('/api/users')).body.find((u: any) => u.username === 't.border2');
    expect(user.lockedUntil).toBe(second!.lockedUntil!.toISOString());
    const unlock = await api.call('PATCH', `/api/users/${user.id}`, {
      body: { unlock: true, version: user.version },
    });
    expect(unlock.status).toBe(200);
    expect(unlock.body.lockedUntil).toBeNull();
    expect((await api.login('t.border2', PASSWORD, { ip: '10.0.2.99' })).status).toBe(200);
    expect(await actions('t.border2')).toEqual(expect.arrayContaining(['lock', 'login_failed']));
  });

  it('lets the administrator in from a browser used before while outsiders hold the account locked', async () => {
    const go = clock(5);
    go(0);
    const own = await api.login('t.admin', PASSWORD, { ip: '10.0.3.1' });
    expect(own.status).toBe(200);
    expect(own.headers.getSetCookie().join('\n')).toMatch(
      /__Host-pcmt_device=[A-Za-z0-9_-]{43}; Max-Age=7776000; Path=\/; HttpOnly; Secure; SameSite=Strict/,
    );
    // Outsiders from twenty addresses try, round after round, each lock twice as long as the last.
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 5; i++) {
        go(60 + round * 3 * 3600 + i);
        expect(
          (await api.login('t.admin', wrong(i), { ip: `10.9.${round}.${i + 1}` })).status,
        ).toBe(401);
      }
      // The outsiders do not end the administrator's session either.
      if (round === 0)
        expect((await api.raw('GET', '/api/auth/me', { cookie: own.cookie })).status).toBe(200);
    }
    const [locked] = await t.db.select().from(users).where(eq(users.username, 't.admin'));
    expect(locked!.lockStreak).toBe(4);
    expect(locked!.lockedUntil!.getTime() - locked!.lockedAt!.getTime()).toBe(2 * 3600_000);
    // From another computer the account is locked; from the administrator's own browser it is not.
    expect((await api.login('t.admin', PASSWORD, { ip: '10.0.3.7' })).body.error.code).toBe(
      'account_locked',
    );
    const back = await api.login('t.admin', PASSWORD, { ip: '10.0.3.1', device: own.device });
    expect(back.status).toBe(200);
    // A device cookie of another user does not count.
    const other = await api.login('t.commander', PASSWORD, { ip: '10.0.3.8' });
    const borrowed = await api.login('t.admin', PASSWORD, { ip: '10.0.3.8', device: other.device });
    expect(borrowed.body.error.code).toBe('account_locked');
  });

  it('ends a browser’s trust after 5 failures from it, so the lock then applies to it', async () => {
    const go = clock(9);
    go(0);
    const own = await api.login('t.plannerlaocai', PASSWORD, { ip: '10.0.4.1' });
    for (let i = 0; i < 5; i++) {
      go(10 + i * 20);
      await api.login('t.plannerlaocai', wrong(i), { ip: '10.0.4.1', device: own.device });
    }
    const [row] = await t.db.select().from(users).where(eq(users.username, 't.plannerlaocai'));
    const devices = await t.db
      .select()
      .from(trustedDevices)
      .where(and(eq(trustedDevices.userId, row!.id)));
    expect(devices).toHaveLength(0);
    expect(row!.lockedUntil).toBeNull();
    expect(await actions('t.plannerlaocai')).toContain('device_trust_revoked');
  });

  it('holds a client on an unknown username as on a known one', async () => {
    const go = clock(11);
    for (let i = 0; i < 3; i++) {
      go(i);
      expect((await api.login('khong.ton.tai', wrong(i), { ip: '10.0.5.1' })).status).toBe(401);
    }
    go(2.5);
    const held = await api.login('khong.ton.tai', PASSWORD, { ip: '10.0.5.1' });
    expect(held.body.error.code).toBe('sign_in_throttled');
  });

  it('behind a trusted proxy (TRUST_PROXY=on) tells clients apart by the last X-Forwarded-For address', async () => {
    const now = new Date(FIXED_NOW.getTime() + 13 * 3600_000);
    const app = createApp({
      db: t.db,
      engine: t.engine,
      clock: () => now,
      basemapJson: '{}',
      meta: {},
      trustProxy: true,
    });
    const tryAs = (forwarded: string, password: string) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
        body: JSON.stringify({ username: 't.commandersonla', password }),
      });
    // The first addresses are the client's own word; the proxy appended the last one.
    for (let i = 0; i < 3; i++)
      expect((await tryAs(`1.1.1.${i}, 10.0.6.1`, wrong(i))).status).toBe(401);
    expect((await tryAs('1.1.1.9, 10.0.6.1', PASSWORD)).status).toBe(429);
    expect((await tryAs('10.0.6.2', PASSWORD)).status).toBe(200);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'login_throttled'));
    expect(rows.map((r) => r.clientIp)).toContain('10.0.6.1');
  });

  it('does the same password work for an unknown username as for a known one (median times within 2×)', async () => {
    const go = clock(15);
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 12; i++) {
      go(i * 240); // four minutes apart: never 5 failures in 15 minutes, so no lock
      for (const [kind, username] of [
        ['known', 't.commander'],
        ['unknown', 'khong.co.ai'],
      ] as const) {
        const started = performance.now();
        const r = await api.login(username, wrong(i), { ip: `10.0.7.${i}` });
        times[kind].push(performance.now() - started);
        expect(r.body.error.code).toBe('invalid_credentials');
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    // Without the decoy hash an unknown name answered about 10× faster (4 ms against 40 ms).
    const ratio = median(times.unknown) / median(times.known);
    expect(ratio, JSON.stringify(times)).toBeGreaterThan(0.5);
    expect(ratio, JSON.stringify(times)).toBeLessThan(2);
  });

  it('lets no burst of parallel tries past the lock: five password checks, then locked', async () => {
    const go = clock(17);
    go(0);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.login('t.bordersonla', wrong(i), { ip: `10.0.8.${i + 1}` }),
      ),
    );
    const failed = (await actions('t.bordersonla')).filter((a) => a === 'login_failed');
    expect(failed).toHaveLength(5);
    expect(answers.filter((a) => a.body.error?.code === 'account_locked').length).toBe(7);
  });

  it('does not let one valid account reset a client’s count of failures on many usernames', async () => {
    const go = clock(19);
    for (let i = 0; i < 9; i++) {
      go(i * 7);
      expect((await api.login(`khac.${i}`, wrong(i), { ip: '10.0.9.1' })).status).toBe(401);
    }
    go(63);
    expect((await api.login('t.commandersonla', PASSWORD, { ip: '10.0.9.1' })).status).toBe(200);
    go(64);
    expect((await api.login('khac.9', wrong(9), { ip: '10.0.9.1' })).status).toBe(401);
    go(64.5);
    const held = await api.login('khac.10', wrong(10), { ip: '10.0.9.1' });
    expect(held.body.error.code).toBe('sign_in_throttled');
  });
});
