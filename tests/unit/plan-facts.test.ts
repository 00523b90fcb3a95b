/** The five plans' own facts in the demo (seeds 000–004, DOMAIN.md "Checked facts"): what the province knows. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DemoData } from '@pcmt/shared/demo-data';

const demo = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@pcmt/data/build/demo.json'), 'utf8'),
) as DemoData;
const campaign = (id: string) => demo.campaigns.find((c) => c.id === id)!;

describe('the plans’ facts', () => {
  it('gives Lai Châu city the plan’s own deadlines, as last allowed days, and no phase-1 report', () => {
    const c = campaign('lch-2024-2025');
    expect(c.deadlines.map((d) => [d.dueOn, d.phaseId])).toEqual([
      ['2024-04-30', null],
      ['2024-06-09', null],
      ['2024-12-09', null],
      ['2025-03-15', 'lch-2024-2025-p2'],
      ['2025-06-09', null],
      ['2025-08-15', 'lch-2024-2025-p3'],
      ['2025-10-15', 'lch-2024-2025-p4'],
      ['2025-12-02', null],
    ]);
    expect(c.deadlines.at(-1)).toMatchObject({ kind: 'final' });
    // The first is not a report: the units' plans are due before 01/05/2024.
    expect(c.deadlines[0]).toMatchObject({ kind: 'plan_submission' });
    expect(c.deadlines.map((d) => d.title).join(' | ')).toContain('trước ngày 03/12/2025');
  });

  it('has Thanh Hóa 2023 issued by its Ban Chỉ đạo 138, with its one deadline', () => {
    const c = campaign('th-2023');
    expect([c.issuingBody, c.documentNumber]).toEqual([
      'Ban Chỉ đạo 138 tỉnh Thanh Hóa',
      'Số: /KH-BCĐ',
    ]);
    expect(c.deadlines.map((d) => [d.dueOn, d.title])).toEqual([
      ['2023-12-04', 'Báo cáo kết quả gửi Công an tỉnh (trước ngày 05/12/2023)'],
    ]);
  });

  it('names Lào Cai’s Project 4 in full with its 2030 targets, and marks its assumed report dates', () => {
    const c = campaign('lc-2026-p4');
    expect(c.name).toBe('Dự án 4: Nâng cao hiệu quả công tác phòng, chống ma túy tại cơ sở');
    const objectives = c.phases.flatMap((p) => p.objectives.map((o) => o.text)).join('\n');
    for (const t of [
      '100% xã, phường không ma túy',
      'trên 80%',
      'trên 70%',
      'không có ma túy vào năm 2026',
    ])
      expect(objectives).toContain(t);
    expect(c.deadlines.every((d) => d.title.includes('giả định'))).toBe(true);
  });

  it('runs Lào Cai 2024’s propaganda quotas over 01/09–31/10/2024, under the campaign’s full name', () => {
    const c = campaign('lc-2024-peak');
    expect(c.name).toMatch(/^Đợt cao điểm tổng điều tra, rà soát, xác minh/);
    const propaganda = c.quotas.filter((q) => q.metric === 'propaganda_sessions');
    expect(propaganda.length).toBeGreaterThan(0);
    for (const q of propaganda) {
      expect(q.phaseId).toBe('lc-2024-peak-p1');
      for (const e of q.progress) {
        expect(e.recordedOn >= '2024-09-01' && e.recordedOn <= '2024-10-31', q.id).toBe(true);
      }
    }
  });

  it('lets small quotas advance over their period instead of landing in the last week', () => {
    const small = demo.campaigns
      .flatMap((c) => c.quotas)
      .filter((q) => q.target <= 10 && q.progress.length);
    expect(small.length).toBeGreaterThan(3);
    for (const q of small) {
      const total = q.progress.reduce((a, e) => a + e.value, 0);
      const last = q.progress.at(-1)!.value;
      expect(q.progress.length, q.id).toBeGreaterThan(1);
      expect(last / total, q.id).toBeLessThan(0.6);
    }
  });

  it('gives Thanh Hóa 2023 its objectives and the quotas of border guard and customs', () => {
    const c = campaign('th-2023');
    const objectives = c.phases.flatMap((p) => p.objectives.map((o) => o.text)).join('\n');
    expect(objectives).toContain('27/27 huyện');
    expect(objectives).toContain('4 đường dây xuyên biên giới');
    expect(c.quotas.map((q) => [q.label, q.target])).toEqual(
      expect.arrayContaining([
        ['Hải quan – vụ chủ trì', 2],
        ['Hải quan – vụ phối hợp', 2],
        ['Bộ đội Biên phòng – đường dây xuyên biên giới (phối hợp Công an)', 4],
      ]),
    );
  });

  it('marks what a plan does not state as assumed', () => {
    expect(campaign('lc-2024-peak').phases[0]!.name).toContain('giả định');
    expect(campaign('lc-2024-peak').phases[0]!.nameEn).toContain('assumed');
    // Thanh Hóa's tasks with no time in the plan ("thực hiện thường xuyên", periodic work): 60 of its 74 rows.
    const tasks = campaign('th-2023').tasks!;
    expect(tasks.filter((t) => t.dueAssumed)).toHaveLength(60);
    expect(tasks.find((t) => t.target === 'Tháng 6')!.dueAssumed).toBe(false);
    expect(tasks.find((t) => t.title === 'Kiện toàn Ban Chỉ đạo 138 các cấp')!.dueAssumed).toBe(
      true,
    );
    expect(campaign('sl-2023-coop').deadlines.every((d) => d.title.includes('giả định'))).toBe(
      true,
    );
  });

  it('gives post-reform Lào Cai its commune police and the regional customs, and ends the provincial customs with the old province', () => {
    const mine = demo.agencies.filter((a) => a.provinceSlug === 'lao-cai');
    const newCommunes = demo.units.filter(
      (u) => u.level === 'commune' && !u.validTo && u.provinceId === 'prov-15-2025',
    );
    expect(mine.filter((a) => a.kind === 'commune_police')).toHaveLength(newCommunes.length);
    const unit = (id: string | null) => demo.units.find((u) => u.id === id)!;
    const customs = mine.filter((a) => a.kind === 'customs');
    const regional = customs.find((a) => a.name === 'Chi cục Hải quan khu vực VII')!;
    expect(unit(regional.unitId).validTo).toBeNull();
    const provincial = customs.find((a) => a.name === 'Cục Hải quan tỉnh Lào Cai')!;
    expect(unit(provincial.unitId).validTo).toBe('2025-07-01');
  });

  it('trains Hủa Phăn’s and Luông Pha Băng’s forces in one class in Sơn La (seed 004)', () => {
    const training = demo.events.filter(
      (e) => e.provinceSlug === 'son-la' && e.kind === 'training',
    );
    expect(training).toHaveLength(1);
    expect(training[0]!.counterpart).toContain('Luông Pha Băng');
    expect(training[0]!.counterpart).toContain('Hủa Phăn');
    expect(training[0]!.outcome).toContain('tại tỉnh Sơn La');
  });
});
