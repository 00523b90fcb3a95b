/** The fields a hotspot is written with, shared by the register and the edit form: kind, date, position, note. */
import type { HotspotKind } from '@pcmt/shared/domain';
import { HOTSPOT_KINDS } from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import { DateField } from '../../components/date-field.tsx';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { CoordinateFields, fromLngLat, type Position } from './coordinate-fields.tsx';

export interface HotspotDraft {
  kind: HotspotKind;
  identifiedOn: string | null;
  pos: Position;
  note: string;
}

export function HotspotFields({
  value,
  onChange,
  noteLabel,
  testIds,
}: {
  value: HotspotDraft;
  onChange(d: HotspotDraft): void;
  noteLabel: string;
  testIds: { date: string; pick?: string };
}) {
  const { lang } = useI18n();
  const f = useFormText();
  const { view, pickPoint, picking } = useDashboard();
  const set = (patch: Partial<HotspotDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <select
        aria-label={f.kind}
        value={value.kind}
        onChange={(e) => set({ kind: e.target.value as HotspotKind })}
      >
        {HOTSPOT_KINDS.map((k) => (
          <option key={k} value={k}>
            {HOTSPOT_KIND_LABELS[lang][k]}
          </option>
        ))}
      </select>
      <DateField
        label={f.identified}
        value={value.identifiedOn}
        onChange={(identifiedOn) => set({ identifiedOn })}
        testId={testIds.date}
      />
      <CoordinateFields
        value={value.pos}
        onChange={(pos) => set({ pos })}
        province={view.province}
      />
      <button
        type="button"
        className={picking ? 'picking-on' : ''}
        data-testid={testIds.pick}
        onClick={() =>
          pickPoint((lngLat) => set({ pos: fromLngLat(lngLat, value.pos.system, view.province) }))
        }
      >
        {picking ? f.clickMap : f.pickOnMap}
      </button>
      <textarea
        aria-label={noteLabel}
        placeholder={noteLabel}
        maxLength={2000}
        value={value.note}
        onChange={(e) => set({ note: e.target.value })}
      />
      <p className="muted warn-text">{f.noNames}</p>
    </>
  );
}
