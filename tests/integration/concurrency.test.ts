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

describe(`concurrent editing (${process.env.DB_ENGINE})`, () => {
  it('gives exactly one success and one 412 for each pair of same-version edits', async () => {
    for (let i = 0; i < 15; i++) {
      const current = await api.get('/api/crossings/crossing-01', 'border');
      const etag = current.headers.get('etag')!;
      const [a, b] = await Promise.all(
        ['A', 'B'].map((who) =>
          api.call('PATCH', '/api/crossings/crossing-01', {
            as: 'border',
            body: { counterpartGate: `${who}${i}` },
            headers: { 'if-match': etag },
          }),
        ),
      );
      expect([a!.status, b!.status].sort()).toEqual([200, 412]);
      const stale = a!.status === 412 ? a! : b!;
      expect(stale.body.current.version).toBe(Number(etag.replaceAll('"', '')) + 1);
    }
  });

  it('asks for the version (428) and refuses an old one (412) on every versioned write', async () => {
    const missing = await api.call('PATCH', '/api/crossings/crossing-01', {
      as: 'border',
      body: { name: 'x' },
    });
    expect(missing.status).toBe(428);
    const old = await api.call('PATCH', '/api/crossings/crossing-01', {
      as: 'border',
      body: { name: 'x', version: 1 },
    });
    expect(old.status).toBe(412);
    expect(old.body.current.name).toBe('Lào Cai (cầu Lào Cai – Hà Khẩu)');
  });

  it('makes one plan of ten concurrent creations for a commune and campaign; the rest are 409s naming unitId', async () => {
    const planned = new Set(
      (await api.get('/api/plans', 'plannerLaoCai')).body.map((p: any) => p.unitId),
    );
    const units = (await api.get('/api/units?province=lao-cai&level=commune&asOf=2026-11-22')).body
      .features;
    const unitId = units.find((u: any) => !planned.has(u.id)).id;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.call('POST', '/api/plans', {
          as: 'plannerLaoCai',
          body: {
            unitId,
            targetTier: 'drug_free',
            targetDate: '2030-12-31',
            campaignId: 'lc-2026-p4',
          },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201))
      expect([a.status, a.body.error.field]).toEqual([409, 'unitId']);
    const plans = (await api.get('/api/plans', 'plannerLaoCai')).body.filter(
      (p: any) => p.unitId === unitId,
    );
    expect(plans).toHaveLength(1);
  });

  it('adds parallel progress entries exactly', async () => {
    const total = async () =>
      (await api.get('/api/campaigns/lc-2024-peak')).body.quotas.find(
        (q: any) => q.id === 'lc-2024-peak-q02',
      ).achieved as number;
    const before = await total();
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        api.call('POST', '/api/quotas/lc-2024-peak-q02/progress', {
          as: 'commander',
          body: { recordedOn: '2024-10-15', value: 2 },
        }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await total()).toBe(before + 120);
  });
});
