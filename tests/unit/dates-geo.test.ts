import { describe, expect, it } from 'vitest';
import {
  addMonths,
  existsDuring,
  daysBetween,
  formatViDate,
  isIsoDate,
  parseViDate,
  vietnamDay,
} from '@pcmt/shared/dates';
import { bboxOf, toBBox, toLngLat } from '@pcmt/shared/geo';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['24-01-01', false],
  ])('isIsoDate(%s) = %s', (s, v) => expect(isIsoDate(s)).toBe(v));
  it('reads the day in Asia/Ho_Chi_Minh', () => {
    expect(vietnamDay(new Date('2024-12-31T16:59:59Z'))).toBe('2024-12-31');
    expect(vietnamDay(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
  });
  it('writes dd/mm/yyyy', () => expect(formatViDate('2024-09-01')).toBe('01/09/2024'));
  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
  });
  it('counts days', () => expect(daysBetween('2024-09-01', '2024-10-31')).toBe(60));
});

describe('geo primitives', () => {
  it('rejects a bad coordinate naming it', () => {
    expect(() => toLngLat(200, 10)).toThrow(/longitude out of range: 200/);
    expect(() => toLngLat(104, -91)).toThrow(RangeError);
  });
  it('rejects an inverted bbox', () => expect(() => toBBox(105, 20, 104, 21)).toThrow(/west/));
  it('computes the bbox of a polygon', () => {
    expect(
      bboxOf({
        type: 'Polygon',
        coordinates: [
          [
            [104, 22],
            [105, 22],
            [105, 23],
            [104, 22],
          ],
        ],
      }),
    ).toEqual([104, 22, 105, 23]);
  });
});

describe('parseViDate', () => {
  it.each([
    ['15/09/2024', '2024-09-15'],
    ['1/7/2025', '2025-07-01'],
    [' 03.12.2025 ', '2025-12-03'],
    ['31/02/2024', null],
    ['2024-09-15', null],
    ['15/09/24', null],
  ])('%s → %s', (text, iso) => expect(parseViDate(text)).toBe(iso));
});

describe('existing during a span (a unit, or an agency by its unit)', () => {
  const span = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
  it.each([
    [{ validFrom: '2020-01-01', validTo: '2025-07-01' }, false],
    [{ validFrom: '2025-07-01', validTo: null }, true],
    [{ validFrom: null, validTo: null }, true],
    [{ validFrom: '2020-01-01', validTo: '2026-01-02' }, true],
    [{ validFrom: '2027-01-01', validTo: null }, false],
  ])('%o → %s', (u, expected) => expect(existsDuring(u, span)).toBe(expected));
});
