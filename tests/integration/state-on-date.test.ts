/**
 * The state on a date, end to end through the API: hotspot states as of a date, a future phase capped at
 * today, same-day corrections, and a property test that the API, the report builder and the web's view
 * model give the same figures for random campaigns and dates.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBetween, vietnamDay } from '@pcmt/shared/dates';
import { reportFigures } from '@pcmt/server/services/report-figures';
import { deriveView } from '@pcmt/web/lib/view-model.ts';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { FIXED_NOW, testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
const today = vietnamDay(FIXED_NOW);
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

describe(`the state on a date (${process.env.DB_ENGINE})`, () => {
  it('answers each hotspot with its status and age as of the date asked', async () => {
    const D = '2024-09-15';
    const r = await api.get(`/api/hotspots?province=lao-cai&asOf=${D}&since=2024-09-01`);
    expect(r.status).toBe(200);
    expect(r.body.asOf).toBe(D);
    const features = r.body.features.map((f: any) => f.properties);
    expect(features.length).toBeGreaterThan(20);
    for (const h of features) {
      expect(h.identifiedOn <= D).toBe(true);
      if (h.status === 'eliminated') {
        expect(h.eliminatedOn <= D).toBe(true);
        expect(h.ageDays).toBe(daysBetween(h.identifiedOn, h.eliminatedOn));
      } else {
        expect(h.eliminatedOn).toBeNull();
        expect(h.ageDays).toBe(daysBetween(h.identifiedOn, D));
      }
    }
    expect(features.some((h: any) => h.status === 'active')).toBe(true);
    expect(features.some((h: any) => h.status === 'eliminated')).toBe(true);
  });

  it('caps a phase that ends after today at today', async () => {
    const r = await api.get('/api/hotspots?phase=lc-2026-p4-p1&province=lao-cai');
    expect(r.status).toBe(200);
    expect(r.body.asOf).toBe(today);
    const late = await api.get('/api/hotspots?province=lao-cai&asOf=2027-06-01');
    expect(late.body.asOf).toBe(today);
  });

  it("uses the campaign's own age limits, the shared default where it sets none", async () => {
    const own = await api.get('/api/campaigns/th-2023');
    expect(own.body.ageLimitsAssumed).toBe(false);
    const assumed = await api.get('/api/campaigns/lc-2024-peak');
    expect(assumed.body.ageLimitsMonths).toEqual({});
    expect(assumed.body.ageLimitsAssumed).toBe(true);
    expect(assumed.body.effectiveAgeLimits).toEqual({ complex_point: 3, complex_cluster: 6 });
  });

  it('lets a same-day assessment correct the first one, in the units API and the history', async () => {
    const unitId = 'com-10-0007';
    const day = '2024-09-20';
    for (const tier of ['type_1', 'type_3'])
      expect(
        (
          await api.call('POST', '/api/assessments', {
            as: 'commander',
            body: { unitId, assessedOn: day, tier, criteria: {}, note: '' },
          })
        ).status,
      ).toBe(201);
    const units = await api.get(`/api/units?province=lao-cai&level=commune&asOf=${day}`);
    expect(units.body.features.find((f: any) => f.id === unitId).properties.tier).toBe('type_3');
    const rows = (await api.get('/api/assessments?province=lao-cai')).body.filter(
      (a: any) => a.unitId === unitId && a.assessedOn === day,
    );
    expect(rows.map((a: any) => [a.seq, a.tier])).toEqual([
      [0, 'type_1'],
      [1, 'type_3'],
    ]);
  });

  it('numbers concurrent same-day assessments without a clash', async () => {
    const unitId = 'com-10-0011';
    const day = '2024-09-21';
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.call('POST', '/api/assessments', {
          as: 'commander',
          body: { unitId, assessedOn: day, tier: 'type_2', criteria: {}, note: '' },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(answers.map((a) => a.body.seq).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a report date outside the campaign or after today, naming asOf', async () => {
    for (const q of [
      'asOf=2027-01-10',
      'kind=final&asOf=2024-01-01',
      'phase=lc-2024-peak-p2&asOf=2026-12-01',
    ]) {
      const r = await api.get(`/api/campaigns/lc-2024-peak/report?${q}`, 'commander');
      expect([r.status, r.body.error.field]).toEqual([422, 'asOf']);
    }
  });

  it("answers 404 for another province's campaign named in the hotspot query", async () => {
    const r = await api.get('/api/hotspots?province=lao-cai&campaign=sl-2023-coop', 'commander');
    expect([r.status, r.body.error.field]).toEqual([404, 'campaign']);
    const mixed = await api.get('/api/hotspots?province=son-la&campaign=lc-2024-peak', 'national');
    expect(mixed.status).toBe(404);
  });

  it('answers a campaign as of a date with nothing recorded after it', async () => {
    const d = (await api.get('/api/campaigns/lc-2024-peak?asOf=2024-09-15')).body;
    for (const q of d.quotas)
      for (const e of q.entries) expect(e.recordedOn <= '2024-09-15').toBe(true);
    expect(d.deadlines.every((x: any) => x.submittedOn === null && x.state === 'pending')).toBe(
      true,
    );
  });

  it('refuses a report date outside the chosen phase, naming asOf', async () => {
    const r = await api.get(
      '/api/campaigns/lc-2024-peak/report?phase=lc-2024-peak-p1&asOf=2024-11-20',
      'commander',
    );
    expect(r.status).toBe(422);
    expect(r.body.error.field).toBe('asOf');
  });
});

/** The campaigns, fetched once: what the web holds in its query cache. */
async function webInputs(province: string, campaignId: string) {
  const campaign = (await api.get(`/api/campaigns?province=${province}`)).body.find(
    (c: any) => c.id === campaignId,
  );
  const detail = (await api.get(`/api/campaigns/${campaignId}`)).body;
  const lastDay = campaign.endsOn < today ? campaign.endsOn : today;
  const hotspots = (
    await api.get(`/api/hotspots?province=${province}&asOf=${lastDay}&since=${campaign.startsOn}`)
  ).body;
  const assessments = (await api.get(`/api/assessments?province=${province}`)).body;
  return { campaign, detail, hotspots, assessments, lastDay };
}

const CAMPAIGNS = [
  ['lao-cai', 'lc-2024-peak'],
  ['thanh-hoa', 'th-2023'],
  ['lai-chau', 'lch-2024-2025'],
  ['son-la', 'sl-2023-coop'],
  ['lao-cai', 'lc-2026-p4'],
] as const;

describe(`screen, API and report agree on every date (${process.env.DB_ENGINE})`, () => {
  it('for random campaigns and dates', async () => {
    const inputs = new Map<string, Awaited<ReturnType<typeof webInputs>>>();
    for (const [p, c] of CAMPAIGNS) inputs.set(c, await webInputs(p, c));
    const eras = new Map<string, any>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CAMPAIGNS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        // null: a date picked on the slider; a number: the phase chosen on the timeline, no date
        fc.option(fc.nat({ max: 4 }), { nil: null }),
        async ([province, id], at, phasePick) => {
          const x = inputs.get(id)!;
          const span = daysBetween(x.campaign.startsOn, x.lastDay);
          const picked = new Date(Date.parse(x.campaign.startsOn) + Math.round(at * span) * 86400e3)
            .toISOString()
            .slice(0, 10);
          const chosen =
            phasePick === null ? null : x.campaign.phases[phasePick % x.campaign.phases.length];
          const choice = chosen
            ? { phaseId: chosen.id, date: null }
            : { phaseId: null, date: picked };
          const window = deriveView({
            today,
            campaign: x.campaign,
            choice,
            communes: [],
            assessments: [],
            hotspots: [],
            detail: x.detail,
            focusId: null,
          }).window;
          const date = window.asOf;
          const key = `${province}@${date < '2025-07-01' ? 'old' : 'new'}`;
          if (!eras.has(key))
            eras.set(
              key,
              (await api.get(`/api/units?province=${province}&level=commune&asOf=${date}`)).body,
            );
          const web = deriveView({
            today,
            campaign: x.campaign,
            choice,
            communes: eras.get(key).features,
            assessments: x.assessments,
            hotspots: x.hotspots.features.map((f: any) => f.properties),
            detail: x.detail,
            focusId: null,
          }).snapshot;
          const phase = window.phase;
          const report = chosen
            ? await reportFigures(t.db, id, chosen.id, 'phase', today)
            : await reportFigures(t.db, id, phase?.id, phase ? 'phase' : 'final', today, date);
          const served = (
            await api.get(
              `/api/hotspots?province=${province}&asOf=${date}&since=${web.since}&campaign=${id}`,
            )
          ).body.features.map((f: any) => f.properties);

          expect(report.asOf).toBe(date);
          expect(report.from).toBe(web.since);
          expect(report.hotspots).toEqual({
            active: web.counts.status.active,
            reEmerged: web.counts.status.re_emerged,
            eliminated: web.counts.status.eliminated,
            overdue: web.counts.overdue,
          });
          expect(report.overdue.map((h) => [h.id, h.ageDays])).toEqual(
            web.overdue.map((h) => [h.id, h.ageDays]),
          );
          expect(report.tiers).toEqual(web.counts.tiers);
          expect(report.tiersStart).toEqual(web.counts.startTiers);
          expect(report.regressions.length).toBe(web.regressions.length);
          expect(report.quotas.map((q) => [q.id, q.achieved])).toEqual(
            web.quotas.map((q) => [q.id, q.achieved]),
          );
          expect(report.deadlines.map((d) => d.state)).toEqual(web.deadlines.map((d) => d.state));
          expect(report.phase?.objectives.map((o) => o.value) ?? []).toEqual(
            phase ? web.objectives.map((o) => o.value) : [],
          );
          const byId = new Map(web.hotspots.map((h) => [h.id, h]));
          expect(served.length).toBe(web.hotspots.length);
          for (const h of served) {
            const w = byId.get(h.id)!;
            expect([h.status, h.ageDays, h.overdue, h.eliminatedOn]).toEqual([
              w.status,
              w.ageDays,
              w.overdue,
              w.eliminatedOn,
            ]);
          }
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
