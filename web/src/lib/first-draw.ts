/**
 * "A map has drawn the province once" (the sketch map, or the full map if it came first): until then, nothing
 * else competes with it for a slow link. Lazy panels (app/lazy.tsx `Later`) and MapLibre's own chunk wait for
 * it; the basemap and the service worker wait for the full map (app/map-area.tsx).
 */
import { createStore } from './store.ts';

const drawn = createStore(false);
export const markFirstDraw = () => drawn.set(true);
export const useFirstDraw = drawn.use;
