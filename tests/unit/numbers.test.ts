/** Numbers as Vietnamese users type them: the comma is the decimal mark, the dot groups thousands. */
import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '@pcmt/web/lib/numbers.ts';

describe('a typed number', () => {
  it.each([
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['10.000', 10000],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['350', 350],
    [' 12,75 ', 12.75],
    ['0,001', 0.001],
  ])('%s is %s', (text, value) => expect(parseLocaleNumber(text)).toBe(value));
  it.each(['', 'abc', '2,5,1', '1.2.3', ',', '12 kg'])('%j is not a number', (text) =>
    expect(parseLocaleNumber(text)).toBeNaN(),
  );
});
