import { useState } from 'react';
import { DateField } from '../../components/date-field.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatViDate, vietnamDay } from '@pcmt/shared/dates';
import { criterionMetOn, planFor, tasksOn } from '@pcmt/shared/state/plans';
import { PhaseTargets } from './phase-targets.tsx';
import { useVillageText } from '../../i18n/village-messages.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import type { Tier } from '@pcmt/shared/domain';
import { api, unwrap } from '../../lib/api.ts';
import { planHistoryQuery, plansQuery } from '../../lib/queries.ts';
import { criteriaMetOn } from '@pcmt/shared/state/recognition';
import { useRecognitionText } from '../../i18n/recognition-messages.ts';
import { EvidenceUpload } from './evidence-upload.tsx';
import { RecognitionPanel } from './recognition-panel.tsx';
import { TaskTable } from '../../components/task-table.tsx';
import { CRITERIA_LABELS } from '@pcmt/shared/labels';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';

/** A commune's transformation plan and its 8 criteria; a planner ticks them (version-checked). */
export function PlanPanel({
  unitId,
  editable: mayEdit,
  asOf,
}: {
  unitId: string;
  editable: boolean;
  /** Checks and tasks recorded after this day are not shown as done; a past view is read-only. */
  asOf: string;
}) {
  const { lang, t } = useI18n();
  const { me, can, data } = useDashboard();
  const today = me.today;
  // The commander records the council's and the chairman's decisions: the panel's steps are theirs too.
  const mayStep = can('plan.step');
  // A past view shows the plan as it stood then; the planner switches the panel to today to edit it.
  const [current, setCurrent] = useState(false);
  const asOfShown = current ? today : asOf;
  const past = asOfShown < today;
  const editable = mayEdit && !past;
  const f = useFormText();
  const r = useRecognitionText();
  const client = useQueryClient();
  const plans = useQuery(plansQuery());
  const plan = planFor(plans.data ?? [], unitId, data.campaign?.id ?? null);
  const campaign = data.campaigns.data?.find((c) => c.id === plan?.campaignId);
  const history = useQuery({ ...planHistoryQuery(plan?.id ?? ''), enabled: !!plan });
  const toggle = useMutation({
    mutationFn: (c: { criterion: number; met: boolean; version: number }) =>
      unwrap(
        api.plans[':id'].criteria[':n'].$put({
          param: { id: plan!.id, n: String(c.criterion) },
          json: {
            met: c.met,
            checkedOn: today,
            version: c.version,
            note: '',
          },
        }),
      ),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['plans'] });
      // The campaign's "villages at 8/8" objective counts the checks.
      void client.invalidateQueries({ queryKey: ['campaigns', 'detail'] });
    },
  });
  if (!plan) return editable && plans.data ? <NewPlanForm unitId={unitId} /> : null;
  // From the checks' history when it is here (an untick after the date does not rewrite it), else the latest.
  const checks = history.data?.checks ?? null;
  const metNow = checks
    ? new Set(criteriaMetOn(checks, asOfShown))
    : new Set(plan.criteria.filter((c) => criterionMetOn(c, asOfShown)).map((c) => c.criterion));
  const met = metNow.size;
  const lastCheck = (n: number) =>
    checks?.filter((c) => c.criterion === n && c.checkedOn <= asOfShown).at(-1) ?? null;
  return (
    <section className="plan-panel" data-testid="plan-panel">
      <h4>
        {f.plan}: {TIER_LABELS[lang][plan.fromTier as Tier]} →{' '}
        {TIER_LABELS[lang][plan.targetTier as Tier]} · {f.target} {formatViDate(plan.targetDate)}
      </h4>
      <p className="muted">
        {f.criteria}: <b data-testid="criteria-met">{met}/8</b> · {r.download}:{' '}
        <a href={`/api/plans/${plan.id}/export?format=docx`} download data-testid="plan-docx">
          Word
        </a>{' '}
        ·{' '}
        <a href={`/api/plans/${plan.id}/export?format=xlsx`} download data-testid="plan-xlsx">
          Excel
        </a>
      </p>
      {campaign && (
        <PhaseTargets
          unitId={plan.unitId}
          targets={plan.phaseTargets}
          phases={campaign.phases}
          asOf={asOfShown}
        />
      )}
      <ol className="criteria">
        {CRITERIA_LABELS[lang].map((label, i) => {
          const check = plan.criteria.find((c) => c.criterion === i + 1);
          const last = lastCheck(i + 1);
          return (
            <li key={label} data-testid={`criterion-${i + 1}`}>
              <label>
                <input
                  type="checkbox"
                  checked={metNow.has(i + 1)}
                  disabled={!editable || toggle.isPending}
                  onChange={(e) =>
                    toggle.mutate({
                      criterion: i + 1,
                      met: e.target.checked,
                      version: check?.version ?? 1,
                    })
                  }
                />
                {label}
              </label>
              {last && (
                <div className="check-meta muted">
                  {r.checked} {formatViDate(last.checkedOn)}
                  {last.recordedRole ? ` · ${r.by[last.recordedRole] ?? last.recordedRole}` : ''}
                  {last.evidence.map((e) => (
                    <a
                      key={e.id}
                      href={`/api/checks/${last.id}/evidence/${e.id}`}
                      download={e.fileName}
                      data-testid="evidence-link"
                    >
                      {' '}
                      · {e.fileName}
                    </a>
                  ))}
                  {editable && <EvidenceUpload checkId={last.id} criterion={i + 1} />}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {past && (
        <p className="muted" data-testid="plan-past-note">
          {t('asOf')} {formatViDate(asOfShown)}: {t('laterHidden')}.{' '}
          {(mayEdit || mayStep) && (
            <button
              type="button"
              className="link"
              data-testid="plan-edit-now"
              onClick={() => setCurrent(true)}
            >
              {f.editToday}
            </button>
          )}
        </p>
      )}
      {history.data && (
        <RecognitionPanel
          planId={plan.id}
          version={plan.version}
          steps={history.data.steps}
          asOf={asOfShown}
          editable={mayStep && !past}
        />
      )}
      <TaskTable
        owner={{ plan: plan.id }}
        province={plan.provinceSlug}
        tasks={tasksOn(
          plan.tasks.map((x) => ({ ...x, createdOn: vietnamDay(new Date(x.createdAt)) })),
          asOfShown,
        )}
        editable={editable}
      />
      <ApiErrorNote
        error={toggle.error}
        onReload={() => void client.invalidateQueries({ queryKey: ['plans'] })}
      />
      {/* The plan shown is another campaign's: the campaign in view, while it runs, may take a plan of its own. */}
      {editable &&
        data.campaign &&
        data.campaign.endsOn >= today &&
        plan.campaignId !== data.campaign.id && <NewPlanForm unitId={unitId} />}
    </section>
  );
}

const TARGET_TIERS = ['drug_free', 'has_activity', 'type_3', 'type_2'] as const;

/**
 * A new plan for the selected commune or village: under the campaign in view while it still runs, with a target
 * tier for each phase not yet ended (San Thàng's villages: less complex by phase 3, drug-free by phase 4).
 */
function NewPlanForm({ unitId }: { unitId: string }) {
  const { lang } = useI18n();
  const f = useFormText();
  const w = useVillageText();
  const { data, me } = useDashboard();
  const client = useQueryClient();
  const running = data.campaign && data.campaign.endsOn >= me.today ? data.campaign : null;
  const [inCampaign, setInCampaign] = useState(!!running);
  const campaign = inCampaign ? running : null;
  const [targetTier, setTier] = useState<Tier>('drug_free');
  const [targetDate, setDate] = useState(running?.endsOn ?? '2030-12-31');
  const [perPhase, setPerPhase] = useState<Record<string, Tier | ''>>({});
  const open = (campaign?.phases ?? []).filter((p) => p.endsOn >= me.today);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.plans.$post({
          json: {
            unitId,
            targetTier,
            targetDate,
            campaignId: campaign?.id ?? null,
            targetPhaseId: null,
            phaseTargets: open
              .filter((p) => perPhase[p.id])
              .map((p) => ({ phaseId: p.id, tier: perPhase[p.id] as Tier })),
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
  return (
    <form
      className="mini-form"
      data-testid="new-plan-form"
      onSubmit={(e) => (e.preventDefault(), create.mutate())}
    >
      <h4>{f.newPlan}</h4>
      <div className="row">
        <select
          value={targetTier}
          onChange={(e) => setTier(e.target.value as Tier)}
          aria-label={f.target}
        >
          {TARGET_TIERS.map((t) => (
            <option key={t} value={t}>
              {TIER_LABELS[lang][t]}
            </option>
          ))}
        </select>
        <DateField label={f.date} value={targetDate || null} onChange={(v) => setDate(v ?? '')} />
      </div>
      {running && (
        <label className="check">
          <input
            type="checkbox"
            checked={inCampaign}
            onChange={(e) => setInCampaign(e.target.checked)}
            data-testid="new-plan-in-campaign"
          />
          {w.campaignPlan}: {running.name}
        </label>
      )}
      {open.length > 0 && (
        <fieldset className="phase-target-fields" data-testid="new-plan-phase-targets">
          <legend>{w.phaseTargets}</legend>
          {open.map((p) => (
            <label key={p.id}>
              <span>
                {p.name} ({w.by} {formatViDate(p.endsOn)})
              </span>
              <select
                value={perPhase[p.id] ?? ''}
                onChange={(e) => setPerPhase({ ...perPhase, [p.id]: e.target.value as Tier | '' })}
              >
                <option value="">{w.noTarget}</option>
                {TARGET_TIERS.map((t) => (
                  <option key={t} value={t}>
                    {TIER_LABELS[lang][t]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <ApiErrorNote error={create.error} />
      <button type="submit" className="primary" disabled={create.isPending}>
        {f.save}
      </button>
    </form>
  );
}
