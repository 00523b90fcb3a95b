/**
 * "The map has drawn the province once": until then, nothing else competes with it for a slow link. Lazy
 * panels (app/lazy.tsx `Later`) and the basemap wait for it; the service worker registers after it.
 */
import { useSyncExternalStore } from 'react';

let drawn = false;
const listeners = new Set<() => void>();

export function markFirstDraw() {
  if (drawn) return;
  drawn = true;
  for (const l of listeners) l();
}

export const useFirstDraw = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => drawn,
  );
