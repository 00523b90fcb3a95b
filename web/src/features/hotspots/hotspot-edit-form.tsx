/**
 * The commander corrects a hotspot: its kind, identified date, position (typed in WGS 84 or VN-2000, or
 * picked on the map) and note, sent with the version read; a move finds its commune again on the server.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { HOTSPOT_KINDS, type HotspotKind } from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { DateField } from '../../components/date-field.tsx';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { api, unwrap } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { CoordinateFields, fromLngLat, toLngLat, type Position } from './coordinate-fields.tsx';

export function HotspotEditForm({
  hotspot,
}: {
  hotspot: {
    id: string;
    kind: string;
    identifiedOn: string;
    version: number;
    lngLat: [number, number];
  };
}) {
  const { lang } = useI18n();
  const f = useFormText();
  const client = useQueryClient();
  const { view, pickPoint, picking } = useDashboard();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState(hotspot.kind as HotspotKind);
  const [identifiedOn, setDate] = useState<string | null>(hotspot.identifiedOn);
  const [pos, setPos] = useState<Position>(() =>
    fromLngLat(hotspot.lngLat, 'wgs84', view.province),
  );
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const typed = toLngLat(pos, view.province);
      const [lng, lat] = typed && 'lngLat' in typed ? typed.lngLat : [Number.NaN, Number.NaN];
      const moved =
        Math.abs(lng - hotspot.lngLat[0]) > 1e-7 || Math.abs(lat - hotspot.lngLat[1]) > 1e-7;
      return unwrap(
        api.hotspots[':id'].$patch({
          param: { id: hotspot.id },
          json: {
            version: hotspot.version,
            ...(kind !== hotspot.kind ? { kind } : {}),
            ...(identifiedOn !== hotspot.identifiedOn ? { identifiedOn: identifiedOn ?? '' } : {}),
            ...(moved ? { lng, lat } : {}),
            ...(note.trim() ? { note } : {}),
          },
        }),
      );
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['hotspots'] });
      setOpen(false);
    },
  });
  if (!open)
    return (
      <button
        type="button"
        className="secondary"
        data-testid="hotspot-edit-open"
        onClick={() => setOpen(true)}
      >
        {f.editHotspot}
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="hotspot-edit">
      <h4>{f.editHotspot}</h4>
      <select
        aria-label={f.kind}
        value={kind}
        onChange={(e) => setKind(e.target.value as HotspotKind)}
      >
        {HOTSPOT_KINDS.map((k) => (
          <option key={k} value={k}>
            {HOTSPOT_KIND_LABELS[lang][k]}
          </option>
        ))}
      </select>
      <DateField
        label={f.identified}
        value={identifiedOn}
        onChange={setDate}
        testId="hotspot-edit-date"
      />
      <CoordinateFields value={pos} onChange={setPos} province={view.province} />
      <button
        type="button"
        className={picking ? 'picking-on' : ''}
        onClick={() => pickPoint((lngLat) => setPos(fromLngLat(lngLat, pos.system, view.province)))}
      >
        {picking ? f.clickMap : f.pickOnMap}
      </button>
      <textarea
        aria-label={f.newNote}
        placeholder={f.newNote}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <p className="muted warn-text">{f.noNames}</p>
      <ApiErrorNote error={save.error} />
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={save.isPending}
          data-testid="hotspot-edit-save"
        >
          {f.save}
        </button>
        <button type="button" onClick={() => (pickPoint(null), setOpen(false))}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
