/** The way to recognition as drug-free on a date, who may take each step, and a criterion's history. */
import { describe, expect, it } from 'vitest';
import {
  criteriaMetOn,
  recognitionOn,
  stepRefusal,
  type StepRecord,
} from '@pcmt/shared/state/recognition';

const steps: StepRecord[] = [
  { step: 'proposed', on: '2025-07-01', seq: 1 },
  { step: 'appraised', on: '2025-07-20', seq: 2 },
  { step: 'recognised', on: '2025-08-10', seq: 3 },
  { step: 'reverified', on: '2026-02-10', seq: 4 },
  { step: 'regressed', on: '2026-05-03', seq: 5 },
];

describe('recognition on a date', () => {
  it.each([
    ['2025-06-30', 'in_progress', null, null],
    ['2025-07-01', 'proposed', null, null],
    ['2025-07-25', 'appraised', null, null],
    ['2025-08-10', 'recognised', '2025-08-10', null],
    ['2026-03-01', 'recognised', '2025-08-10', null],
    // A regression reopens it and is shown; the recognition it ended stays known.
    ['2026-05-03', 'in_progress', '2025-08-10', '2026-05-03'],
  ])('on %s: %s (recognised %s, regressed %s)', (asOf, state, recognisedOn, regressedOn) => {
    expect(recognitionOn(steps, asOf)).toMatchObject({ state, recognisedOn, regressedOn });
  });
  it('orders steps of one day by their sequence, whatever the order given', () => {
    const sameDay: StepRecord[] = [
      { step: 'returned', on: '2025-07-01', seq: 2 },
      { step: 'proposed', on: '2025-07-01', seq: 1 },
    ];
    expect(recognitionOn(sameDay, '2025-07-01').state).toBe('in_progress');
  });
});

describe('who may take a step, and when', () => {
  const base = {
    state: 'in_progress' as const,
    role: 'planner' as const,
    decisionNumber: null,
    criteriaMet: 8,
    lastOn: null,
    on: '2025-07-01',
  };
  it.each([
    ['proposed', {}, null],
    ['proposed', { criteriaMet: 7 }, 'step'],
    ['proposed', { role: 'commander' }, 'step'],
    ['appraised', { state: 'proposed', role: 'commander', decisionNumber: '12/QĐ-HĐTĐ' }, null],
    ['appraised', { state: 'proposed', role: 'commander' }, 'decisionNumber'],
    ['appraised', { state: 'proposed', role: 'planner', decisionNumber: '12' }, 'step'],
    ['recognised', { state: 'proposed', role: 'commander', decisionNumber: '9/QĐ-UBND' }, 'step'],
    ['recognised', { state: 'appraised', role: 'commander', decisionNumber: '9/QĐ-UBND' }, null],
    ['regressed', { state: 'recognised' }, null],
    ['regressed', { state: 'in_progress' }, 'step'],
    ['reverified', { state: 'recognised', lastOn: '2025-08-10', on: '2025-08-01' }, 'on'],
    ['returned', { state: 'proposed', role: 'commander' }, null],
  ] as const)('%s with %j is refused on %s', (step, over, field) => {
    expect(stepRefusal(step, { ...base, ...over })?.field ?? null).toBe(field);
  });
});

describe('criteria met on a date from their history', () => {
  const history = [
    { criterion: 1, met: true, checkedOn: '2024-03-01', id: 1 },
    { criterion: 2, met: true, checkedOn: '2024-03-01', id: 2 },
    // Unticked later: met before the untick, unmet after (the old single row lost this).
    { criterion: 2, met: false, checkedOn: '2024-06-01', id: 3 },
    { criterion: 3, met: false, checkedOn: '2024-03-01', id: 4 },
    // A same-day correction wins.
    { criterion: 3, met: true, checkedOn: '2024-03-01', id: 5 },
  ];
  it.each([
    ['2024-02-28', []],
    ['2024-03-01', [1, 2, 3]],
    ['2024-05-31', [1, 2, 3]],
    ['2024-06-01', [1, 3]],
  ])('on %s: %j', (asOf, met) => {
    expect(criteriaMetOn(history, asOf)).toEqual(met);
  });
});
