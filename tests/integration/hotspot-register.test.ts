/** The hotspot register: a hotspot recorded at a position lands in the commune that holds it; moves, refusals, one open re-emergence. */
import * as turf from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

/** A point surely inside a commune (turf's point on feature), from the units API. */
async function pointIn(unitId: string, asOf: string) {
  const units = (await api.get(`/api/units?province=lao-cai&level=commune&asOf=${asOf}`)).body;
  const f = units.features.find((u: any) => u.id === unitId);
  return turf.pointOnFeature(f).geometry.coordinates as [number, number];
}
const create = (body: object) => api.call('POST', '/api/hotspots', { as: 'commander', body });

describe(`hotspot register (${process.env.DB_ENGINE})`, () => {
  it('records a hotspot in the commune whose boundary holds the point, counted there from its date', async () => {
    const [lng, lat] = await pointIn('com-10-0004', '2024-09-10');
    const r = await create({
      kind: 'complex_point',
      identifiedOn: '2024-09-10',
      lng,
      lat,
      note: 'gần chợ',
    });
    expect(r.status).toBe(201);
    expect(r.body.unitId).toBe('com-10-0004');
    const before = (
      await api.get('/api/hotspots?province=lao-cai&asOf=2024-09-09&unit=com-10-0004')
    ).body.features;
    const after = (await api.get('/api/hotspots?province=lao-cai&asOf=2024-09-10&unit=com-10-0004'))
      .body.features;
    expect(before.some((f: any) => f.id === r.body.id)).toBe(false);
    expect(after.find((f: any) => f.id === r.body.id).properties).toMatchObject({
      status: 'active',
      ageDays: 0,
    });
  });

  it('uses the units valid on the identified date: the same point falls in a merged commune after July 2025', async () => {
    const [lng, lat] = await pointIn('com-10-0004', '2024-09-10');
    const r = await create({ kind: 'retail_point', identifiedOn: '2025-08-01', lng, lat });
    expect(r.status).toBe(201);
    const units = (await api.get('/api/units?province=lao-cai&level=commune&asOf=2025-08-01')).body
      .features;
    const holder = units.find((u: any) => turf.booleanPointInPolygon([lng, lat], u));
    expect(r.body.unitId).toBe(holder.id);
  });

  it.each([
    ['a point outside the province', { lng: 103.9, lat: 21.3 }, 'lng', 422],
    ['a date after today', { identifiedOn: '2027-01-01' }, 'identifiedOn', 422],
    ['an unknown kind', { kind: 'warehouse' }, 'kind', 400],
    ['a latitude out of range', { lat: 95 }, 'lat', 400],
  ])('refuses %s, naming the field', async (_, change, field, status) => {
    const [lng, lat] = await pointIn('com-10-0004', '2024-09-10');
    const r = await create({
      kind: 'retail_point',
      identifiedOn: '2024-09-10',
      lng,
      lat,
      ...change,
    });
    expect([r.status, r.body.error.field]).toEqual([status, field]);
  });

  it('moves a hotspot to another commune with its version, and refuses a stale one', async () => {
    const [lng, lat] = await pointIn('com-10-0004', '2024-09-10');
    const { body: h } = await create({
      kind: 'retail_point',
      identifiedOn: '2024-09-10',
      lng,
      lat,
    });
    const [lng2, lat2] = await pointIn('com-10-0012', '2024-09-10');
    const moved = await api.call('PATCH', `/api/hotspots/${h.id}`, {
      as: 'commander',
      body: { lng: lng2, lat: lat2, version: 1 },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.unitId).toBe('com-10-0012');
    const stale = await api.call('PATCH', `/api/hotspots/${h.id}`, {
      as: 'commander',
      body: { note: 'x', version: 1 },
    });
    expect(stale.status).toBe(412);
    const half = await api.call('PATCH', `/api/hotspots/${h.id}`, {
      as: 'commander',
      body: { lng: lng2, version: 2 },
    });
    expect([half.status, half.body.error.field]).toEqual([400, 'lat']);
  });

  it('keeps one open re-emergence per eliminated hotspot, even when five arrive at once', async () => {
    const [lng, lat] = await pointIn('com-10-0005', '2024-09-10');
    const { body: h } = await create({
      kind: 'retail_point',
      identifiedOn: '2024-09-10',
      lng,
      lat,
    });
    await api.call('POST', `/api/hotspots/${h.id}/eliminate`, {
      as: 'commander',
      body: { eliminatedOn: '2024-09-20', version: 1 },
    });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.call('POST', `/api/hotspots/${h.id}/re-emerge`, {
          as: 'commander',
          body: { identifiedOn: '2024-10-01', note: '' },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const again = await api.call('POST', `/api/hotspots/${h.id}/re-emerge`, {
      as: 'commander',
      body: { identifiedOn: '2024-10-02', note: '' },
    });
    expect([again.status, again.body.error.field]).toEqual([409, 'id']);
  });
});
