import { useState } from 'react';
import { DateField } from '../../components/date-field.tsx';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import type { HotspotKind, HotspotStatus } from '@pcmt/shared/domain';
import { api, unwrap } from '../../lib/api.ts';
import { HOTSPOT_KIND_LABELS, STATUS_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';

interface Hotspot {
  id: string;
  kind: string;
  status: string;
  identifiedOn: string;
  eliminatedOn: string | null;
  ageDays: number;
  overdue: boolean;
  version: number;
  reEmergedFromId: string | null;
}

/** One hotspot: kind, dates, age; the commander records its elimination (version-checked). */
export function HotspotPanel({
  hotspot,
  unitName,
  canEliminate,
  defaultDate,
  asOf,
  eliminatedLater,
  onClose,
}: {
  hotspot: Hotspot;
  unitName: string;
  canEliminate: boolean;
  defaultDate: string;
  /** The day the status and age are shown for. */
  asOf: string;
  /** Eliminated after the date shown: no action is offered, the later elimination is said. */
  eliminatedLater: string | null;
  onClose(): void;
}) {
  const { lang, t, num } = useI18n();
  const f = useFormText();
  const client = useQueryClient();
  const [date, setDate] = useState(defaultDate);
  const eliminate = useMutation({
    mutationFn: () =>
      unwrap(
        api.hotspots[':id'].eliminate.$post({
          param: { id: hotspot.id },
          json: { eliminatedOn: date, version: hotspot.version },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['hotspots'] }),
  });
  const reEmerge = useMutation({
    mutationFn: () =>
      unwrap(
        api.hotspots[':id']['re-emerge'].$post({
          param: { id: hotspot.id },
          json: { identifiedOn: date, note: '' },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['hotspots'] }),
  });
  return (
    <section className="unit-panel" data-testid="hotspot-panel">
      <header>
        <h3>{HOTSPOT_KIND_LABELS[lang][hotspot.kind as HotspotKind]}</h3>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <p className="muted">
        {unitName} · {STATUS_LABELS[lang][hotspot.status as HotspotStatus]}
        {hotspot.overdue ? ` · ⚠ ${t('overdue')}` : ''}
      </p>
      <p>
        {f.identified}: {formatViDate(hotspot.identifiedOn)} ·{' '}
        <span data-testid="hotspot-age">{num(hotspot.ageDays)}</span> {f.days} (
        {t('asOf').toLowerCase()} {formatViDate(asOf)})
        {hotspot.eliminatedOn ? ` · ${f.eliminated}: ${formatViDate(hotspot.eliminatedOn)}` : ''}
        {hotspot.reEmergedFromId ? ` · ${f.reEmergedFrom} ${hotspot.reEmergedFromId}` : ''}
      </p>
      {eliminatedLater && (
        <p className="muted" data-testid="eliminated-later">
          {f.eliminatedLater.replace('{d}', formatViDate(eliminatedLater))}
        </p>
      )}
      {canEliminate &&
        !eliminatedLater &&
        (hotspot.status === 'eliminated' ? (
          <DateAction
            date={date}
            onDate={setDate}
            label={f.reEmerge}
            testId="re-emerge"
            action={reEmerge}
          />
        ) : (
          <DateAction
            date={date}
            onDate={setDate}
            label={f.eliminate}
            testId="eliminate"
            action={eliminate}
            onReload={() => void client.invalidateQueries({ queryKey: ['hotspots'] })}
          />
        ))}
    </section>
  );
}

/** A date and one action on it, with the action's error. */
function DateAction(p: {
  date: string;
  onDate(date: string): void;
  label: string;
  testId: string;
  action: { mutate(): void; isPending: boolean; error: unknown };
  onReload?: () => void;
}) {
  const f = useFormText();
  // A second click confirms: an elimination or a re-emergence is not undone by the commander.
  const [armed, setArmed] = useState(false);
  return (
    <div className="mini-form">
      <div className="row">
        <DateField label={f.date} value={p.date || null} onChange={(v) => p.onDate(v ?? '')} />
        {armed ? (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => (setArmed(false), p.action.mutate())}
              disabled={p.action.isPending}
              data-testid={`${p.testId}-confirm`}
            >
              {f.confirm}: {p.label.toLowerCase()} {formatViDate(p.date)}
            </button>
            <button type="button" onClick={() => setArmed(false)}>
              {f.cancel}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => setArmed(true)}
            disabled={p.action.isPending}
            data-testid={p.testId}
          >
            {p.label}
          </button>
        )}
      </div>
      <ApiErrorNote error={p.action.error} onReload={p.onReload} />
    </div>
  );
}
