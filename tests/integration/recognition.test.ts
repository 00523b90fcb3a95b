/**
 * A plan's way to recognition as drug-free: the 8 criteria ticked with their history and evidence (a PNG and a PDF,
 * refused when too big or of another kind), the proposal (only at 8/8), the council's appraisal and the recognition
 * by the commander with their decision numbers, a regression that reopens it, and the refusals by field.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@pcmt/server/db/schema';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi, type TestUser } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
let planId: string;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
  // A Lào Cai commune with no hotspot alive (criterion 1 can truly be met).
  planId = 'plan-com-15n-009';
});
afterAll(() => t.close());

const TODAY = '2026-11-22';
const planNow = async () =>
  (await api.call('GET', '/api/plans', { as: 'plannerLaoCai' })).body.find(
    (p: any) => p.id === planId,
  );
const history = async () =>
  (await api.call('GET', `/api/plans/${planId}/history`, { as: 'plannerLaoCai' })).body;
const tick = async (n: number, met = true, checkedOn = TODAY) => {
  const check = (await planNow()).criteria.find((c: any) => c.criterion === n);
  return api.call('PUT', `/api/plans/${planId}/criteria/${n}`, {
    as: 'plannerLaoCai',
    body: { met, checkedOn, note: `Kiểm tra tiêu chí ${n} tại thôn`, version: check?.version },
  });
};
const step = async (as: TestUser, body: Record<string, unknown>) =>
  api.call('POST', `/api/plans/${planId}/steps`, {
    as,
    body: { on: TODAY, version: (await planNow()).version, ...body },
  });
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const upload = (checkId: number, body: Uint8Array, type: string) =>
  api.call('POST', `/api/checks/${checkId}/evidence`, {
    as: 'plannerLaoCai',
    body,
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent('Biên bản kiểm tra.pdf') },
  });

describe(`recognition as drug-free (${process.env.DB_ENGINE})`, () => {
  it('refuses a proposal before the 8 criteria are met, naming the step', async () => {
    const r = await step('plannerLaoCai', { step: 'proposed' });
    expect(r.status).toBe(422);
    expect(r.body.error.field).toBe('step');
    expect(r.body.error.message).toMatch(/of the 8 criteria/);
    // A code the dashboard words in Vietnamese.
    expect(r.body.error.code).toBe('criteria_unmet');
  });

  it('keeps every check with the role that recorded it, and evidence files on a check', async () => {
    expect((await tick(1, false)).status).toBe(200);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect((await tick(n)).status).toBe(200);
    const h = await history();
    const first = h.checks.filter((c: any) => c.criterion === 1);
    // The plan's first check, the untick and the tick: the history keeps all three.
    expect(first.map((c: any) => c.met).slice(-2)).toEqual([false, true]);
    expect(first.at(-1)).toMatchObject({ recordedRole: 'planner', checkedOn: TODAY });
    const checkId = first.at(-1).id as number;
    const png = await upload(checkId, PNG, 'image/png');
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({ mime: 'image/png', fileName: 'Biên bản kiểm tra.pdf.png' });
    const pdf = await upload(checkId, PDF, 'application/pdf');
    expect(pdf.body.mime).toBe('application/pdf');
    const files = (await history()).checks.find((c: any) => c.id === checkId).evidence;
    expect(files.map((f: any) => f.mime).sort()).toEqual(['application/pdf', 'image/png']);
    const read = await api.call('GET', `/api/checks/${checkId}/evidence/${png.body.id}`, {
      as: 'commander',
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/png');
    expect(read.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses evidence of another kind (415), too big (413) or empty (422), storing nothing', async () => {
    const checkId = (await history()).checks.at(-1).id as number;
    const before = (await history()).checks.find((c: any) => c.id === checkId).evidence.length;
    const text = await upload(checkId, new TextEncoder().encode('hello'), 'application/pdf');
    expect(text.status).toBe(415);
    expect(text.body.error.field).toBe('file');
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await upload(checkId, big, 'image/png')).status).toBe(413);
    expect((await upload(checkId, PNG, 'text/plain')).status).toBe(415);
    expect((await upload(checkId, new Uint8Array(0), 'image/png')).status).toBe(422);
    const after = (await history()).checks.find((c: any) => c.id === checkId).evidence.length;
    expect(after).toBe(before);
  });

  it('carries it through proposal, appraisal and recognition, each step by its role, audited', async () => {
    const early = await step('commander', { step: 'proposed' });
    expect(early.status).toBe(403);
    const proposed = await step('plannerLaoCai', { step: 'proposed', note: 'Đủ 8/8 tiêu chí' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const noNumber = await step('commander', { step: 'appraised' });
    expect(noNumber.status).toBe(422);
    expect(noNumber.body.error.field).toBe('decisionNumber');
    const byPlanner = await step('plannerLaoCai', { step: 'appraised', decisionNumber: '1' });
    expect(byPlanner.status).toBe(403);
    const appraised = await step('commander', {
      step: 'appraised',
      decisionNumber: '15/QĐ-HĐTĐ',
    });
    expect(appraised.status).toBe(201);
    const recognised = await step('commander', {
      step: 'recognised',
      decisionNumber: '230/QĐ-UBND',
    });
    expect(recognised.status).toBe(201);
    expect(recognised.body.plan.status).toBe('achieved');
    const steps = (await history()).steps;
    expect(steps.map((s: any) => [s.step, s.decisionNumber, s.recordedRole])).toEqual([
      ['proposed', null, 'planner'],
      ['appraised', '15/QĐ-HĐTĐ', 'commander'],
      ['recognised', '230/QĐ-UBND', 'commander'],
    ]);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.objectId, planId));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['plan.proposed', 'plan.appraised', 'plan.recognised']),
    );
  });

  it('refuses a stale version (412), a step before the last (422 on) and a future day (422 on)', async () => {
    const p = await planNow();
    const stale = await api.call('POST', `/api/plans/${planId}/steps`, {
      as: 'plannerLaoCai',
      body: { step: 'reverified', on: TODAY, version: p.version - 1 },
    });
    expect(stale.status).toBe(412);
    const before = await step('plannerLaoCai', { step: 'reverified', on: '2026-01-01' });
    expect(before.status).toBe(422);
    expect(before.body.error.field).toBe('on');
    const future = await step('plannerLaoCai', { step: 'reverified', on: '2026-12-31' });
    expect(future.status).toBe(422);
    expect(future.body.error.field).toBe('on');
  });

  it('refuses to put forward a unit whose hotspots are still active, whatever its ticks say', async () => {
    const busy = 'plan-com-15n-001'; // three hotspots alive in the demo
    const plan = async () =>
      (await api.call('GET', '/api/plans', { as: 'plannerLaoCai' })).body.find(
        (p: any) => p.id === busy,
      );
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const check = (await plan()).criteria.find((c: any) => c.criterion === n);
      await api.call('PUT', `/api/plans/${busy}/criteria/${n}`, {
        as: 'plannerLaoCai',
        body: { met: true, checkedOn: TODAY, version: check.version },
      });
    }
    const r = await api.call('POST', `/api/plans/${busy}/steps`, {
      as: 'plannerLaoCai',
      body: { step: 'proposed', on: TODAY, version: (await plan()).version },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.field).toBe('step');
    expect(r.body.error.message).toMatch(/3 hotspot\(s\) of the unit are active/);
    expect(r.body.error.code).toBe('hotspots_active');
  });

  it('reopens a recognised unit on a regression', async () => {
    const r = await step('plannerLaoCai', {
      step: 'regressed',
      note: 'Phát hiện điểm tái phức tạp tại thôn',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.plan.status).toBe('in_progress');
    expect((await history()).steps.at(-1).step).toBe('regressed');
  });
});
