import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/date-field.tsx';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';

/** The commander records progress on a quota (unit, metric, date, value); the bars update at once. */
export function ProgressForm({
  quotas,
  defaultDate,
}: {
  quotas: { id: string; label: string }[];
  defaultDate: string;
}) {
  const f = useFormText();
  const client = useQueryClient();
  const [quotaId, setQuota] = useState(quotas[0]?.id ?? '');
  const [recordedOn, setDate] = useState(defaultDate);
  const [value, setValue] = useState('1');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.quotas[':id'].progress.$post({
          param: { id: quotaId },
          json: { recordedOn, value: Number(value), note: '' },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['campaigns', 'detail'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="progress-form">
      <h4>{f.addProgress}</h4>
      <select value={quotaId} onChange={(e) => setQuota(e.target.value)} aria-label={f.quotas}>
        {quotas.map((q) => (
          <option key={q.id} value={q.id}>
            {q.label}
          </option>
        ))}
      </select>
      <div className="row">
        <DateField label={f.date} value={recordedOn || null} onChange={(v) => setDate(v ?? '')} />
        <input
          type="number"
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-label={f.value}
          required
        />
      </div>
      <ApiErrorNote error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending || !quotaId}>
        {save.isSuccess ? `${f.saved} ✓` : f.save}
      </button>
    </form>
  );
}
