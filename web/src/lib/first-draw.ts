/**
 * "The map has drawn the province once": until then, nothing else competes with it for a slow link. Lazy
 * panels (app/lazy.tsx `Later`) and the basemap wait for it; the service worker registers after it.
 */
import { createStore } from './store.ts';

const drawn = createStore(false);
export const markFirstDraw = () => drawn.set(true);
export const useFirstDraw = drawn.use;
