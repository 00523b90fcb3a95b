import { describe, expect, it } from 'vitest';
import { dueFrom } from '@pcmt/data/programme-tasks';

describe('a programme task’s deadline from its "target or time" (Thanh Hóa 2023)', () => {
  it.each([
    ['Tháng 6', '2023-06-30'],
    ['Tháng 2', '2023-02-28'],
    ['Quý I - Quý IV', '2023-12-31'],
    ['Quý II', '2023-06-30'],
    ['Quý I - Quý III', '2023-09-30'],
    // Regular or periodic work runs the whole year, whatever quarter it names.
    ['Thực hiện thường xuyên; định kỳ 01 lần/Quý', '2023-12-31'],
    ['Định kỳ 01 lần/Quý I', '2023-12-31'],
    ['Sau khi dự án được phê duyệt, ban hành', '2023-12-31'],
    ['', '2023-12-31'],
  ])('%s → %s', (target, due) => expect(dueFrom(target)).toBe(due));
});
