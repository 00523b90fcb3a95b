/**
 * Idempotent writes: the offline outbox sends each queued write with an Idempotency-Key and may send it again
 * when an answer was lost on a poor link. A repeat must never write twice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import { gateMeeting } from '../support/border.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

const event = gateMeeting;
const post = (key: string | null, body: object, path = '/api/events') =>
  api.call('POST', path, {
    as: 'border',
    body,
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });
const eventsOf = async (summary: string) =>
  (await api.get('/api/crossings/crossing-01', 'border')).body.events.filter(
    (e: any) => e.summary === summary,
  );

describe(`idempotent writes (${process.env.DB_ENGINE})`, () => {
  it('writes a repeated request once and answers the repeat as the first', async () => {
    const key = randomUUID();
    const first = await post(key, event('Giao ban lặp lại'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await post(key, event('Giao ban lặp lại'));
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await eventsOf('Giao ban lặp lại')).toHaveLength(1);
  });

  it('writes twice without a key, and once per key', async () => {
    await post(null, event('Không khoá'));
    await post(null, event('Không khoá'));
    expect(await eventsOf('Không khoá')).toHaveLength(2);
    await post(randomUUID(), event('Hai khoá'));
    await post(randomUUID(), event('Hai khoá'));
    expect(await eventsOf('Hai khoá')).toHaveLength(2);
  });

  it('refuses a key reused for another request, and a malformed key, writing nothing', async () => {
    const key = randomUUID();
    expect((await post(key, event('Bản đầu'))).status).toBe(201);
    const other = await post(key, event('Bản khác'));
    expect(other.status).toBe(422);
    expect(other.body.error.field).toBe('Idempotency-Key');
    expect(await eventsOf('Bản khác')).toHaveLength(0);
    const bad = await post('x y', event('Khoá hỏng'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('Idempotency-Key');
    expect(await eventsOf('Khoá hỏng')).toHaveLength(0);
  });

  it('keys per user: the same key from another user is that user’s own request', async () => {
    const key = randomUUID();
    expect((await post(key, event('Người thứ nhất'))).status).toBe(201);
    const second = await api.call('POST', '/api/hotspots', {
      as: 'commander',
      body: { kind: 'complex_point', identifiedOn: '2026-11-01', lng: 103.97, lat: 22.48 },
      headers: { 'Idempotency-Key': key },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.headers.get('Idempotent-Replayed')).toBeNull();
    expect(await eventsOf('Người thứ nhất')).toHaveLength(1);
  });

  it('answers a replayed stale edit with the same 412, and the current record stays', async () => {
    const list = await api.get('/api/hotspots?province=lao-cai&asOf=2026-11-22', 'commander');
    const h = list.body.features.find((f: any) => f.properties.status === 'active').properties;
    // Another session edited it first: the queued edit still carries the old version.
    const now = await api.call('PATCH', `/api/hotspots/${h.id}`, {
      as: 'commander',
      body: { version: h.version, note: 'Sửa từ phiên khác' },
    });
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    const key = randomUUID();
    const stale = () =>
      api.call('PATCH', `/api/hotspots/${h.id}`, {
        as: 'commander',
        body: { version: h.version, note: 'Sửa khi mất mạng' },
        headers: { 'Idempotency-Key': key },
      });
    const first = await stale();
    expect(first.status).toBe(412);
    expect(first.body.current.version).toBe(h.version + 1);
    const again = await stale();
    expect(again.status).toBe(412);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});
