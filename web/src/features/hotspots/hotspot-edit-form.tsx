/**
 * The commander corrects a hotspot: its kind, identified date, position (typed in WGS 84 or VN-2000, or
 * picked on the map) and note, sent with the version read; a move finds its commune again on the server.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { HotspotKind } from '@pcmt/shared/domain';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useFormText } from '../../i18n/use-form-text.ts';
import { api, unwrap } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { fromLngLat, toLngLat } from './coordinate-fields.tsx';
import { HotspotFields, type HotspotDraft } from './hotspot-fields.tsx';

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
  const f = useFormText();
  const client = useQueryClient();
  const { view, pickPoint } = useDashboard();
  const [open, setOpen] = useState(false);
  const [d, setDraft] = useState<HotspotDraft>(() => ({
    kind: hotspot.kind as HotspotKind,
    identifiedOn: hotspot.identifiedOn,
    pos: fromLngLat(hotspot.lngLat, 'wgs84', view.province),
    note: '',
  }));
  const save = useMutation({
    mutationFn: () => {
      const typed = toLngLat(d.pos, view.province);
      const [lng, lat] = typed && 'lngLat' in typed ? typed.lngLat : [Number.NaN, Number.NaN];
      const moved =
        Math.abs(lng - hotspot.lngLat[0]) > 1e-7 || Math.abs(lat - hotspot.lngLat[1]) > 1e-7;
      return unwrap(
        api.hotspots[':id'].$patch({
          param: { id: hotspot.id },
          json: {
            version: hotspot.version,
            ...(d.kind !== hotspot.kind ? { kind: d.kind } : {}),
            ...(d.identifiedOn !== hotspot.identifiedOn
              ? { identifiedOn: d.identifiedOn ?? '' }
              : {}),
            ...(moved ? { lng, lat } : {}),
            ...(d.note.trim() ? { note: d.note } : {}),
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
      <HotspotFields
        value={d}
        onChange={setDraft}
        noteLabel={f.newNote}
        testIds={{ date: 'hotspot-edit-date' }}
      />
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
