/**
 * The coordination registry: events with their level, both sides' units, outcome and follow-ups (each with its
 * deadline), a joint patrol's track, PDF minutes, the paged history, and the refusals of bad input, by field.
 */
import { count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  coordinationEvents,
  eventAttachments,
  eventFollowUps,
} from '@pcmt/server/db/schema';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

/** Chiềng Khương, the gate of the Sơn La test officer's station. */
const GATE = 'crossing-07';
const meeting = (extra: object = {}) => ({
  kind: 'meeting',
  level: 'three_province',
  occurredOn: '2023-06-15',
  crossingId: GATE,
  counterpart: 'Tỉnh Hủa Phăn, tỉnh Luông Pha Băng',
  counterpartUnits: ['Công an tỉnh Hủa Phăn', 'Công an tỉnh Luông Pha Băng'],
  summary: 'Giao ban luân phiên 3 tỉnh lần thứ 12',
  outcome: 'Ký biên bản phối hợp 6 tháng cuối năm',
  followUps: [
    { text: 'Trao đổi danh sách đường dây', dueOn: '2023-07-15' },
    { text: 'Tổ chức lớp tập huấn tại Sơn La', dueOn: '2023-10-31' },
  ],
  ...extra,
});
const post = (body: object, as: 'borderSonLa' | 'border' = 'borderSonLa') =>
  api.call('POST', '/api/events', { as, body });
const pdf = (size = 200) => {
  const head = new TextEncoder().encode('%PDF-1.7\n');
  const bytes = new Uint8Array(size);
  bytes.set(head);
  return bytes;
};
const upload = (eventId: string, body: Uint8Array, type = 'application/pdf') =>
  api.call('POST', `/api/events/${eventId}/attachments`, {
    as: 'borderSonLa',
    body,
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent('Biên bản giao ban.pdf') },
  });

describe(`coordination registry (${process.env.DB_ENGINE})`, () => {
  it('logs a three-province meeting with both sides, its outcome and two follow-ups with deadlines', async () => {
    const r = await post(meeting());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'meeting',
      level: 'three_province',
      provinceSlug: 'son-la',
      counterpartUnits: ['Công an tỉnh Hủa Phăn', 'Công an tỉnh Luông Pha Băng'],
      outcome: 'Ký biên bản phối hợp 6 tháng cuối năm',
      warnings: [],
    });
    expect(r.body.agencyIds).toHaveLength(1);
    // The event and each follow-up have their audit row.
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(like(auditLog.objectId, `${r.body.id}%`));
    expect(rows.map((a) => a.action).sort()).toEqual([
      'event.create',
      'follow_up.create',
      'follow_up.create',
    ]);
    expect(r.body.followUps.map((f: any) => [f.ordinal, f.dueOn, f.doneOn])).toEqual([
      [1, '2023-07-15', null],
      [2, '2023-10-31', null],
    ]);
    const page = (
      await api.get('/api/coordination?province=son-la&level=three_province', 'borderSonLa')
    ).body;
    expect(page.items.map((e: any) => e.id)).toContain(r.body.id);
    expect(page.items.every((e: any) => e.level === 'three_province')).toBe(true);
  });

  it.each([
    ['a date after today', { occurredOn: '2026-11-23' }, 'occurredOn'],
    ['a meeting without its level', { level: null }, 'level'],
    ['a level on another kind', { kind: 'information_exchange' }, 'level'],
    ['a quantity on a meeting', { quantity: 3 }, 'quantity'],
    [
      'a fraction of a person verified',
      { kind: 'fugitive_verification', level: null, quantity: 1.5 },
      'quantity',
    ],
    [
      'a follow-up due before the event',
      {
        followUps: [
          { text: 'a', dueOn: '2023-07-01' },
          { text: 'b', dueOn: '2023-06-14' },
        ],
      },
      'followUps.1.dueOn',
    ],
    [
      'a track on a meeting',
      {
        track: {
          type: 'LineString',
          coordinates: [
            [103.7, 20.9],
            [103.71, 20.91],
          ],
        },
      },
      'track',
    ],
  ])('refuses %s with a 422 naming the field, and writes nothing', async (_w, extra, field) => {
    const [before] = await t.db.select({ n: count() }).from(coordinationEvents);
    const r = await post(meeting(extra));
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.error.field).toBe(field);
    const [after] = await t.db.select({ n: count() }).from(coordinationEvents);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses a malformed follow-up date or track at the contract, naming it', async () => {
    const bad = await post(meeting({ followUps: [{ text: 'x', dueOn: '31/07/2023' }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('followUps.0.dueOn');
    const short = await post(
      meeting({
        kind: 'joint_patrol',
        level: null,
        track: { type: 'LineString', coordinates: [[103, 21]] },
      }),
    );
    expect(short.status).toBe(400);
    expect(short.body.error.field).toMatch(/^track/);
  });

  it('keeps a joint patrol’s track, warning when it leaves the province’s stretch of border', async () => {
    const gate = (await api.get(`/api/crossings/${GATE}`, 'borderSonLa')).body;
    const along = {
      type: 'LineString',
      coordinates: [
        [gate.lng, gate.lat],
        [gate.lng + 0.01, gate.lat + 0.005],
        [gate.lng + 0.02, gate.lat + 0.01],
      ],
    };
    const near = await post({
      ...meeting(),
      kind: 'joint_patrol',
      level: null,
      followUps: [],
      track: along,
    });
    expect(near.status, JSON.stringify(near.body)).toBe(201);
    expect(near.body.track).toEqual(along);
    expect(near.body.warnings).toEqual([]);
    const inland = {
      type: 'LineString',
      coordinates: [
        [gate.lng, gate.lat],
        [104.0, 21.3],
      ],
    };
    const far = await post({
      ...meeting(),
      kind: 'joint_patrol',
      level: null,
      followUps: [],
      track: inland,
    });
    expect(far.status).toBe(201);
    expect(far.body.warnings).toHaveLength(1);
    expect(far.body.warnings[0]).toMatch(/^track: \d+\.\d km from the province's border stretch/);
  });

  it('refuses an event at another unit’s crossing, and one in another province as not found', async () => {
    expect((await post(meeting({ crossingId: 'crossing-08' }))).status).toBe(403);
    expect((await post(meeting(), 'border')).status).toBe(404);
  });

  it('marks a follow-up done, refusing a day before the event or after today, version-checked', async () => {
    const e = (await post(meeting())).body;
    const f = e.followUps[0];
    const patch = (body: object) =>
      api.call('PATCH', `/api/follow-ups/${f.id}`, { as: 'borderSonLa', body });
    expect((await patch({ doneOn: '2023-06-01', version: 1 })).body.error.field).toBe('doneOn');
    expect((await patch({ doneOn: '2026-12-01', version: 1 })).body.error.field).toBe('doneOn');
    const done = await patch({ doneOn: '2023-07-10', version: 1 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ doneOn: '2023-07-10', version: 2 });
    expect((await patch({ doneOn: null, version: 1 })).status).toBe(412);
    const other = await api.call('PATCH', `/api/follow-ups/${f.id}`, {
      as: 'border',
      body: { doneOn: '2023-07-10', version: 2 },
    });
    expect(other.status).toBe(404);
  });

  it('adds follow-ups to an event later, after the ones it has', async () => {
    const e = (await post(meeting())).body;
    const r = await api.call('PATCH', `/api/events/${e.id}`, {
      as: 'borderSonLa',
      body: {
        addFollowUps: [{ text: 'Báo cáo kết quả', dueOn: '2023-12-15' }],
        version: e.version,
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.followUps.map((f: any) => f.ordinal)).toEqual([1, 2, 3]);
    // Fields not sent stay as they were.
    expect(r.body).toMatchObject({
      level: 'three_province',
      outcome: e.outcome,
      counterpartUnits: e.counterpartUnits,
    });
    const late = await api.call('PATCH', `/api/events/${e.id}`, {
      as: 'borderSonLa',
      body: { occurredOn: '2023-08-01', version: r.body.version },
    });
    expect(late.status).toBe(422);
    expect(late.body.error.field).toBe('occurredOn');
  });

  it('keeps a PDF minute with its name, size and SHA-256, and gives the same bytes back', async () => {
    const e = (await post(meeting())).body;
    const bytes = pdf(4096);
    const r = await upload(e.id, bytes);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      fileName: 'Biên bản giao ban.pdf',
      sizeBytes: 4096,
      mime: 'application/pdf',
    });
    expect(r.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const listed = (await api.get(`/api/crossings/${GATE}`, 'borderSonLa')).body.events.find(
      (x: any) => x.id === e.id,
    );
    expect(listed.attachments.map((a: any) => a.id)).toEqual([r.body.id]);
    const back = await api.app.request(`/api/events/${e.id}/attachments/${r.body.id}`, {
      headers: { cookie: (await api.login('t.bordersonla')).cookie },
    });
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Biên bản giao ban.pdf')}`,
    );
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
    // Another province's user does not find it.
    const other = await api.call('GET', `/api/events/${e.id}/attachments/${r.body.id}`, {
      as: 'border',
    });
    expect(other.status).toBe(404);
  });

  it('refuses a minute that is not a PDF (415) or over 5 MB (413), storing nothing', async () => {
    const e = (await post(meeting())).body;
    const fake = new TextEncoder().encode('<html>not a pdf</html>');
    const notPdf = await upload(e.id, fake);
    expect(notPdf.status).toBe(415);
    expect(notPdf.body.error.field).toBe('file');
    const wrongType = await upload(e.id, pdf(), 'image/png');
    expect(wrongType.status).toBe(415);
    const big = await upload(e.id, pdf(5 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(big.body.error.field).toBe('file');
    const [n] = await t.db
      .select({ n: count() })
      .from(eventAttachments)
      .where(eq(eventAttachments.eventId, e.id));
    expect(n!.n).toBe(0);
  });

  it('pages the history newest first with the total, and filters by kind and dates', async () => {
    const all = (await api.get('/api/coordination?province=son-la&pageSize=5', 'borderSonLa')).body;
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    const days = all.items.map((e: any) => e.occurredOn);
    expect([...days].sort().reverse()).toEqual(days);
    const second = (
      await api.get('/api/coordination?province=son-la&pageSize=5&page=2', 'borderSonLa')
    ).body;
    expect(second.items[0].id).not.toBe(all.items[0].id);
    const h1 = (
      await api.get(
        '/api/coordination?province=son-la&kind=meeting&from=2023-01-01&to=2023-06-30&pageSize=100',
        'borderSonLa',
      )
    ).body;
    expect(h1.items.length).toBe(h1.total);
    for (const e of h1.items) {
      expect(e.kind).toBe('meeting');
      expect(e.occurredOn >= '2023-01-01' && e.occurredOn <= '2023-06-30').toBe(true);
    }
    const bad = await api.get('/api/coordination?province=son-la&pageSize=500', 'borderSonLa');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('pageSize');
  });

  it('moved the old follow-ups into rows with a deadline 30 days after their event (the seed)', async () => {
    const rows = await t.db.select({ n: count() }).from(eventFollowUps);
    expect(rows[0]!.n).toBeGreaterThan(10);
    const plan = (await api.get('/api/campaigns/sl-2023-coop', 'borderSonLa')).body;
    expect(plan.coordinationTargets.find((x: any) => x.measure === 'training')).toMatchObject({
      target: 1,
    });
  });
});
