/**
 * The sketch map: the province's communes by tier (or progress), its outline, the national border, hotspots and
 * crossings, drawn as SVG (d3-geo for the projection, d3-zoom for pan and zoom) from the data the dashboard
 * already holds. It needs no WebGL and none of MapLibre's 350 KB, so on a slow link it is usable seconds before
 * the full map: a click selects a commune, a hotspot or a crossing exactly as on the full map, and a move is
 * handed over as the URL's camera. It stays where the full map cannot draw (no WebGL on an old PC).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { planar } from './planar.ts';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { CrossingKind, HotspotStatus, Tier } from '@pcmt/shared/domain';
import {
  TIER_LABELS,
  STATUS_LABELS,
  CROSSING_LABELS,
  HOTSPOT_KIND_LABELS,
} from '@pcmt/shared/labels';
import type { HotspotKind } from '@pcmt/shared/domain';
import { CROSSING_COLORS, STATUS_COLORS, type ColorBy } from './styles.ts';
import { sketchFill } from './sketch-fill.ts';

type FC = FeatureCollection;
type Props = Record<string, unknown>;
export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
}

/** MapLibre's zoom z is a world 512·2^z pixels wide; d3's Mercator scale s is a world 2πs wide. */
const scaleOf = (z: number) => (512 * 2 ** z) / (2 * Math.PI);
const zoomOf = (scale: number) => Math.log2((scale * 2 * Math.PI) / 512);

interface SketchProps {
  communes: FC | null;
  province: FC | null;
  borders: FC | null;
  hotspots: FC | null;
  crossings: FC | null;
  selectedId: string | null;
  colorBy: ColorBy;
  lang: 'vi' | 'en';
  /** Where to look first: the camera of the URL, else this box. */
  initialCamera: Camera | null;
  fitTo: [number, number, number, number] | null;
  /** A click: what it hit (null for none) and where (a form waiting for a position takes the place). */
  onSelect(id: string | null, lngLat: [number, number]): void;
  /** A move by the user, as the full map's camera. */
  onCamera(camera: Camera): void;
  /** The communes are on screen. */
  onDrawn(): void;
  /** Said above the map: why it is the sketch. */
  note: string;
  /** The full map's error, if any, as the note's title. */
  noteDetail?: string;
  summary(counts: { communes: number; hotspots: number; crossings: number }): string;
}

function projectionFor(
  w: number,
  h: number,
  camera: Camera | null,
  box: [number, number, number, number] | null,
): GeoProjection | null {
  if (camera)
    return geoMercator()
      .scale(scaleOf(camera.zoom))
      .center([camera.lng, camera.lat])
      .translate([w / 2, h / 2]);
  if (!box) return null;
  const [x0, y0, x1, y1] = box;
  const pad = Math.min(40, w / 10, h / 10);
  // The box's corners as points: no ring whose winding could make it the rest of the world.
  return geoMercator().fitExtent(
    [
      [pad, pad],
      [w - pad, h - pad],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [x0, y0],
        [x1, y1],
      ],
    },
  );
}

const idOf = (f: Feature) => String(f.properties?.id ?? f.id ?? '');

export function SketchMap(props: SketchProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [t, setT] = useState<ZoomTransform>(zoomIdentity);
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const el = wrap.current!;
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) setSize({ w: r.width, h: r.height });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Fixed once there is a size and somewhere to look: later moves are the zoom transform's.
  const [projection, setProjection] = useState<GeoProjection | null>(null);
  useEffect(() => {
    if (projection || !size) return;
    const p = projectionFor(size.w, size.h, props.initialCamera, props.fitTo);
    // A projection is a function: handed to React as the value, not as an updater.
    if (p) setProjection(() => p);
  }, [projection, size, props.initialCamera, props.fitTo]);

  useEffect(() => {
    if (!svgRef.current || !projection) return;
    // A move by the user (not a programmatic one) is reported once it ends; a wheel's end carries no event.
    let moved = false;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.25, 64])
      .on('zoom', (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (e.sourceEvent) moved = true;
        setT(e.transform);
      })
      .on('end', (e: { transform: ZoomTransform }) => {
        if (!moved || !size) return;
        moved = false;
        const [lng, lat] = projection.invert!(e.transform.invert([size.w / 2, size.h / 2]))!;
        callbacks.current.onCamera({
          zoom: Math.round(zoomOf(projection.scale() * e.transform.k) * 100) / 100,
          lat: Math.round(lat * 1e5) / 1e5,
          lng: Math.round(lng * 1e5) / 1e5,
        });
      });
    const s = select(svgRef.current).call(behaviour);
    return () => void s.on('.zoom', null);
  }, [projection, size]);

  const path = useMemo(() => projection && geoPath(planar(projection)), [projection]);
  const paths = useMemo(() => {
    const d = (fc: FC | null) =>
      path && fc
        ? fc.features.map((f) => ({ f, d: path(f.geometry as Geometry) ?? '' })).filter((x) => x.d)
        : [];
    return {
      communes: d(props.communes),
      province: d(props.province),
      borders: d(props.borders),
    };
  }, [path, props.communes, props.province, props.borders]);
  const points = (fc: FC | null) =>
    projection && fc
      ? fc.features.flatMap((f) => {
          if (f.geometry?.type !== 'Point') return [];
          const xy = projection(f.geometry.coordinates as [number, number]);
          return xy ? [{ f, x: t.applyX(xy[0]), y: t.applyY(xy[1]) }] : [];
        })
      : [];
  const hotspots = points(props.hotspots);
  const crossings = points(props.crossings);

  const drawn = paths.communes.length > 0;
  useEffect(() => {
    if (drawn) callbacks.current.onDrawn();
  }, [drawn]);

  const { lang, colorBy, selectedId } = props;
  const pick = (id: string | null) => (e: React.MouseEvent) => {
    e.stopPropagation();
    const box = svgRef.current!.getBoundingClientRect();
    const xy = t.invert([e.clientX - box.left, e.clientY - box.top]);
    const lngLat = projection?.invert?.(xy);
    if (lngLat) callbacks.current.onSelect(id, [lngLat[0], lngLat[1]]);
  };
  const transform = `translate(${t.x},${t.y}) scale(${t.k})`;
  const selected = paths.communes.find((c) => idOf(c.f) === selectedId);
  return (
    <div
      ref={wrap}
      className="sketch-map"
      data-testid="sketch-map"
      data-usable={drawn ? 'true' : 'false'}
    >
      {size && (
        <svg
          ref={svgRef}
          width={size.w}
          height={size.h}
          role="group"
          aria-label={props.summary({
            communes: paths.communes.length,
            hotspots: hotspots.length,
            crossings: crossings.length,
          })}
          onClick={pick(null)}
        >
          <g transform={transform}>
            {paths.communes.map(({ f, d }) => {
              const p = f.properties as Props;
              return (
                <path
                  key={idOf(f)}
                  d={d}
                  className="sketch-commune"
                  data-id={idOf(f)}
                  fill={sketchFill(p, colorBy)}
                  // The full map's fill opacity (styles.ts): dimmed outside the focus.
                  fillOpacity={p.dim ? 0.22 : 0.78}
                  onClick={pick(idOf(f))}
                >
                  <title>{`${String(p.name)} · ${TIER_LABELS[lang][p.tier as Tier] ?? ''}`}</title>
                </path>
              );
            })}
            {paths.province.map(({ f, d }, i) => (
              <path key={`p${i}`} d={d} className="sketch-province" />
            ))}
            {paths.borders.map(({ d }, i) => (
              <path key={`b${i}`} d={d} className="sketch-border" />
            ))}
            {selected && <path d={selected.d} className="sketch-selected" />}
          </g>
          {hotspots.map(({ f, x, y }) => {
            const p = f.properties as Props;
            return (
              <circle
                key={idOf(f)}
                cx={x}
                cy={y}
                r={p.status === 'eliminated' ? 3.5 : 5}
                data-id={idOf(f)}
                className={idOf(f) === selectedId ? 'sketch-point selected' : 'sketch-point'}
                stroke={Number(p.overdue) > 0 ? '#000000' : '#ffffff'}
                fill={STATUS_COLORS[p.status as HotspotStatus] ?? STATUS_COLORS.active}
                onClick={pick(idOf(f))}
              >
                <title>{`${HOTSPOT_KIND_LABELS[lang][p.kind as HotspotKind] ?? ''} · ${STATUS_LABELS[lang][p.status as HotspotStatus] ?? ''}`}</title>
              </circle>
            );
          })}
          {crossings.map(({ f, x, y }) => {
            const p = f.properties as Props;
            return (
              <rect
                key={idOf(f)}
                x={x - 5}
                y={y - 5}
                width={10}
                height={10}
                data-id={idOf(f)}
                className={idOf(f) === selectedId ? 'sketch-point selected' : 'sketch-point'}
                fill={CROSSING_COLORS[p.kind as CrossingKind] ?? CROSSING_COLORS.trail}
                onClick={pick(idOf(f))}
              >
                <title>{`${String(p.name)} · ${CROSSING_LABELS[lang][p.kind as CrossingKind] ?? ''}`}</title>
              </rect>
            );
          })}
        </svg>
      )}
      <p className="sketch-note" role="status" title={props.noteDetail}>
        {props.note}
      </p>
    </div>
  );
}
