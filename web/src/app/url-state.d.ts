import type { Lang } from '../i18n/messages.ts';
export interface ViewState {
  province: string;
  campaign: string | null;
  phase: string | null;
  lang: Lang;
  selected: string | null;
  camera: {
    zoom: number;
    lat: number;
    lng: number;
  } | null;
}
export declare function readViewState(search: string): ViewState;
export declare function writeViewState(s: ViewState): string;
export declare function useViewState(): [
  ViewState,
  (patch: Partial<ViewState>, mode?: 'push' | 'replace') => void,
];
