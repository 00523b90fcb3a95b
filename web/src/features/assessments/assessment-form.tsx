import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/date-field.tsx';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TIERS, type Tier } from '@pcmt/shared/domain';
import { api, unwrap } from '../../lib/api.ts';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';

/** The commander records a commune's tier on a date; the map and legend update at once. */
export function AssessmentForm({ unitId, defaultDate }: { unitId: string; defaultDate: string }) {
  const { lang } = useI18n();
  const f = useFormText();
  const client = useQueryClient();
  const [tier, setTier] = useState<Tier>('has_activity');
  const [assessedOn, setDate] = useState(defaultDate);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.assessments.$post({ json: { unitId, assessedOn, tier, note, criteria: {} } })),
    // A new assessment gives the province's units a new version (/api/provinces), hence a new URL.
    onSuccess: () =>
      Promise.all(
        ['units', 'provinces', 'assessments'].map((k) =>
          client.invalidateQueries({ queryKey: [k] }),
        ),
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="assessment-form">
      <h4>{f.recordAssessment}</h4>
      <div className="row">
        <select value={tier} onChange={(e) => setTier(e.target.value as Tier)} aria-label={f.kind}>
          {TIERS.filter((t) => t !== 'unassessed').map((t) => (
            <option key={t} value={t}>
              {TIER_LABELS[lang][t]}
            </option>
          ))}
        </select>
        <DateField label={f.date} value={assessedOn || null} onChange={(v) => setDate(v ?? '')} />
      </div>
      <input
        placeholder={f.note}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
      />
      <ApiErrorNote error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isSuccess ? `${f.saved} ✓` : f.save}
      </button>
    </form>
  );
}
