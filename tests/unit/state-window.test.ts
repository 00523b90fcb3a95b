import { describe, expect, it } from 'vitest';
import { campaignWindow, sixMonthReportDay, viewWindow } from '@pcmt/shared/state/window';

const campaign = {
  startsOn: '2024-08-15',
  endsOn: '2024-12-14',
  phases: [
    { id: 'p0', ordinal: 0, startsOn: '2024-08-15', endsOn: '2024-08-31' },
    { id: 'p1', ordinal: 1, startsOn: '2024-09-01', endsOn: '2024-10-31' },
    { id: 'p2', ordinal: 2, startsOn: '2024-11-01', endsOn: '2024-12-14' },
  ],
};

describe('viewWindow', () => {
  it.each([
    // [today, choice, asOf, since, phase]
    ['2026-11-22', {}, '2024-10-31', '2024-09-01', 'p1'],
    ['2026-11-22', { phaseId: 'p2' }, '2024-12-14', '2024-11-01', 'p2'],
    ['2026-11-22', { date: '2024-09-15' }, '2024-09-15', '2024-09-01', 'p1'],
    ['2026-11-22', { date: '2024-09-15', phaseId: 'p2' }, '2024-09-15', '2024-09-01', 'p1'],
    // a running phase is shown as it stands today, not as of its planned end
    ['2024-10-10', { phaseId: 'p1' }, '2024-10-10', '2024-09-01', 'p1'],
    // a date after today or outside the campaign is ignored
    ['2024-10-10', { date: '2024-11-20' }, '2024-10-10', '2024-09-01', 'p1'],
    ['2026-11-22', { date: '2023-01-01' }, '2024-10-31', '2024-09-01', 'p1'],
  ] as const)('today %s, %o → as of %s since %s in %s', (today, choice, asOf, since, phase) => {
    const w = viewWindow(campaign, today, choice);
    expect([w.asOf, w.since, w.phase?.id]).toEqual([asOf, since, phase]);
  });

  it('caps a future phase at today: nothing in range yet, not started', () => {
    const w = viewWindow(campaign, '2024-10-10', { phaseId: 'p2' });
    expect(w).toMatchObject({ asOf: '2024-10-10', since: '2024-10-10', started: false });
    expect(w.lastDay).toBe('2024-10-10');
  });

  it('keeps a date between phases with the campaign start as the range start', () => {
    const gap = { ...campaign, phases: [campaign.phases[1]!] };
    expect(viewWindow(gap, '2026-11-22', { date: '2024-11-20' })).toMatchObject({
      asOf: '2024-11-20',
      since: '2024-08-15',
      phase: null,
    });
  });
});

describe('campaignWindow', () => {
  it('spans the campaign up to its end, or up to a date', () => {
    expect(campaignWindow(campaign, '2026-11-22')).toMatchObject({
      asOf: '2024-12-14',
      since: '2024-08-15',
    });
    expect(campaignWindow(campaign, '2026-11-22', '2024-09-30').asOf).toBe('2024-09-30');
    expect(campaignWindow(campaign, '2024-09-10').asOf).toBe('2024-09-10');
  });
});

describe('the day a six-month report reads', () => {
  const year = { startsOn: '2023-01-01', endsOn: '2023-12-31' };
  it.each([
    ['2026-12-04', undefined, '2023-06-30'],
    ['2026-12-04', '2023-05-31', '2023-05-31'],
    ['2026-12-04', '2023-11-30', '2023-06-30'],
    ['2023-04-10', undefined, '2023-04-10'],
  ] as const)('today %s, asked %s: %s', (today, asked, day) =>
    expect(sixMonthReportDay(year, today, asked)).toBe(day),
  );
  it('stops at the end of a campaign shorter than six months', () =>
    expect(sixMonthReportDay({ startsOn: '2024-08-15', endsOn: '2024-12-14' }, '2026-01-01')).toBe(
      '2024-12-14',
    ));
});
