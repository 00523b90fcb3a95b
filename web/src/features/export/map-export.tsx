import { useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { useQueryClient } from '@tanstack/react-query';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { basemapQuery } from '../../lib/queries.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import type { LegendItem, PageSpec } from './compose-page.ts';

type Snapshot = PageSpec['map'];
const SIZES = { png: [1600, 1130], a4: [1754, 1240], a3: [2480, 1754] } as const; // A4/A3 landscape at 150 dpi

function download(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

/** Exports the current map view as PNG, or as a printable A4/A3 PDF with legend, scale, north arrow and date. */
export function MapExport(p: {
  snapshot: (() => Snapshot) | null;
  /** The day shown: the inset draws the provinces of its era. */
  asOf: string;
  title: string;
  subtitle: string;
  date: string;
  attribution: string;
  note: string;
  legendTitle: string;
  legend: LegendItem[];
  fileBase: string;
}) {
  const f = useFormText();
  const [busy, setBusy] = useState(false);
  const client = useQueryClient();
  const basemapVersion = useDashboard().me.basemapVersion;
  /** Where the last export drew the archipelagos' islets (page pixels), for a check of the file. */
  const [insetPoints, setInsetPoints] = useState('');
  const ready = !!p.snapshot;
  const run = async (kind: keyof typeof SIZES) => {
    if (!p.snapshot) return;
    setBusy(true);
    try {
      // Loaded on the first export, not with the dashboard: the page composer, jsPDF, and the basemap that
      // draws the national inset (no print without it: the export waits for it).
      const [{ composePage }, basemap] = await Promise.all([
        import('./compose-page.ts'),
        client.fetchQuery(basemapQuery(basemapVersion)),
      ]);
      const [width, height] = SIZES[kind];
      const snap = p.snapshot();
      const page = composePage({
        width,
        height,
        title: p.title,
        subtitle: p.subtitle,
        date: p.date,
        attribution: p.attribution,
        note: p.note,
        legendTitle: p.legendTitle,
        legend: p.legend,
        map: snap,
        inset: basemap
          ? {
              basemap: basemap as FeatureCollection,
              view: snap.bounds,
              asOf: p.asOf,
              title: f.insetTitle,
              labels: { 'hoang-sa': f.insetHoangSa, 'truong-sa': f.insetTruongSa },
            }
          : null,
      });
      setInsetPoints(page.dataset.inset ?? '');
      const png = page.toDataURL('image/png');
      if (kind === 'png') download(png, `${p.fileBase}.png`);
      else {
        const format = kind;
        const { jsPDF } = await import('jspdf');
        const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format });
        const [w, h] = format === 'a4' ? [297, 210] : [420, 297];
        pdf.addImage(png, 'PNG', 0, 0, w, h);
        pdf.setProperties({
          title: p.title,
          subject: p.subtitle,
          creator: 'Bản đồ phòng, chống ma túy',
        });
        download(URL.createObjectURL(pdf.output('blob')), `${p.fileBase}-${format}.pdf`);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="report-links" data-testid="map-export" data-inset={insetPoints}>
      <span>{f.exportMap}:</span>
      <button
        type="button"
        onClick={() => void run('png')}
        disabled={busy || !ready}
        data-testid="export-png"
      >
        PNG
      </button>
      <button
        type="button"
        onClick={() => void run('a4')}
        disabled={busy || !ready}
        data-testid="export-a4"
      >
        PDF A4
      </button>
      <button
        type="button"
        onClick={() => void run('a3')}
        disabled={busy || !ready}
        data-testid="export-a3"
      >
        PDF A3
      </button>
    </div>
  );
}
