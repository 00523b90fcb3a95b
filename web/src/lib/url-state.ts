/** View state lives in the URL so that a shared link reopens the same view. */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Lang } from '../i18n/messages.ts';

export interface ViewState {
  province: string;
  campaign: string | null;
  phase: string | null;
  /** A day inside the campaign chosen on the slider; null = the end of the phase. */
  date: string | null;
  lang: Lang;
  selected: string | null;
  /** A district or commune the cards and the map are narrowed to. */
  focus: string | null;
  /** Only hotspots of this status (or overdue ones) on the map. */
  show: 'active' | 're_emerged' | 'eliminated' | 'overdue' | null;
  /** Only the border communes (xã biên giới) in full colour, the hotspot list narrowed to them. */
  belt: boolean;
  /** The communes coloured by tier (default) or by transformation progress. */
  color: 'tier' | 'progress';
  /** The level the planner chooses among: communes, or villages (thôn, bản, tổ dân phố). */
  clevel: 'commune' | 'village';
  /** The planner's chosen candidate communes or villages (lasso, ticks), in the order chosen. */
  cand: string[];
  /** Candidates the planner pinned on top of the ranking, in the planner's order. */
  pin: string[];
  camera: { zoom: number; lat: number; lng: number } | null;
}

const EVENT = 'pcmt:url';

function parseCamera(s: string | null): ViewState['camera'] {
  const [z, lat, lng] = (s ?? '').split('/').map(Number);
  return z !== undefined &&
    lat !== undefined &&
    lng !== undefined &&
    [z, lat, lng].every(Number.isFinite)
    ? { zoom: z, lat, lng }
    : null;
}

/** A list of ids in the URL: comma separated, only what looks like an id, each once. */
const ids = (s: string | null) => [
  ...new Set((s ?? '').split(',').filter((x) => /^[A-Za-z0-9_-]{1,80}$/.test(x))),
];

export function readViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  return {
    province: p.get('province') ?? 'lao-cai',
    campaign: p.get('campaign'),
    phase: p.get('phase'),
    date: /^\d{4}-\d{2}-\d{2}$/.test(p.get('date') ?? '') ? p.get('date') : null,
    lang: p.get('lang') === 'en' ? 'en' : 'vi',
    selected: p.get('sel'),
    focus: p.get('focus'),
    show:
      (['active', 're_emerged', 'eliminated', 'overdue'] as const).find(
        (x) => x === p.get('show'),
      ) ?? null,
    belt: p.get('belt') === '1',
    color: p.get('color') === 'progress' ? 'progress' : 'tier',
    clevel: p.get('clevel') === 'village' ? 'village' : 'commune',
    cand: ids(p.get('cand')),
    pin: ids(p.get('pin')),
    camera: parseCamera(p.get('map')),
  };
}

export function writeViewState(s: ViewState): string {
  const p = new URLSearchParams();
  p.set('province', s.province);
  if (s.campaign) p.set('campaign', s.campaign);
  if (s.phase) p.set('phase', s.phase);
  if (s.date) p.set('date', s.date);
  if (s.lang !== 'vi') p.set('lang', s.lang);
  if (s.selected) p.set('sel', s.selected);
  if (s.focus) p.set('focus', s.focus);
  if (s.show) p.set('show', s.show);
  if (s.belt) p.set('belt', '1');
  if (s.color === 'progress') p.set('color', 'progress');
  if (s.clevel === 'village') p.set('clevel', 'village');
  if (s.cand.length) p.set('cand', s.cand.join(','));
  if (s.pin.length) p.set('pin', s.pin.join(','));
  if (s.camera)
    p.set(
      'map',
      `${s.camera.zoom.toFixed(2)}/${s.camera.lat.toFixed(4)}/${s.camera.lng.toFixed(4)}`,
    );
  return `?${p.toString()}`;
}

const subscribe = (notify: () => void) => {
  window.addEventListener('popstate', notify);
  window.addEventListener(EVENT, notify);
  return () => {
    window.removeEventListener('popstate', notify);
    window.removeEventListener(EVENT, notify);
  };
};

export function useViewState(): [
  ViewState,
  (patch: Partial<ViewState>, mode?: 'push' | 'replace') => void,
] {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  // Parsed once per URL: the lists in it keep their identity between renders (memo dependencies).
  const state = useMemo(() => readViewState(search), [search]);
  const update = useCallback((patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push') => {
    const next = writeViewState({ ...readViewState(window.location.search), ...patch });
    if (next === window.location.search) return;
    window.history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', next);
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return [state, update];
}
