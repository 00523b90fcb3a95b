/**
 * Lite mode for old PCs and poor links: no map animation, no basemap (the province's own layers only) and fewer
 * layers. On by itself when the browser reports little memory (≤ 2 GB), a slow link (2G/3G) or data saving;
 * the user's own choice, kept in localStorage, wins either way.
 */
import { createStore } from './store.ts';

const KEY = 'pcmt.lite';

interface NavigatorHints {
  deviceMemory?: number;
  connection?: { effectiveType?: string; saveData?: boolean };
}

/** What the device and the link suggest, from the browser's hints (absent hints suggest nothing). */
export function liteSuggested(nav: NavigatorHints): boolean {
  const slow = ['slow-2g', '2g', '3g'].includes(nav.connection?.effectiveType ?? '');
  return (
    (nav.deviceMemory !== undefined && nav.deviceMemory <= 2) || slow || !!nav.connection?.saveData
  );
}

function read(): { on: boolean; auto: boolean } {
  const chosen = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  if (chosen === 'on' || chosen === 'off') return { on: chosen === 'on', auto: false };
  const nav = typeof navigator === 'undefined' ? {} : (navigator as NavigatorHints);
  return { on: liteSuggested(nav), auto: true };
}

const state = createStore(read());
export function setLite(on: boolean) {
  localStorage.setItem(KEY, on ? 'on' : 'off');
  state.set(read());
}

export function useLite() {
  return { ...state.use(), set: setLite };
}
