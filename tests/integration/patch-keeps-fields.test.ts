/**
 * An edit changes only the fields it sends: a crossing's hours, a task's status or an agency's name leave every
 * other field as it was (the edit schemas had the create schemas' defaults, and reset unsent fields to them).
 */
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

describe(`an edit keeps what it does not send (${process.env.DB_ENGINE})`, () => {
  it('a crossing keeps its counterpart gate, hours and partner units when only its note changes', async () => {
    const before = (await api.call('GET', '/api/crossings/crossing-01', { as: 'border' })).body;
    expect(before.counterpartGate).toBe('Hà Khẩu (Hekou)');
    const r = await api.call('PATCH', '/api/crossings/crossing-01', {
      as: 'border',
      body: { hoursNote: 'Hằng ngày', version: before.version },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    for (const k of ['counterpartGate', 'opensAt', 'closesAt', 'counterpartGateLocal'])
      expect(r.body[k], k).toBe(before[k]);
    expect(r.body.partnerAgencyIds).toEqual(before.partnerAgencyIds);
    expect(r.body.hoursNote).toBe('Hằng ngày');
  });

  it('a task keeps its lead and co-ordinating agencies when it is marked done', async () => {
    const plans = (await api.call('GET', '/api/plans', { as: 'planner' })).body;
    const plan = plans.find((p: any) => p.status !== 'recognised') ?? plans[0];
    const agencies = (await api.call('GET', '/api/agencies', { as: 'planner' })).body;
    const [lead, co] = agencies.filter((a: any) => a.provinceSlug === 'lai-chau');
    const made = await api.call('POST', `/api/plans/${plan.id}/tasks`, {
      as: 'planner',
      body: {
        title: 'Rà soát hộ',
        dueOn: '2027-03-31',
        leadAgencyId: lead.id,
        coAgencyIds: [co.id],
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const done = await api.call('PATCH', `/api/tasks/${made.body.id}`, {
      as: 'planner',
      body: { status: 'done', version: made.body.version },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ leadAgencyId: lead.id, coAgencyIds: [co.id] });
  });

  it('an agency keeps its commune when only its name changes', async () => {
    const agencies = (await api.call('GET', '/api/agencies', { as: 'admin' })).body;
    const a = agencies.find((x: any) => x.unitId);
    const r = await api.call('PATCH', `/api/agencies/${a.id}`, {
      as: 'admin',
      body: { name: `${a.name} (sửa)`, version: a.version },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.unitId).toBe(a.unitId);
  });
});
