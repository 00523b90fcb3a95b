/**
 * Records a seizure at a crossing of the user's unit: the day, the kind, the quantity in its unit and a note of
 * place and manner, never a person. Offline it waits in the outbox like an event.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import {
  SEIZURE_KINDS,
  SEIZURE_UNITS,
  type SeizureKind,
  type SeizureUnit,
} from '@pcmt/shared/domain';
import { SEIZURE_KIND_LABELS, SEIZURE_UNIT_LABELS } from '@pcmt/shared/labels';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { DateField } from '../../components/date-field.tsx';
import { useCrossingText } from '../../i18n/crossing-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { api, unwrap } from '../../lib/api.ts';
import { QueuedOffline } from '../../lib/connectivity.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { parseLocaleNumber } from '../../lib/numbers.ts';

export function SeizureForm({ crossingId, asOf }: { crossingId: string; asOf: string }) {
  const x = useCrossingText();
  const { lang } = useI18n();
  const { me } = useDashboard();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [seizedOn, setDay] = useState<string | null>(me.today);
  const [kind, setKind] = useState<SeizureKind>('methamphetamine');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState<SeizureUnit>('g');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const reset = () => {
    setQuantity('');
    setNote('');
  };
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.crossings[':id'].seizures.$post({
          param: { id: crossingId },
          json: {
            seizedOn: seizedOn ?? '',
            kind,
            quantity: parseLocaleNumber(quantity),
            unit,
            note,
          },
        }),
      ),
    onError: (err) => {
      if (err instanceof QueuedOffline) reset();
    },
    onSuccess: (s) => {
      setSaved(s.seizedOn);
      reset();
      void client.invalidateQueries({ queryKey: ['crossings', 'detail', crossingId] });
    },
  });
  const amount = parseLocaleNumber(quantity);
  const badAmount = quantity.trim() !== '' && !(amount > 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badAmount) save.mutate();
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="seizure-open">
        + {x.record}
      </button>
    );
  return (
    <form className="mini-form" onSubmit={submit} data-testid="seizure-form">
      <h4>{x.record}</h4>
      {saved && (
        <p role="status" className="ok-text" data-testid="seizure-saved">
          {x.recorded} ({formatViDate(saved)}){saved > asOf ? ` — ${x.laterHidden}` : ''}
        </p>
      )}
      <div className="row">
        <DateField
          label={x.seizedOn}
          value={seizedOn}
          onChange={setDay}
          required
          testId="seizure-date"
        />
        <label>
          {x.kind}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as SeizureKind)}
            data-testid="seizure-kind"
          >
            {SEIZURE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SEIZURE_KIND_LABELS[lang][k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {x.quantity}
          <input
            inputMode="decimal"
            placeholder="2,5"
            required
            aria-invalid={badAmount}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid="seizure-quantity"
          />
        </label>
        <label>
          {x.unit}
          <select
            value={unit}
            onChange={(e) => setUnit(e.target.value as SeizureUnit)}
            data-testid="seizure-unit"
          >
            {SEIZURE_UNITS.map((u) => (
              <option key={u} value={u}>
                {SEIZURE_UNIT_LABELS[lang][u]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {badAmount && (
        <p className="warn-text" data-testid="seizure-quantity-problem">
          {x.badQuantity}
        </p>
      )}
      <label>
        {x.note}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <ApiErrorNote error={save.error} />
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={save.isPending}
          data-testid="seizure-save"
        >
          {x.save}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {x.cancel}
        </button>
      </div>
    </form>
  );
}
