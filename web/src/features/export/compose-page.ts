/**
 * Draws a printable map page: title, map, legend, national inset (with Hoàng Sa and Trường Sa), scale bar, north
 * arrow, date and attribution.
 */
import { drawNationalInset, type InsetSpec } from './national-inset.ts';

export interface LegendItem {
  color: string;
  label: string;
  shape: 'box' | 'dot' | 'line';
}

export interface PageSpec {
  width: number;
  height: number;
  title: string;
  subtitle: string;
  date: string;
  attribution: string;
  note: string;
  legendTitle: string;
  legend: LegendItem[];
  map: {
    canvas: HTMLCanvasElement;
    metersPerPixel: number;
    bearing: number;
    pixelRatio: number;
    /** The view, [west, south, east, north]. */
    bounds: [number, number, number, number];
  };
  /** The national inset, drawn under the legend. */
  inset: InsetSpec | null;
}

const FONT = '"Noto Sans", "DejaVu Sans", Arial, sans-serif';

function niceDistance(maxMeters: number): number {
  const pow = 10 ** Math.floor(Math.log10(maxMeters));
  return [5, 2, 1].map((f) => f * pow).find((d) => d <= maxMeters) ?? pow;
}

export function composePage(s: PageSpec): HTMLCanvasElement {
  const page = document.createElement('canvas');
  page.width = s.width;
  page.height = s.height;
  const g = page.getContext('2d')!;
  const u = s.width / 1400; // layout unit
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, s.width, s.height);
  g.fillStyle = '#b71c1c';
  g.font = `bold ${28 * u}px ${FONT}`;
  g.fillText(s.title, 30 * u, 48 * u);
  g.fillStyle = '#1d2430';
  // A plan's full name can be long: the subtitle shrinks to the page's width (down to 11 units), never runs off it.
  const subtitle = `${s.subtitle} · ${s.date}`;
  let size = 17;
  g.font = `${size * u}px ${FONT}`;
  while (size > 11 && g.measureText(subtitle).width > s.width - 60 * u) {
    size -= 0.5;
    g.font = `${size * u}px ${FONT}`;
  }
  g.fillText(subtitle, 30 * u, 78 * u, s.width - 60 * u);
  // Map, fitted into the left area without distortion.
  const area = { x: 30 * u, y: 100 * u, w: s.width - 330 * u, h: s.height - 170 * u };
  const scale = Math.min(area.w / s.map.canvas.width, area.h / s.map.canvas.height);
  const mw = s.map.canvas.width * scale;
  const mh = s.map.canvas.height * scale;
  g.drawImage(s.map.canvas, area.x, area.y, mw, mh);
  g.strokeStyle = '#333333';
  g.lineWidth = 1.5 * u;
  g.strokeRect(area.x, area.y, mw, mh);
  // Scale bar: metres per page pixel = metres per CSS pixel × pixel ratio / scale.
  const mPerPagePx = (s.map.metersPerPixel * s.map.pixelRatio) / scale;
  const meters = niceDistance(mPerPagePx * 180 * u);
  const barPx = meters / mPerPagePx;
  const bx = area.x + 12 * u;
  const by = area.y + mh - 18 * u;
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.fillRect(bx - 6 * u, by - 26 * u, barPx + 70 * u, 36 * u);
  g.fillStyle = '#111111';
  g.fillRect(bx, by, barPx, 5 * u);
  g.font = `${13 * u}px ${FONT}`;
  g.fillText(meters >= 1000 ? `${meters / 1000} km` : `${meters} m`, bx, by - 8 * u);
  // North arrow, turned with the map.
  g.save();
  g.translate(area.x + mw - 36 * u, area.y + 46 * u);
  g.rotate((-s.map.bearing * Math.PI) / 180);
  g.fillStyle = '#111111';
  g.beginPath();
  g.moveTo(0, -24 * u);
  g.lineTo(11 * u, 14 * u);
  g.lineTo(0, 6 * u);
  g.lineTo(-11 * u, 14 * u);
  g.closePath();
  g.fill();
  g.restore();
  g.font = `bold ${14 * u}px ${FONT}`;
  g.fillText('B', area.x + mw - 41 * u, area.y + 84 * u);
  // Legend.
  let y = area.y + 10 * u;
  const lx = area.x + mw + 24 * u;
  g.font = `bold ${16 * u}px ${FONT}`;
  g.fillText(s.legendTitle, lx, y + 6 * u);
  y += 30 * u;
  g.font = `${13.5 * u}px ${FONT}`;
  for (const item of s.legend) {
    g.fillStyle = item.color;
    if (item.shape === 'box') g.fillRect(lx, y - 11 * u, 22 * u, 14 * u);
    else if (item.shape === 'dot') {
      g.beginPath();
      g.arc(lx + 11 * u, y - 4 * u, 6.5 * u, 0, Math.PI * 2);
      g.fill();
    } else g.fillRect(lx, y - 6 * u, 22 * u, 3.5 * u);
    g.fillStyle = '#1d2430';
    g.fillText(item.label, lx + 32 * u, y);
    y += 24 * u;
  }
  if (s.inset) {
    // Under the legend when there is room; otherwise over the map's lower right corner: never left out.
    const w = s.width - lx - 30 * u;
    const h = Math.min(w * 1.15, area.y + mh - y - 10 * u);
    const box =
      h > 120 * u
        ? { x: lx, y: area.y + mh - h, w, h }
        : { x: area.x + mw - w - 8 * u, y: area.y + mh - w * 1.15 - 8 * u, w, h: w * 1.15 };
    const drawn = drawNationalInset(g, box, s.inset, u);
    page.dataset.inset = JSON.stringify(drawn);
  }
  g.font = `${12 * u}px ${FONT}`;
  g.fillStyle = '#5b6472';
  g.fillText(s.attribution, 30 * u, s.height - 38 * u);
  g.fillText(s.note, 30 * u, s.height - 18 * u);
  return page;
}
