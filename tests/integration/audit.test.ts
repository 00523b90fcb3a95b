import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@pcmt/server/db/schema';
import { audit } from '@pcmt/server/services/audit';
import { archiveAudit } from '@pcmt/server/services/audit-archive';
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

  it('exports with a checksum: Content-Digest on the CSV, and a zip with the SHA-256 and a manifest', async () => {
    const s = await api.login('t.admin');
    const plain = await api.app.request('/api/audit/export?action=login', {
      headers: { cookie: s.cookie },
    });
    const digest = createHash('sha256')
      .update(new Uint8Array(await plain.arrayBuffer()))
      .digest('base64');
    expect(plain.headers.get('content-digest')).toBe(`sha-256=:${digest}:`);

    const res = await api.app.request('/api/audit/export?action=login&format=zip', {
      headers: { cookie: s.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const name = 'nhat-ky-he-thong.csv';
    expect(Object.keys(files).sort()).toEqual(['manifest.json', name, `${name}.sha256`]);
    const hex = createHash('sha256').update(files[name]!).digest('hex');
    expect(strFromU8(files[`${name}.sha256`]!)).toBe(`${hex}  ${name}\n`);
    expect(res.headers.get('x-content-sha256')).toBe(hex);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    const lines = strFromU8(files[name]!).trim().split('\r\n');
    expect(manifest).toMatchObject({ sha256: hex, rows: lines.length - 1, file: name });
    expect(manifest.filters).toMatchObject({ action: 'login' });
  });

  it('keeps rows at least a year: younger ones cannot be deleted, older ones are archived to a checked file', async () => {
    const now = new Date();
    const day = 86_400_000;
    const old = [800, 500].map((d) => new Date(now.getTime() - d * day));
    const young = new Date(now.getTime() - 300 * day);
    for (const at of [...old, young])
      await audit(t.db, at, {
        actor: null,
        username: 'ret.test',
        action: 'retention',
        outcome: 'ok',
      });
    // The database itself refuses to delete a row younger than a year, whoever asks.
    await expect(
      t.db.delete(auditLog).where(and(eq(auditLog.username, 'ret.test'), eq(auditLog.at, young))),
    ).rejects.toThrow();
    await expect(archiveAudit(t.db, now, 365, tmpdir())).rejects.toMatchObject({
      status: 422,
      field: 'olderThanDays',
    });
    const total = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
    const before = await total();
    const dir = mkdtempSync(join(tmpdir(), 'pcmt-archive-'));
    const r = await archiveAudit(t.db, now, 400, dir);
    expect(r.rows).toBeGreaterThanOrEqual(2);
    const left = await t.db.select().from(auditLog).where(eq(auditLog.username, 'ret.test'));
    expect(left.map((x) => x.at.getTime())).toEqual([young.getTime()]);
    // Rows archived leave, and one row says so.
    expect(await total()).toBe(before - r.rows + 1);
    const bytes = readFileSync(r.file!);
    const hex = createHash('sha256').update(bytes).digest('hex');
    expect(hex).toBe(r.sha256);
    expect(readFileSync(`${r.file}.sha256`, 'utf8')).toBe(`${hex}  ${basename(r.file!)}\n`);
    const archived = bytes.toString('utf8').trim().split('\r\n');
    expect(archived.filter((l) => l.includes('ret.test'))).toHaveLength(2);
    const manifest = JSON.parse(readFileSync(`${r.file}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ rows: r.rows, sha256: hex });
    const [note] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit.archive'));
    expect(note!.detail).toContain(hex);
  });
});
