/**
 * Every id a write points at is looked up in the caller's scope and the written object's province:
 * another province's agency, unit, campaign or phase is a 404 naming the field, audited as a denial.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@pcmt/server/db/schema';
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
