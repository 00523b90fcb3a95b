/**
 * Seed 002's villages (thôn, bản, tổ dân phố): Lai Châu city's 72, of which San Thàng's 7, cut out of the synthetic
 * communes of the city with the same tessellation. A village lives on through the July 2025 reform: its row names
 * the commune it belonged to then (`parentId`); its commune on a later date follows the crosswalk
 * (`shared/src/state/villages.ts`).
 *
 * Their plans follow the seed's phases, so the dashboard counts what the seed states: 17 of 72 at 8/8 on
 * 31/03/2024 (the review), 46 more of the other 55 by 14/03/2025 (the aim was 45), San Thàng's 7 from complex to
 * less complex by 14/08/2025 and drug-free by 14/10/2025. One village is left short of the 8 criteria (the pledge
 * of criterion 6 is unsigned), so the city's last phase shows 71 of 72 and a planner has a village to carry through.
 */
import * as turf from '@turf/turf';
import type { AgencyRow, AssessmentRow, PlanRow, UnitRow } from '@pcmt/shared/demo-data';
import type { RecognitionStep } from '@pcmt/shared/state/recognition';
import type { Tier } from '@pcmt/shared/domain';
import { addDays } from '@pcmt/shared/dates';
import { roundCoords } from './geometry.ts';
import { PRE_REFORM_FROM } from './places.ts';
import { createRng, seedOf } from './rng.ts';
import { tessellate, type Area } from './tessellate.ts';

export const CITY_VILLAGES = 72;
export const SAN_THANG_VILLAGES = 7;
const CAMPAIGN = 'lch-2024-2025';

const km2 = (a: Area) => Math.round((turf.area(a) / 1e6) * 100) / 100;

/** Shares of `total` in proportion to `weights`, each at least 1, largest remainders first (deterministic). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map((r) => Math.max(1, Math.floor(r)));
  const order = raw
    .map((r, i) => ({ i, rest: r - Math.floor(r) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; out.reduce((s, n) => s + n, 0) < total; k++) out[order[k % order.length]!.i]!++;
  return out;
}

export function buildVillages(units: UnitRow[]): UnitRow[] {
  const city = units.find((u) => u.level === 'district' && u.name === 'Thành phố Lai Châu')!;
  const communes = units.filter((u) => u.parentId === city.id);
  const sanThang = communes.find((c) => c.name === 'Xã San Thàng')!;
  const others = communes.filter((c) => c !== sanThang);
  const counts = apportion(
    CITY_VILLAGES - SAN_THANG_VILLAGES,
    others.map((c) => c.population ?? 1),
  );
  const rows: UnitRow[] = [];
  [sanThang, ...others].forEach((commune, ci) => {
    const n = ci === 0 ? SAN_THANG_VILLAGES : counts[ci - 1]!;
    const cells = tessellate(
      turf.feature(commune.geometry) as Area,
      n,
      createRng(seedOf(`villages:${commune.id}`)),
    );
    const ward = commune.name.startsWith('Phường');
    const pops = apportion(commune.population ?? n * 800, cells.map(km2));
    cells.forEach((cell, k) => {
      rows.push({
        id: `vil-12-${String(rows.length + 1).padStart(4, '0')}`,
        level: 'village',
        code: `${commune.code}-${String(k + 1).padStart(2, '0')}`,
        name: ward ? `Tổ dân phố số ${k + 1}` : `Bản ${k + 1}`,
        nameEn: ward ? `Residential group ${k + 1}` : `Village ${k + 1}`,
        parentId: commune.id,
        provinceId: commune.provinceId,
        slug: null,
        validFrom: PRE_REFORM_FROM,
        validTo: null,
        population: pops[k]!,
        areaKm2: km2(cell),
        synthetic: true,
        geometry: {
          type: cell.geometry.type,
          coordinates: roundCoords(cell.geometry.coordinates, 5),
        } as UnitRow['geometry'],
      });
    });
  });
  return rows;
}

/** The day a village met all 8 criteria, by the seed's schedule (San Thàng's first, then the rest by rank). */
function fullOn(i: number, sanThang: boolean, rank: number): string {
  if (sanThang) return addDays('2025-09-05', i * 2);
  if (rank < 17) return '2024-03-15';
  if (rank < 17 + 46) return addDays('2024-05-06', (rank - 17) * 6);
  return rank === 63 ? '2025-06-18' : '';
}

export function buildVillagePlans(
  villages: UnitRow[],
  agencies: AgencyRow[],
  units: UnitRow[],
): { plans: PlanRow[]; assessments: AssessmentRow[] } {
  const city = units.find((u) => u.level === 'district' && u.name === 'Thành phố Lai Châu')!;
  const police = agencies.find((a) => a.unitId === city.id)!;
  const decidedBy = agencies.find(
    (a) => a.kind === 'steering_committee' && a.provinceSlug === 'lai-chau',
  )!.id;
  const sanThangId = units.find((u) => u.name === 'Xã San Thàng')!.id;
  // The easiest first: a seeded score orders the 65 villages outside San Thàng.
  const score = new Map(villages.map((v) => [v.id, createRng(seedOf(`ease:${v.id}`)).next()]));
  const others = villages
    .filter((v) => v.parentId !== sanThangId)
    .sort((a, b) => score.get(a.id)! - score.get(b.id)! || a.id.localeCompare(b.id));
  const plans: PlanRow[] = [];
  const assessments: AssessmentRow[] = [];
  villages.forEach((v) => {
    const sanThang = v.parentId === sanThangId;
    const rank = sanThang ? -1 : others.indexOf(v);
    const i = sanThang ? villages.filter((x) => x.parentId === sanThangId).indexOf(v) : rank;
    const full = fullOn(i, sanThang, rank);
    const unfinished = full === '';
    const rng = createRng(seedOf(`village-plan:${v.id}`));
    const start: Tier = sanThang ? 'type_3' : 'has_activity';
    const tiers: [string, Tier][] = [['2024-01-05', start]];
    if (sanThang) tiers.push([addDays('2025-08-01', i), 'has_activity']);
    // Recognised drug-free after appraisal: about three weeks after the 8th criterion.
    const proposed = unfinished ? '' : addDays(full, 3);
    const appraised = unfinished ? '' : addDays(full, 12);
    const recognised = unfinished ? '' : addDays(full, 20);
    if (!unfinished) tiers.push([recognised, 'drug_free']);
    for (const [on, tier] of tiers)
      assessments.push({
        id: `as-${v.id}-${on}`,
        unitId: v.id,
        assessedOn: on,
        tier,
        criteria: {},
        decidedBy,
        note: 'Dữ liệu minh họa. Thôn, bản, tổ dân phố: mức độ theo kết quả chuyển hóa (QĐ 28/2025 phân loại cấp xã)',
      });
    // The review of early 2024 ticks every criterion; what was unmet is ticked again when it is met.
    const unmetAtReview =
      rank >= 0 && rank < 17
        ? []
        : [1, 2, 3, 4, 5, 6, 7, 8].filter((c) => c === 1 || c === 6 || rng.chance(0.4));
    // The unfinished village met all but criterion 6 by its last check of 2025.
    const lastOn = unfinished ? '2025-10-28' : full;
    const checks: PlanRow['criteria'] = [1, 2, 3, 4, 5, 6, 7, 8].map((criterion) => ({
      criterion,
      met: !unmetAtReview.includes(criterion),
      checkedOn: rank >= 0 && rank < 17 ? full : '2024-03-15',
    }));
    unmetAtReview.forEach((criterion, k) =>
      checks.push({
        criterion,
        met: !(unfinished && criterion === 6),
        checkedOn: addDays(lastOn, -10 * (unmetAtReview.length - 1 - k)),
      }),
    );
    const steps: NonNullable<PlanRow['steps']> = (
      [
        ['proposed', proposed, null],
        ['appraised', appraised, `${String(rng.int(10, 99))}/QĐ-HĐTĐ`],
        ['recognised', recognised, `${String(rng.int(100, 999))}/QĐ-UBND`],
      ] as [RecognitionStep, string, string | null][]
    )
      .filter(() => !unfinished)
      .map(([step, on, decisionNumber], seq) => ({ step, on, seq, decisionNumber }));
    const phase = unfinished
      ? 5
      : full <= '2024-03-31'
        ? 1
        : full <= '2025-03-14'
          ? 2
          : full <= '2025-08-14'
            ? 3
            : 4;
    plans.push({
      id: `plan-${v.id}`,
      unitId: v.id,
      fromTier: start,
      targetTier: 'drug_free',
      campaignId: CAMPAIGN,
      targetPhaseId: `${CAMPAIGN}-p${phase}`,
      targetDate: ['', '2024-03-31', '2025-03-14', '2025-08-14', '2025-10-14', '2025-11-30'][
        phase
      ]!,
      responsibleAgencyId: police.id,
      status: unfinished ? 'in_progress' : 'achieved',
      criteria: checks,
      steps,
      phaseTargets: sanThang
        ? [
            { phaseId: `${CAMPAIGN}-p3`, tier: 'has_activity' },
            { phaseId: `${CAMPAIGN}-p4`, tier: 'drug_free' },
          ]
        : [{ phaseId: `${CAMPAIGN}-p${phase}`, tier: 'drug_free' }],
    });
  });
  return { plans, assessments };
}
