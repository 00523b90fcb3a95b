/**
 * The dashboard's outbox (web/src/lib/outbox.ts) over IndexedDB (fake-indexeddb: the IndexedDB API in Node),
 * replayed against the real app and database: writes made offline are sent in order, once each even when an
 * answer is lost, and a stale edit comes back as a conflict the user settles.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox, queueable, type OutboxEntry } from '@pcmt/web/lib/outbox.ts';
import { pointNearBorder } from '../support/border.ts';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

/** Sends an entry as the browser would: the session cookie, the CSRF token, the entry's Idempotency-Key. */
const signedIn = new Map<string, ReturnType<TestApi['login']>>();
async function sender(user: string) {
  // One sign-in per user for the file: sign-ins from one client are slowed down after a few.
  if (!signedIn.has(user)) signedIn.set(user, api.login(user));
  const s = await signedIn.get(user)!;
  return (e: OutboxEntry) =>
    api.app.request(e.path, {
      method: e.method,
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        'content-type': 'application/json',
        'idempotency-key': e.key,
      },
      body: e.body,
    });
}
const event = (summary: string) =>
  JSON.stringify({
    kind: 'meeting',
    level: 'gate',
    occurredOn: '2026-11-20',
    crossingId: 'crossing-01',
    counterpart: 'Hà Khẩu',
    summary,
  });
/** The border officer's event put in the outbox, as the dashboard does offline. */
const queueEvent = (box: Outbox, body: string) =>
  box.add({ key: randomUUID(), username: 't.border', method: 'POST', path: '/api/events', body });
const logged = async (prefix: string) =>
  (await api.get('/api/crossings/crossing-01', 'border')).body.events
    .filter((e: any) => e.summary.startsWith(prefix))
    .map((e: any) => e.summary);

describe(`outbox replay (${process.env.DB_ENGINE})`, () => {
  it('queues only the writes that may wait', () => {
    expect(queueable('POST', '/api/events')).toBe(true);
    expect(queueable('PATCH', '/api/hotspots/hs-10-0001')).toBe(true);
    expect(queueable('POST', '/api/quotas/q-1/progress')).toBe(true);
    expect(queueable('POST', '/api/campaigns')).toBe(false);
    expect(queueable('POST', '/api/figures/import')).toBe(false);
    expect(queueable('GET', '/api/events')).toBe(false);
    expect(queueable('PATCH', '/api/border/alerts/alert-hs-1')).toBe(true);
    expect(queueable('PUT', '/api/border/rule')).toBe(false);
    expect(queueable('POST', '/api/crossings/crossing-01/seizures')).toBe(true);
    expect(queueable('PUT', '/api/plans/plan-1/criteria/3')).toBe(true);
    expect(queueable('PUT', '/api/plans/plan-1/criteria/9')).toBe(false);
    expect(queueable('POST', '/api/checks/1/evidence')).toBe(false);
    expect(queueable('POST', '/api/plans/plan-1/steps')).toBe(false);
  });

  it('sends a seizure recorded offline once, even when its answer was lost', async () => {
    const box = new Outbox(`outbox-${randomUUID()}`);
    const body = JSON.stringify({
      seizedOn: '2026-11-20',
      kind: 'ketamine',
      quantity: 123.4,
      unit: 'g',
      note: 'Ghi khi mất mạng',
    });
    await box.add({
      key: randomUUID(),
      username: 't.border',
      method: 'POST',
      path: '/api/crossings/crossing-01/seizures',
      body,
    });
    const send = await sender('t.border');
    // The answer is lost on the way back: the replay sends it again, the server writes it once.
    const lost = await box.replay('t.border', async (e) => {
      await send(e);
      throw new TypeError('connection reset');
    });
    expect(lost).toMatchObject({ sent: 0, stopped: 'offline' });
    expect(await box.replay('t.border', send)).toMatchObject({ sent: 1 });
    const seized = (await api.get('/api/crossings/crossing-01', 'border')).body.seizures.filter(
      (x: any) => x.note === 'Ghi khi mất mạng',
    );
    expect(seized).toHaveLength(1);
  });

  it('turns a criterion ticked offline against a newer check into a conflict', async () => {
    const plans = (await api.get('/api/plans', 'plannerLaoCai')).body;
    const plan = plans.find((p: any) => p.provinceSlug === 'lao-cai');
    const check = plan.criteria.find((c: any) => c.criterion === 5);
    const box = new Outbox(`outbox-${randomUUID()}`);
    await box.add({
      key: randomUUID(),
      username: 't.plannerlaocai',
      method: 'PUT',
      path: `/api/plans/${plan.id}/criteria/5`,
      body: JSON.stringify({ met: true, checkedOn: '2026-11-20', version: check.version }),
    });
    // Meanwhile someone else checks the same criterion.
    const other = await api.call('PUT', `/api/plans/${plan.id}/criteria/5`, {
      as: 'plannerLaoCai',
      body: { met: false, checkedOn: '2026-11-21', version: check.version },
    });
    expect(other.status).toBe(200);
    const result = await box.replay('t.plannerlaocai', await sender('t.plannerlaocai'));
    expect(result.conflicts).toBe(1);
    expect((await box.list('t.plannerlaocai'))[0]!.state).toBe('conflict');
  });

  it('waits while there is no link, then sends in order, once each, even when an answer is lost', async () => {
    const box = new Outbox(`outbox-${randomUUID()}`);
    for (const n of [1, 2, 3]) await queueEvent(box, event(`Ngoại tuyến ${n}`));
    // No link: nothing leaves, nothing is lost.
    const offline = await box.replay('t.border', () => Promise.reject(new TypeError('offline')));
    expect(offline).toMatchObject({ sent: 0, stopped: 'offline' });
    expect((await box.list('t.border')).map((e) => e.state)).toEqual([
      'waiting',
      'waiting',
      'waiting',
    ]);
    expect(await logged('Ngoại tuyến')).toEqual([]);

    // The link drops after the second reaches the server: its answer never comes back.
    const send = await sender('t.border');
    let calls = 0;
    const flaky = async (e: OutboxEntry) => {
      calls += 1;
      const res = await send(e);
      if (calls === 2) throw new TypeError('connection reset');
      return res;
    };
    const first = await box.replay('t.border', flaky);
    expect(first).toMatchObject({ sent: 1, stopped: 'offline' });
    const second = await box.replay('t.border', send);
    expect(second).toMatchObject({ sent: 2, stopped: null });
    const entries = await box.list('t.border');
    expect(entries.map((e) => e.state)).toEqual(['sent', 'sent', 'sent']);
    expect(entries[1]!.attempts).toBe(2);
    // Written once each, in the order they were made.
    expect((await logged('Ngoại tuyến')).sort()).toEqual([
      'Ngoại tuyến 1',
      'Ngoại tuyến 2',
      'Ngoại tuyến 3',
    ]);
    // Sending again writes nothing more.
    await box.replay('t.border', send);
    expect(await logged('Ngoại tuyến')).toHaveLength(3);
  });

  it('sends only the signed-in user’s entries, and keeps them when the session ended', async () => {
    const box = new Outbox(`outbox-${randomUUID()}`);
    await queueEvent(box, event('Của người khác'));
    const send = await sender('t.commander');
    expect(await box.replay('t.commander', send)).toMatchObject({ sent: 0 });
    const expired = await box.replay('t.border', (e) =>
      api.app.request(e.path, { method: e.method, body: e.body }),
    );
    expect(expired.stopped).toBe('signed_out');
    expect((await box.list('t.border'))[0]!.state).toBe('waiting');
  });

  it('keeps a refused write with the server’s reason, naming the field', async () => {
    const box = new Outbox(`outbox-${randomUUID()}`);
    await queueEvent(
      box,
      JSON.stringify({ ...JSON.parse(event('Sai ngày')), occurredOn: '2026-13-40' }),
    );
    const r = await box.replay('t.border', await sender('t.border'));
    expect(r.refused).toBe(1);
    const [e] = await box.list('t.border');
    expect(e!.state).toBe('refused');
    expect(e!.error).toMatchObject({ status: 400, field: 'occurredOn' });
    await box.dismiss(e!.id);
    expect((await box.list('t.border'))[0]!.state).toBe('discarded');
  });

  it('keeps going past a write the server refuses for its own reason (403, 409), showing the reason', async () => {
    const list = await api.get('/api/hotspots?province=lao-cai&asOf=2026-11-22', 'commander');
    const h = list.body.features[0].properties;
    const box = new Outbox(`outbox-${randomUUID()}`);
    await queueEvent(box, event('Trước điểm bị từ chối'));
    // Not this user's to eliminate: the server's word on this write (a 403 of role, as a 409 "already
    // eliminated" would be), not on the session.
    await box.add({
      key: randomUUID(),
      username: 't.border',
      method: 'POST',
      path: `/api/hotspots/${h.id}/eliminate`,
      body: JSON.stringify({ eliminatedOn: '2026-11-22', version: h.version }),
    });
    await queueEvent(box, event('Sau điểm bị từ chối'));
    const r = await box.replay('t.border', await sender('t.border'));
    expect(r).toMatchObject({ sent: 2, refused: 1, stopped: null });
    const states = (await box.list('t.border')).map((e) => [e.state, e.error?.status]);
    expect(states[0]).toEqual(['sent', undefined]);
    expect(states[1]![0]).toBe('refused');
    expect([403, 409]).toContain(states[1]![1]);
    expect(states[2]).toEqual(['sent', undefined]);
  });

  it('sends an alert acknowledged offline once, dated the day it reaches the server', async () => {
    // An open alert of the test officer's station: a hotspot recorded 1 km from its stretch.
    const sectors = (await api.get('/api/border/sectors?province=lao-cai')).body;
    const sector = sectors.features.find(
      (f: any) => f.properties.stationName === 'Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai',
    );
    const outline = (await api.get('/api/units?province=lao-cai&level=province')).body.features[0];
    const [lng, lat] = pointNearBorder(sector, (await api.get('/api/borders')).body, outline, 1000);
    const h = await api.call('POST', '/api/hotspots', {
      as: 'commander',
      body: { kind: 'retail_point', identifiedOn: '2026-11-22', lng, lat },
    });
    const alertId = h.body.borderAlertId as string;
    const box = new Outbox(`outbox-${randomUUID()}`);
    const body = JSON.stringify({ state: 'acknowledged', note: 'Đã nắm tình hình', version: 1 });
    await box.add({
      key: randomUUID(),
      username: 't.border',
      method: 'PATCH',
      path: `/api/border/alerts/${alertId}`,
      body,
    });
    const send = await sender('t.border');
    expect(await box.replay('t.border', send)).toMatchObject({ sent: 1, conflicts: 0 });
    // A lost answer replayed with the same key is not a second acknowledgement.
    const [sent] = await box.list('t.border');
    const again = await send(sent!);
    expect(again.status).toBe(200);
    const alert = (await api.get('/api/border/alerts?province=lao-cai', 'border')).body.find(
      (a: any) => a.id === alertId,
    );
    expect(alert).toMatchObject({
      acknowledgedOn: '2026-11-22',
      version: 2,
      note: 'Đã nắm tình hình',
    });
  });

  it('turns a stale edit into a conflict with the server’s record; "mine" sends it over the current one', async () => {
    const list = await api.get('/api/hotspots?province=lao-cai&asOf=2026-11-22', 'commander');
    const [a, b] = list.body.features
      .filter((f: any) => f.properties.status === 'active')
      .map((f: any) => f.properties);
    const box = new Outbox(`outbox-${randomUUID()}`);
    for (const h of [a, b])
      await box.add({
        key: randomUUID(),
        username: 't.commander',
        method: 'PATCH',
        path: `/api/hotspots/${h.id}`,
        body: JSON.stringify({ version: h.version, note: 'Sửa khi mất mạng' }),
      });
    // Meanwhile another session edited both.
    for (const h of [a, b])
      expect(
        (
          await api.call('PATCH', `/api/hotspots/${h.id}`, {
            as: 'commander',
            body: { version: h.version, note: 'Sửa ở phiên khác' },
          })
        ).status,
      ).toBe(200);
    const send = await sender('t.commander');
    const r = await box.replay('t.commander', send);
    expect(r).toMatchObject({ sent: 0, conflicts: 2 });
    const [ea, eb] = await box.list('t.commander');
    expect(ea!.state).toBe('conflict');
    expect(ea!.current?.version).toBe(a.version + 1);

    await box.resolve(ea!.id, 'mine', randomUUID());
    await box.resolve(eb!.id, 'theirs', randomUUID());
    const again = await box.replay('t.commander', send);
    expect(again).toMatchObject({ sent: 1, conflicts: 0 });
    const states = (await box.list('t.commander')).map((e) => e.state);
    expect(states).toEqual(['sent', 'discarded']);
    const after = await api.get('/api/hotspots?province=lao-cai&asOf=2026-11-22', 'commander');
    const version = (id: string) =>
      after.body.features.find((f: any) => f.properties.id === id).properties.version;
    expect(version(a.id)).toBe(a.version + 2);
    expect(version(b.id)).toBe(b.version + 1);
  });
});

/**
 * The page's sender (web/src/lib/connectivity.ts `sendOutbox`) against the real app: after an offline reload the
 * page holds no CSRF token (the kept "who am I" has none), so it asks the server for one before it sends anything,
 * and sends nothing while it has none: no entry is refused for a missing token.
 */
describe(`the page's outbox sender and the session's token (${process.env.DB_ENGINE})`, () => {
  it('asks for the token first, then sends each waiting write once, with it', async () => {
    const { outbox, sendOutbox, setSession } = await import('@pcmt/web/lib/connectivity.ts');
    const s = await api.login('t.border');
    const seen: { path: string; token: string | null; status: number }[] = [];
    const realFetch = globalThis.fetch;
    // The page's fetch, with the session's cookie the browser would add, to the real app.
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', s.cookie);
      const res = await api.app.request(String(input), { ...init, headers });
      seen.push({ path: String(input), token: headers.get('x-csrf-token'), status: res.status });
      return res;
    }) as typeof fetch;
    try {
      await queueEvent(outbox(), event('Gửi sau khi tải lại ngoại tuyến'));
      let token = '';
      let renewals = 0;
      // No token, and the server cannot be reached for one: nothing is sent, the entry waits untouched.
      setSession(
        't.border',
        () => token,
        async () => (renewals++, 'unreachable'),
      );
      expect(await sendOutbox()).toBeNull();
      // The session ended meanwhile: said so (the user signs in again), nothing sent.
      setSession(
        't.border',
        () => token,
        async () => (renewals++, 'signed_out'),
      );
      expect(await sendOutbox()).toMatchObject({ sent: 0, stopped: 'signed_out' });
      expect(seen).toEqual([]);
      const [waiting] = await outbox().list('t.border');
      expect(waiting).toMatchObject({ state: 'waiting', attempts: 0 });
      // The link is back: "who am I" gives the token, then the write goes, once, with it.
      setSession(
        't.border',
        () => token,
        async () => {
          renewals++;
          const me = await globalThis.fetch('/api/auth/me');
          token = ((await me.json()) as { csrfToken: string }).csrfToken;
          return 'renewed';
        },
      );
      expect(await sendOutbox()).toMatchObject({ sent: 1, refused: 0, stopped: null });
      expect(await logged('Gửi sau khi tải lại')).toHaveLength(1);
      const writes = seen.filter((x) => x.path === '/api/events');
      expect(writes).toEqual([{ path: '/api/events', token: s.csrf, status: 201 }]);
      expect(renewals).toBe(3);
      const [sent] = await outbox().list('t.border');
      expect(sent).toMatchObject({ state: 'sent', attempts: 1 });
    } finally {
      globalThis.fetch = realFetch;
      setSession(null, () => '');
    }
  });
});
