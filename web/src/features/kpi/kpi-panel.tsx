import { formatViDate, vietnamDay } from '@pcmt/shared/dates';
import { tasksOn } from '@pcmt/shared/state/plans';
import { useTaskText } from '../../i18n/task-messages.ts';
import { TaskTable } from '../../components/task-table.tsx';
import { HOTSPOT_KIND_LABELS, TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { AgeLimitsForm } from './age-limits-form.tsx';
import { ObjectiveList } from './objective-list.tsx';
import { ProgressForm } from './progress-form.tsx';
import { QuotaList } from './quota-list.tsx';
import { TierTable } from './tier-table.tsx';

/** Commander's indicators on the chosen date: objectives, tiers against the start, regressions, overdue hotspots, quotas, deadlines. */
export function KpiPanel() {
  const { lang, num, t } = useI18n();
  const f = useFormText();
  const { data, asOf, can, setView, unitName, me } = useDashboard();
  const tx = useTaskText();
  const s = data.derived?.snapshot;
  const detail = data.detail.data;
  if (!s || !detail || !data.campaign) return null;
  const tasks = tasksOn(
    detail.tasks.map((x) => ({ ...x, createdOn: vietnamDay(new Date(x.createdAt)) })),
    asOf,
  );
  const overdue = tasks.filter((x) => x.overdue).length;
  const select = (id: string) => setView({ selected: id });
  const tally = s.deadlineTally;
  return (
    <section className="kpi" data-testid="kpi-panel">
      <ObjectiveList objectives={s.objectives} />
      <TierTable
        start={data.campaign.startsOn}
        asOf={asOf}
        now={s.counts.tiers}
        atStart={s.counts.startTiers}
      />
      {s.regressions.length > 0 && (
        <>
          <h3 className="warn">
            {f.regressions}: <span data-testid="kpi-regressions">{s.regressions.length}</span>
          </h3>
          <ul className="link-list">
            {s.regressions.slice(0, 8).map((r) => (
              <li key={r.id}>
                <button type="button" onClick={() => select(r.id)}>
                  {unitName(r.id)}: {TIER_LABELS[lang][r.from]} → {TIER_LABELS[lang][r.to]}
                </button>
              </li>
            ))}
          </ul>
          <More shown={8} total={s.regressions.length} />
        </>
      )}
      {/* Nothing overdue under limits the plan does not set: still said that the limits are assumed. */}
      {s.overdue.length === 0 && detail.ageLimitsAssumed && (
        <p className="muted assumed" data-testid="overdue-assumed">
          {f.overdueList}: 0 — {t('assumedDefault')}
        </p>
      )}
      {s.overdue.length > 0 && (
        <>
          <h3 className="warn">
            {f.overdueList}: <span data-testid="kpi-overdue-count">{s.overdue.length}</span>
          </h3>
          {detail.ageLimitsAssumed && (
            <p className="muted assumed" data-testid="overdue-assumed">
              {t('assumedDefault')}
            </p>
          )}
          <ul className="link-list" data-testid="overdue-list">
            {s.overdue.slice(0, 8).map((h) => (
              <li key={h.id} data-testid={`overdue-${h.id}`} data-age={h.ageDays}>
                <button type="button" onClick={() => select(h.id)}>
                  {HOTSPOT_KIND_LABELS[lang][h.kind]} · {unitName(h.unitId)} — {num(h.ageDays)}{' '}
                  {f.days}
                </button>
              </li>
            ))}
          </ul>
          <More shown={8} total={s.overdue.length} />
        </>
      )}
      <QuotaList />
      {can('progress.write') && s.quotas.length > 0 && (
        <ProgressForm
          key={asOf}
          quotas={detail.quotas.filter((q) => s.quotas.some((x) => x.id === q.id))}
          defaultDate={asOf}
        />
      )}
      {can('campaign.write') && (
        <AgeLimitsForm
          key={`${detail.id}@${detail.version}`}
          campaignId={detail.id}
          version={detail.version}
          limits={detail.effectiveAgeLimits}
          own={detail.ageLimitsMonths}
          assumed={detail.ageLimitsAssumed}
        />
      )}
      {/* The programme's own "4 rõ" table (Thanh Hóa 2023), read on the date; folded, it says what is overdue. */}
      {(tasks.length > 0 || can('plan.write')) && (
        <details className="programme-tasks" data-testid="programme-tasks">
          <summary>
            {tx.programme}: {tasks.length}
            {overdue > 0 && (
              <span className="overdue-tag">
                {' '}
                · {overdue} {tx.overdueCount}
              </span>
            )}
          </summary>
          <TaskTable
            owner={{ campaign: detail.id }}
            province={detail.provinceSlug}
            title=""
            tasks={tasks}
            editable={can('plan.write') && asOf === me.today}
          />
        </details>
      )}
      {tally.due > 0 && (
        <p className="muted" data-testid="kpi-deadlines">
          {f.onTimeRate} ({formatViDate(asOf)}): {tally.met}/{tally.due} (
          {Math.round(100 * (tally.onTimeShare ?? 0))}%)
        </p>
      )}
    </section>
  );
}

/** "… and 9 more (in the report)" under a list cut at `shown`. */
function More({ shown, total }: { shown: number; total: number }) {
  const f = useFormText();
  return total > shown ? (
    <p className="muted">{f.andMore.replace('{n}', String(total - shown))}</p>
  ) : null;
}
