/** Cross-border coordination on a date: a follow-up's state and a plan's targets measured from its events. */
import { describe, expect, it } from 'vitest';
import { meetingLevelsFor, type CoordinationTarget } from '@pcmt/shared/domain';
import { coordinationKpis, eventCounts, followUpOn } from '@pcmt/shared/state/coordination';

describe('a follow-up on a date', () => {
  const f = { dueOn: '2023-07-15', doneOn: '2023-07-20' };
  it.each([
    ['2023-07-01', 'open'],
    ['2023-07-15', 'open'],
    ['2023-07-16', 'overdue'],
    ['2023-07-20', 'done'],
    ['2023-12-31', 'done'],
  ] as const)('on %s it is %s', (asOf, state) => expect(followUpOn(f, asOf)).toBe(state));
  it('stays overdue while undone', () =>
    expect(followUpOn({ dueOn: '2023-01-01', doneOn: null }, '2026-01-01')).toBe('overdue'));
});

describe("a cross-border plan's targets", () => {
  const e = (
    kind: string,
    occurredOn: string,
    level: string | null = null,
    quantity: number | null = null,
  ) => ({
    kind,
    level,
    occurredOn,
    quantity,
  });
  const events = [
    e('meeting', '2023-03-15', 'blo'),
    e('meeting', '2023-06-20', 'blo'),
    e('meeting', '2023-08-24', 'three_province'),
    e('training', '2023-10-10'),
    e('crop_eradication', '2023-02-01', null, 1200),
    e('crop_eradication', '2023-05-01', null, 800),
    e('fugitive_verification', '2023-04-01', null, 3),
    e('joint_case', '2023-05-05', null, null),
    e('joint_case', '2023-05-06', null, 2),
    e('joint_patrol', '2023-05-07'),
  ];
  const targets: CoordinationTarget[] = [
    { measure: 'meetings_blo', target: null, label: 'BLO' },
    { measure: 'meetings_three_province', target: null, label: '3 tỉnh' },
    { measure: 'training', target: 1, label: 'Tập huấn' },
    { measure: 'crop_area_m2', target: null, label: 'm²' },
    { measure: 'fugitives_verified', target: null, label: 'người' },
    { measure: 'joint_case', target: 2, label: 'vụ' },
    { measure: 'joint_patrol', target: null, label: 'tuần tra' },
  ];
  it('counts meetings by level, sums quantities, counts a joint case as one unless it says more', () => {
    const kpis = coordinationKpis(events, targets, '2023-01-01', '2023-06-30');
    expect(kpis.map((k) => [k.measure, k.actual, k.met])).toEqual([
      ['meetings_blo', 2, null],
      ['meetings_three_province', 0, null],
      ['training', 0, false],
      ['crop_area_m2', 2000, null],
      ['fugitives_verified', 3, null],
      ['joint_case', 3, true],
      ['joint_patrol', 1, null],
    ]);
  });
  it('counts only the events of the window, both days included', () => {
    const year = coordinationKpis(events, targets, '2023-03-15', '2023-10-10');
    expect(year.find((k) => k.measure === 'training')).toMatchObject({ actual: 1, met: true });
    expect(year.find((k) => k.measure === 'meetings_blo')!.actual).toBe(2);
    expect(year.find((k) => k.measure === 'crop_area_m2')!.actual).toBe(800);
  });
  it('gives nothing to a measure from an event of another kind or level', () => {
    expect(eventCounts('meetings_gate', e('meeting', '2023-01-01', 'blo'))).toBe(0);
    expect(eventCounts('crop_area_m2', e('joint_patrol', '2023-01-01', null, 500))).toBe(0);
  });
});

describe('the meeting levels a crossing offers (seed 004)', () => {
  it('offers the Viet Nam – Laos meetings on that border only, and the three-province one in Sơn La only', () => {
    expect(meetingLevelsFor('VN-LA', 'son-la')).toEqual([
      'border_provinces',
      'three_province',
      'department',
      'blo',
      'gate',
    ]);
    expect(meetingLevelsFor('VN-LA', 'thanh-hoa')).toEqual([
      'border_provinces',
      'department',
      'blo',
      'gate',
    ]);
    expect(meetingLevelsFor('VN-CN', 'lao-cai')).toEqual(['department', 'blo', 'gate']);
  });
});
