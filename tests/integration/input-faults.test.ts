/**
 * Faults in input are clear 4xx answers, never 500: a NUL character in any text (JSON, query, an uploaded
 * cell), and an id that points at nothing (a foreign key) are refused naming the field.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '@pcmt/shared/uploads';
import { eq } from 'drizzle-orm';
import { createApp } from '@pcmt/server/app';
import { agencies, auditLog, planTasks } from '@pcmt/server/db/schema';
import { isForeignKeyViolation, isUniqueViolation, violatedField } from '@pcmt/server/db/pg-errors';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi, type TestUser } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

const NUL = 'ch\u0000ợ';

describe(`input faults (${process.env.DB_ENGINE})`, () => {
  it.each([
    [
      'commander',
      'POST',
      '/api/hotspots',
      { kind: 'retail_point', identifiedOn: '2024-09-10', lng: 104, lat: 22.4, note: NUL },
      'note',
    ],
    [
      'commander',
      'POST',
      '/api/campaigns',
      {
        name: NUL,
        issuingBody: 'UBND',
        startsOn: '2027-01-01',
        endsOn: '2027-02-01',
        phases: [{ name: 'x', startsOn: '2027-01-01', endsOn: '2027-02-01' }],
      },
      'name',
    ],
    [
      'commander',
      'POST',
      '/api/campaigns',
      {
        name: 'Kế hoạch',
        issuingBody: 'UBND',
        startsOn: '2027-01-01',
        endsOn: '2027-02-01',
        phases: [{ name: NUL, startsOn: '2027-01-01', endsOn: '2027-02-01' }],
      },
      'phases.0.name',
    ],
    ['admin', 'POST', '/api/agencies', { kind: 'commune_police', name: NUL }, 'name'],
  ] as [TestUser, string, string, object, string][])(
    '%s %s %s with a NUL in a text is a 400 naming %s',
    async (as, method, path, body, field) => {
      const r = await api.call(method, path, { as, body });
      expect([r.status, r.body.error.field]).toEqual([400, field]);
    },
  );

  it('refuses a NUL in a query parameter, naming it', async () => {
    const r = await api.get('/api/units?province=lao%00cai');
    expect([r.status, r.body.error.field]).toEqual([400, 'province']);
  });

  it('refuses a NUL character escaped into an uploaded sheet’s XML as an unreadable file, not a 500', async () => {
    const res = await api.app.request('/api/hotspots/template', {
      headers: { cookie: (await api.login('t.commander')).cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    wb.getWorksheet('Điểm ma túy')!.getRow(3).values = [
      'Điểm bán lẻ',
      '10/11/2026',
      104,
      22.4,
      null,
      null,
      null,
      'ghi-chu-NUL',
    ];
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      if (xml.includes('ghi-chu-NUL')) zip.file(name, xml.replace('ghi-chu-NUL', 'ghi&#0;chu'));
    }
    const r = await api.call('POST', '/api/hotspots/import', {
      as: 'commander',
      body: await zip.generateAsync({ type: 'uint8array' }),
      headers: { 'content-type': XLSX_MIME },
    });
    expect([r.status, r.body.error?.field]).toEqual([422, 'file']);
  });

  it('refuses an id that points at nothing with a 4xx naming the field', async () => {
    const plan = (await api.get('/api/plans', 'plannerLaoCai')).body.find(
      (p: any) => p.provinceSlug === 'lao-cai',
    );
    const r = await api.call('POST', `/api/plans/${plan.id}/tasks`, {
      as: 'plannerLaoCai',
      body: { title: 'Tuyên truyền', dueOn: '2027-01-31', leadAgencyId: 'agency-does-not-exist' },
    });
    expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error.field).toBe('leadAgencyId');
  });

  it.each([
    [
      '/api/users',
      {
        username: 'can.bo.fk',
        password: 'Mat-khau-dai-2026',
        role: 'commander',
        provinceSlug: 'lao-cai',
        agencyId: 'agency-none',
      },
      'agencyId',
    ],
    [
      '/api/agencies',
      { kind: 'commune_police', name: 'Công an xã thử', unitId: 'com-none' },
      'unitId',
    ],
  ])(
    'POST %s with an id of nothing is a 4xx naming the field, not a 500',
    async (path, body, field) => {
      const r = await api.call('POST', path, { as: 'admin', body });
      expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.error.field).toBe(field);
    },
  );

  it('reads the field of a real foreign-key and unique violation from the database’s own error', async () => {
    const fk = await t.db
      .insert(planTasks)
      .values({ id: 'task-fk', planId: 'plan-none', title: 'x', dueOn: '2027-01-01' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect([isForeignKeyViolation(fk), violatedField(fk)]).toEqual([true, 'planId']);
    const [agency] = await t.db.select().from(agencies).limit(1);
    const dup = await t.db
      .insert(agencies)
      .values({ ...agency!, createdAt: undefined, updatedAt: undefined } as never)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect([isUniqueViolation(dup), violatedField(dup)]).toEqual([true, 'id']);
  });

  it('keeps the audit row of a request whose path carries a NUL (shown as U+FFFD)', async () => {
    const r = await api.raw('GET', '/api/units/a%00b');
    expect(r.status).toBe(401);
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'GET /api/units/a\uFFFDb'));
    expect(rows).toHaveLength(1);
  });

  it('reports the database in the health check: up with its migrations, 503 when it does not answer', async () => {
    const up = await api.raw('GET', '/api/health');
    expect(up.status).toBe(200);
    expect(up.body.database).toMatchObject({ up: true });
    expect(up.body.database.migrations).toBeGreaterThanOrEqual(8);
    const gone = await openTestDb();
    const app = createApp({
      db: gone.db,
      engine: gone.engine,
      clock: () => new Date(),
      basemapJson: '{}',
      meta: {},
    });
    await gone.close();
    const down = await app.request('/api/health');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', database: { up: false } });
  });
});
