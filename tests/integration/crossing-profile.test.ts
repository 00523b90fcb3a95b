/**
 * A crossing's profile (class, hours, the counterpart's names in its own script, the responsible units) and the
 * seizures recorded at it (kind, quantity with its unit, day; no person), with the refusals of bad input by field.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, crossingSeizures } from '@pcmt/server/db/schema';
import { seizuresByMonth } from '@pcmt/shared/state/seizures';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

/** Chiềng Khương (Sơn La), the gate of the Sơn La test officer's station; Lóng Sập is another station's. */
const GATE = 'crossing-07';
const OTHER_STATION_GATE = 'crossing-08';
const seizure = (extra: object = {}) => ({
  seizedOn: '2026-11-20',
  kind: 'heroin',
  quantity: 350,
  unit: 'g',
  note: 'Phát hiện trong hành lý xuất cảnh',
  ...extra,
});
const postSeizure = (body: object, gate = GATE, as: 'borderSonLa' | 'border' = 'borderSonLa') =>
  api.call('POST', `/api/crossings/${gate}/seizures`, { as, body });
const seizureCount = async () => (await t.db.select({ n: count() }).from(crossingSeizures))[0]!.n;

describe(`crossing profile and seizures (${process.env.DB_ENGINE})`, () => {
  it('shows the profile: class, hours, names in Lao script, the station and its partner units', async () => {
    const r = await api.call('GET', `/api/crossings/${GATE}`, { as: 'borderSonLa' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      kind: 'main',
      opensAt: '07:00',
      closesAt: '19:00',
      profileAssumed: true,
      counterpartGate: 'Bản Đán',
      counterpartGateLocal: 'ບ້ານດານ',
      counterpartProvinceLocal: 'ແຂວງຫົວພັນ',
    });
    expect(r.body.units.map((u: any) => u.kind)).toEqual(['border_guard_station', 'customs']);
    expect(r.body.units[0].name).toBe('Đồn Biên phòng Chiềng Khương');
    expect(r.body.seizures.length).toBeGreaterThan(10);
    // Newest first, none with a person's field.
    const days = r.body.seizures.map((s: any) => s.seizedOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(Object.keys(r.body.seizures[0]).sort()).toEqual(
      [
        'agencyId',
        'createdAt',
        'crossingId',
        'id',
        'kind',
        'note',
        'quantity',
        'seizedOn',
        'synthetic',
        'unit',
        'updatedAt',
        'version',
      ].sort(),
    );
  });

  it('writes the hours and the Chinese or Lao names under the version read, audited', async () => {
    const before = (await api.call('GET', `/api/crossings/${GATE}`, { as: 'borderSonLa' })).body;
    const r = await api.call('PATCH', `/api/crossings/${GATE}`, {
      as: 'borderSonLa',
      body: {
        opensAt: '06:30',
        closesAt: '21:00',
        hoursNote: 'Mở thêm giờ dịp Tết',
        profileAssumed: false,
        counterpartGateLocal: 'ດ່ານບ້ານດານ',
        version: before.version,
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ opensAt: '06:30', closesAt: '21:00', profileAssumed: false });
    const stale = await api.call('PATCH', `/api/crossings/${GATE}`, {
      as: 'borderSonLa',
      body: { hoursNote: 'x', version: before.version },
    });
    expect(stale.status).toBe(412);
    const audited = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'crossing.update'), eq(auditLog.objectId, GATE)));
    expect(audited[0]!.n).toBe(1);
  });

  it('refuses hours given by half, a malformed time, and a partner unit of another province', async () => {
    const v = (await api.call('GET', `/api/crossings/${GATE}`, { as: 'borderSonLa' })).body.version;
    const half = await api.call('PATCH', `/api/crossings/${GATE}`, {
      as: 'borderSonLa',
      body: { opensAt: null, version: v },
    });
    expect(half.status).toBe(422);
    expect(half.body.error.field).toBe('opensAt');
    const malformed = await api.call('PATCH', `/api/crossings/${GATE}`, {
      as: 'borderSonLa',
      body: { closesAt: '25:00', version: v },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('closesAt');
    const foreign = await api.call('PATCH', `/api/crossings/${GATE}`, {
      as: 'borderSonLa',
      body: { partnerAgencyIds: ['agency-094'], version: v },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.field).toBe('partnerAgencyIds.0');
    const now = (await api.call('GET', `/api/crossings/${GATE}`, { as: 'borderSonLa' })).body;
    expect(now.version).toBe(v);
  });

  it('records a seizure at the own gate, audited, and it counts in its month', async () => {
    const heroinIn = async (month: string) =>
      seizuresByMonth(
        (await api.call('GET', `/api/crossings/${GATE}`, { as: 'borderSonLa' })).body.seizures,
        `${month}-01`,
        `${month}-28`,
      ).find((m) => m.kind === 'heroin')?.amount ?? 0;
    const before = await heroinIn('2026-11');
    const n = await seizureCount();
    const r = await postSeizure(seizure());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ crossingId: GATE, kind: 'heroin', quantity: 350, unit: 'g' });
    expect(await seizureCount()).toBe(n + 1);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.objectId, r.body.id));
    expect(audited.map((a) => a.action)).toEqual(['seizure.create']);
    // 350 g more heroin in November, in kg.
    expect(await heroinIn('2026-11')).toBeCloseTo(before + 0.35, 6);
  });

  it('corrects a seizure under its version; a stale one gets 412 with the current record', async () => {
    const made = (await postSeizure(seizure({ quantity: 12, unit: 'kg', kind: 'methamphetamine' })))
      .body;
    const ok = await api.call('PATCH', `/api/seizures/${made.id}`, {
      as: 'borderSonLa',
      body: { quantity: 12.5, version: made.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.quantity).toBe(12.5);
    const stale = await api.call('PATCH', `/api/seizures/${made.id}`, {
      as: 'borderSonLa',
      body: { quantity: 13, version: made.version },
    });
    expect(stale.status).toBe(412);
  });

  it('refuses a future day, a zero or negative quantity, an unknown unit, and writes nothing', async () => {
    const n = await seizureCount();
    const future = await postSeizure(seizure({ seizedOn: '2026-12-01' }));
    expect(future.status).toBe(422);
    expect(future.body.error.field).toBe('seizedOn');
    const zero = await postSeizure(seizure({ quantity: 0 }));
    expect(zero.status).toBe(400);
    expect(zero.body.error.field).toBe('quantity');
    const unit = await postSeizure(seizure({ unit: 'bánh' }));
    expect(unit.status).toBe(400);
    expect(unit.body.error.field).toBe('unit');
    const person = await postSeizure(seizure({ suspect: 'x' }));
    expect(person.status).toBe(400);
    expect(await seizureCount()).toBe(n);
  });

  it('lets a unit write only at its own crossings: another station 403, another province 404', async () => {
    const n = await seizureCount();
    const station = await postSeizure(seizure(), OTHER_STATION_GATE);
    expect(station.status).toBe(403);
    expect(station.body.error.field).toBe('crossingId');
    const province = await postSeizure(seizure(), 'crossing-01');
    expect(province.status).toBe(404);
    const someone = (await api.call('GET', '/api/crossings/crossing-01', { as: 'border' })).body
      .seizures[0];
    const patch = await api.call('PATCH', `/api/seizures/${someone.id}`, {
      as: 'borderSonLa',
      body: { quantity: 1, version: someone.version },
    });
    expect(patch.status).toBe(404);
    expect(patch.body.error.field).toBe('id');
    expect(await seizureCount()).toBe(n);
  });
});
