import type { MapGeoJSONFeature } from 'maplibre-gl';
import { formatViDate } from '@pcmt/shared/dates';
import type { CrossingKind, HotspotKind, HotspotStatus, Tier } from '@pcmt/shared/domain';
import { type Lang } from '../i18n/messages.ts';
import {
  CROSSING_LABELS,
  HOTSPOT_KIND_LABELS,
  STATUS_LABELS,
  TIER_LABELS,
} from '@pcmt/shared/labels';
import { LAYERS } from '../map/ids.ts';

/** Tooltip text for a hovered feature; rendered as text nodes, never as HTML from data. */
export function tooltipFor(f: MapGeoJSONFeature, lang: Lang, approximate: string) {
  const p = f.properties as Record<string, string | number | boolean | null>;
  if (f.layer.id === LAYERS.communeFill || f.layer.id === LAYERS.villageFill) {
    return (
      <>
        <strong>{String(p.name)}</strong>
        <div>{TIER_LABELS[lang][p.tier as Tier]}</div>
        {p.assessedOn ? <div className="muted">{formatViDate(String(p.assessedOn))}</div> : null}
      </>
    );
  }
  if (f.layer.id === LAYERS.hotspotClusters) {
    return (
      <>
        <strong>
          {String(p.point_count)} {lang === 'vi' ? 'điểm, tụ điểm' : 'hotspots'}
        </strong>
        <div>
          {String(p.alive)} {lang === 'vi' ? 'chưa triệt xóa' : 'not eliminated'}
        </div>
      </>
    );
  }
  if (f.layer.id === LAYERS.hotspots) {
    return (
      <>
        <strong>{HOTSPOT_KIND_LABELS[lang][p.kind as HotspotKind]}</strong>
        <div>
          {STATUS_LABELS[lang][p.status as HotspotStatus]}
          {p.overdue ? ' ⚠' : ''}
        </div>
        <div className="muted">
          {formatViDate(String(p.identifiedOn))}
          {p.eliminatedOn ? ` → ${formatViDate(String(p.eliminatedOn))}` : ''}
        </div>
      </>
    );
  }
  return (
    <>
      <strong>{String(p.name)}</strong>
      <div>{CROSSING_LABELS[lang][p.kind as CrossingKind]}</div>
      <div className="muted">
        ↔ {String(p.counterpartGate ?? p.counterpartProvince)} · {approximate}
      </div>
    </>
  );
}
