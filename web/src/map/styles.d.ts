/** Layers as pure functions of state, testable in node without WebGL. */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { CrossingKind, HotspotStatus, Tier } from '@pcmt/shared/domain';
export declare const TIER_COLORS: Record<Tier, string>;
export declare const STATUS_COLORS: Record<HotspotStatus, string>;
export declare const CROSSING_COLORS: Record<CrossingKind, string>;
/** The offline basemap: sea, neighbouring countries, Vietnam's provinces; no tiles, no glyphs. */
export declare function buildBaseStyle(basemap: FeatureCollection): StyleSpecification;
/** Communes coloured by tier, with district and province outlines; `selectedId` is outlined. */
export declare function buildUnitLayers(state: { selectedId: string | null }): LayerSpecification[];
export declare function buildBorderLayers(): LayerSpecification[];
export declare function buildRouteLayers(): LayerSpecification[];
/** Hotspots coloured by status; overdue ones get a thick black ring. */
export declare function buildHotspotLayers(): LayerSpecification[];
export declare function buildCrossingLayers(): LayerSpecification[];
/** Every operational layer, bottom to top. */
export declare function buildOverlayLayers(state: {
  selectedId: string | null;
}): LayerSpecification[];
