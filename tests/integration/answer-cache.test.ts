/**
 * The answer cache (server/src/http/answer-cache.ts): reads kept under the data's version, compressed once, and
 * dropped by any write that commits, whoever makes it. Every other integration test runs with it on, so a read
 * after a write anywhere in the suite also checks that nothing stale is served.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCache } from '@pcmt/server/http/answer-cache';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, FIXED_NOW, type TestApi } from '../support/app.ts';
import { gateMeeting } from '../support/border.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

const rows = async (q: ReturnType<typeof sql>) => {
  const r = (await t.db.execute(q)) as unknown as { rows?: any[] } | any[];
  return Array.isArray(r) ? r : r.rows!;
};
const version = async () =>
  Number((await rows(sql`select sum(version) as v from data_version`))[0].v);
const asBorder = async (path: string, headers: Record<string, string> = {}) => {
  const s = await api.login('t.border');
  return (h: Record<string, string> = headers) =>
    api.raw('GET', path, { cookie: s.cookie, headers: h });
};
const crossingEvents = (a: { body: { events: { summary: string }[] } }, summary: string) =>
  a.body.events.filter((e) => e.summary === summary).length;

describe(`answer cache (${process.env.DB_ENGINE})`, () => {
  it('bumps the version from every data table, and from none of accounts, sessions or audit', async () => {
    const exempt = [
      'users',
      'trusted_devices',
      'sessions',
      'idempotency_keys',
      'rate_limits',
      'login_attempts',
      'audit_log',
      'data_version',
      'data_version_marks',
    ];
    const tables = (
      await rows(sql`select tablename from pg_tables where schemaname = 'public' order by 1`)
    ).map((r) => r.tablename as string);
    const triggered = new Set(
      (
        await rows(
          sql`select c.relname from pg_trigger g join pg_class c on c.oid = g.tgrelid where g.tgname = 'data_version_mark'`,
        )
      ).map((r) => r.relname as string),
    );
    expect(tables.length).toBeGreaterThan(20);
    // A data table a later migration adds without the trigger would serve stale answers: it is named here.
    expect(tables.filter((n) => !exempt.includes(n) && !triggered.has(n))).toEqual([]);
    expect(exempt.filter((n) => triggered.has(n))).toEqual([]);
  });

  it('answers the second identical read from memory: same bytes, br and gzip alike, 304 on its ETag', async () => {
    const get = await asBorder('/api/hotspots?province=lao-cai');
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Answer-Cache')).toBe('miss');
    const second = await get();
    expect(second.headers.get('X-Answer-Cache')).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect(second.headers.get('Cache-Control')).toBe('private, no-cache');
    expect(second.headers.get('Content-Type')).toMatch(/^application\/json/);

    const s = await api.login('t.border');
    const bytes = async (enc: string) => {
      const r = await api.app.request('/api/hotspots?province=lao-cai', {
        headers: { cookie: s.cookie, 'accept-encoding': enc },
      });
      return { enc: r.headers.get('Content-Encoding'), buf: Buffer.from(await r.arrayBuffer()) };
    };
    const br = await bytes('gzip, deflate, br');
    const gz = await bytes('gzip;q=1, br;q=0');
    const plain = await bytes('identity');
    expect([br.enc, gz.enc, plain.enc]).toEqual(['br', 'gzip', null]);
    expect(JSON.parse(brotliDecompressSync(br.buf).toString())).toEqual(first.body);
    expect(JSON.parse(gunzipSync(gz.buf).toString())).toEqual(first.body);
    expect(JSON.parse(plain.buf.toString())).toEqual(first.body);
    expect(br.buf.length).toBeLessThan(plain.buf.length / 3);

    const revalidated = await get({ 'If-None-Match': first.headers.get('ETag')! });
    expect([revalidated.status, revalidated.body]).toEqual([304, null]);
  });

  it('drops what it kept when a write commits through the API, once per transaction', async () => {
    const get = await asBorder('/api/crossings/crossing-01');
    const miss = await get();
    const hit = await get();
    expect(hit.headers.get('X-Answer-Cache')).toBe('hit');
    // The crossing's ETag is its record's version (an edit's If-Match): kept as the route set it, not revalidated.
    expect(miss.headers.get('ETag')).toMatch(/^"?\d+"?$/);
    expect([hit.headers.get('ETag'), hit.headers.get('Cache-Control')]).toEqual([
      miss.headers.get('ETag'),
      miss.headers.get('Cache-Control'),
    ]);
    const before = await version();
    const summary = 'Giao ban sau khi đã đọc';
    const written = await api.call('POST', '/api/events', {
      as: 'border',
      body: {
        ...gateMeeting(summary),
        followUps: [
          { text: 'Trao đổi thông tin vụ việc', dueOn: '2026-12-20' },
          { text: 'Tuần tra chung', dueOn: '2026-12-30' },
        ],
      },
    });
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    // An event, its follow-ups and its audit row: one transaction, one bump.
    expect(await version()).toBe(before + 1);
    const after = await get();
    expect(after.headers.get('X-Answer-Cache')).toBe('miss');
    expect(crossingEvents(after, summary)).toBe(1);
  });

  it('keeps its answers through a refused write: nothing committed, nothing bumped', async () => {
    const get = await asBorder('/api/crossings/crossing-01');
    await get();
    const before = await version();
    const refused = await api.call('POST', '/api/events', {
      as: 'border',
      body: { kind: 'meeting', level: 'gate', occurredOn: '2099-01-01', crossingId: 'crossing-01' },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await version()).toBe(before);
    expect((await get()).headers.get('X-Answer-Cache')).toBe('hit');
  });

  it('bumps nothing for a transaction rolled back after it wrote, once for one that commits many rows', async () => {
    const before = await version();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`update hotspots set note = note || '' where unit_id is not null`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version()).toBe(before);
    expect(Number((await rows(sql`select count(*) as n from data_version_marks`))[0].n)).toBe(0);
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`update hotspots set note = note || ''`);
      await tx.execute(sql`update border_crossings set hours_note = hours_note || ''`);
    });
    expect(await version()).toBe(before + 1);
    // The mark is removed by its own commit: nothing piles up.
    expect(Number((await rows(sql`select count(*) as n from data_version_marks`))[0].n)).toBe(0);
  });

  it('sees a write made beside it, in SQL, as another server or a command would make it', async () => {
    const get = await asBorder('/api/crossings/crossing-01');
    const kept = await get();
    expect((await get()).headers.get('X-Answer-Cache')).toBe('hit');
    const note = 'Giờ mở cửa đổi ngoài máy chủ';
    expect(JSON.stringify(kept.body)).not.toContain(note);
    await t.db.execute(
      sql`update border_crossings set hours_note = ${note} where id = 'crossing-01'`,
    );
    const after = await get();
    expect(after.headers.get('X-Answer-Cache')).toBe('miss');
    expect(JSON.stringify(after.body)).toContain(note);
  });

  it('keeps each user, and each day, apart; never keeps sign-in or the audit trail', async () => {
    const path = '/api/crossings?province=lao-cai';
    const border = await asBorder(path);
    await border();
    expect((await border()).headers.get('X-Answer-Cache')).toBe('hit');
    const national = await api.get(path, 'national');
    expect(national.status, JSON.stringify(national.body).slice(0, 300)).toBe(200);
    expect(national.headers.get('X-Answer-Cache')).toBe('miss');
    api.setNow(new Date(FIXED_NOW.getTime() + 24 * 3600_000));
    try {
      // A new session (the old one is idle past its limit): the user is the same, the day is not.
      const nextDay = await asBorder(path);
      expect((await nextDay()).headers.get('X-Answer-Cache')).toBe('miss');
      expect((await nextDay()).headers.get('X-Answer-Cache')).toBe('hit');
    } finally {
      api.setNow(FIXED_NOW);
    }
    const me = await api.get('/api/auth/me', 'national');
    expect(me.status).toBe(200);
    expect(me.headers.get('X-Answer-Cache')).toBeNull();
    const audit = await api.get('/api/audit', 'admin');
    expect(audit.headers.get('X-Answer-Cache')).toBeNull();
  });
});

describe('AnswerCache', () => {
  const entry = (bytes: number) => ({
    headers: [],
    plain: Buffer.alloc(bytes),
    gzip: null,
    br: null,
    etag: 'W/"x"',
    revalidate: true,
    bytes,
  });
  it('holds at most its bytes, dropping the least recently read first; never keeps an entry over a quarter', () => {
    const c = new AnswerCache(900);
    c.set('a', entry(200));
    c.set('b', entry(200));
    c.set('c', entry(200));
    c.get('a');
    c.set('d', entry(200));
    c.set('e', entry(200));
    expect(c.size).toEqual({ entries: 4, bytes: 800 });
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    c.set('big', entry(251));
    expect(c.get('big')).toBeUndefined();
    c.set('a', entry(100));
    expect(c.size).toEqual({ entries: 4, bytes: 700 });
  });

  it('holds at most 20,000 entries however small', () => {
    const c = new AnswerCache(1e9);
    for (let i = 0; i <= 20_000; i++) c.set(`k${i}`, entry(1));
    expect(c.size.entries).toBe(20_000);
    expect(c.get('k0')).toBeUndefined();
    expect(c.get('k20000')).toBeDefined();
  });
});
