/**
 * Villages (thôn, bản, tổ dân phố) as a unit level below the commune: Lai Châu city's 72, their commune in each era
 * (the plan spans the July 2025 reform), plans for a village with a target tier per phase, the "villages at 8/8"
 * objective counted from their checks, and a village's own hotspots stopping its proposal.
 */
import * as turf from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { hotspots } from '@pcmt/server/db/schema';
import { campaignSnapshot } from '@pcmt/server/services/snapshot';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

const SAN_THANG = 'com-12-0320';
const villagesOn = async (asOf: string) =>
  (await api.get(`/api/units?province=lai-chau&level=village&asOf=${asOf}`, 'planner')).body;

describe(`villages (${process.env.DB_ENGINE})`, () => {
  it('serves Lai Châu city’s 72 villages, each under its commune of the day', async () => {
    const before = await villagesOn('2025-06-30');
    expect(before.features).toHaveLength(72);
    const inSanThang = before.features.filter((f: any) => f.properties.parentId === SAN_THANG);
    expect(inSanThang).toHaveLength(7);
    const after = await villagesOn('2025-08-01');
    const newParents = new Set(
      after.features
        .filter((f: any) => inSanThang.some((v: any) => v.id === f.id))
        .map((f: any) => f.properties.parentId),
    );
    // San Thàng went whole into one commune of the 2025 era.
    expect([...newParents]).toHaveLength(1);
    const [newCommune] = [...newParents] as string[];
    const detail = (await api.get(`/api/units/${newCommune}`, 'planner')).body;
    expect(detail.level).toBe('commune');
    expect(detail.validTo).toBeNull();
    expect(detail.villages.map((v: any) => v.id)).toEqual(
      expect.arrayContaining(inSanThang.map((v: any) => v.id)),
    );
    // A village's communes, era by era.
    const village = (await api.get(`/api/units/${inSanThang[0].id}`, 'planner')).body;
    expect(village.communes.map((c: any) => c.id)).toEqual([SAN_THANG, newCommune]);
    expect((await api.get(`/api/units/${SAN_THANG}`, 'planner')).body.villages).toHaveLength(7);
    // Another province's planner sees none of them.
    const other = await api.get(`/api/units/${inSanThang[0].id}`, 'plannerLaoCai');
    expect(other.status).toBe(404);
  });

  it('names a village with its commune of the day in the plans list export', async () => {
    const s = await api.login('t.planner');
    const res = await api.app.request('/api/campaigns/lch-2024-2025/lists/plans?asOf=2024-03-31', {
      headers: { cookie: s.cookie },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const names: string[] = [];
    wb.worksheets[0]!.eachRow((r, n) => {
      if (n > 2) names.push(r.getCell(1).text);
    });
    // Before the reform, San Thàng's villages are named with it.
    expect(names.filter((x) => /^Bản \d, Xã San Thàng$/.test(x))).toHaveLength(7);
  });

  it('writes a San Thàng village’s plan with its target per phase', async () => {
    const s = await api.login('t.planner');
    const res = await api.app.request('/api/plans/plan-vil-12-0001/export?format=docx', {
      headers: { cookie: s.cookie },
    });
    expect(res.status).toBe(200);
    const xml = await (
      await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()))
    )
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, '').replaceAll('&quot;', '"');
    expect(text).toContain('Giai đoạn 3 (đến ngày 14/08/2025): đạt mức "Có tệ nạn ma túy"');
    expect(text).toContain('Giai đoạn 4 (đến ngày 14/10/2025): đạt mức "Không ma túy"');
  });

  it('counts the villages at 8/8 from their checks: 17 after phase 1', async () => {
    const detail = (await api.get('/api/campaigns/lch-2024-2025', 'planner')).body;
    expect(detail.villages).toHaveLength(72);
    // The snapshot every report and the dashboard compute: phase 1 ends 31/03/2024.
    const phase1 = await campaignSnapshot(
      t.db,
      'lch-2024-2025',
      { phaseId: 'lch-2024-2025-p1' },
      '2026-11-22',
    );
    expect(phase1.snapshot.objectives[0]).toMatchObject({
      measure: 'villages_full',
      target: 17,
      value: 17,
      met: true,
    });
    const phase5 = await campaignSnapshot(
      t.db,
      'lch-2024-2025',
      { phaseId: 'lch-2024-2025-p5' },
      '2026-11-22',
    );
    // One village is still short of criterion 6: the city's last phase reads 71 of 72.
    expect(phase5.snapshot.objectives[0]).toMatchObject({ target: 72, value: 71, met: false });
  });

  it('plans a village with a target per phase, refusing a backward or foreign phase by field', async () => {
    // A village outside San Thàng (its commune before the reform names it).
    const village = (await villagesOn('2025-06-30')).features.find(
      (f: any) => f.properties.parentId !== SAN_THANG,
    );
    const body = {
      unitId: village.id,
      targetTier: 'drug_free',
      targetDate: '2027-06-30',
      campaignId: null,
      phaseTargets: [{ phaseId: 'lch-2024-2025-p3', tier: 'drug_free' }],
    };
    const outside = await api.call('POST', '/api/plans', { as: 'planner', body });
    expect(outside.status).toBe(422);
    expect(outside.body.error.field).toBe('phaseTargets');
    // Its campaign's plan is achieved: a new one in the same campaign is allowed, with its phase targets.
    const backwards = await api.call('POST', '/api/plans', {
      as: 'planner',
      body: {
        ...body,
        campaignId: 'lch-2024-2025',
        phaseTargets: [
          { phaseId: 'lch-2024-2025-p3', tier: 'drug_free' },
          { phaseId: 'lch-2024-2025-p4', tier: 'type_3' },
        ],
      },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.field).toBe('phaseTargets.1');
    expect(backwards.body.error.message).toMatch(/worse than the target of phase 3/);
    const made = await api.call('POST', '/api/plans', {
      as: 'planner',
      body: { ...body, campaignId: 'lch-2024-2025' },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.phaseTargets).toEqual(body.phaseTargets);
    const again = await api.call('POST', '/api/plans', {
      as: 'planner',
      body: { ...body, campaignId: 'lch-2024-2025' },
    });
    expect(again.status).toBe(409);
    const listed = (await api.get('/api/plans', 'planner')).body.find(
      (p: any) => p.id === made.body.id,
    );
    expect(listed).toMatchObject({ unitLevel: 'village', unitParentId: expect.any(String) });
    const patched = await api.call('PATCH', `/api/plans/${made.body.id}`, {
      as: 'planner',
      body: {
        version: made.body.version,
        phaseTargets: [
          { phaseId: 'lch-2024-2025-p4', tier: 'has_activity' },
          { phaseId: 'lch-2024-2025-p5', tier: 'drug_free' },
        ],
      },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.phaseTargets).toHaveLength(2);
    const foreign = await api.call('PATCH', `/api/plans/${made.body.id}`, {
      as: 'planner',
      body: {
        version: patched.body.version,
        phaseTargets: [{ phaseId: 'lc-2026-p4-p1', tier: 'drug_free' }],
      },
    });
    // Another province's phase: the audited 404 of any foreign reference.
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.field).toBe('phaseTargets.0.phaseId');
  });

  it('refuses to propose a village with a hotspot alive inside it, and proposes it once it is gone', async () => {
    const plan = (await api.get('/api/plans?campaign=lch-2024-2025', 'planner')).body.find(
      (p: any) => p.unitLevel === 'village' && p.status === 'in_progress',
    );
    const unmet = plan.criteria.filter((c: any) => !c.met);
    expect(unmet.map((c: any) => c.criterion)).toEqual([6]);
    const tick = await api.call('PUT', `/api/plans/${plan.id}/criteria/6`, {
      as: 'planner',
      body: { met: true, checkedOn: '2026-11-20', version: unmet[0].version },
    });
    expect(tick.status).toBe(200);
    const unit = (await api.get(`/api/units/${plan.unitId}`, 'planner')).body;
    const geometry = (await villagesOn('2026-11-22')).features.find(
      (f: any) => f.id === plan.unitId,
    ).geometry;
    const [lng, lat] = turf.pointOnFeature(geometry).geometry.coordinates;
    // A hotspot of its commune, identified inside the village (a fixture: the register is tested elsewhere).
    await t.db.insert(hotspots).values({
      id: 'hs-village-test',
      kind: 'retail_point',
      unitId: unit.communes.at(-1).id,
      lng: lng!,
      lat: lat!,
      identifiedOn: '2026-10-01',
    });
    const version = async () =>
      (await api.get('/api/plans', 'planner')).body.find((p: any) => p.id === plan.id).version;
    const refused = await api.call('POST', `/api/plans/${plan.id}/steps`, {
      as: 'planner',
      body: { step: 'proposed', on: '2026-11-22', version: await version() },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('hotspots_active');
    await t.db.delete(hotspots).where(eq(hotspots.id, 'hs-village-test'));
    const proposed = await api.call('POST', `/api/plans/${plan.id}/steps`, {
      as: 'planner',
      body: { step: 'proposed', on: '2026-11-22', version: await version() },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  });
});
