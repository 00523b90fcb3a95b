/** Seizures per month on a date: the window, units brought to their measure, later records not yet known. */
import { describe, expect, it } from 'vitest';
import {
  monthsBetween,
  seizureTotals,
  seizuresByMonth,
  yearBefore,
  type SeizureRecord,
} from '@pcmt/shared/state/seizures';

const rows: SeizureRecord[] = [
  { seizedOn: '2024-01-05', kind: 'heroin', quantity: 350, unit: 'g' },
  { seizedOn: '2024-01-20', kind: 'heroin', quantity: 1.2, unit: 'kg' },
  { seizedOn: '2024-01-21', kind: 'synthetic_pills', quantity: 6000, unit: 'tablet' },
  { seizedOn: '2024-02-02', kind: 'precursors', quantity: 500, unit: 'ml' },
  { seizedOn: '2024-02-03', kind: 'precursors', quantity: 2, unit: 'l' },
  { seizedOn: '2024-03-10', kind: 'heroin', quantity: 100, unit: 'g' },
];

describe('seizuresByMonth', () => {
  it.each([
    // [from, asOf, expected rows as month|measure|kind=amount×count]
    [
      '2024-01-01',
      '2024-03-31',
      [
        '2024-01|count|synthetic_pills=6000×1',
        '2024-01|mass|heroin=1.55×2',
        '2024-02|volume|precursors=2.5×2',
        '2024-03|mass|heroin=0.1×1',
      ],
    ],
    // A seizure after the date is not yet known; one before the window is left out.
    [
      '2024-01-10',
      '2024-02-02',
      [
        '2024-01|count|synthetic_pills=6000×1',
        '2024-01|mass|heroin=1.2×1',
        '2024-02|volume|precursors=0.5×1',
      ],
    ],
    ['2024-04-01', '2024-12-31', []],
  ])('from %s as of %s', (from, asOf, expected) => {
    expect(
      seizuresByMonth(rows, from, asOf).map(
        (m) => `${m.month}|${m.measure}|${m.kind}=${m.amount}×${m.count}`,
      ),
    ).toEqual(expected);
  });

  it('totals per measure and kind, largest first within a measure', () => {
    const totals = seizureTotals(seizuresByMonth(rows, '2024-01-01', '2024-12-31'));
    expect(totals.map((t) => `${t.measure}|${t.kind}=${t.amount}×${t.count}`)).toEqual([
      'count|synthetic_pills=6000×1',
      'mass|heroin=1.65×3',
      'volume|precursors=2.5×2',
    ]);
  });
});

describe('months of a window', () => {
  it.each([
    ['2024-11-15', '2025-02-01', ['2024-11', '2024-12', '2025-01', '2025-02']],
    ['2024-05-31', '2024-05-01', ['2024-05']],
    ['2024-06-01', '2024-05-31', []],
  ])('%s to %s', (from, to, expected) => {
    expect(monthsBetween(from, to)).toEqual(expected);
  });

  it.each([
    ['2024-12-07', '2024-01-01'],
    ['2024-05-31', '2023-06-01'],
    ['2026-01-15', '2025-02-01'],
  ])('the year that ends with %s starts on %s', (asOf, start) => {
    expect(yearBefore(asOf)).toBe(start);
    expect(monthsBetween(start, asOf)).toHaveLength(12);
  });
});
