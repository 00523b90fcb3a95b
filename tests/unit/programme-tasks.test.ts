import { describe, expect, it } from 'vitest';
import { deadlineFrom } from '@pcmt/data/programme-tasks';

describe('a programme task’s deadline from its "target or time" (Thanh Hóa 2023)', () => {
  it.each([
    ['Tháng 6', '2023-06-30', false],
    ['Tháng 2', '2023-02-28', false],
    ['Quý I - Quý IV', '2023-12-31', false],
    ['Quý II', '2023-06-30', false],
    ['Quý I - Quý III', '2023-09-30', false],
    ['Trong Quý III/2023, các huyện… phải có Trạm y tế', '2023-09-30', false],
    // Regular or periodic work runs the whole year, whatever quarter it names: its year end is assumed.
    ['Thực hiện thường xuyên; định kỳ 01 lần/Quý', '2023-12-31', true],
    ['Định kỳ 01 lần/Quý I', '2023-12-31', true],
    ['Thực hiện thường xuyên', '2023-12-31', true],
    ['Sau khi dự án được phê duyệt, ban hành', '2023-12-31', true],
    ['', '2023-12-31', true],
  ])('%s → %s (assumed: %s)', (target, dueOn, assumed) =>
    expect(deadlineFrom(target)).toEqual({ dueOn, assumed }),
  );
});
