/**
 * One commune's figures for a period, entered by the planner: pre-filled with what is stored for the
 * period, the suggested tier shown live from what is typed, saved with the version read.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  FIGURE_FIELDS,
  reportingPeriods,
  suggestFromFigures,
  type FigureKey,
  type FigureValues,
} from '@pcmt/shared/figures';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useFiguresText } from '../../i18n/figures-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { api, unwrap } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { figuresQuery, unitQuery } from '../../lib/queries.ts';

type Draft = Record<FigureKey, string>;

/** The typed figures; text that is not a number is sent as typed, so the server names the field. */
function toValues(d: Draft): FigureValues {
  const out: Record<string, number | boolean | string | null> = {};
  for (const { key, kind } of FIGURE_FIELDS) {
    const s = d[key].trim();
    const n = Number(s.replace(/\s/g, '').replace(',', '.'));
    out[key] = s === '' ? null : kind === 'flag' ? s === 'yes' : Number.isFinite(n) ? n : s;
  }
  return out as FigureValues;
}
const numbersOnly = (v: FigureValues) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x !== 'string')) as FigureValues;

export function FiguresForm({ unitId }: { unitId: string }) {
  const { view, me } = useDashboard();
  const { lang } = useI18n();
  const t = useFiguresText();
  const client = useQueryClient();
  const periods = reportingPeriods(me.today);
  const [periodIndex, setPeriodIndex] = useState(0);
  const period = periods[periodIndex]!;
  const list = useQuery(figuresQuery(view.province));
  const unit = useQuery(unitQuery(unitId));
  const population = unit.data?.population ?? null;
  const stored = list.data?.find(
    (r) => r.unitId === unitId && r.periodFrom === period.from && r.periodTo === period.to,
  );
  const [draft, setDraft] = useState<{ key: string; values: Draft } | null>(null);
  const key = `${period.from}/${period.to}/${stored?.version ?? 0}`;
  // The draft follows the stored row until the user types; a new period or a save starts it again.
  const values: Draft =
    draft?.key === key
      ? draft.values
      : (Object.fromEntries(
          FIGURE_FIELDS.map(({ key: k, kind }) => {
            const v = stored?.[k];
            return [
              k,
              v === null || v === undefined ? '' : kind === 'flag' ? (v ? 'yes' : 'no') : String(v),
            ];
          }),
        ) as Draft);
  const set = (k: FigureKey, v: string) => setDraft({ key, values: { ...values, [k]: v } });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.figures.$put({
          json: {
            unitId,
            periodFrom: period.from,
            periodTo: period.to,
            ...toValues(values),
            ...(stored ? { version: stored.version } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setDraft(null);
      return client.invalidateQueries({ queryKey: ['figures'] });
    },
  });
  const typed = numbersOnly(toValues(values));
  const s = suggestFromFigures(typed, population);
  const entered = Object.entries(typed).some(([k, v]) => k !== 'population' && v !== null);
  if (unit.data?.level !== 'commune') return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    // Folded until asked for: the commune panel stays short for reading.
    <details className="mini-form figures-form" data-testid="figures-form">
      <summary>
        <h4>{t.formTitle}</h4>
      </summary>
      <form onSubmit={submit}>
        <label>
          {t.period}
          <select value={periodIndex} onChange={(e) => setPeriodIndex(Number(e.target.value))}>
            {periods.map((p, i) => (
              <option key={`${p.from}-${p.to}`} value={i}>
                {p[lang]}
              </option>
            ))}
          </select>
        </label>
        <div className="figures-grid">
          {FIGURE_FIELDS.map((f) => (
            <label key={f.key}>
              <span>{f[lang]}</span>
              {f.kind === 'flag' ? (
                <select
                  value={values[f.key]}
                  onChange={(e) => set(f.key, e.target.value)}
                  data-field={f.key}
                >
                  <option value="">{t.unknown}</option>
                  <option value="yes">{t.yes}</option>
                  <option value="no">{t.no}</option>
                </select>
              ) : (
                <input
                  inputMode={f.kind === 'area' ? 'decimal' : 'numeric'}
                  value={values[f.key]}
                  onChange={(e) => set(f.key, e.target.value)}
                  data-field={f.key}
                />
              )}
            </label>
          ))}
        </div>
        <p className="suggestion" data-testid="figures-form-suggestion">
          {entered ? (
            <>
              {lang === 'vi' ? 'Đề xuất' : 'Suggested'}: <b>{TIER_LABELS[lang][s.tier]}</b>
              {s.triggered.length > 0 && ` — ${s.triggered.map((c) => c[lang]).join('; ')}`}
            </>
          ) : (
            t.enterToSuggest
          )}
        </p>
        <p className="muted">{t.noNames}</p>
        <ApiErrorNote error={save.error} onReload={() => list.refetch()} />
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isSuccess && !draft ? `${t.saved} ✓` : t.save}
        </button>
      </form>
    </details>
  );
}
