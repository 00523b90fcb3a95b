import { useQuery } from '@tanstack/react-query';
import { existsDuring } from '@pcmt/shared/dates';
import {
  DEADLINE_KINDS,
  DEFAULT_QUOTA_UNIT,
  QUOTA_METRICS,
  QUOTA_UNITS,
  type DeadlineKind,
  type QuotaMetric,
  type QuotaUnit,
} from '@pcmt/shared/domain';
import { DEADLINE_KIND_LABELS, QUOTA_METRIC_LABELS, QUOTA_UNIT_LABELS } from '@pcmt/shared/labels';
import { DateField } from '../../components/date-field.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { agenciesQuery } from '../../lib/queries.ts';
import type { DeadlineDraft, PhaseDraft, QuotaDraft } from './draft.ts';

function PhaseSelect({
  phases,
  value,
  onChange,
}: {
  phases: PhaseDraft[];
  value: number | null;
  onChange(v: number | null): void;
}) {
  const f = useFormText();
  return (
    <select
      aria-label={f.phase}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">{f.wholeCampaign}</option>
      {phases.map((p, i) => (
        <option key={i} value={i}>
          {p.name || `${f.phaseName} ${i + 1}`}
        </option>
      ))}
    </select>
  );
}

/** Quotas per agency (or district) and phase, with the unit they count in. */
export function QuotaRows(p: {
  province: string;
  phases: PhaseDraft[];
  quotas: QuotaDraft[];
  onChange(q: QuotaDraft[]): void;
  districts: { id: string; name: string }[];
}) {
  const { lang } = useI18n();
  const f = useFormText();
  const agencies = useQuery(agenciesQuery());
  // The agencies that exist during the campaign's phases (a 2026 plan holds no district police, gone in 2025).
  const starts = p.phases
    .map((x) => x.startsOn)
    .filter((x): x is string => !!x)
    .sort();
  const ends = p.phases
    .map((x) => x.endsOn)
    .filter((x): x is string => !!x)
    .sort();
  const span = { startsOn: starts[0] ?? '', endsOn: ends.at(-1) ?? '9999-12-31' };
  const own = (agencies.data ?? []).filter(
    (a) => a.provinceSlug === p.province && existsDuring(a, span),
  );
  const set = (i: number, patch: Partial<QuotaDraft>) =>
    p.onChange(p.quotas.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <fieldset className="editor-group" data-testid="quota-rows">
      <legend>{f.quotas}</legend>
      {p.quotas.map((q, i) => (
        <div className="editor-row" key={i} data-testid={`quota-row-${i}`}>
          <input
            aria-label={f.quotaLabel}
            placeholder={f.quotaLabel}
            value={q.label}
            onChange={(e) => set(i, { label: e.target.value })}
          />
          <div className="row">
            <select
              aria-label={f.holder}
              value={q.holder}
              disabled={!!q.id}
              onChange={(e) => set(i, { holder: e.target.value })}
            >
              <option value="">{f.holder}…</option>
              <optgroup label={f.agencies}>
                {own.map((a) => (
                  <option key={a.id} value={`agency:${a.id}`}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
              {p.districts.length > 0 && (
                <optgroup label={f.districts}>
                  {p.districts.map((d) => (
                    <option key={d.id} value={`unit:${d.id}`}>
                      {d.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            <PhaseSelect
              phases={p.phases}
              value={q.phase}
              onChange={(phase) => set(i, { phase })}
            />
          </div>
          <div className="row">
            <select
              aria-label={f.metric}
              value={q.metric}
              onChange={(e) => {
                const metric = e.target.value as QuotaMetric;
                set(i, { metric, unit: DEFAULT_QUOTA_UNIT[metric] });
              }}
            >
              {QUOTA_METRICS.map((m) => (
                <option key={m} value={m}>
                  {QUOTA_METRIC_LABELS[lang][m]}
                </option>
              ))}
            </select>
            <input
              aria-label={f.target}
              className="narrow"
              inputMode="numeric"
              value={q.target}
              onChange={(e) => set(i, { target: e.target.value })}
            />
            <select
              aria-label={f.unitOfMeasure}
              className="narrow"
              value={q.unit}
              onChange={(e) => set(i, { unit: e.target.value as QuotaUnit })}
            >
              {QUOTA_UNITS.map((u) => (
                <option key={u} value={u}>
                  {QUOTA_UNIT_LABELS[lang][u]}
                </option>
              ))}
            </select>
            {!q.id && (
              <button
                type="button"
                className="remove"
                aria-label={f.remove}
                onClick={() => p.onChange(p.quotas.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </div>
        </div>
      ))}
      <button
        type="button"
        className="link"
        data-testid="add-quota"
        onClick={() =>
          p.onChange([
            ...p.quotas,
            { phase: null, holder: '', metric: 'cases', unit: 'case', target: '', label: '' },
          ])
        }
      >
        + {f.addQuota}
      </button>
    </fieldset>
  );
}

/** Report deadlines: kind, the last allowed day ("trước ngày …" minus one) and the plan's words. */
export function DeadlineRows(p: {
  phases: PhaseDraft[];
  deadlines: DeadlineDraft[];
  onChange(d: DeadlineDraft[]): void;
}) {
  const { lang } = useI18n();
  const f = useFormText();
  const set = (i: number, patch: Partial<DeadlineDraft>) =>
    p.onChange(p.deadlines.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="editor-group" data-testid="deadline-rows">
      <legend>{f.deadlinesTitle}</legend>
      {p.deadlines.map((d, i) => (
        <div className="editor-row" key={i} data-testid={`deadline-row-${i}`}>
          <input
            aria-label={f.deadlineTitle}
            placeholder={f.deadlineTitle}
            value={d.title}
            onChange={(e) => set(i, { title: e.target.value })}
          />
          <div className="row">
            <select
              aria-label={f.kind}
              value={d.kind}
              onChange={(e) => set(i, { kind: e.target.value as DeadlineKind })}
            >
              {DEADLINE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {DEADLINE_KIND_LABELS[lang][k]}
                </option>
              ))}
            </select>
            <PhaseSelect
              phases={p.phases}
              value={d.phase}
              onChange={(phase) => set(i, { phase })}
            />
          </div>
          <div className="row">
            <DateField
              label={f.lastDay}
              value={d.dueOn}
              onChange={(dueOn) => set(i, { dueOn })}
              testId={`deadline-${i}-due`}
            />
            {!d.id && (
              <button
                type="button"
                className="remove"
                aria-label={f.remove}
                onClick={() => p.onChange(p.deadlines.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </div>
        </div>
      ))}
      <button
        type="button"
        className="link"
        data-testid="add-deadline"
        onClick={() =>
          p.onChange([...p.deadlines, { phase: null, kind: 'phase', dueOn: null, title: '' }])
        }
      >
        + {f.addDeadline}
      </button>
    </fieldset>
  );
}
