import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tierOn } from '@pcmt/shared/state/tiers';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

describe(`units (${process.env.DB_ENGINE})`, () => {
  it('reports the engine it runs on', async () => {
    const r = await api.get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.engine).toBe(process.env.DB_ENGINE);
  });

  it('lists the provinces of each era', async () => {
    const before = await api.get('/api/provinces?asOf=2024-10-31');
    const after = await api.get('/api/provinces?asOf=2026-01-01');
    expect(before.body.map((p: any) => p.slug).sort()).toEqual([
      'lai-chau',
      'lao-cai',
      'son-la',
      'thanh-hoa',
      'yen-bai',
    ]);
    expect(after.body.map((p: any) => p.slug).sort()).toEqual([
      'lai-chau',
      'lao-cai',
      'son-la',
      'thanh-hoa',
    ]);
    expect(after.body.find((p: any) => p.slug === 'lao-cai').code).toBe('15');
  });

  it('returns pre-reform communes for 2024 and post-reform communes after July 2025', async () => {
    const old = await api.get('/api/units?province=lao-cai&asOf=2024-10-31');
    const now = await api.get('/api/units?province=lao-cai&asOf=2026-01-01');
    expect(old.body.features).toHaveLength(151);
    expect(now.body.features).toHaveLength(99);
    const districts = await api.get('/api/units?province=lao-cai&level=district&asOf=2024-10-31');
    expect(districts.body.features).toHaveLength(9);
    const noDistricts = await api.get('/api/units?province=lao-cai&level=district&asOf=2026-01-01');
    expect(noDistricts.body.features).toHaveLength(0);
  });

  it('gives each commune its latest assessment on or before the date', async () => {
    const fc = await api.get('/api/units?province=lao-cai&asOf=2024-12-14');
    const sample = fc.body.features.filter((_: unknown, i: number) => i % 25 === 0);
    for (const f of sample) {
      const detail = await api.get(`/api/units/${f.id}`);
      expect(f.properties.tier).toBe(tierOn(detail.body.tierHistory, '2024-12-14'));
    }
  });

  it('changes tiers between phases', async () => {
    const a = await api.get('/api/units?province=lao-cai&asOf=2024-08-31');
    const b = await api.get('/api/units?province=lao-cai&asOf=2024-10-31');
    const tiers = (fc: any) => fc.features.map((f: any) => f.properties.tier).join();
    expect(tiers(a.body)).not.toBe(tiers(b.body));
  });

  it('filters by bbox', async () => {
    const all = await api.get('/api/units?province=lao-cai&asOf=2024-10-31');
    const some = await api.get(
      '/api/units?province=lao-cai&asOf=2024-10-31&bbox=103.9,22.4,104.1,22.6',
    );
    expect(some.body.features.length).toBeGreaterThan(0);
    expect(some.body.features.length).toBeLessThan(all.body.features.length);
  });

  it('links a commune to the units it became after the reform', async () => {
    const r = await api.get('/api/units/com-10-0004');
    expect(r.status).toBe(200);
    expect(r.body.successors).toHaveLength(1);
    expect(r.body.successors[0].validFrom).toBe('2025-07-01');
  });

  it.each([
    ['/api/units?asOf=2024-02-30', 'asOf'],
    ['/api/units?level=hamlet', 'level'],
    ['/api/units?bbox=1,2,3', 'bbox'],
    ['/api/units?province=Lao%20Cai', 'province'],
  ])('refuses %s naming the field', async (path, field) => {
    const r = await api.get(path);
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe(field);
    expect(r.body.error.code).toBe('validation_failed');
  });

  it('answers 404 for an unknown province or unit', async () => {
    const p = await api.get('/api/units?province=ha-noi');
    expect(p.status).toBe(404);
    expect(p.body.error.field).toBe('province');
    const u = await api.get('/api/units/nope');
    expect(u.status).toBe(404);
  });

  it('answers JSON for an unknown route', async () => {
    const r = await api.get('/api/does-not-exist');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });
});
