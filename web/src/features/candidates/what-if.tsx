/**
 * What if the chosen communes became drug-free at a pace of so many a year, easy first: the projected share of the
 * province's drug-free communes per year (Observable Plot) against the targets the planner keeps — Kết luận
 * 132-KL/TW's share now and ≥ 50 % by 2030, and the province's own (a campaign objective on the drug-free share) —
 * each marked met or not.
 */
import { useMemo, useState } from 'react';
import {
  meetsTarget,
  projectDrugFree,
  yearsByPace,
  type Candidate,
  type CandidateFacts,
  type Target,
} from '@pcmt/shared/state/candidates';
import { PlotFigure } from '../../components/plot-figure.tsx';
import { useCandidateText } from '../../i18n/candidate-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';

const LAST_YEAR = 2030;

export interface Pace {
  perYear: number;
  firstYear: number;
}

export function WhatIf({
  chosen,
  all,
  pace: { perYear, firstYear },
  onPace,
}: {
  chosen: Candidate[];
  all: CandidateFacts[];
  pace: Pace;
  onPace(next: Pace): void;
}) {
  const x = useCandidateText();
  const { num } = useI18n();
  const { data, me } = useDashboard();
  const thisYear = Number(me.today.slice(0, 4));
  const own = useMemo(
    () => ownTargets(data.detail.data, x.ownTarget),
    [data.detail.data, x.ownTarget],
  );
  const [targets, setTargets] = useState<Target[]>(() => [
    { label: x.national20, year: thisYear, share: 0.2 },
    { label: x.national50, year: LAST_YEAR, share: 0.5 },
    ...own,
  ]);
  const drugFreeNow = all.filter((c) => c.tier === 'drug_free').length;
  const years = yearsByPace(
    chosen.map((c) => c.id),
    perYear,
    firstYear,
  );
  const toYear = Math.max(LAST_YEAR, ...targets.map((t) => t.year));
  const projection = projectDrugFree(
    all.length,
    drugFreeNow,
    [...years.values()],
    thisYear,
    toYear,
  );
  const key = projection.map((p) => p.count).join(',');
  return (
    <section className="what-if" data-testid="what-if">
      <h4>{x.whatIf}</h4>
      <div className="row">
        <label>
          {x.pace}
          <input
            type="number"
            min={1}
            max={500}
            value={perYear}
            onChange={(e) =>
              onPace({ firstYear, perYear: Math.max(1, Number(e.target.value) || 1) })
            }
            data-testid="what-if-pace"
          />
        </label>
        <label>
          {x.firstYear}
          <input
            type="number"
            min={thisYear}
            max={LAST_YEAR + 10}
            value={firstYear}
            onChange={(e) => onPace({ perYear, firstYear: Number(e.target.value) || thisYear + 1 })}
          />
        </label>
      </div>
      <PlotFigure
        caption={`${x.projected} (%)`}
        loading={x.loadingChart}
        testId="what-if-chart"
        deps={[key, targets]}
        draw={(Plot, width) =>
          Plot.plot({
            width,
            height: 200,
            marginLeft: 40,
            style: { fontSize: '11px', background: 'transparent' },
            x: { label: null, tickFormat: 'd', ticks: projection.map((p) => p.year) },
            y: { label: '%', domain: [0, 100], grid: true },
            marks: [
              Plot.areaY(projection, {
                x: 'year',
                y: (p) => p.share * 100,
                fill: '#00897b',
                fillOpacity: 0.12,
              }),
              Plot.lineY(projection, {
                x: 'year',
                y: (p) => p.share * 100,
                stroke: '#00897b',
                strokeWidth: 2,
              }),
              Plot.dot(projection, {
                x: 'year',
                y: (p) => p.share * 100,
                fill: '#00897b',
                r: 3,
                title: (p) => `${p.year}: ${p.count}/${all.length}`,
              }),
              Plot.dot(targets, {
                x: 'year',
                y: (t) => t.share * 100,
                symbol: 'diamond',
                r: 6,
                stroke: '#222',
                fill: (t) => (meetsTarget(projection, t) ? '#2e7d32' : '#c62828'),
                title: (t) => t.label,
              }),
              Plot.ruleY([0]),
            ],
          })
        }
      />
      <table className="kpi" data-testid="targets">
        <thead>
          <tr>
            <th>{x.targets}</th>
            <th className="num">{x.year}</th>
            <th className="num">{x.share}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {targets.map((t, i) => {
            const met = meetsTarget(projection, t);
            return (
              <tr key={i} data-testid="target" data-met={met}>
                <td>{t.label}</td>
                <td className="num">
                  <input
                    type="number"
                    min={thisYear}
                    max={2100}
                    value={t.year}
                    aria-label={x.year}
                    onChange={(e) =>
                      setTargets(
                        targets.map((u, j) =>
                          j === i ? { ...u, year: Number(e.target.value) || u.year } : u,
                        ),
                      )
                    }
                  />
                </td>
                <td className="num">
                  <input
                    type="number"
                    min={0}
                    max={100}
                    value={Math.round(t.share * 100)}
                    aria-label={x.share}
                    onChange={(e) =>
                      setTargets(
                        targets.map((u, j) =>
                          j === i
                            ? {
                                ...u,
                                share: Math.min(100, Math.max(0, Number(e.target.value))) / 100,
                              }
                            : u,
                        ),
                      )
                    }
                  />
                </td>
                <td>
                  <span className={met ? 'ok-text' : 'warn-text'} data-testid="target-state">
                    {met ? x.met : x.notMet}
                  </span>{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => setTargets(targets.filter((_, j) => j !== i))}
                  >
                    {x.remove}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => setTargets([...targets, { label: x.ownTarget, year: LAST_YEAR, share: 1 }])}
      >
        + {x.add}
      </button>
      <p className="muted" data-testid="projection-end">
        {LAST_YEAR}: {num(projection.find((p) => p.year === LAST_YEAR)?.count ?? 0)}/
        {num(all.length)}
      </p>
    </section>
  );
}

/** The province's own targets: a campaign objective on the drug-free share, in the year its words name. */
function ownTargets(
  detail:
    | {
        endsOn: string;
        phases: { objectives: { text: string; measure?: string; target?: number }[] }[];
      }
    | undefined,
  label: string,
): Target[] {
  if (!detail) return [];
  return detail.phases.flatMap((p) =>
    p.objectives
      .filter((o) => o.measure === 'drug_free_share' && typeof o.target === 'number')
      .map((o) => ({
        label: `${label}: ${o.text}`,
        year: Number(/20\d\d/.exec(o.text)?.[0] ?? detail.endsOn.slice(0, 4)),
        share: o.target!,
      })),
  );
}
