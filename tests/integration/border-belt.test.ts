/**
 * The border belt: distances to the border on every commune and hotspot, the stations' stretches, the alert a
 * hotspot recorded near the border raises (in the same transaction), its acknowledgement and resolution by the
 * station of the stretch (versioned, audited, refused to others) and the province's rule.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, borderAlerts } from '@pcmt/server/db/schema';
import { pointNearBorder } from '../support/border.ts';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi, type TestUser } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

const TODAY = '2026-11-22';

async function near(province: string, station: string, metres: number, as: TestUser) {
  const sectors = (await api.get(`/api/border/sectors?province=${province}`, as)).body;
  const sector = sectors.features.find((f: any) => f.properties.stationName === station);
  const borders = (await api.get('/api/borders', as)).body;
  const outline = (await api.get(`/api/units?province=${province}&level=province`, as)).body
    .features[0];
  return { sector, point: pointNearBorder(sector, borders, outline, metres) };
}
const record = (as: TestUser, [lng, lat]: [number, number], kind = 'illicit_crop') =>
  api.call('POST', '/api/hotspots', {
    as,
    body: { kind, identifiedOn: TODAY, lng, lat, note: 'Nương gần đường biên' },
  });
const alertsOf = async (province: string, as: TestUser) =>
  (await api.get(`/api/border/alerts?province=${province}`, as)).body as any[];
const auditOf = (objectId: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectId, objectId), eq(auditLog.action, action)));

describe(`border belt (${process.env.DB_ENGINE})`, () => {
  it('gives each border station of a province its stretch of the line, and each commune its distance', async () => {
    const sectors = (await api.get('/api/border/sectors?province=son-la', 'borderSonLa')).body;
    expect(sectors.features.map((f: any) => f.properties.stationName).sort()).toEqual([
      'Đồn Biên phòng Chiềng Khương',
      'Đồn Biên phòng Lóng Sập',
      'Đồn Biên phòng Nà Cài',
    ]);
    for (const f of sectors.features) {
      expect(f.geometry.type).toBe('MultiLineString');
      expect(f.properties.lengthKm).toBeGreaterThan(10);
      expect(f.properties.border).toBe('VN-LA');
    }
    const communes = (
      await api.get(`/api/units?province=son-la&level=commune&asOf=${TODAY}`, 'borderSonLa')
    ).body.features;
    expect(communes.every((f: any) => typeof f.properties.borderDistanceM === 'number')).toBe(true);
    const touching = communes.filter((f: any) => f.properties.borderDistanceM <= 500);
    expect(touching.length).toBeGreaterThan(5);
    expect(touching.length).toBeLessThan(communes.length / 2);
    // Mai Sơn lies inland: tens of kilometres from Laos.
    const far = Math.max(...communes.map((f: any) => f.properties.borderDistanceM));
    expect(far).toBeGreaterThan(40_000);
  });

  it('raises an alert for a hotspot recorded 2 km from the border, for the station of its stretch', async () => {
    const { sector, point } = await near(
      'son-la',
      'Đồn Biên phòng Chiềng Khương',
      2000,
      'commanderSonLa',
    );
    const r = await record('commanderSonLa', point);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.borderDistanceM).toBeGreaterThan(1800);
    expect(r.body.borderDistanceM).toBeLessThan(2200);
    expect(r.body.borderSectorId).toBe(sector.id);
    expect(r.body.borderAlertId).toMatch(/^alert-/);
    const alert = (await alertsOf('son-la', 'borderSonLa')).find(
      (a) => a.id === r.body.borderAlertId,
    );
    expect(alert).toMatchObject({
      hotspotId: r.body.id,
      kind: 'illicit_crop',
      sectorId: sector.id,
      stationName: 'Đồn Biên phòng Chiềng Khương',
      raisedOn: TODAY,
      acknowledgedOn: null,
      resolvedOn: null,
      withinM: 5000,
      version: 1,
    });
    expect(await auditOf(alert.id, 'border_alert.raise')).toHaveLength(1);
  });

  it('raises none for a hotspot farther than the province’s alert distance', async () => {
    const { point } = await near('son-la', 'Đồn Biên phòng Nà Cài', 8000, 'commanderSonLa');
    const r = await record('commanderSonLa', point, 'retail_point');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.borderDistanceM).toBeGreaterThan(7000);
    expect(r.body.borderAlertId).toBeNull();
    expect((await alertsOf('son-la', 'borderSonLa')).some((a) => a.hotspotId === r.body.id)).toBe(
      false,
    );
  });

  it('lets only the station of the stretch acknowledge and resolve, each step audited and versioned', async () => {
    const { point } = await near('son-la', 'Đồn Biên phòng Chiềng Khương', 1500, 'commanderSonLa');
    const id = (await record('commanderSonLa', point)).body.borderAlertId as string;
    const patch = (as: TestUser, body: object) =>
      api.call('PATCH', `/api/border/alerts/${id}`, { as, body });

    // Another province's border unit: the alert does not exist for it. A commander may not write alerts.
    expect((await patch('border', { state: 'acknowledged', version: 1 })).status).toBe(404);
    expect((await patch('commanderSonLa', { state: 'acknowledged', version: 1 })).status).toBe(403);
    expect(await auditOf(id, 'border_alert.acknowledge')).toEqual([
      expect.objectContaining({ outcome: 'denied' }),
    ]);

    const ack = await patch('borderSonLa', {
      state: 'acknowledged',
      note: 'Đã cử tổ kiểm tra',
      version: 1,
    });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body).toMatchObject({
      acknowledgedOn: TODAY,
      version: 2,
      note: 'Đã cử tổ kiểm tra',
    });
    const station = ack.body.acknowledgedByAgencyId;
    expect(station).toMatch(/^agency-/);

    const again = await patch('borderSonLa', { state: 'acknowledged', version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'invalid_transition', field: 'state' });
    const stale = await patch('borderSonLa', { state: 'resolved', version: 1 });
    expect(stale.status).toBe(412);

    const done = await patch('borderSonLa', { state: 'resolved', note: 'Đã phá bỏ', version: 2 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ resolvedOn: TODAY, resolvedByAgencyId: station, version: 3 });
    expect((await patch('borderSonLa', { state: 'resolved', version: 3 })).status).toBe(409);

    const ok = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.outcome, 'ok')));
    expect(ok.map((a) => a.action).sort()).toEqual([
      'border_alert.acknowledge',
      'border_alert.raise',
      'border_alert.resolve',
    ]);
  });

  it("refuses the alert of another station's stretch with a 403 naming it, audited", async () => {
    const { point } = await near('son-la', 'Đồn Biên phòng Lóng Sập', 1000, 'commanderSonLa');
    const id = (await record('commanderSonLa', point)).body.borderAlertId as string;
    const r = await api.call('PATCH', `/api/border/alerts/${id}`, {
      as: 'borderSonLa',
      body: { state: 'acknowledged', version: 1 },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/another station/);
    const [row] = await t.db.select().from(borderAlerts).where(eq(borderAlerts.id, id));
    expect(row!.acknowledgedOn).toBeNull();
    expect(await auditOf(id, 'border_alert.acknowledge')).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        detail: 'alert on the stretch of another station',
      }),
    ]);
  });

  it("follows the province's own rule: a narrower alert distance and a wider belt", async () => {
    const rule = (await api.get('/api/border/rule?province=son-la', 'commanderSonLa')).body;
    expect(rule).toMatchObject({ beltM: 0, alertWithinM: 5000, isDefault: true, version: 0 });
    const bad = await api.call('PUT', '/api/border/rule', {
      as: 'commanderSonLa',
      body: { beltM: -1, alertWithinM: 1000, version: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('beltM');
    const put = await api.call('PUT', '/api/border/rule', {
      as: 'commanderSonLa',
      body: { beltM: 10_000, alertWithinM: 1000, version: 0 },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({
      beltM: 10_000,
      alertWithinM: 1000,
      version: 1,
      isDefault: false,
    });
    const stale = await api.call('PUT', '/api/border/rule', {
      as: 'commanderSonLa',
      body: { beltM: 0, alertWithinM: 5000, version: 0 },
    });
    expect(stale.status).toBe(412);
    // The border officer reads the rule and may not change it.
    expect(
      (await api.get('/api/border/rule?province=son-la', 'borderSonLa')).body.alertWithinM,
    ).toBe(1000);
    expect(
      (
        await api.call('PUT', '/api/border/rule', {
          as: 'borderSonLa',
          body: { beltM: 0, alertWithinM: 5000, version: 1 },
        })
      ).status,
    ).toBe(403);

    const { point } = await near('son-la', 'Đồn Biên phòng Chiềng Khương', 2000, 'commanderSonLa');
    const r = await record('commanderSonLa', point);
    expect(r.body.borderAlertId).toBeNull();

    const back = await api.call('PUT', '/api/border/rule', {
      as: 'commanderSonLa',
      body: { beltM: 0, alertWithinM: 5000, version: 1 },
    });
    expect(back.status).toBe(200);
    expect(back.body.version).toBe(2);
  });

  it('raises the alert of a hotspot moved near the border, once', async () => {
    const far = await near('son-la', 'Đồn Biên phòng Nà Cài', 9000, 'commanderSonLa');
    const created = (await record('commanderSonLa', far.point, 'retail_point')).body;
    expect(created.borderAlertId).toBeNull();
    const close = await near('son-la', 'Đồn Biên phòng Nà Cài', 3000, 'commanderSonLa');
    const moved = await api.call('PATCH', `/api/hotspots/${created.id}`, {
      as: 'commanderSonLa',
      body: { lng: close.point[0], lat: close.point[1], version: created.version },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.borderAlertId).toMatch(/^alert-/);
    expect(moved.body.borderSectorId).toBe(close.sector.id);
    const again = await api.call('PATCH', `/api/hotspots/${created.id}`, {
      as: 'commanderSonLa',
      body: { note: 'Vẫn hoạt động', version: moved.body.version },
    });
    expect(again.body.borderAlertId).toBeNull();
    expect(
      (await alertsOf('son-la', 'borderSonLa')).filter((a) => a.hotspotId === created.id),
    ).toHaveLength(1);
  });

  it('moves an alert with its hotspot to the stretch it now faces; a date-only edit raises none', async () => {
    const first = await near('son-la', 'Đồn Biên phòng Nà Cài', 2500, 'commanderSonLa');
    const h = (await record('commanderSonLa', first.point)).body;
    const moveTo = await near('son-la', 'Đồn Biên phòng Lóng Sập', 1200, 'commanderSonLa');
    const moved = await api.call('PATCH', `/api/hotspots/${h.id}`, {
      as: 'commanderSonLa',
      body: { lng: moveTo.point[0], lat: moveTo.point[1], version: h.version },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const alert = (await alertsOf('son-la', 'borderSonLa')).find((a) => a.hotspotId === h.id);
    expect(alert).toMatchObject({
      sectorId: moveTo.sector.id,
      stationName: 'Đồn Biên phòng Lóng Sập',
    });
    expect(Math.abs(alert.distanceM - 1200)).toBeLessThan(150);
    expect(await auditOf(alert.id, 'border_alert.move')).toHaveLength(1);

    const far = await near('son-la', 'Đồn Biên phòng Nà Cài', 9000, 'commanderSonLa');
    const quiet = (await record('commanderSonLa', far.point, 'retail_point')).body;
    const redated = await api.call('PATCH', `/api/hotspots/${quiet.id}`, {
      as: 'commanderSonLa',
      body: { identifiedOn: '2026-11-01', version: quiet.version },
    });
    expect(redated.status).toBe(200);
    expect(redated.body.borderAlertId).toBeNull();
  });

  it('gives a hotspot re-emerging near the border a new alert', async () => {
    const { point } = await near('son-la', 'Đồn Biên phòng Chiềng Khương', 3000, 'commanderSonLa');
    const h = (await record('commanderSonLa', point)).body;
    const gone = await api.call('POST', `/api/hotspots/${h.id}/eliminate`, {
      as: 'commanderSonLa',
      body: { eliminatedOn: TODAY, version: h.version },
    });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    const back = await api.call('POST', `/api/hotspots/${h.id}/re-emerge`, {
      as: 'commanderSonLa',
      body: { identifiedOn: TODAY, note: 'Tái hoạt động' },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(back.body.borderDistanceM).toBe(h.borderDistanceM);
    expect(back.body.borderAlertId).toMatch(/^alert-/);
    expect(back.body.borderAlertId).not.toBe(h.borderAlertId);
  });

  it('lets one of two first rules written at once through, and answers the other 412', async () => {
    const put = (alertWithinM: number) =>
      api.call('PUT', '/api/border/rule', {
        as: 'commander',
        headers: { 'if-match': 'W/"0"' },
        body: { beltM: 0, alertWithinM },
      });
    const answers = await Promise.all([put(3000), put(4000)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const rule = (await api.get('/api/border/rule?province=lao-cai', 'commander')).body;
    expect(rule.version).toBe(1);
    expect([3000, 4000]).toContain(rule.alertWithinM);
    const back = await api.call('PUT', '/api/border/rule', {
      as: 'commander',
      headers: { 'if-match': '"1"' },
      body: { beltM: 0, alertWithinM: 5000 },
    });
    expect(back.status).toBe(200);
  });

  it("shows another province's alerts to nobody outside it", async () => {
    const r = await api.call('GET', '/api/border/alerts?province=son-la', { as: 'border' });
    expect(r.status).toBe(404);
    const own = await alertsOf('lao-cai', 'border');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((a) => a.provinceSlug === 'lao-cai')).toBe(true);
  });
});
