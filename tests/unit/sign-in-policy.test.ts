import { describe, expect, it } from 'vitest';
import { lockLengthMs, signInWaitMs } from '@pcmt/shared/policy';

describe('sign-in waits and lock lengths', () => {
  it.each([
    [0, 3, 0],
    [2, 3, 0],
    [3, 3, 1000],
    [4, 3, 2000],
    [6, 3, 8000],
    [12, 3, 512_000],
    [13, 3, 900_000],
    [40, 3, 900_000],
    [9, 10, 0],
    [10, 10, 1000],
  ])('%i failures with %i free wait %i ms', (failures, free, ms) => {
    expect(signInWaitMs(failures, free)).toBe(ms);
  });

  it.each([
    [1, 15],
    [2, 30],
    [3, 60],
    [4, 120],
    [7, 960],
    [8, 1440],
    [30, 1440],
  ])('lock %i in a row lasts %i minutes', (streak, minutes) => {
    expect(lockLengthMs(streak)).toBe(minutes * 60_000);
  });
});
