/**
 * The national inset of every exported map: Vietnam with Hoàng Sa and Trường Sa drawn as its own land and labelled,
 * the neighbours, and a red frame where the exported view lies. Drawn on the page's canvas with d3-geo (Mercator,
 * fitted to the box; projected points drawn as a planar path, so no ring winding can flip a fill).
 */
import { geoMercator, geoPath } from 'd3-geo';
import { planar } from '../../map/planar.ts';
import type { FeatureCollection } from 'geojson';
import { VIETNAM_FILL } from '../../map/styles.ts';

/** Vietnam from the Chinese border to Cà Mau, with both archipelagos: [west, south, east, north]. */
const EXTENT: [number, number, number, number] = [101.8, 6.2, 117.6, 23.6];
const FONT = '"Noto Sans", "DejaVu Sans", Arial, sans-serif';

export interface InsetSpec {
  basemap: FeatureCollection;
  /** The exported view, [west, south, east, north]. */
  view: [number, number, number, number];
  title: string;
  /** The day shown: the provinces of its era are drawn. */
  asOf: string;
  /** The archipelagos' labels, by basemap key; a line break splits a label over two lines. */
  labels: Record<string, string>;
}

export function drawNationalInset(
  g: CanvasRenderingContext2D,
  box: { x: number; y: number; w: number; h: number },
  spec: InsetSpec,
  u: number,
): Record<string, [number, number][]> {
  const pad = 6 * u;
  const projection = geoMercator().fitExtent(
    [
      [box.x + pad, box.y + pad + 18 * u],
      [box.x + box.w - pad, box.y + box.h - pad],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [EXTENT[0], EXTENT[1]],
        [EXTENT[2], EXTENT[3]],
      ],
    },
  );
  const path = geoPath(planar(projection), g);
  g.save();
  g.beginPath();
  g.rect(box.x, box.y, box.w, box.h);
  g.clip();
  g.fillStyle = '#c9dfee';
  g.fillRect(box.x, box.y, box.w, box.h);
  const layer = (name: string) => spec.basemap.features.filter((f) => f.properties?.layer === name);
  const draw = (
    features: typeof spec.basemap.features,
    fill: string,
    stroke: string,
    width: number,
  ) => {
    for (const f of features) {
      g.beginPath();
      path(f);
      g.fillStyle = fill;
      g.fill('evenodd');
      g.strokeStyle = stroke;
      g.lineWidth = width;
      g.stroke();
    }
  };
  draw(
    layer('country').filter((f) => f.properties?.iso !== 'VN'),
    '#ece9e2',
    '#b9b3a6',
    0.6 * u,
  );
  const inEra = (f: (typeof spec.basemap.features)[number]) =>
    String(f.properties?.validFrom ?? '0000-01-01') <= spec.asOf &&
    String(f.properties?.validTo ?? '9999-12-31') > spec.asOf;
  draw(layer('province').filter(inEra), VIETNAM_FILL, '#a7a192', 0.4 * u);
  // The islets are a few pixels at this scale: drawn with a heavier outline so they show.
  const archipelagos = layer('archipelago');
  draw(archipelagos, VIETNAM_FILL, '#5a5346', 1.1 * u);
  // Islets smaller than a pixel at this scale are marked with a dot of the outline's colour, so every one shows;
  // where each landed is returned, for whoever checks the print.
  const drawn: Record<string, [number, number][]> = {};
  g.fillStyle = '#5a5346';
  for (const f of archipelagos)
    if (f.geometry.type === 'MultiPolygon')
      drawn[String(f.properties?.key)] = f.geometry.coordinates.map((rings) => {
        const c = path.centroid({ type: 'Polygon', coordinates: rings }) as [number, number];
        g.beginPath();
        g.arc(c[0], c[1], 1.4 * u, 0, Math.PI * 2);
        g.fill();
        return c;
      });
  g.font = `${9.5 * u}px ${FONT}`;
  g.fillStyle = '#0b3d91';
  // The archipelago's name and "(Việt Nam)", each on its line, centred over its islands and kept in the box.
  const lineHeight = 11 * u;
  for (const f of layer('archipelago')) {
    const [[x0, y0], [x1]] = path.bounds(f);
    const lines = (spec.labels[String(f.properties?.key)] ?? String(f.properties?.name)).split(
      '\n',
    );
    const width = Math.max(...lines.map((l) => g.measureText(l).width));
    const left = Math.min((x0 + x1) / 2 - width / 2, box.x + box.w - width - 4 * u);
    lines.forEach((line, i) => {
      const w = g.measureText(line).width;
      g.fillText(line, left + (width - w) / 2, y0 - 4 * u - (lines.length - 1 - i) * lineHeight);
    });
  }
  // Where the exported view lies.
  const [w, s, e, n] = spec.view;
  const a = projection([w, n])!;
  const b = projection([e, s])!;
  g.strokeStyle = '#d7191c';
  g.lineWidth = 1.6 * u;
  g.strokeRect(a[0], a[1], Math.max(b[0] - a[0], 3 * u), Math.max(b[1] - a[1], 3 * u));
  g.restore();
  g.fillStyle = '#1d2430';
  g.font = `bold ${11 * u}px ${FONT}`;
  g.fillText(spec.title, box.x + 6 * u, box.y + 15 * u);
  g.strokeStyle = '#333333';
  g.lineWidth = 1 * u;
  g.strokeRect(box.x, box.y, box.w, box.h);
  return drawn;
}
