import { formatMeasure, targetText, type ObjectiveProgress } from '@pcmt/shared/state/campaign';
import { OBJECTIVE_MEASURE_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';

/** Each phase objective that has a numeric target, measured on the date against the plan's own target. */
export function ObjectiveList({ objectives }: { objectives: ObjectiveProgress[] }) {
  const { t, lang } = useI18n();
  const f = useFormText();
  const measured = objectives.filter((o) => o.value !== undefined && o.measure);
  if (measured.length === 0) return null;
  return (
    <>
      <h3>{f.objectiveProgress}</h3>
      {measured.map((o, i) => {
        const share = o.measure!.endsWith('_share');
        // A count to reach (villages at 8/8) fills toward its target; a count to keep down has no bar.
        const toward = o.comparator === 'at_least' && !share && !!o.target;
        const width = share
          ? Math.min(100, Math.round((o.value ?? 0) * 100))
          : toward
            ? Math.min(100, Math.round(((o.value ?? 0) / o.target!) * 100))
            : o.met
              ? 100
              : 0;
        return (
          <div
            className="objective-row"
            key={o.text}
            data-testid={`kpi-objective-${i}`}
            data-measure={o.measure}
            data-value={o.value}
            data-met={String(o.met)}
          >
            <span>
              {o.text} — {OBJECTIVE_MEASURE_LABELS[lang][o.measure!]}:{' '}
              <b>{formatMeasure(o.measure!, o.value!)}</b> · {f.target} {targetText(o)} ·{' '}
              <span className={o.met ? 'ok-text' : 'warn-text'}>
                {o.met ? t('met') : t('notMet')}
              </span>
            </span>
            {(share || toward) && (
              <div className="bar">
                <div className={o.met ? 'fill met' : 'fill'} style={{ width: `${width}%` }} />
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}
