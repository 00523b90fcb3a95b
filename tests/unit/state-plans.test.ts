import { describe, expect, it } from 'vitest';
import { criterionMetOn, tasksOn } from '@pcmt/shared/state/plans';
import { recordedBy } from '@pcmt/shared/state/window';

describe('a plan on a date', () => {
  it.each([
    [{ met: true, checkedOn: '2024-03-01' }, '2024-03-01', true],
    [{ met: true, checkedOn: '2024-03-02' }, '2024-03-01', false],
    [{ met: false, checkedOn: '2024-01-01' }, '2024-03-01', false],
    [undefined, '2024-03-01', false],
  ])('criterion %o on %s: met %s', (check, asOf, met) =>
    expect(criterionMetOn(check, asOf)).toBe(met),
  );

  it('knows a record only from its day on', () => {
    expect(recordedBy('2024-05-01', '2024-04-30')).toBe(false);
    expect(recordedBy('2024-05-01', '2024-05-01')).toBe(true);
    expect(recordedBy(null, '2024-05-01')).toBe(false);
  });

  it('shows the tasks created by the date, done only when done by then', () => {
    const tasks = [
      {
        id: 'a',
        createdOn: '2024-01-10',
        status: 'done',
        doneOn: '2024-02-01',
        dueOn: '2024-02-15',
      },
      {
        id: 'b',
        createdOn: '2024-01-10',
        status: 'done',
        doneOn: '2024-04-01',
        dueOn: '2024-02-15',
      },
      { id: 'd', createdOn: '2024-01-10', status: 'open', doneOn: null, dueOn: '2024-03-01' },
      { id: 'c', createdOn: '2024-03-10', status: 'open', doneOn: null, dueOn: '2024-06-30' },
    ];
    // b is done only after the date: on it, it is late (overdue); d is due that very day (not yet overdue).
    expect(tasksOn(tasks, '2024-03-01').map((t) => [t.id, t.doneOnDate, t.overdue])).toEqual([
      ['a', true, false],
      ['b', false, true],
      ['d', false, false],
    ]);
    expect(tasksOn(tasks, '2024-03-02').find((t) => t.id === 'd')!.overdue).toBe(true);
  });
});
