import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@pcmt/server/db/schema';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

/** mulberry32: the random writes are the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let x = Math.imul(seed ^ (seed >>> 15), seed | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe(`audit trail (${process.env.DB_ENGINE})`, () => {
  it('records exactly one row per write: 1,000 random writes, 1,000 matching rows', async () => {
    const next = rng(42);
    const communes = (
      await api.get('/api/units?province=lao-cai&asOf=2024-10-31')
    ).body.features.map((f: any) => f.id as string);
    const quotas = (await api.get('/api/campaigns/lc-2024-peak')).body.quotas.map(
      (q: any) => q.id as string,
    );
    await api.get('/api/health', 'commander');
    await api.get('/api/health', 'border');
    const before = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = next();
      const res =
        r < 0.4
          ? await api.call(
              'POST',
              `/api/quotas/${quotas[Math.floor(next() * quotas.length)]}/progress`,
              {
                as: 'commander',
                body: { recordedOn: '2024-10-10', value: 1 + Math.floor(next() * 5) },
              },
            )
          : r < 0.75
            ? await api.call('POST', '/api/assessments', {
                as: 'commander',
                body: {
                  unitId: communes[Math.floor(next() * communes.length)],
                  assessedOn: '2024-11-20',
                  tier: 'has_activity',
                },
              })
            : await api.call('POST', '/api/events', {
                as: 'border',
                body: {
                  kind: 'information_exchange',
                  occurredOn: '2024-11-02',
                  crossingId: 'crossing-01',
                  counterpart: 'Hà Khẩu',
                  summary: `Trao đổi ${i}`,
                },
              });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.id} > ${before}`);
    expect(rows).toHaveLength(1000);
    expect(rows.map((r) => r.objectId).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.outcome === 'ok' && r.username && r.role && r.changes)).toBe(true);
  });

  it('refuses to change, delete or truncate an audit row', async () => {
    const [row] = await t.db.select().from(auditLog).limit(1);
    await expect(
      t.db
        .update(auditLog)
        .set({ outcome: 'ok', detail: 'tampered' })
        .where(eq(auditLog.id, row!.id)),
    ).rejects.toThrow();
    await expect(t.db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [again] = await t.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(again).toEqual(row);
  });

  it('records logins, failed logins and logouts with the outcome', async () => {
    const bad = await api.login('t.commander', 'wrong-password-1');
    expect(bad.status).toBe(401);
    const good = await api.login('t.commander');
    await api.raw('POST', '/api/auth/logout', {
      cookie: good.cookie,
      headers: { 'x-csrf-token': good.csrf },
      body: {},
    });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.username, 't.commander'));
    const actions = rows.map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toContain('login_failed:failed');
    expect(actions).toContain('login:ok');
    expect(actions).toContain('logout:ok');
  });

  it('lets an admin page, filter and export the trail', async () => {
    const page = await api.get('/api/audit?page=1&pageSize=10&action=event.create', 'admin');
    expect(page.status).toBe(200);
    expect(page.body.rows).toHaveLength(10);
    expect(page.body.total).toBeGreaterThan(100);
    expect(page.body.rows.every((r: any) => r.action === 'event.create')).toBe(true);
    const csv = await api.get('/api/audit/export?action=login', 'admin');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).split('\r\n')[0]).toContain('at_utc');
  });
});
