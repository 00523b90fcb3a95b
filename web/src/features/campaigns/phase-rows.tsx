import {
  OBJECTIVE_COMPARATORS,
  OBJECTIVE_MEASURES,
  type ObjectiveComparator,
  type ObjectiveMeasure,
} from '@pcmt/shared/domain';
import { OBJECTIVE_MEASURE_LABELS } from '@pcmt/shared/labels';
import { DateField } from '../../components/date-field.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { emptyPhase, type ObjectiveDraft, type PhaseDraft } from './draft.ts';

const COMPARATOR_SIGNS: Record<ObjectiveComparator, string> = {
  at_least: '≥',
  more_than: '>',
  at_most: '≤',
};

/** The phases of a campaign: name, dates and objectives, each objective with an optional measure and target. */
export function PhaseRows({
  phases,
  onChange,
}: {
  phases: PhaseDraft[];
  onChange(p: PhaseDraft[]): void;
}) {
  const f = useFormText();
  const set = (i: number, patch: Partial<PhaseDraft>) =>
    onChange(phases.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="editor-group" data-testid="phase-rows">
      <legend>{f.phases}</legend>
      {phases.map((p, i) => (
        <div className="editor-row" key={i} data-testid={`phase-${i}`}>
          <div className="row">
            <input
              aria-label={f.phaseName}
              placeholder={`${f.phaseName} ${i + 1}`}
              value={p.name}
              onChange={(e) => set(i, { name: e.target.value })}
            />
            {phases.length > 1 && !p.id && (
              <button
                type="button"
                className="remove"
                aria-label={f.remove}
                onClick={() => onChange(phases.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </div>
          <div className="row">
            <DateField
              label={f.from}
              value={p.startsOn}
              onChange={(startsOn) => set(i, { startsOn })}
              testId={`phase-${i}-start`}
            />
            <DateField
              label={f.to}
              value={p.endsOn}
              onChange={(endsOn) => set(i, { endsOn })}
              testId={`phase-${i}-end`}
            />
          </div>
          <Objectives
            list={p.objectives}
            onChange={(objectives) => set(i, { objectives })}
            prefix={`phase-${i}`}
          />
        </div>
      ))}
      <button
        type="button"
        className="link"
        data-testid="add-phase"
        onClick={() => onChange([...phases, emptyPhase()])}
      >
        + {f.addPhase}
      </button>
    </fieldset>
  );
}

function Objectives({
  list,
  onChange,
  prefix,
}: {
  list: ObjectiveDraft[];
  onChange(o: ObjectiveDraft[]): void;
  prefix: string;
}) {
  const { lang } = useI18n();
  const f = useFormText();
  const set = (i: number, patch: Partial<ObjectiveDraft>) =>
    onChange(list.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <div className="objectives-edit">
      {list.map((o, i) => (
        <div className="objective-edit" key={i} data-testid={`${prefix}-objective-${i}`}>
          <input
            aria-label={f.objective}
            placeholder={f.objective}
            value={o.text}
            onChange={(e) => set(i, { text: e.target.value })}
          />
          <div className="row">
            <select
              aria-label={f.measure}
              value={o.measure}
              onChange={(e) => set(i, { measure: e.target.value as ObjectiveMeasure | '' })}
            >
              <option value="">{f.noMeasure}</option>
              {OBJECTIVE_MEASURES.map((m) => (
                <option key={m} value={m}>
                  {OBJECTIVE_MEASURE_LABELS[lang][m]}
                </option>
              ))}
            </select>
            {o.measure && (
              <>
                <select
                  aria-label={f.comparator}
                  className="narrow"
                  value={o.comparator}
                  onChange={(e) => set(i, { comparator: e.target.value as ObjectiveComparator })}
                >
                  {OBJECTIVE_COMPARATORS.map((c) => (
                    <option key={c} value={c}>
                      {COMPARATOR_SIGNS[c]}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={f.target}
                  className="narrow"
                  inputMode="decimal"
                  value={o.target}
                  onChange={(e) => set(i, { target: e.target.value })}
                />
                <span className="unit">{o.measure.endsWith('_share') ? '%' : ''}</span>
              </>
            )}
            <button
              type="button"
              className="remove"
              aria-label={f.remove}
              onClick={() => onChange(list.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="link"
        data-testid={`${prefix}-add-objective`}
        onClick={() =>
          onChange([...list, { text: '', measure: '', comparator: 'at_least', target: '' }])
        }
      >
        + {f.addObjective}
      </button>
    </div>
  );
}
