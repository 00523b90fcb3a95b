import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState } from '@pcmt/web/lib/url-state.ts';

describe('view state in the URL', () => {
  it('defaults to Lào Cai in Vietnamese', () => {
    expect(readViewState('')).toEqual({
      province: 'lao-cai',
      campaign: null,
      phase: null,
      date: null,
      lang: 'vi',
      selected: null,
      focus: null,
      show: null,
      belt: false,
      color: 'tier',
      clevel: 'commune',
      cand: [],
      pin: [],
      camera: null,
    });
  });
  it('round-trips every field', () => {
    const s = {
      province: 'son-la',
      campaign: 'sl-2023-coop',
      phase: 'sl-2023-coop-p2',
      date: '2023-08-15',
      lang: 'en' as const,
      selected: 'com-14-0534',
      focus: 'dist-14-02',
      show: 'overdue' as const,
      belt: true,
      color: 'progress' as const,
      clevel: 'village' as const,
      cand: ['com-12-0034', 'com-12-0035'],
      pin: ['com-12-0035'],
      camera: { zoom: 9.5, lat: 21.3, lng: 104.1 },
    };
    expect(readViewState(writeViewState(s))).toEqual(s);
  });
  it('ignores an unknown status filter', () => expect(readViewState('?show=all').show).toBeNull());
  it('reads the border-belt filter only as 1', () => {
    expect(readViewState('?belt=1').belt).toBe(true);
    expect(readViewState('?belt=yes').belt).toBe(false);
  });
  it('keeps the chosen candidates once each, in order, and only ids', () =>
    expect(readViewState('?cand=com-1,com-2,com-1,<x>,').cand).toEqual(['com-1', 'com-2']));
  it('chooses among communes unless villages are asked for', () => {
    expect(readViewState('?clevel=hamlet').clevel).toBe('commune');
    expect(readViewState('?clevel=village').clevel).toBe('village');
  });
  it('ignores a malformed camera', () => expect(readViewState('?map=abc').camera).toBeNull());
});
