/**
 * A province's own boundaries in, on both engines, from the real files of ../shared/data/real/ (test fixtures):
 * GeoJSON and zipped Shapefiles in VN-2000 (TM-3 and UTM 48N) back within a metre of the WGS 84 vertices, a
 * file without .prj answered with candidates, the refusals (bomb, 10 million vertices, a self-intersecting
 * commune, the wrong hemisphere) fast and writing nothing, the legacy communes read, and a new era with
 * its crosswalk from a CSV.
 */
import * as turf from '@turf/turf';
import { and, eq, isNull } from 'drizzle-orm';
import { canonicalName } from '@pcmt/shared/names';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUnits, hotspots, tierAssessments } from '../../server/src/db/schema.ts';
import { testApp, type TestApi } from '../support/app.ts';
import { readFileSync } from 'node:fs';
import {
  REAL,
  communes2025,
  ofProvince,
  prjText,
  realCollection,
  reprojected,
  shapefileZip,
  zipOf,
} from '../support/boundary-files.ts';
import { openTestDb, type TestDb } from '../support/test-db.ts';

let t: TestDb;
let api: TestApi;
let laoCai: any;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
  laoCai = ofProvince(communes2025(), '15');
});
afterAll(() => t.close());

const ERA = 'province=lao-cai&level=commune&validFrom=2025-07-01';
const send = (body: Uint8Array | string, query: string, type = 'application/zip') =>
  api.call('POST', `/api/boundaries/import?${query}`, {
    as: 'admin',
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    headers: { 'content-type': type },
  });
const geojson = (fc: any) => JSON.stringify(fc);
const fields = (p: any) => ({
  ma_xa: p.code,
  ten: p.name,
  loai: p.unit_type,
  ma_tinh: p.province_code,
});
const refused = (report: any) => report.issues.filter((i: any) => i.outcome === 'refused');
const communesOf = async (provinceId: string, validFrom: string) =>
  t.db
    .select()
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.provinceId, provinceId),
        eq(adminUnits.level, 'commune'),
        eq(adminUnits.validFrom, validFrom),
        isNull(adminUnits.validTo),
      ),
    );
const vertices = (g: any): number[][] =>
  g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);

describe(`boundary import (${process.env.DB_ENGINE})`, () => {
  it('previews Lào Cai’s 99 real communes of 2025 from GeoJSON, then writes them over the era keeping every record', async () => {
    const before = await t.db.select({ id: tierAssessments.id }).from(tierAssessments);
    const preview = await send(geojson(laoCai), `${ERA}&commit=0`, 'application/geo+json');
    expect(preview.status).toBe(200);
    const r = preview.body;
    expect(r.committed).toBe(false);
    expect(r.crs).toMatchObject({ id: 'EPSG:4326', source: 'geojson' });
    expect(r.mapping).toMatchObject({
      code: 'code',
      name: 'full_name',
      type: 'unit_type',
      parent: 'province_code',
    });
    expect(refused(r)).toEqual([]);
    // The demo's communes of 2025 are synthetic: 13 of its codes are Lào Cai's real ones, the others are
    // retired, their records moving to the real commune covering most of them.
    expect(r.units.matched).toBe(13);
    expect(r.units.added).toBe(86);
    expect(r.units.retired).toHaveLength(86);
    expect(r.crosswalk.source).toBe('overlap');
    expect(r.preview.features).toHaveLength(99);
    // Nothing is written by a preview.
    expect((await communesOf('prov-15-2025', '2025-07-01')).every((u) => u.synthetic)).toBe(true);

    const done = await send(geojson(laoCai), `${ERA}&commit=1`, 'application/geo+json');
    expect(done.status).toBe(200);
    expect(done.body.committed).toBe(true);
    expect(done.body.moved.records).toBeGreaterThan(0);
    const units = await communesOf('prov-15-2025', '2025-07-01');
    expect(units).toHaveLength(99);
    const real = new Map(laoCai.features.map((f: any) => [f.properties.code, f]));
    for (const u of units) {
      const f: any = real.get(u.code);
      expect(u.synthetic).toBe(false);
      expect(u.name).toBe(canonicalName(f.properties.full_name));
      expect(Math.abs(u.areaKm2 - turf.area(f) / 1e6)).toBeLessThan(0.02);
    }
    // Every hotspot of the era lies in its commune now (placed again by point-in-polygon).
    const ids = new Set(units.map((u) => u.id));
    const spots = (await t.db.select().from(hotspots)).filter((h) => ids.has(h.unitId!));
    expect(spots.length).toBeGreaterThan(10);
    const byId = new Map(units.map((u) => [u.id, u]));
    let placed = 0;
    for (const h of spots) {
      const home = units.find((u) => turf.booleanPointInPolygon([h.lng, h.lat], u.geometry as any));
      if (!home) continue;
      expect(byId.get(h.unitId!)!.code).toBe(home.code);
      placed++;
    }
    // The others lie outside the real province (the demo drew its own outline): they went with their
    // retired commune's records to the unit succeeding it, so none is left on a retired unit.
    expect(placed / spots.length).toBeGreaterThan(0.8);
    const retiredIds = new Set(r.units.retired.map((u: any) => u.id));
    expect((await t.db.select().from(hotspots)).filter((h) => retiredIds.has(h.unitId!))).toEqual(
      [],
    );
    expect(done.body.moved.hotspots).toBeGreaterThan(0);
    expect(await t.db.select({ id: tierAssessments.id }).from(tierAssessments)).toHaveLength(
      before.length,
    );
    // The map's answer follows.
    const map = await api.get('/api/units?province=lao-cai&level=commune&asOf=2026-11-01', 'admin');
    expect(map.body.features.find((f: any) => f.properties.code === '02647').properties.name).toBe(
      'Phường Lào Cai',
    );
  });

  it.each([
    ['TM3:104.75', 'TM3-104.75.prj'],
    ['EPSG:3405', 'EPSG-3405.prj'],
  ])(
    'reads a zipped Shapefile in VN-2000 %s from its .prj and gives back the WGS 84 vertices within 1 m',
    async (crs, prj) => {
      const zip = await shapefileZip(reprojected(laoCai, crs), {
        prj: prjText(prj),
        cpg: 'UTF-8',
        fields,
      });
      const preview = await send(
        zip,
        `${ERA}&commit=0&codeField=ma_xa&nameField=ten&typeField=loai&parentField=ma_tinh`,
      );
      expect(preview.status).toBe(200);
      expect(preview.body.crs).toMatchObject({ id: crs, source: 'prj' });
      expect(preview.body.file).toMatchObject({ format: 'shapefile', features: 99 });
      expect(refused(preview.body)).toEqual([]);
      const done = await send(
        zip,
        `${ERA}&commit=1&codeField=ma_xa&nameField=ten&typeField=loai&parentField=ma_tinh`,
      );
      expect(done.status).toBe(200);
      const units = new Map(
        (await communesOf('prov-15-2025', '2025-07-01')).map((u) => [u.code, u]),
      );
      let worst = 0;
      let n = 0;
      for (const f of laoCai.features) {
        const got = vertices(units.get(f.properties.code)!.geometry);
        const want = vertices(f.geometry);
        expect(got).toHaveLength(want.length);
        want.forEach((p, i) => {
          worst = Math.max(worst, turf.distance(p, got[i]!, { units: 'meters' }));
          n++;
        });
        expect(units.get(f.properties.code)!.name).toBe(canonicalName(f.properties.full_name));
      }
      expect(n).toBeGreaterThan(10_000);
      expect(worst).toBeLessThan(1);
    },
  );

  it('reads a DBF in TCVN3 when the .cpg says so', async () => {
    const { toTCVN3 } = await import('vietnamese-conversion');
    const some = { ...laoCai, features: laoCai.features.slice(0, 5) };
    const zip = await shapefileZip(some, {
      prj: null,
      cpg: 'TCVN3',
      fields,
      encode: (s) => toTCVN3(s, 'unicode'),
    });
    const r = await send(zip, `${ERA}&commit=0&codeField=ma_xa&nameField=ten&crs=EPSG:4326`);
    expect(r.status).toBe(200);
    expect(r.body.encoding).toBe('tcvn3');
    expect(r.body.preview.features.map((f: any) => f.properties.name)).toEqual(
      some.features.map((f: any) => canonicalName(f.properties.full_name)),
    );
  });

  it('names the units of a Shapefile holding only codes from the code list CSV beside it', async () => {
    const list = readFileSync(new URL('units-2025-laocai-laichau-sonla-thanhhoa.csv', REAL));
    const zip = await shapefileZip(laoCai, {
      prj: prjText('EPSG-4326.prj'),
      cpg: 'UTF-8',
      fields: (p) => ({ MA: p.code }),
      extra: { 'danh-muc.csv': new Uint8Array(list) },
    });
    const r = await send(zip, `${ERA}&commit=0`);
    expect(r.status).toBe(200);
    expect(r.body.mapping).toMatchObject({ code: 'MA', name: 'csv_name', type: 'csv_type' });
    expect(r.body.issues).toContainEqual(
      expect.objectContaining({ code: 'code_list', sheet: 'danh-muc.csv', values: { count: 99 } }),
    );
    expect(refused(r.body)).toEqual([]);
    expect(r.body.preview.features.map((f: any) => f.properties.name).sort()).toEqual(
      laoCai.features.map((f: any) => canonicalName(f.properties.full_name)).sort(),
    );
  });

  it('asks for the system of a Shapefile without .prj, showing the candidates, the province’s own TM-3 zone first', async () => {
    const zip = await shapefileZip(reprojected(laoCai, 'TM3:104.75'), {
      prj: null,
      cpg: 'UTF-8',
      fields,
    });
    const r = await send(zip, `${ERA}&commit=0`);
    expect(r.status).toBe(200);
    expect(r.body.crs.id).toBeNull();
    expect(refused(r.body)).toEqual([
      expect.objectContaining({ code: 'prj_missing', sheet: 'xa.shp' }),
    ]);
    expect(r.body.candidates[0]).toMatchObject({
      crs: 'TM3:104.75',
      label: 'VN-2000 / TM-3 KTT 104°45′',
    });
    expect(r.body.candidates[0].overlap).toBeGreaterThan(0.9);
    expect(r.body.candidates.map((c: any) => c.crs)).not.toContain('EPSG:4326');
    const no = await send(zip, `${ERA}&commit=1`);
    expect(no.status).toBe(422);
    expect(no.body.error.issues[0]).toMatchObject({ sheet: 'xa.shp', code: 'prj_missing' });
    const chosen = await send(zip, `${ERA}&commit=0&crs=TM3:104.75`);
    expect(chosen.body.crs).toMatchObject({ id: 'TM3:104.75', source: 'asked' });
    expect(refused(chosen.body)).toEqual([]);
  });

  it('refuses a self-intersecting commune and a feature in the wrong hemisphere by feature, writing nothing', async () => {
    const broken = structuredClone(laoCai);
    const ring =
      broken.features[3].geometry.type === 'Polygon'
        ? broken.features[3].geometry.coordinates[0]
        : broken.features[3].geometry.coordinates[0][0];
    [ring[2], ring[5]] = [ring[5], ring[2]];
    const g7 = broken.features[7].geometry;
    broken.features[7].geometry = {
      type: 'Polygon',
      coordinates: [
        (g7.type === 'Polygon' ? g7.coordinates[0] : g7.coordinates[0][0]).map(
          ([x, y]: number[]) => [x, -y!],
        ),
      ],
    };
    const versions = await communesOf('prov-15-2025', '2025-07-01');
    const r = await send(geojson(broken), `${ERA}&commit=0`, 'application/json');
    expect(r.status).toBe(200);
    const bad = refused(r.body);
    expect(bad).toEqual([
      expect.objectContaining({
        row: 4,
        code: 'self_intersection',
        problem: expect.stringMatching(/crosses itself at \(/),
      }),
      expect.objectContaining({
        row: 8,
        code: 'outside_vietnam',
        problem: expect.stringMatching(/wrong hemisphere/),
      }),
    ]);
    expect(
      r.body.preview.features.find(
        (f: any) => f.properties.code === broken.features[3].properties.code,
      ).properties.outcome,
    ).toBe('refused');
    const no = await send(geojson(broken), `${ERA}&commit=1`, 'application/json');
    expect(no.status).toBe(422);
    expect(no.body.error.issues.map((i: any) => [i.sheet, i.row, i.code])).toEqual([
      ['file.geojson', 4, 'self_intersection'],
      ['file.geojson', 8, 'outside_vietnam'],
    ]);
    const after = await communesOf('prov-15-2025', '2025-07-01');
    expect(after.map((u) => [u.id, u.version])).toEqual(versions.map((u) => [u.id, u.version]));
  });

  it.each([
    [
      'a zip bomb (one .shp unpacking to 400 MB)',
      () => zipOf({ 'xa.shp': new Uint8Array(400 * 1024 * 1024), 'xa.dbf': new Uint8Array(10) }),
      413,
      /unpacks to more than 40 MB/,
    ],
    ['a 10-million-vertex GeoJSON', () => tenMillion(), 413, /larger than 20 MB/],
    [
      'a zipped 10-million-vertex GeoJSON',
      () => zipOf({ 'xa.geojson': tenMillion() }),
      413,
      /unpacks to more than 40 MB/,
    ],
    [
      'a 1.2-million-vertex GeoJSON under the size cap',
      () => manyVertices(1_200_000),
      413,
      /more than 1,000,000 vertices/,
    ],
  ])('refuses %s within 2 s and 100 MB, naming the file', async (_what, make, status, message) => {
    const body = make();
    global.gc?.();
    const rss = process.memoryUsage().rss;
    const start = performance.now();
    const r = await send(body, `${ERA}&commit=1`);
    const ms = performance.now() - start;
    const grown = (process.memoryUsage().rss - rss) / 1024 / 1024;
    expect(r.status).toBe(status);
    expect(r.body.error).toMatchObject({ field: 'file', message: expect.stringMatching(message) });
    expect(ms).toBeLessThan(2000);
    expect(grown).toBeLessThan(100);
  });

  it('answers every malformed geometry with a refusal naming the feature, never a 500', async () => {
    let deep = '{"type":"Point","coordinates":[104,22]}';
    for (let i = 0; i < 20_000; i++) deep = `{"type":"GeometryCollection","geometries":[${deep}]}`;
    const bad = [
      '{"type":"Polygon","coordinates":null}',
      '{"type":"Polygon","coordinates":"abc"}',
      '{"type":"Polygon","coordinates":[null]}',
      '{"type":"Polygon","coordinates":[[["104","22"],["104.1","22"],["104","22.1"],["104","22"]]]}',
      '{"type":"MultiPolygon","coordinates":null}',
      '{"type":"Point","coordinates":null}',
      '{"type":"LineString","coordinates":[null]}',
      '{"type":"GeometryCollection"}',
      'null',
      deep,
    ];
    const text = `{"type":"FeatureCollection","features":[${bad
      .map(
        (g, i) =>
          `{"type":"Feature","properties":{"code":"9${i}","name":"Xã ${i}"},"geometry":${g}}`,
      )
      .join(',')}]}`;
    for (const crs of ['auto', 'EPSG:3405']) {
      const r = await send(text, `${ERA}&commit=0&crs=${crs}`, 'application/geo+json');
      expect(r.status).toBe(200);
      expect(refused(r.body).map((i: any) => [i.row, i.code])).toEqual(
        bad.map((_, i) => [i + 1, 'not_polygon']),
      );
    }
    const empty = geojson({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '1', name: 'Xã Trống' },
          geometry: { type: 'Polygon', coordinates: [] },
        },
      ],
    });
    const e = await send(empty, `${ERA}&commit=0`, 'application/geo+json');
    expect(refused(e.body)).toEqual([expect.objectContaining({ row: 1, code: 'ring_too_short' })]);
  });

  it('refuses a file matched to the wrong era (codes reused across eras) and a system under which nothing lands in Vietnam', async () => {
    const legacy = realCollection('communes-legacy-laocai-yenbai-laichau-sonla-thanhhoa.geojson');
    const q = `${ERA}&commit=0&codeField=gso_ward_code_pre2025&nameField=commune_full_name&parentField=gso_province_code_pre2025&fileName=xa-2016.geojson`;
    const r = await send(geojson(legacy), q, 'application/geo+json');
    expect(r.status).toBe(200);
    expect(r.body.file.name).toBe('xa-2016.geojson');
    expect(refused(r.body)).toContainEqual(
      expect.objectContaining({ code: 'era_mismatch', row: null, sheet: 'xa-2016.geojson' }),
    );
    expect(r.body.issues.filter((i: any) => i.code === 'name_differs').length).toBeGreaterThan(5);
    const utm = await send(
      geojson(laoCai),
      `${ERA}&commit=0&crs=EPSG:3405`,
      'application/geo+json',
    );
    expect(refused(utm.body)).toContainEqual(
      expect.objectContaining({
        code: 'wrong_system',
        problem: expect.stringMatching(/looks like (WGS 84|VN-2000) \(kinh độ, vĩ độ\)/),
      }),
    );
  });

  it('refuses a system it does not know, a province outline as a new era, and a new era on its era’s first day', async () => {
    const body = geojson(laoCai);
    const crs = await send(body, `${ERA}&commit=0&crs=EPSG:9999`, 'application/geo+json');
    expect(crs.status).toBe(400);
    expect(crs.body.error.field).toBe('crs');
    const province = await send(
      body,
      `province=lao-cai&level=province&mode=new&validFrom=2026-01-01`,
      'application/geo+json',
    );
    expect(province.status).toBe(422);
    expect(province.body.error.field).toBe('mode');
    const sameDay = await send(
      body,
      `province=lao-cai&mode=new&validFrom=2025-07-01`,
      'application/geo+json',
    );
    expect(sameDay.status).toBe(422);
    expect(sameDay.body.error).toMatchObject({
      field: 'validFrom',
      message: expect.stringMatching(/begins on 2025-07-01/),
    });
  });

  it('retires a commune a file leaves out and takes it back from the corrected file; skip=1 writes the rest', async () => {
    const missing = { ...laoCai, features: laoCai.features.filter((_: any, i: number) => i !== 5) };
    const left = laoCai.features[5].properties.code;
    const one = await send(geojson(missing), `${ERA}&commit=1`, 'application/geo+json');
    expect(one.status).toBe(200);
    expect(one.body.units.retired.map((u: any) => u.code)).toEqual([left]);
    expect((await communesOf('prov-15-2025', '2025-07-01')).map((u) => u.code)).not.toContain(left);
    const back = await send(geojson(laoCai), `${ERA}&commit=1`, 'application/geo+json');
    expect(back.status).toBe(200);
    expect(back.body.units.added).toBe(1);
    const units = await communesOf('prov-15-2025', '2025-07-01');
    expect(units).toHaveLength(99);
    expect(units.find((u) => u.code === left)!.id).toMatch(/-r2$/);
    // A broken feature left out with skip=1: its commune keeps its boundary, the others are written.
    const broken = structuredClone(laoCai);
    broken.features[9].geometry = { type: 'Point', coordinates: [104, 22] };
    const before = units.find((u) => u.code === broken.features[9].properties.code)!;
    const no = await send(geojson(broken), `${ERA}&commit=1`, 'application/geo+json');
    expect(no.status).toBe(422);
    const yes = await send(geojson(broken), `${ERA}&commit=1&skip=1`, 'application/geo+json');
    expect(yes.status).toBe(200);
    expect(yes.body.units.retired).toEqual([]);
    const after = (await communesOf('prov-15-2025', '2025-07-01')).find((u) => u.id === before.id)!;
    expect(after.version).toBe(before.version);
  });

  it('reads the 1,293 legacy communes, keeps Lào Cai’s of 2024 and names every feature it cannot take', async () => {
    const legacy = realCollection('communes-legacy-laocai-yenbai-laichau-sonla-thanhhoa.geojson');
    expect(legacy.features).toHaveLength(1293);
    const q =
      'province=lao-cai&level=commune&validFrom=2024-06-01&codeField=gso_ward_code_pre2025&nameField=commune_full_name&parentField=gso_province_code_pre2025';
    const r = await send(geojson(legacy), `${q}&commit=0`, 'application/geo+json');
    expect(r.status).toBe(200);
    expect(r.body.file.features).toBe(1293);
    const mine = legacy.features.filter(
      (f: any) =>
        f.properties.gso_province_code_pre2025 === '10' || f.properties.province_name === 'Lào Cai',
    );
    const other = r.body.issues.find((i: any) => i.code === 'other_province');
    expect(other.values.count).toBeGreaterThan(1000);
    // The demo's communes before the reform are partly synthetic: its real codes match, the others would be added.
    expect(r.body.units.matched).toBeGreaterThan(40);
    expect(r.body.units.added).toBeGreaterThan(0);
    const missing = refused(r.body).filter((i: any) => i.code === 'code_missing');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0]).toMatchObject({ sheet: 'file.geojson', column: 'gso_ward_code_pre2025' });
    expect(r.body.units.matched + r.body.units.added).toBeLessThanOrEqual(mine.length);
  });

  it('reads the unsimplified Lai Châu file (168,686 vertices) within the limits', async () => {
    const full = realCollection('communes-2025-laichau-fullres.geojson');
    const r = await api.call(
      'POST',
      '/api/boundaries/import?province=lai-chau&level=commune&validFrom=2025-07-01&commit=0',
      {
        as: 'adminLaiChau',
        body: new TextEncoder().encode(JSON.stringify(full)),
        headers: { 'content-type': 'application/geo+json' },
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.file).toMatchObject({ features: 38, vertices: 168_686 });
    expect(refused(r.body)).toEqual([]);
    expect(r.body.units.matched + r.body.units.added).toBe(38);
  });

  it('starts a new era with its crosswalk from a CSV, refusing a row that names no unit, by sheet, row and column', async () => {
    const next = structuredClone(laoCai);
    // Two communes become one in the new era: the first keeps its code.
    const [a, b] = [next.features[0], next.features[1]];
    const merged = turf.union(turf.featureCollection([a, b]))!;
    a.geometry = merged.geometry;
    next.features.splice(1, 1);
    const rows = laoCai.features.map(
      (f: any) =>
        `${f.properties.code},${f.properties.code === b.properties.code ? a.properties.code : f.properties.code},1`,
    );
    const bad = zipOf({
      'xa.geojson': geojson(next),
      'chuyen-doi.csv': ['old_code,new_code,share', ...rows, '99999,02647,1'].join('\n'),
    });
    const q = 'province=lao-cai&level=commune&mode=new&validFrom=2026-11-01';
    const no = await send(bad, `${q}&commit=1`);
    expect(no.status).toBe(422);
    expect(no.body.error.issues).toEqual([
      expect.objectContaining({
        sheet: 'chuyen-doi.csv',
        row: rows.length + 2,
        column: 'old_code',
        code: 'crosswalk_unknown_old',
      }),
    ]);
    const zip = zipOf({
      'xa.geojson': geojson(next),
      'chuyen-doi.csv': ['old_code,new_code,share', ...rows].join('\n'),
    });
    const done = await send(zip, `${q}&commit=1`);
    expect(done.status).toBe(200);
    expect(done.body.crosswalk).toMatchObject({ source: 'csv', links: 99, ambiguous: [] });
    expect(done.body.units.added).toBe(98);
    const fresh = await api.get(
      '/api/units?province=lao-cai&level=commune&asOf=2026-11-10',
      'admin',
    );
    expect(fresh.body.features).toHaveLength(98);
    const first = fresh.body.features.find((f: any) => f.properties.code === a.properties.code);
    expect(first.id).toBe(`com-${a.properties.code}-2026-11-01`);
    expect(first.properties.predecessorIds).toHaveLength(2);
    const old = await api.get('/api/units?province=lao-cai&level=commune&asOf=2026-10-31', 'admin');
    expect(old.body.features).toHaveLength(99);
  });
});

/** 10 million positions of GeoJSON, about 60 MB of text. */
function tenMillion(): Uint8Array {
  return manyVertices(10_000_000);
}
function manyVertices(n: number): Uint8Array {
  const head =
    '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1"},"geometry":{"type":"Polygon","coordinates":[[';
  const tail = '[0,0]]]}}]}';
  const unit = new TextEncoder().encode('[0,0],');
  const h = new TextEncoder().encode(head);
  const tl = new TextEncoder().encode(tail);
  const out = new Uint8Array(h.length + unit.length * (n - 1) + tl.length);
  out.set(h, 0);
  for (let i = 0; i < n - 1; i++) out.set(unit, h.length + i * unit.length);
  out.set(tl, h.length + unit.length * (n - 1));
  return out;
}
