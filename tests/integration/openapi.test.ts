/** The API document: generated from the policy table and the contracts, served here with its reader. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_POLICY } from '@pcmt/shared/policy';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

describe(`OpenAPI document (${process.env.DB_ENGINE})`, () => {
  it('lists every route of the policy table with its method, parameters and body', async () => {
    const r = await api.get('/api/openapi.json', 'commander');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    for (const route of ROUTE_POLICY) {
      const op = r.body.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      for (const [, name] of route.path.matchAll(/:(\w+)/g))
        expect(op.parameters.some((p: any) => p.in === 'path' && p.name === name)).toBe(true);
    }
    const hotspot =
      r.body.paths['/api/hotspots'].post.requestBody.content['application/json'].schema;
    expect(hotspot.required).toEqual(
      expect.arrayContaining(['kind', 'identifiedOn', 'lng', 'lat']),
    );
    expect(hotspot.properties.kind.enum).toContain('retail_point');
    const upload = r.body.paths['/api/figures/import'].post.requestBody.content;
    expect(Object.keys(upload)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const units = r.body.paths['/api/units'].get.parameters.map((p: any) => p.name);
    expect(units).toEqual(expect.arrayContaining(['level', 'province', 'asOf']));
  });

  it('serves Swagger UI from this server, with no script or style from another host', async () => {
    const page = await api.get('/api/docs', 'planner');
    expect(page.status).toBe(200);
    const html = String(page.body);
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(1);
    for (const s of sources) {
      expect(s.startsWith('/api/docs/')).toBe(true);
      expect((await api.get(s, 'planner')).status).toBe(200);
    }
    expect(html).not.toMatch(/<script>[^<]/);
  });

  it('is behind the sign-in like every route', async () => {
    expect((await api.raw('GET', '/api/openapi.json')).status).toBe(401);
  });
});
