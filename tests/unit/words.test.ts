/**
 * The words users expect (issue 14, part 4): "điểm, tụ điểm", not "điểm nóng"; "cây có chứa chất ma túy"; the 8
 * criteria with their legal qualifiers. Read from every source file that holds words a user sees.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { communeHeading, CRITERIA_LABELS } from '@pcmt/shared/labels';

const root = fileURLToPath(new URL('../..', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const sources = ['web/src', 'shared/src', 'server/src', 'data/pipeline'].flatMap((d) =>
  files(join(root, d)),
);

describe('the words of the plans and the decision', () => {
  it.each([
    [/điểm nóng/i, '"điểm, tụ điểm"'],
    [/cây có chất ma túy/i, '"cây có chứa chất ma túy"'],
  ])('never writes %s (use %s)', (pattern) => {
    // A `formerly:` header is an old template's wording, kept so those files still import.
    const found = sources.filter((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .some((line) => pattern.test(line) && !/formerly:/.test(line)),
    );
    expect(found.map((f) => f.slice(root.length))).toEqual([]);
  });

  it('keeps the legal qualifiers of the 8 criteria', () => {
    const vi = CRITERIA_LABELS.vi.join('\n');
    for (const q of [
      'từ 03 tháng trở lên',
      'tổ chức và sử dụng',
      'không sử dụng các chất ma túy khác',
      'có mặt tại nơi cư trú',
      'cây có chứa chất ma túy',
    ])
      expect(vi).toContain(q);
    expect(CRITERIA_LABELS.vi).toHaveLength(8);
    expect(CRITERIA_LABELS.en).toHaveLength(8);
  });
});

describe('what communes are called on a date', () => {
  it.each([
    ['2025-06-30', 'Xã, phường, thị trấn'],
    ['2025-07-01', 'Xã, phường, đặc khu'],
    ['2026-11-22', 'Xã, phường, đặc khu'],
  ])('%s → %s', (date, words) => expect(communeHeading(date)).toBe(words));
});
