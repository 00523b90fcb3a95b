import { describe, expect, it } from 'vitest';
import { fileIssue, problemText } from '@pcmt/shared/file-issues';
import { reportingPeriods, suggestFromFigures } from '@pcmt/shared/figures';
import { figuresOn, periodEraDay } from '@pcmt/shared/state/figures';

const row = (unitId: string, periodFrom: string, periodTo: string, recordedOn: string) => ({
  unitId,
  periodFrom,
  periodTo,
  recordedOn,
});

describe('figuresOn: the figures in force on a date', () => {
  const rows = [
    row('a', '2025-01-01', '2025-12-31', '2025-12-20'),
    row('a', '2026-01-01', '2026-06-30', '2026-07-05'),
    row('a', '2026-01-01', '2026-12-31', '2026-12-10'),
    row('b', '2026-07-01', '2026-12-31', '2026-12-01'),
  ];
  it.each([
    ['2025-06-01', 'a', null],
    ['2025-12-20', 'a', '2025-01-01/2025-12-31'],
    ['2026-07-04', 'a', '2025-01-01/2025-12-31'],
    ['2026-07-05', 'a', '2026-01-01/2026-06-30'],
    ['2026-12-10', 'a', '2026-01-01/2026-12-31'],
    ['2026-11-30', 'b', null],
    ['2026-12-01', 'b', '2026-07-01/2026-12-31'],
  ])('on %s, unit %s uses %s', (date, unit, expected) => {
    const got = figuresOn(rows, date).get(unit);
    expect(got ? `${got.periodFrom}/${got.periodTo}` : null).toBe(expected);
  });
});

describe('suggestFromFigures', () => {
  it('reads shares against the figures’ own population, else the unit’s', () => {
    const f = { registeredUsers: 60, organisedUsePlaces: 2, offendersArrested: 12 };
    expect(suggestFromFigures({ ...f, population: 10000 }, 1_000_000).tier).toBe('type_1');
    expect(suggestFromFigures(f, 10000).tier).toBe('type_1');
    expect(suggestFromFigures(f, 1_000_000).tier).not.toBe('type_1');
  });
  it('calls figures with no place, no offender and no crop drug-free, naming the criteria; a blank shows nothing', () => {
    const s = suggestFromFigures(
      {
        population: 5000,
        registeredUsers: 0,
        organisedUsePlaces: 0,
        offendersArrested: 0,
        plantsDestroyed: 0,
      },
      null,
    );
    expect([s.tier, s.triggered.map((c) => c.id)]).toEqual(['drug_free', ['df-1', 'df-2', 'df-8']]);
    const blank = suggestFromFigures(
      { population: 5000, registeredUsers: 0, plantsDestroyed: 0 },
      null,
    );
    expect(blank.tier).toBe('has_activity');
  });
});

describe('file problems in both languages', () => {
  const issue = fileIssue({ sheet: 'S', row: 4, column: 'D' }, 'below', { value: -2, min: 0 });
  it('carries English words, its code and values', () => {
    expect(issue).toMatchObject({ problem: '-2 is below 0', code: 'below', row: 4, column: 'D' });
  });
  it('reads in Vietnamese, and falls back to the words for an unknown code', () => {
    expect(problemText(issue, 'vi')).toBe('-2 nhỏ hơn 0');
    expect(problemText({ ...issue, code: 'new_code' }, 'vi')).toBe('-2 is below 0');
  });
});

describe('reportingPeriods', () => {
  it('offers the current year first, then its halves, back four years', () => {
    const p = reportingPeriods('2026-12-02');
    expect(p[0]).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(p).toHaveLength(12);
    expect(p.at(-1)).toMatchObject({ from: '2023-01-01', to: '2023-06-30' });
  });
});

describe('periodEraDay: whose units a period is entered for', () => {
  it.each([
    ['2024-12-31', '2026-11-22', '2024-12-31'],
    ['2026-12-31', '2026-11-22', '2026-11-22'],
    ['2026-11-22', '2026-11-22', '2026-11-22'],
  ])('a period to %s, today %s: the units of %s', (to, today, day) => {
    expect(periodEraDay(to, today)).toBe(day);
  });
});
