/**
 * Every id a write points at is looked up in the caller's scope and the written object's province:
 * another province's agency, unit, campaign or phase is a 404 naming the field, audited as a denial.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@pcmt/server/db/schema';
import { z } from 'zod';
import { CONTRACTS } from '@pcmt/server/http/contracts';
import { EXAMPLES } from '@pcmt/server/http/examples';
import { can, ROUTE_POLICY, type Role } from '@pcmt/shared/policy';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi, type TestUser } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
let sonLa: { agency: string; commune: string; phase: string };
let laoCai: { plan: string; user: any; agency: any; commune: string };
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
  const agencies = (await api.get('/api/agencies')).body;
  const communes = async (p: string) =>
    (await api.get(`/api/units?province=${p}&level=commune&asOf=2026-11-22`)).body.features;
  const plans = (await api.get('/api/plans')).body;
  const planned = new Set(plans.map((p: any) => p.unitId));
  sonLa = {
    agency: agencies.find((a: any) => a.provinceSlug === 'son-la').id,
    commune: (await communes('son-la'))[0].id,
    phase: (await api.get('/api/campaigns/sl-2023-coop')).body.phases[0].id,
  };
  laoCai = {
    plan: plans.find((p: any) => p.provinceSlug === 'lao-cai').id,
    user: (await api.get('/api/users')).body.find((u: any) => u.provinceSlug === 'lao-cai'),
    agency: agencies.find((a: any) => a.provinceSlug === 'lao-cai'),
    commune: (await communes('lao-cai')).find((u: any) => !planned.has(u.id)).id,
  };
});
afterAll(() => t.close());

const denials = async () =>
  (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.outcome, 'denied')))[0]!.n;

describe(`references in writes (${process.env.DB_ENGINE})`, () => {
  const cases: [string, TestUser, string, () => { path: string; body: object }, string][] = [
    [
      'an agency on another province’s unit',
      'admin',
      'POST',
      () => ({
        path: '/api/agencies',
        body: { kind: 'commune_police', name: 'Công an xã thử', unitId: sonLa.commune },
      }),
      'unitId',
    ],
    [
      'an agency moved to another province’s unit',
      'admin',
      'PATCH',
      () => ({
        path: `/api/agencies/${laoCai.agency.id}`,
        body: { unitId: sonLa.commune, version: laoCai.agency.version },
      }),
      'unitId',
    ],
    [
      'a user of another province’s agency',
      'admin',
      'POST',
      () => ({
        path: '/api/users',
        body: {
          username: 'can.bo.ref',
          password: 'Mat-khau-dai-2026',
          role: 'commander',
          provinceSlug: 'lao-cai',
          agencyId: sonLa.agency,
        },
      }),
      'agencyId',
    ],
    [
      'a user moved to another province’s agency',
      'admin',
      'PATCH',
      () => ({
        path: `/api/users/${laoCai.user.id}`,
        body: { agencyId: sonLa.agency, version: laoCai.user.version },
      }),
      'agencyId',
    ],
    [
      'a plan on another province’s campaign',
      'plannerLaoCai',
      'POST',
      () => ({
        path: '/api/plans',
        body: {
          unitId: laoCai.commune,
          targetTier: 'drug_free',
          targetDate: '2030-12-31',
          campaignId: 'sl-2023-coop',
        },
      }),
      'campaignId',
    ],
    [
      'a plan aiming at another province’s phase',
      'plannerLaoCai',
      'POST',
      () => ({
        path: '/api/plans',
        body: {
          unitId: laoCai.commune,
          targetTier: 'drug_free',
          targetDate: '2030-12-31',
          campaignId: 'lc-2026-p4',
          targetPhaseId: sonLa.phase,
        },
      }),
      'targetPhaseId',
    ],
    [
      'a task led by another province’s agency',
      'plannerLaoCai',
      'POST',
      () => ({
        path: `/api/plans/${laoCai.plan}/tasks`,
        body: { title: 'Tuyên truyền', dueOn: '2027-01-31', leadAgencyId: sonLa.agency },
      }),
      'leadAgencyId',
    ],
  ];
  it.each(cases)(
    'refuses %s: 404 naming the field, audited',
    async (_, as, method, make, field) => {
      const before = await denials();
      const { path, body } = make();
      const r = await api.call(method, path, { as, body });
      expect([r.status, r.body.error?.field], JSON.stringify(r.body)).toEqual([404, field]);
      expect(await denials()).toBe(before + 1);
    },
  );

  it('refuses a phase of another campaign of the province', async () => {
    const other = (await api.get('/api/campaigns/lc-2024-peak')).body.phases[0].id;
    const r = await api.call('POST', '/api/plans', {
      as: 'plannerLaoCai',
      body: {
        unitId: laoCai.commune,
        targetTier: 'drug_free',
        targetDate: '2030-12-31',
        campaignId: 'lc-2026-p4',
        targetPhaseId: other,
      },
    });
    expect([r.status, r.body.error.field]).toEqual([422, 'targetPhaseId']);
  });

  it('accepts the same writes with the province’s own references', async () => {
    const own = (await api.get('/api/campaigns/lc-2026-p4')).body.phases[0].id;
    const r = await api.call('POST', '/api/plans', {
      as: 'plannerLaoCai',
      body: {
        unitId: laoCai.commune,
        targetTier: 'drug_free',
        targetDate: '2030-12-31',
        campaignId: 'lc-2026-p4',
        targetPhaseId: own,
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });
});

/**
 * Every field of every contract that names another record, found in the contracts themselves (an `…Id`/`…Ids` field,
 * or the `campaign`, `phase`, `unit`, `crossing` of a query): each is sent holding another province's record, on the
 * route's example request, and must be a 404 naming it. A new reference field is in this matrix the day it is added.
 */
const NOT_REFERENCES: Record<string, string> = {
  unit: 'a quota’s unit of measure (case, kg …)',
  phase: 'a campaign body’s quota or deadline names its phase by index in `phases`',
};
const QUERY_REFS = new Set(['campaign', 'phase', 'unit', 'crossing']);

function referenceFields(): { route: string; path: string; query: boolean }[] {
  const out: { route: string; path: string; query: boolean }[] = [];
  for (const r of ROUTE_POLICY) {
    const route = `${r.method} ${r.path}`;
    const query = r.method === 'GET';
    const walk = (schema: any, path: string) => {
      if (!schema || typeof schema !== 'object') return;
      for (const [name, sub] of Object.entries<any>(schema.properties ?? {})) {
        const p = path ? `${path}.${name}` : name;
        const isRef =
          /(Id|Ids)$/.test(name) || (query && QUERY_REFS.has(name)) || (path && name === 'id');
        if (isRef && !(path && NOT_REFERENCES[name])) out.push({ route, path: p, query });
        walk(sub, p);
      }
      if (schema.items) walk(schema.items, `${path}[]`);
      for (const alt of [...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) walk(alt, path);
    };
    walk(z.toJSONSchema(CONTRACTS[route]!, { unrepresentable: 'any', io: 'input' }), '');
  }
  return out;
}

describe(`every reference field of every contract (${process.env.DB_ENGINE})`, () => {
  const AS: Record<Role, TestUser> = {
    commander: 'commander',
    border_unit: 'border',
    planner: 'plannerLaoCai',
    admin: 'admin',
  };
  const fields = referenceFields();

  it('finds the reference fields the contracts hold', () => {
    const found = new Set(fields.map((f) => `${f.route} ${f.path}`));
    for (const known of [
      'POST /api/agencies unitId',
      'POST /api/users agencyId',
      'POST /api/plans campaignId',
      'POST /api/plans targetPhaseId',
      'GET /api/hotspots campaign',
      'PUT /api/campaigns/:id quotas[].agencyId',
      'PUT /api/campaigns/:id phases[].id',
    ])
      expect(found, known).toContain(known);
    expect(found.size).toBeGreaterThan(25);
  });

  /** Another province's record of the kind a field names. */
  const foreign = (path: string): string => {
    const name = path.split('.').at(-1)!.replace('[]', '');
    const parent = path.includes('.') ? path.split('.').at(-2)!.replace('[]', '') : '';
    if (name === 'id')
      return { phases: sonLa.phase, quotas: 'th-2023-q1', deadlines: 'sl-2023-coop-d1' }[parent]!;
    if (/agency/i.test(name)) return sonLa.agency;
    if (/^unit(Id)?$/.test(name)) return sonLa.commune;
    if (/phase/i.test(name)) return sonLa.phase;
    if (/campaign/i.test(name)) return 'sl-2023-coop';
    if (/crossing/i.test(name)) return 'crossing-07';
    throw new Error(`${path}: which kind of record does it name? add it here`);
  };
  /** The example with `path` set to `value` (in the first element of an array). */
  const withField = (example: any, path: string, value: unknown) => {
    const copy = structuredClone(example ?? {});
    const parts = path.split('.');
    let at = copy;
    for (const part of parts.slice(0, -1)) {
      const key = part.replace('[]', '');
      if (part.endsWith('[]')) {
        if (!at[key]?.length) throw new Error(`${path}: the example has no ${key} to set it in`);
        at = at[key][0];
        if (key === 'quotas' && /unitId$/.test(path)) at.agencyId = null; // one holder per quota
      } else at = at[key] ??= {};
    }
    const last = parts.at(-1)!;
    at[last] = /Ids$/.test(last) ? [value] : value;
    if (/quotas.*unitId$/.test(path) || (last === 'unitId' && 'agencyId' in at)) at.agencyId = null;
    return copy;
  };
  /** Path ids the server makes (a task's, a user's) cannot be in the examples: these are looked up. */
  const liveParams = async (route: string, params: Record<string, string>) => {
    if (route === 'PATCH /api/tasks/:id') {
      const t = await api.call('POST', `/api/plans/${laoCai.plan}/tasks`, {
        as: 'plannerLaoCai',
        body: { title: 'Rà soát', dueOn: '2027-01-31' },
      });
      return { id: t.body.id as string };
    }
    if (route === 'PATCH /api/users/:id') return { id: laoCai.user.id as string };
    if (route === 'PATCH /api/agencies/:id') return { id: laoCai.agency.id as string };
    return params;
  };

  it.each(fields.map((f) => [`${f.route} ${f.path}`, f] as const))(
    '%s holding another province’s record: 404 naming it',
    async (_, f) => {
      const r = ROUTE_POLICY.find((x) => `${x.method} ${x.path}` === f.route)!;
      const example = EXAMPLES[f.route]!;
      const role = (Object.keys(AS) as Role[]).find((x) => can(x, r.permission))!;
      const params = await liveParams(f.route, example.params ?? {});
      let path = r.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name]!));
      let body: unknown;
      if (f.query)
        path += `?${new URLSearchParams(withField(example.query, f.path, foreign(f.path)))}`;
      else body = withField(example.body, f.path, foreign(f.path));
      const res = await api.call(r.method, path, { as: AS[role], body });
      const field = f.path.replace('[]', '.0') + (/Ids$/.test(f.path) ? '.0' : '');
      expect([res.status, res.body?.error?.field], JSON.stringify(res.body).slice(0, 300)).toEqual([
        404,
        field,
      ]);
    },
  );
});
