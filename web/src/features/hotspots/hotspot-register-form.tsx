import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useFormText } from '../../i18n/use-form-text.ts';
import { api, unwrap } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { toLngLat } from './coordinate-fields.tsx';
import { HotspotFields, type HotspotDraft } from './hotspot-fields.tsx';

/** The commander records a hotspot: kind, identified date, a position clicked on the map or typed (WGS 84 or VN-2000), a note. */
export function HotspotRegisterForm() {
  const f = useFormText();
  const client = useQueryClient();
  const { me, can, pickPoint, setView, view } = useDashboard();
  const [open, setOpen] = useState(false);
  const [d, setDraft] = useState<HotspotDraft>({
    kind: 'retail_point',
    identifiedOn: me.today,
    pos: { system: 'wgs84', a: '', b: '' },
    note: '',
  });
  const save = useMutation({
    mutationFn: () => {
      // An empty or unreadable position is sent as NaN: the server names the field.
      const typed = toLngLat(d.pos, view.province);
      const [lng, lat] = typed && 'lngLat' in typed ? typed.lngLat : [Number.NaN, Number.NaN];
      return unwrap(
        api.hotspots.$post({
          json: { kind: d.kind, identifiedOn: d.identifiedOn ?? '', lng, lat, note: d.note },
        }),
      );
    },
    onSuccess: async (h) => {
      await client.invalidateQueries({ queryKey: ['hotspots'] });
      setOpen(false);
      setDraft({ ...d, pos: { system: d.pos.system, a: '', b: '' }, note: '' });
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
      <HotspotFields
        value={d}
        onChange={setDraft}
        noteLabel={f.note}
        testIds={{ date: 'hotspot-date', pick: 'hotspot-pick' }}
      />
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
