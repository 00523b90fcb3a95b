/** The API document: generated from the policy table and the contracts, served here with its reader. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROUTE_POLICY, type Role } from '@pcmt/shared/policy';
import { z } from 'zod';
import { CONTRACTS } from '@pcmt/server/http/contracts';
import { EXAMPLES } from '@pcmt/server/http/examples';
import { FILE_ROUTES } from '@pcmt/server/http/guards';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi, type TestUser } from '../support/app.ts';

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

  it('carries an example for every route that its contract accepts, in the document too', async () => {
    const keys = ROUTE_POLICY.map((r) => `${r.method} ${r.path}`);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...keys].sort());
    const doc = (await api.get('/api/openapi.json', 'commander')).body;
    for (const r of ROUTE_POLICY) {
      const key = `${r.method} ${r.path}`;
      const ex = EXAMPLES[key]!;
      const names = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      expect(Object.keys(ex.params ?? {}).sort(), key).toEqual([...names].sort());
      const contract = CONTRACTS[key]!;
      const properties = Object.keys(
        (z.toJSONSchema(contract, { unrepresentable: 'any', io: 'input' }) as any).properties ?? {},
      );
      const payload = r.method === 'GET' || r.path in FILE_ROUTES ? ex.query : ex.body;
      if (r.method === 'GET' || r.path in FILE_ROUTES) {
        expect(ex.body, key).toBeUndefined();
        // A query key the contract does not name would be dropped silently: none is allowed.
        for (const name of Object.keys(ex.query ?? {})) expect(properties, key).toContain(name);
      } else expect(ex.body, key).toBeDefined();
      const parsed = contract.safeParse(payload ?? {});
      expect(parsed.success, `${key}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
      for (const [name, value] of Object.entries({ ...ex.params, ...ex.query }))
        expect(op.parameters.find((p: any) => p.name === name)?.example, `${key} ${name}`).toBe(
          value,
        );
      if (ex.body !== undefined)
        expect(op.requestBody.content['application/json'].example).toEqual(ex.body);
    }
  });

  it('sends every example to the app as a role allowed to: none is refused as malformed, none fails', async () => {
    const AS: Record<Role, TestUser> = {
      commander: 'commander',
      border_unit: 'border',
      planner: 'plannerLaoCai',
      admin: 'admin',
    };
    const statuses: Record<string, number> = {};
    for (const r of ROUTE_POLICY) {
      const key = `${r.method} ${r.path}`;
      if (r.path in FILE_ROUTES) continue; // the body is a file: the import and minute tests send real ones
      const ex = EXAMPLES[key]!;
      const role = (Object.keys(AS) as Role[]).find((x) => can(x, r.permission))!;
      const path =
        r.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ex.params![name]!)) +
        (ex.query ? `?${new URLSearchParams(ex.query)}` : '');
      const res = await api.call(r.method, path, { as: AS[role], body: ex.body });
      statuses[key] = res.status;
      expect(res.status, `${key} → ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
      expect(res.status, `${key} → ${JSON.stringify(res.body).slice(0, 300)}`).not.toBe(400);
    }
    // Nearly every example names demo records and is served or written as it stands (ids the server makes, such
    // as a user's or a task's, cannot be known in advance).
    const done = Object.values(statuses).filter((s) => s === 200 || s === 201).length;
    expect(done / Object.keys(statuses).length).toBeGreaterThan(0.85);
  });

  it('is behind the sign-in like every route', async () => {
    expect((await api.raw('GET', '/api/openapi.json')).status).toBe(401);
  });
});
