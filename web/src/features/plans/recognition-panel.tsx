/**
 * The unit's way to recognition as drug-free on the date shown: its state (a regression is shown and reopens it),
 * the steps taken with their decision numbers, and the steps the user's role may take now (shared rules), each
 * sent under the plan's version.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import {
  RECOGNITION_STEPS,
  STEP_RULES,
  recognitionOn,
  type RecognitionStep,
  type StepRecord,
} from '@pcmt/shared/state/recognition';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { DateField } from '../../components/date-field.tsx';
import { useRecognitionText } from '../../i18n/recognition-messages.ts';
import { api, unwrap } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';

type Step = StepRecord & {
  id: string;
  decisionNumber: string | null;
  note: string;
  recordedRole: string;
};

export function RecognitionPanel({
  planId,
  version,
  steps,
  asOf,
  editable,
}: {
  planId: string;
  version: number;
  steps: Step[];
  asOf: string;
  /** Today's view: the role's steps may be taken. */
  editable: boolean;
}) {
  const x = useRecognitionText();
  const { me } = useDashboard();
  const now = recognitionOn(steps, asOf);
  const shown = steps.filter((s) => s.on <= asOf);
  const possible = RECOGNITION_STEPS.filter(
    (s) => STEP_RULES[s].from.includes(now.state) && STEP_RULES[s].roles.includes(me.role),
  );
  return (
    <div className="recognition" data-testid="recognition">
      <h4>{x.title}</h4>
      <p>
        <span
          className={`state-badge ${now.state}`}
          data-testid="recognition-state"
          data-state={now.state}
        >
          {x.state[now.state]}
        </span>
        {now.recognisedOn && now.state === 'recognised' && (
          <span className="muted">
            {' '}
            · {x.recognisedOn} {formatViDate(now.recognisedOn)}
          </span>
        )}
      </p>
      {now.regressedOn && (
        <p className="warn-text" data-testid="recognition-regressed">
          {x.regressed} {formatViDate(now.regressedOn)} — {x.reopened}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted">{x.none}</p>
      ) : (
        <ol className="steps" data-testid="recognition-steps">
          {shown.map((s) => (
            <li key={s.id}>
              <b>{formatViDate(s.on)}</b> {x.step[s.step]}
              {s.decisionNumber && ` · ${x.decisionNumber} ${s.decisionNumber}`}
              <span className="muted"> · {x.by[s.recordedRole] ?? s.recordedRole}</span>
              {s.note && <div className="muted">{s.note}</div>}
            </li>
          ))}
        </ol>
      )}
      {editable && possible.length > 0 && (
        <StepForm planId={planId} version={version} steps={possible} />
      )}
    </div>
  );
}

function StepForm({
  planId,
  version,
  steps,
}: {
  planId: string;
  version: number;
  steps: RecognitionStep[];
}) {
  const x = useRecognitionText();
  const { me } = useDashboard();
  const client = useQueryClient();
  const [step, setStep] = useState<RecognitionStep>(steps[0]!);
  const [on, setOn] = useState<string | null>(me.today);
  const [decisionNumber, setNumber] = useState('');
  const [note, setNote] = useState('');
  const chosen = steps.includes(step) ? step : steps[0]!;
  const take = useMutation({
    mutationFn: () =>
      unwrap(
        api.plans[':id'].steps.$post({
          param: { id: planId },
          json: {
            step: chosen,
            on: on ?? '',
            decisionNumber: STEP_RULES[chosen].decision ? decisionNumber : null,
            note,
            version,
          },
        }),
      ),
    onSuccess: () => {
      setNumber('');
      setNote('');
      void client.invalidateQueries({ queryKey: ['plans'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    take.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="step-form">
      <div className="row">
        <select
          value={chosen}
          onChange={(e) => setStep(e.target.value as RecognitionStep)}
          aria-label={x.title}
          data-testid="step-kind"
        >
          {steps.map((s) => (
            <option key={s} value={s}>
              {x.step[s]}
            </option>
          ))}
        </select>
        <DateField label={x.date} value={on} onChange={setOn} required testId="step-date" />
      </div>
      {STEP_RULES[chosen].decision && (
        <label>
          {x.decisionNumber}
          <input
            value={decisionNumber}
            onChange={(e) => setNumber(e.target.value)}
            required
            maxLength={80}
            placeholder="123/QĐ-UBND"
            data-testid="step-decision"
          />
        </label>
      )}
      <label>
        {x.note}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <ApiErrorNote
        words={x.refusals}
        error={take.error}
        onReload={() => void client.invalidateQueries({ queryKey: ['plans'] })}
      />
      <button type="submit" className="primary" disabled={take.isPending} data-testid="step-save">
        {x.take}
      </button>
    </form>
  );
}
