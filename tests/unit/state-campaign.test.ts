import { describe, expect, it } from 'vitest';
import {
  deadlineOn,
  deadlineTally,
  formatMeasure,
  meetsTarget,
  objectivesProgress,
  quotaProgress,
  targetText,
  type MeasureInputs,
} from '@pcmt/shared/state/campaign';

describe('quotaProgress', () => {
  const entries = [
    { recordedOn: '2024-09-07', value: 10 },
    { recordedOn: '2024-09-14', value: 5 },
  ];
  it('sums entries up to the date', () =>
    expect(quotaProgress(20, entries, '2024-09-10')).toEqual({ achieved: 10, share: 0.5 }));
  it('does not cap the share', () =>
    expect(quotaProgress(10, entries, '2024-12-31').share).toBe(1.5));
});

describe('deadlineOn', () => {
  const d = { dueOn: '2024-10-03', submittedOn: '2024-10-02' };
  it.each([
    // [submitted, as of, state, submission shown]
    ['2024-10-02', '2024-09-30', 'pending', null],
    ['2024-10-02', '2024-10-02', 'met', '2024-10-02'],
    ['2024-10-05', '2024-10-04', 'missed', null],
    ['2024-10-05', '2024-10-05', 'late', '2024-10-05'],
    [null, '2024-10-03', 'pending', null],
    [null, '2024-10-04', 'missed', null],
  ] as const)('submitted %s, on %s: %s', (submittedOn, asOf, state, shown) =>
    expect(deadlineOn({ ...d, submittedOn }, asOf)).toEqual({ state, submittedOn: shown }),
  );
  it('tallies only what is due', () =>
    expect(deadlineTally(['met', 'late', 'missed', 'pending'])).toEqual({
      met: 1,
      late: 1,
      missed: 1,
      pending: 1,
      due: 3,
      onTimeShare: 1 / 3,
    }));
});

describe('objectives against their own targets', () => {
  const x: MeasureInputs = {
    toEliminate: 10,
    eliminatedInRange: 6,
    reEmergedInRange: 1,
    newClustersInRange: 0,
    regressions: 2,
    drugFree: 3,
    communes: 12,
    villagesFull: 17,
  };
  it.each([
    // Lào Cai 2024 phase 1: 100 %; Thanh Hóa 2023: over 50 %; Lào Cai phase 2: no re-emergence
    [{ measure: 'hotspots_eliminated_share', comparator: 'at_least', target: 1 }, 0.6, false],
    [{ measure: 'hotspots_eliminated_share', comparator: 'more_than', target: 0.5 }, 0.6, true],
    [{ measure: 're_emergences', comparator: 'at_most', target: 0 }, 1, false],
    [{ measure: 'new_clusters', comparator: 'at_most', target: 0 }, 0, true],
    [{ measure: 'regressions', comparator: 'at_most', target: 0 }, 2, false],
    [{ measure: 'drug_free_share', comparator: 'at_least', target: 1 }, 0.25, false],
    // Lai Châu city phase 1: 17 of 72 villages at 8/8
    [{ measure: 'villages_full', comparator: 'at_least', target: 17 }, 17, true],
  ] as const)('%o → %s, met %s', (o, value, met) => {
    const [p] = objectivesProgress([{ text: 't', ...o }], x);
    expect(p!.value).toBeCloseTo(value);
    expect(p!.met).toBe(met);
  });
  it('leaves an objective without a measure as text', () =>
    expect(objectivesProgress([{ text: 'Duy trì kết quả' }], x)).toEqual([
      { text: 'Duy trì kết quả' },
    ]));
  it('counts "more than 50 %" as not met at exactly 50 %', () => {
    expect(meetsTarget(0.5, 'more_than', 0.5)).toBe(false);
    expect(meetsTarget(0.5, 'at_least', 0.5)).toBe(true);
  });
  it('writes targets as the plans do', () => {
    expect(
      targetText({
        text: '',
        measure: 'hotspots_eliminated_share',
        comparator: 'more_than',
        target: 0.5,
      }),
    ).toBe('> 50%');
    expect(formatMeasure('re_emergences', 0)).toBe('0');
  });
});
