import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HOTSPOT_KINDS, type HotspotKind } from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { DateField } from '../../components/date-field.tsx';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { api, unwrap } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { CoordinateFields, fromLngLat, toLngLat, type Position } from './coordinate-fields.tsx';

/** The commander records a hotspot: kind, identified date, a position clicked on the map or typed (WGS 84 or VN-2000), a note. */
export function HotspotRegisterForm() {
  const { lang } = useI18n();
  const f = useFormText();
  const client = useQueryClient();
  const { me, can, pickPoint, picking, setView, view } = useDashboard();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<HotspotKind>('retail_point');
  const [identifiedOn, setDate] = useState<string | null>(me.today);
  const [pos, setPos] = useState<Position>({ system: 'wgs84', a: '', b: '' });
  const [note, setNote] = useState('');
  const typed = toLngLat(pos, view.province);
  const save = useMutation({
    mutationFn: () => {
      // An empty or unreadable position is sent as NaN: the server names the field.
      const [lng, lat] = typed && 'lngLat' in typed ? typed.lngLat : [Number.NaN, Number.NaN];
      return unwrap(
        api.hotspots.$post({
          json: { kind, identifiedOn: identifiedOn ?? '', lng, lat, note },
        }),
      );
    },
    onSuccess: async (h) => {
      await client.invalidateQueries({ queryKey: ['hotspots'] });
      setOpen(false);
      setPos({ system: pos.system, a: '', b: '' });
      setNote('');
      setView({ selected: h.id });
    },
  });
  if (!can('hotspot.write')) return null;
  if (!open)
    return (
      <button
        type="button"
        className="secondary"
        data-testid="hotspot-new"
        onClick={() => setOpen(true)}
      >
        + {f.newHotspot}
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="hotspot-register">
      <h4>{f.newHotspot}</h4>
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
        testId="hotspot-date"
      />
      <CoordinateFields value={pos} onChange={setPos} province={view.province} />
      <button
        type="button"
        className={picking ? 'picking-on' : ''}
        data-testid="hotspot-pick"
        onClick={() => pickPoint((lngLat) => setPos(fromLngLat(lngLat, pos.system, view.province)))}
      >
        {picking ? f.clickMap : f.pickOnMap}
      </button>
      <textarea
        aria-label={f.note}
        placeholder={f.note}
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
          data-testid="hotspot-save"
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
