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

const count = (fc: any, status: string) =>
  fc.features.filter((f: any) => f.properties.status === status).length;

describe(`hotspots, crossings, campaigns (${process.env.DB_ENGINE})`, () => {
  it('shows most Lào Cai hotspots eliminated in phase 1 and some re-emerging in phase 2', async () => {
    const prep = await api.get('/api/hotspots?province=lao-cai&phase=lc-2024-peak-p0');
    const p1 = await api.get('/api/hotspots?province=lao-cai&phase=lc-2024-peak-p1');
    const p2 = await api.get('/api/hotspots?province=lao-cai&phase=lc-2024-peak-p2');
    expect(p1.body.asOf).toBe('2024-10-31');
    expect(count(prep.body, 'active')).toBeGreaterThan(count(p1.body, 'active'));
    expect(count(p1.body, 'eliminated')).toBeGreaterThan(count(p1.body, 'active'));
    expect(count(p1.body, 're_emerged')).toBe(0);
    expect(count(p2.body, 're_emerged')).toBeGreaterThan(0);
    for (const f of p2.body.features) {
      if (f.properties.status === 'eliminated')
        expect(f.properties.eliminatedOn <= '2024-12-14').toBe(true);
      expect(f.properties.identifiedOn <= '2024-12-14').toBe(true);
    }
  });

  it('filters hotspots by kind and status', async () => {
    const r = await api.get(
      '/api/hotspots?province=lao-cai&asOf=2024-08-31&kind=complex_point&status=active',
    );
    expect(r.body.features.length).toBeGreaterThan(0);
    expect(
      r.body.features.every(
        (f: any) => f.properties.kind === 'complex_point' && f.properties.status === 'active',
      ),
    ).toBe(true);
  });

  it('flags complex points alive for more than 3 months as overdue', async () => {
    const r = await api.get('/api/hotspots?province=lao-cai&asOf=2024-08-31&kind=complex_point');
    const overdue = r.body.features.filter((f: any) => f.properties.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((f: any) => f.properties.ageDays > 89)).toBe(true);
  });

  it('refuses a phase of another campaign and an unknown phase', async () => {
    const wrong = await api.get('/api/hotspots?campaign=th-2023&phase=lc-2024-peak-p1');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.field).toBe('phase');
    const unknown = await api.get('/api/hotspots?phase=nope');
    expect(unknown.status).toBe(404);
    const bad = await api.get('/api/hotspots?kind=dealer');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('kind');
  });

  it('places every crossing on the border line, with the seed classes', async () => {
    const crossings = await api.get('/api/crossings?province=lao-cai');
    const borders = await api.get('/api/borders');
    const cn = borders.body.features.find((f: any) => f.properties.border === 'VN-CN');
    for (const c of crossings.body.features) {
      expect(
        turf.pointToLineDistance(
          c.geometry.coordinates,
          turf.lineString(nearestPart(cn.geometry, c.geometry.coordinates)),
          { units: 'meters' },
        ),
      ).toBeLessThan(50);
    }
    const kinds = crossings.body.features.map((f: any) => f.properties.kind);
    expect(kinds.filter((k: string) => k === 'opening')).toHaveLength(7);
    expect(
      crossings.body.features.find((f: any) => f.properties.name === 'Bản Vược').properties.kind,
    ).toBe('secondary');
    expect(
      crossings.body.features.find((f: any) => f.properties.name === 'Pha Long').properties.kind,
    ).toBe('secondary');
  });

  it('returns a crossing with its coordination events', async () => {
    const r = await api.get('/api/crossings/crossing-07');
    expect(r.status).toBe(200);
    expect(r.body.counterpartCountry).toBe('LA');
    expect(r.body.events.length).toBeGreaterThan(0);
  });

  it('carries the Lào Cai 2024 campaign with its real phases, quotas and deadlines', async () => {
    const list = await api.get('/api/campaigns?province=lao-cai');
    const peak = list.body.find((c: any) => c.id === 'lc-2024-peak');
    expect(peak.phases.map((p: any) => [p.startsOn, p.endsOn])).toEqual([
      ['2024-08-15', '2024-08-31'],
      ['2024-09-01', '2024-10-31'],
      ['2024-11-01', '2024-12-14'],
    ]);
    const detail = await api.get('/api/campaigns/lc-2024-peak');
    const districtCases = detail.body.quotas.filter((q: any) => q.metric === 'cases' && q.unitId);
    expect(districtCases.reduce((s: number, q: any) => s + q.target, 0)).toBe(160);
    expect(detail.body.deadlines.map((d: any) => d.dueOn)).toEqual([
      '2024-10-02',
      '2024-11-02',
      '2024-12-17',
    ]);
    // As of the campaign's end the final report (due 17/12) is not due yet; three days later it is met.
    expect(detail.body.asOf).toBe('2024-12-14');
    expect(detail.body.deadlines.map((d: any) => d.state)).toEqual(['met', 'late', 'pending']);
    const after = await api.get('/api/campaigns/lc-2024-peak?asOf=2024-12-18');
    expect(after.body.deadlines.map((d: any) => d.state)).toEqual(['met', 'late', 'met']);
  });

  it('sums quota progress only up to the date asked', async () => {
    const early = await api.get('/api/campaigns/lc-2024-peak?asOf=2024-09-15');
    const late = await api.get('/api/campaigns/lc-2024-peak?asOf=2024-10-31');
    const total = (b: any) => b.quotas.reduce((s: number, q: any) => s + q.achieved, 0);
    expect(total(early.body)).toBeLessThan(total(late.body));
  });
});

/** The part of a MultiLineString nearest to a point. */
function nearestPart(g: { coordinates: number[][][] }, p: number[]) {
  return g.coordinates
    .map((part) => ({ part, d: turf.pointToLineDistance(p, turf.lineString(part)) }))
    .sort((a, b) => a.d - b.d)[0]!.part;
}

describe(`hotspot actions (${process.env.DB_ENGINE})`, () => {
  it('records a re-emergence linked to the eliminated hotspot, and refuses impossible ones', async () => {
    const fc = (
      await api.get(
        '/api/hotspots?province=lao-cai&asOf=2024-10-31&since=2024-09-01&status=eliminated',
      )
    ).body;
    const old = fc.features[0];
    const early = await api.call('POST', `/api/hotspots/${old.id}/re-emerge`, {
      as: 'commander',
      body: { identifiedOn: '2020-01-01' },
    });
    expect(early.status).toBe(422);
    expect(early.body.error.field).toBe('identifiedOn');
    const ok = await api.call('POST', `/api/hotspots/${old.id}/re-emerge`, {
      as: 'commander',
      body: { identifiedOn: '2024-11-20' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.reEmergedFromId).toBe(old.id);
    const p2 = (await api.get('/api/hotspots?province=lao-cai&phase=lc-2024-peak-p2')).body;
    expect(p2.features.find((f: any) => f.id === ok.body.id).properties.status).toBe('re_emerged');
    const active = (await api.get('/api/hotspots?province=lao-cai&status=active')).body.features[0];
    const notEliminated = await api.call('POST', `/api/hotspots/${active.id}/re-emerge`, {
      as: 'commander',
      body: { identifiedOn: '2026-11-20' },
    });
    expect(notEliminated.status).toBe(409);
  });

  it('refuses an elimination dated before the identification', async () => {
    const active = (await api.get('/api/hotspots?province=lao-cai&status=active')).body.features[0];
    const r = await api.call('POST', `/api/hotspots/${active.id}/eliminate`, {
      as: 'commander',
      body: { eliminatedOn: '2000-01-01', version: active.properties.version },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.field).toBe('eliminatedOn');
  });
});
