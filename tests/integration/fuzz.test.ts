/**
 * Malformed requests over every route of the policy table, generated from the routes' own zod contracts:
 * each body and query is built from the contract's JSON Schema with values of the right and of the wrong
 * kinds (NUL, huge, negative, empty, nested, formula text). None may answer 5xx; every 4xx is the one
 * error body, naming a field where it names one; the server answers afterwards.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS } from '@pcmt/server/http/contracts';
import { ROUTE_POLICY, can, type Role } from '@pcmt/shared/policy';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi, type TestUser } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const NASTY = fc.constantFrom<unknown>(
  null,
  '',
  '\u0000',
  'a\u0000b',
  '=HYPERLINK("http://x")',
  'x'.repeat(5000),
  '2024-02-30',
  '31/12/2024',
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53,
  0.5,
  true,
  [],
  {},
  [[[[[]]]]],
  { $ne: 1 },
  'lc-2024-peak',
  'sl-2023-coop',
  'com-10-0004',
);

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  const?: unknown;
};

/** Values for a JSON Schema node: of its own kind most of the time, of any other kind otherwise. */
function arb(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  const alts = s.anyOf ?? s.oneOf;
  if (alts && depth < 4) return fc.oneof(...alts.map((x) => arb(x, depth + 1)), NASTY);
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), NASTY);
  if (s.const !== undefined) return fc.oneof(fc.constant(s.const), NASTY);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' && depth < 4) {
    const entries = Object.entries(s.properties ?? {}).map(
      ([k, v]) => [k, arb(v, depth + 1)] as const,
    );
    return fc.oneof(
      { weight: 4, arbitrary: fc.record(Object.fromEntries(entries), { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), NASTY, { maxKeys: 3 }) },
      { weight: 1, arbitrary: NASTY },
    );
  }
  if (type === 'array' && depth < 4)
    return fc.oneof(fc.array(s.items ? arb(s.items, depth + 1) : NASTY, { maxLength: 4 }), NASTY);
  const own =
    type === 'string'
      ? fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('2024-09-10', 'lao-cai', 'retail_point'),
        )
      : type === 'integer'
        ? fc.integer({ min: -1000, max: 100_000 })
        : type === 'number'
          ? fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
          : type === 'boolean'
            ? fc.boolean()
            : NASTY;
  return fc.oneof({ weight: 3, arbitrary: own }, { weight: 1, arbitrary: NASTY });
}

const ID = fc.constantFrom(
  'lc-2024-peak',
  'lc-2024-peak-q01',
  'lc-2024-peak-p1',
  'crossing-01',
  'x',
  '%00',
  '..',
  'a'.repeat(200),
  'plan-none',
);
const AS: Record<Role, TestUser> = {
  commander: 'commander',
  border_unit: 'border',
  planner: 'plannerLaoCai',
  admin: 'admin',
};
const roleFor = (permission: string) =>
  (['commander', 'planner', 'border_unit', 'admin'] as Role[]).find((r) =>
    can(r, permission as never),
  ) ?? 'admin';

const routes = ROUTE_POLICY.map((r) => ({ ...r, key: `${r.method} ${r.path}` }));
const requests = fc.record({
  route: fc.constantFrom(...routes),
  ids: fc.array(ID, { minLength: 2, maxLength: 2 }),
  seed: fc.integer(),
});

describe(`fuzzing every route (${process.env.DB_ENGINE})`, () => {
  it('has a contract for every route of the policy table', () => {
    expect(Object.keys(CONTRACTS).sort()).toEqual(routes.map((r) => r.key).sort());
  });

  it(`answers ${RUNS} malformed requests without a 5xx, each 4xx the one error body`, async () => {
    const bodies = new Map(
      routes.map((r) => [
        r.key,
        arb(z.toJSONSchema(CONTRACTS[r.key]!, { unrepresentable: 'any' }) as Schema),
      ]),
    );
    let n = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requests, async ({ route, ids, seed }) => {
        const value = fc.sample(bodies.get(route.key)!, { seed, numRuns: 1 })[0];
        let path = route.path
          .replace(':id', encodeURIComponent(ids[0]!))
          .replace(':list', ids[1]!.slice(0, 12))
          .replace(':n', String(seed % 10));
        const write = route.method !== 'GET';
        if (!write && value && typeof value === 'object' && !Array.isArray(value)) {
          const q = new URLSearchParams();
          for (const [k, v] of Object.entries(value))
            q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
          path += `?${q.toString()}`;
        }
        const r = await api.call(route.method, path, {
          as: AS[roleFor(route.permission)],
          body: write ? (value === undefined ? null : value) : undefined,
        });
        n++;
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        expect(
          r.status,
          `${route.method} ${path} ${JSON.stringify(value)?.slice(0, 300)} → ${JSON.stringify(r.body)?.slice(0, 300)}`,
        ).toBeLessThan(500);
        if (r.status >= 400) {
          expect(typeof r.body?.error?.code, JSON.stringify(r.body)).toBe('string');
          if (r.body.error.field !== undefined) expect(r.body.error.field).toMatch(/\S/);
        }
      }),
      { numRuns: RUNS },
    );
    expect(n).toBe(RUNS);
    // Some requests got through to a service (not every one stopped at validation).
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect((await api.get('/api/health')).status).toBe(200);
  }, 900_000);
});
