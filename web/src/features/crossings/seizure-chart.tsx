/**
 * Seizures at a crossing per month over the 12 months to the dashboard's date: one bar chart per measure (kg, tablets,
 * litres) stacked by kind, drawn with Observable Plot (loaded on first use), and the window's totals beneath.
 */
import { useMemo } from 'react';
import { formatViDate } from '@pcmt/shared/dates';
import type { SeizureKind } from '@pcmt/shared/domain';
import { SEIZURE_KIND_LABELS } from '@pcmt/shared/labels';
import {
  monthsBetween,
  seizureTotals,
  seizuresByMonth,
  yearBefore,
  type SeizureMeasure,
  type SeizureMonth,
  type SeizureRecord,
} from '@pcmt/shared/state/seizures';
import { PlotFigure } from '../../components/plot-figure.tsx';
import { useCrossingText } from '../../i18n/crossing-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

const MEASURES: SeizureMeasure[] = ['mass', 'count', 'volume'];
/** One colour per kind, the same in every chart of the panel. */
const KIND_COLOURS: Record<SeizureKind, string> = {
  heroin: '#7b3294',
  methamphetamine: '#d6604d',
  synthetic_pills: '#f4a582',
  opium: '#8c510a',
  cannabis: '#1b7837',
  ketamine: '#4393c3',
  precursors: '#878787',
  other: '#bababa',
};

export function SeizureChart({ seizures, asOf }: { seizures: SeizureRecord[]; asOf: string }) {
  const x = useCrossingText();
  const { lang, num } = useI18n();
  const { rows, months } = useMemo(() => {
    const from = yearBefore(asOf);
    return { rows: seizuresByMonth(seizures, from, asOf), months: monthsBetween(from, asOf) };
  }, [seizures, asOf]);
  const byMeasure = useMemo(
    () => MEASURES.map((m) => [m, rows.filter((r) => r.measure === m)] as const),
    [rows],
  );
  const totals = seizureTotals(rows);
  return (
    <section className="seizures" data-testid="seizures">
      <h4>
        {x.seizures}{' '}
        <span className="muted">
          ({x.seizuresWindow} {formatViDate(asOf)})
        </span>
      </h4>
      {rows.length === 0 && <p className="muted">{x.noSeizures}</p>}
      {byMeasure
        .filter(([, list]) => list.length > 0)
        .map(([m, list]) => (
          <MeasureChart key={m} measure={m} rows={list} months={months} />
        ))}
      {totals.length > 0 && (
        <table className="kpi" data-testid="seizure-totals">
          <thead>
            <tr>
              <th>{x.kind}</th>
              <th className="num">{x.total}</th>
              <th className="num">{x.times}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr key={`${t.measure}-${t.kind}`} data-kind={t.kind} data-measure={t.measure}>
                <td>
                  <span
                    className="swatch"
                    style={{ background: KIND_COLOURS[t.kind as SeizureKind] }}
                  />{' '}
                  {SEIZURE_KIND_LABELS[lang][t.kind as SeizureKind] ?? t.kind}
                </td>
                <td className="num" data-testid="seizure-total">
                  {num(t.amount)} {x.measureUnit[t.measure]}
                </td>
                <td className="num">{num(t.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function MeasureChart({
  measure,
  rows,
  months,
}: {
  measure: SeizureMeasure;
  rows: SeizureMonth[];
  months: string[];
}) {
  const x = useCrossingText();
  const { lang } = useI18n();
  const unit = x.measureUnit[measure];
  return (
    <PlotFigure
      caption={x.measure[measure]}
      loading={x.loadingChart}
      testId={`seizure-chart-${measure}`}
      deps={[rows, months, lang, unit]}
      draw={(Plot, width) => {
        const kinds = [...new Set(rows.map((r) => r.kind))] as SeizureKind[];
        const narrow = width < 480;
        return Plot.plot({
          width,
          height: 170,
          marginLeft: 44,
          marginBottom: narrow ? 36 : 28,
          style: { fontSize: '11px', background: 'transparent' },
          x: {
            type: 'band',
            domain: months,
            label: null,
            tickFormat: (m: string) => `${m.slice(5, 7)}/${m.slice(2, 4)}`,
            tickRotate: narrow ? -45 : 0,
          },
          y: {
            grid: true,
            label: unit,
            nice: true,
            tickFormat: (v: number) => v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
          },
          color: {
            domain: kinds,
            range: kinds.map((k) => KIND_COLOURS[k]),
            legend: true,
            tickFormat: (k: SeizureKind) => SEIZURE_KIND_LABELS[lang][k] ?? k,
          },
          marks: [
            Plot.barY(rows, {
              x: 'month',
              y: 'amount',
              fill: 'kind',
              title: (r: SeizureMonth) =>
                `${r.month}: ${SEIZURE_KIND_LABELS[lang][r.kind as SeizureKind] ?? r.kind} ${r.amount} ${unit}`,
            }),
            Plot.ruleY([0]),
          ],
        });
      }}
    />
  );
}
