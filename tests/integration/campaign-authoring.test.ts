/** A commander authors a campaign: create with phases, quotas and deadlines; edit; copy; every refusal names its field. */
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

const campaign2027 = () => ({
  name: 'Kế hoạch phòng, chống ma túy năm 2027',
  documentNumber: 'Số 45/KH-UBND',
  issuingBody: 'UBND tỉnh Lào Cai',
  issuedOn: '2026-12-20',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  ageLimitsMonths: { complex_point: 2 },
  phases: [
    {
      name: 'Giai đoạn 1: Tấn công',
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      objectives: [
        {
          text: 'Triệt xóa ≥ 50% điểm, tụ điểm',
          measure: 'hotspots_eliminated_share',
          comparator: 'at_least',
          target: 0.5,
        },
      ],
    },
    {
      name: 'Giai đoạn 2: Duy trì',
      startsOn: '2027-07-01',
      endsOn: '2027-12-31',
      objectives: [
        { text: 'Không tái phức tạp', measure: 're_emergences', comparator: 'at_most', target: 0 },
      ],
    },
  ],
  quotas: [
    {
      phase: 0,
      agencyId: 'agency-001',
      metric: 'cases',
      unit: 'case',
      target: 30,
      label: 'Số vụ bắt giữ',
    },
  ],
  deadlines: [
    {
      phase: 0,
      kind: 'phase',
      dueOn: '2027-07-05',
      title: 'Báo cáo giai đoạn 1 (trước 06/7/2027)',
    },
  ],
});
const post = (body: unknown, path = '/api/campaigns') =>
  api.call('POST', path, { as: 'commander', body });
const count = async () => (await api.get('/api/campaigns?province=lao-cai')).body.length as number;

describe(`campaign authoring (${process.env.DB_ENGINE})`, () => {
  it('creates a campaign with its phases, quota and deadline, listed and measured like the others', async () => {
    const r = await post(campaign2027());
    expect(r.status).toBe(201);
    const id = r.body.id;
    const listed = (await api.get('/api/campaigns?province=lao-cai')).body.find(
      (c: any) => c.id === id,
    );
    expect(listed.phases.map((p: any) => [p.ordinal, p.name])).toEqual([
      [1, 'Giai đoạn 1: Tấn công'],
      [2, 'Giai đoạn 2: Duy trì'],
    ]);
    const detail = (await api.get(`/api/campaigns/${id}`)).body;
    expect(detail.documentNumber).toBe('Số 45/KH-UBND');
    expect(detail.quotas.map((q: any) => [q.unit, q.target, q.phaseId])).toEqual([
      ['case', 30, listed.phases[0].id],
    ]);
    expect(detail.deadlines[0]).toMatchObject({
      dueOn: '2027-07-05',
      phaseId: listed.phases[0].id,
      state: 'pending',
    });
    expect(detail.effectiveAgeLimits).toEqual({ complex_point: 2, complex_cluster: 6 });
    const audit = (await api.get('/api/audit?pageSize=50', 'admin')).body.rows.map(
      (a: any) => a.action,
    );
    for (const a of ['campaign.create', 'phase.create', 'quota.create', 'deadline.create'])
      expect(audit).toContain(a);
  });

  it.each([
    [
      'a phase outside the campaign',
      (c: any) => (c.phases[1].endsOn = '2028-01-31'),
      'phases.1.endsOn',
    ],
    [
      'a share above 1',
      (c: any) => (c.phases[0].objectives[0].target = 50),
      'phases.0.objectives.0.target',
    ],
    [
      'a measure without a target',
      (c: any) => delete c.phases[0].objectives[0].target,
      'phases.0.objectives.0.target',
    ],
    [
      'a quota of a phase that does not exist',
      (c: any) => (c.quotas[0].phase = 5),
      'quotas.0.phase',
    ],
    ['a quota with no holder', (c: any) => (c.quotas[0].agencyId = null), 'quotas.0.agencyId'],
    ['a zero target', (c: any) => (c.quotas[0].target = 0), 'quotas.0.target'],
    ['an unknown deadline kind', (c: any) => (c.deadlines[0].kind = 'weekly'), 'deadlines.0.kind'],
    ['an end before the start', (c: any) => (c.endsOn = '2026-12-31'), 'endsOn'],
  ])('refuses %s, naming the field, and writes nothing', async (_, change, field) => {
    const before = await count();
    const body = campaign2027();
    change(body);
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe(field);
    expect(await count()).toBe(before);
  });

  it("refuses another province's agency as a quota holder, and writes nothing", async () => {
    const other = (await api.get('/api/agencies', 'national')).body.find(
      (a: any) => a.provinceSlug === 'son-la',
    );
    const before = await count();
    const body = campaign2027();
    body.quotas[0]!.agencyId = other.id;
    const r = await post(body);
    expect(r.status).toBe(404);
    expect(r.body.error.field).toBe('quotas.0.agencyId');
    expect(await count()).toBe(before);
  });

  it('edits a campaign with its version, and refuses dates that would leave a phase outside', async () => {
    const { body: c } = await post(campaign2027());
    const bad = await api.call('PATCH', `/api/campaigns/${c.id}`, {
      as: 'commander',
      body: { endsOn: '2027-10-31', version: 1 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('endsOn');
    const ok = await api.call('PATCH', `/api/campaigns/${c.id}`, {
      as: 'commander',
      body: { name: 'Kế hoạch 2027 (sửa)', version: 1 },
    });
    expect(ok.status).toBe(200);
    const stale = await api.call('PATCH', `/api/campaigns/${c.id}`, {
      as: 'commander',
      body: { name: 'x', version: 1 },
    });
    expect(stale.status).toBe(412);
  });

  it('adds and edits phases, quotas and deadlines, checking they belong to the campaign', async () => {
    const { body: c } = await post(campaign2027());
    const phase = await post(
      { name: 'Giai đoạn 3', startsOn: '2027-11-01', endsOn: '2027-12-31' },
      `/api/campaigns/${c.id}/phases`,
    );
    expect(phase.status).toBe(201);
    expect(phase.body.ordinal).toBe(3);
    const outside = await post(
      { name: 'x', startsOn: '2028-01-01', endsOn: '2028-02-01' },
      `/api/campaigns/${c.id}/phases`,
    );
    expect([outside.status, outside.body.error.field]).toEqual([422, 'startsOn']);
    const foreignPhase = await post(
      {
        phaseId: 'lc-2024-peak-p1',
        agencyId: 'agency-001',
        metric: 'cases',
        unit: 'case',
        target: 3,
        label: 'x',
      },
      `/api/campaigns/${c.id}/quotas`,
    );
    expect([foreignPhase.status, foreignPhase.body.error.field]).toEqual([404, 'phaseId']);
    const q = await post(
      {
        phaseId: phase.body.id,
        agencyId: 'agency-001',
        metric: 'propaganda_sessions',
        unit: 'session',
        target: 10,
        label: 'Buổi tuyên truyền',
      },
      `/api/campaigns/${c.id}/quotas`,
    );
    expect(q.status).toBe(201);
    const edited = await api.call('PATCH', `/api/quotas/${q.body.id}`, {
      as: 'commander',
      body: { target: 12, version: 1 },
    });
    expect(edited.body.target).toBe(12);
    const d = await post(
      { kind: 'final', dueOn: '2028-01-10', title: 'Báo cáo tổng kết' },
      `/api/campaigns/${c.id}/deadlines`,
    );
    const sent = await api.call('PATCH', `/api/deadlines/${d.body.id}`, {
      as: 'commander',
      body: { submittedOn: '2028-01-08', version: 1 },
    });
    expect(sent.body.submittedOn).toBe('2028-01-08');
  });

  it('copies a past campaign as the start of a new one, every date moved by the same days', async () => {
    const r = await post(
      { name: 'Đợt cao điểm 2027', startsOn: '2027-08-15' },
      '/api/campaigns/lc-2024-peak/copy',
    );
    expect(r.status).toBe(201);
    const copy = (await api.get(`/api/campaigns/${r.body.id}`)).body;
    const source = (await api.get('/api/campaigns/lc-2024-peak')).body;
    expect([copy.startsOn, copy.endsOn]).toEqual(['2027-08-15', '2027-12-14']);
    expect(copy.phases.map((p: any) => [p.startsOn, p.endsOn])).toEqual([
      ['2027-08-15', '2027-08-31'],
      ['2027-09-01', '2027-10-31'],
      ['2027-11-01', '2027-12-14'],
    ]);
    expect(copy.phases[1].objectives).toEqual(source.phases[1].objectives);
    // The districts were abolished on 01/07/2025: their quotas are not copied into 2027, and the
    // answer lists them; the agencies' quotas are.
    const districtQuotas = source.quotas.filter((q: any) => q.unitId?.startsWith('dist-'));
    expect(districtQuotas.length).toBeGreaterThan(0);
    expect(r.body.skippedQuotas.map((q: any) => q.label).sort()).toEqual(
      districtQuotas.map((q: any) => q.label).sort(),
    );
    expect(r.body.skippedQuotas[0].validTo).toBe('2025-07-01');
    expect(copy.quotas).toHaveLength(source.quotas.length - districtQuotas.length);
    expect(copy.quotas.some((q: any) => q.unitId?.startsWith('dist-'))).toBe(false);
    expect(copy.quotas.every((q: any) => q.entries.length === 0 && q.achieved === 0)).toBe(true);
    expect(copy.deadlines.map((d: any) => d.dueOn)).toEqual([
      '2027-10-02',
      '2027-11-02',
      '2027-12-17',
    ]);
  });

  it('refuses a quota for a district that does not exist during the campaign, naming the field', async () => {
    const source = (await api.get('/api/campaigns/lc-2024-peak')).body;
    const district = source.quotas.find((q: any) => q.unitId?.startsWith('dist-')).unitId;
    const body = campaign2027();
    body.quotas = [
      {
        phase: null,
        agencyId: null,
        unitId: district,
        metric: 'cases',
        unit: 'case',
        target: 5,
        label: 'Số vụ',
      },
    ] as never;
    const r = await api.call('POST', '/api/campaigns', { as: 'commander', body });
    expect([r.status, r.body.error.field]).toEqual([422, 'quotas.0.unitId']);
    const q = await api.call('POST', '/api/campaigns/lc-2026-p4/quotas', {
      as: 'commander',
      body: { unitId: district, metric: 'cases', unit: 'case', target: 5, label: 'Số vụ' },
    });
    expect([q.status, q.body.error.field]).toEqual([422, 'unitId']);
  });

  describe('editing a saved campaign as a whole', () => {
    /** The editor's body for a saved campaign: every row with its id and version. */
    const editBody = (c: any) => ({
      name: c.name,
      documentNumber: c.documentNumber,
      issuingBody: c.issuingBody,
      issuedOn: c.issuedOn,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      ageLimitsMonths: c.ageLimitsMonths,
      version: c.version,
      phases: c.phases.map((p: any) => ({
        id: p.id,
        version: p.version,
        name: p.name,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        objectives: p.objectives,
      })),
      quotas: c.quotas.map((q: any) => ({
        id: q.id,
        version: q.version,
        phase: c.phases.findIndex((p: any) => p.id === q.phaseId),
        agencyId: q.agencyId,
        unitId: q.unitId,
        metric: q.metric,
        unit: q.unit,
        target: q.target,
        label: q.label,
      })),
      deadlines: c.deadlines.map((d: any) => ({
        id: d.id,
        version: d.version,
        phase: d.phaseId ? c.phases.findIndex((p: any) => p.id === d.phaseId) : null,
        kind: d.kind,
        dueOn: d.dueOn,
        title: d.title,
      })),
    });
    const put = (id: string, body: unknown) =>
      api.call('PUT', `/api/campaigns/${id}`, { as: 'commander', body });

    it('keeps who the reports go to: set at creation, kept by an edit that leaves it out, changed by one that sends it', async () => {
      const { body: created } = await post({ ...campaign2027(), reportTo: 'Bộ Công an' });
      const c = (await api.get(`/api/campaigns/${created.id}`)).body;
      expect(c.reportTo).toBe('Bộ Công an');
      const { reportTo: _r, ...without } = editBody(c) as Record<string, unknown>;
      expect((await put(c.id, without)).status).toBe(200);
      const kept = (await api.get(`/api/campaigns/${c.id}`)).body;
      expect(kept.reportTo).toBe('Bộ Công an');
      expect((await put(c.id, { ...editBody(kept), reportTo: 'UBND tỉnh Lào Cai' })).status).toBe(
        200,
      );
      expect((await api.get(`/api/campaigns/${c.id}`)).body.reportTo).toBe('UBND tỉnh Lào Cai');
    });

    it('extends the campaign, adds a phase and a deadline, edits a quota, in one transaction', async () => {
      const { body: created } = await post(campaign2027());
      const c = (await api.get(`/api/campaigns/${created.id}`)).body;
      const body = editBody(c);
      body.endsOn = '2028-06-30';
      body.phases[1].name = 'Giai đoạn 2: Củng cố';
      body.phases.push({
        name: 'Giai đoạn 3: Tổng kết',
        startsOn: '2028-01-01',
        endsOn: '2028-06-30',
        objectives: [],
      });
      body.quotas[0].target = 45;
      body.deadlines.push({
        phase: 2,
        kind: 'final',
        dueOn: '2028-07-05',
        title: 'Báo cáo tổng kết',
      });
      const r = await put(c.id, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const after = (await api.get(`/api/campaigns/${c.id}`)).body;
      expect(after.endsOn).toBe('2028-06-30');
      expect(after.phases.map((p: any) => p.name)).toEqual([
        'Giai đoạn 1: Tấn công',
        'Giai đoạn 2: Củng cố',
        'Giai đoạn 3: Tổng kết',
      ]);
      expect(after.quotas[0]).toMatchObject({ id: c.quotas[0].id, target: 45 });
      const final = after.deadlines.find((d: any) => d.kind === 'final');
      expect(final.phaseId).toBe(after.phases[2].id);
    });

    it('undoes everything when one row is stale, and names what is missing or foreign', async () => {
      const { body: created } = await post(campaign2027());
      const c = (await api.get(`/api/campaigns/${created.id}`)).body;
      const stale = editBody(c);
      stale.name = 'Tên mới';
      stale.quotas[0].version = c.quotas[0].version + 5;
      expect((await put(c.id, stale)).status).toBe(412);
      expect((await api.get(`/api/campaigns/${c.id}`)).body.name).toBe(c.name);

      const missing = editBody(c);
      missing.phases = missing.phases.slice(0, 1);
      missing.endsOn = '2027-06-30';
      const m = await put(c.id, missing);
      expect([m.status, m.body.error.field]).toEqual([422, 'phases']);

      const foreign = editBody(c);
      foreign.phases[0].id = 'sl-2023-coop-p1';
      const f = await put(c.id, foreign);
      expect([f.status, f.body.error.field]).toEqual([404, 'phases.0.id']);

      const outside = editBody(c);
      outside.endsOn = '2027-10-31';
      const o = await put(c.id, outside);
      expect([o.status, o.body.error.field]).toEqual([400, 'phases.1.endsOn']);
    });
  });

  it('keeps campaigns for commanders: a planner may not author one', async () => {
    const r = await api.call('POST', '/api/campaigns', { as: 'planner', body: campaign2027() });
    expect(r.status).toBe(403);
  });
});
