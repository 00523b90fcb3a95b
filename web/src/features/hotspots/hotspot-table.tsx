import { useMemo, useState } from 'react';
import { formatViDate } from '@pcmt/shared/dates';
import {
  HOTSPOT_KINDS,
  HOTSPOT_STATUSES,
  type HotspotKind,
  type HotspotStatus,
} from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS, STATUS_LABELS } from '@pcmt/shared/labels';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { listHref } from '../../lib/list-href.ts';

type Key = 'kind' | 'commune' | 'identifiedOn' | 'status' | 'ageDays';
const PAGE = 50;

/** The hotspots of the view on its date as a table: sort by a column, filter by kind, status or commune; a row selects on the map. */
export function HotspotTable() {
  const { lang, num, t } = useI18n();
  const f = useFormText();
  const { view, setView, data, unitName, asOf } = useDashboard();
  const [open, setOpen] = useState(false);
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'ageDays', desc: true });
  const [kind, setKind] = useState<HotspotKind | ''>('');
  const [status, setStatus] = useState<HotspotStatus | ''>('');
  const [text, setText] = useState('');
  const all = data.derived?.snapshot.hotspots;
  const rows = useMemo(() => {
    const q = text.trim().toLowerCase();
    const list = (all ?? [])
      .map((h) => ({ ...h, commune: unitName(h.unitId) }))
      .filter((h) => (!kind || h.kind === kind) && (!status || h.status === status))
      .filter((h) => !q || h.commune.toLowerCase().includes(q));
    const dir = sort.desc ? -1 : 1;
    return list.sort((a, b) =>
      a[sort.key] < b[sort.key] ? -dir : a[sort.key] > b[sort.key] ? dir : 0,
    );
  }, [all, kind, status, text, sort, unitName]);
  if (!all) return null;
  if (!open)
    return (
      <button
        type="button"
        className="secondary"
        data-testid="hotspot-table-open"
        onClick={() => setOpen(true)}
      >
        {f.hotspotList} ({num(all.length)})
      </button>
    );
  const header = (key: Key, label: string) => (
    <th aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        data-testid={`sort-${key}`}
        onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : false })}
      >
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <section className="hotspot-table" data-testid="hotspot-table">
      <header className="row">
        <h3>
          {f.hotspotList}: <span data-testid="hotspot-table-count">{rows.length}</span>
        </h3>
        {data.campaign && (
          <a
            className="link"
            href={listHref(
              data.campaign.id,
              'hotspots',
              data.window?.phase?.id ?? null,
              view.date ? asOf : null,
            )}
            download
            data-testid="hotspot-table-xlsx"
          >
            ⬇ Excel
          </a>
        )}
        <button type="button" aria-label={t('close')} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <div className="row filters">
        <select
          aria-label={f.kind}
          value={kind}
          onChange={(e) => setKind(e.target.value as HotspotKind | '')}
          data-testid="filter-kind"
        >
          <option value="">{f.allKinds}</option>
          {HOTSPOT_KINDS.map((k) => (
            <option key={k} value={k}>
              {HOTSPOT_KIND_LABELS[lang][k]}
            </option>
          ))}
        </select>
        <select
          aria-label={f.status}
          value={status}
          onChange={(e) => setStatus(e.target.value as HotspotStatus | '')}
          data-testid="filter-status"
        >
          <option value="">{f.allStatuses}</option>
          {HOTSPOT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[lang][s]}
            </option>
          ))}
        </select>
        <input
          aria-label={f.commune}
          placeholder={f.commune}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="filter-commune"
        />
      </div>
      <div className="table-scroll">
        <table className="grid">
          <thead>
            <tr>
              {header('kind', f.kind)}
              {header('commune', f.commune)}
              {header('identifiedOn', f.identified)}
              {header('status', f.status)}
              {header('ageDays', f.days)}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PAGE).map((h) => (
              <tr
                key={h.id}
                data-testid={`hotspot-row-${h.id}`}
                className={`${view.selected === h.id ? 'chosen' : ''}${h.overdue ? ' late' : ''}`}
                aria-selected={view.selected === h.id}
                onClick={() => setView({ selected: h.id })}
              >
                <td>{HOTSPOT_KIND_LABELS[lang][h.kind]}</td>
                <td>{h.commune}</td>
                <td>{formatViDate(h.identifiedOn)}</td>
                <td>{STATUS_LABELS[lang][h.status]}</td>
                <td className="num">{num(h.ageDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE && (
        <p className="muted">{f.andMore.replace('{n}', String(rows.length - PAGE))}</p>
      )}
    </section>
  );
}
