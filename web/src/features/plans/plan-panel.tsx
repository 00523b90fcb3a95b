import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import type { Tier } from '@pcmt/shared/domain';
import { api, unwrap } from '../../lib/api.ts';
import { plansQuery } from '../../lib/queries.ts';
import { CRITERIA_LABELS } from '../../i18n/messages.ts';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';

/** A commune's transformation plan and its 8 criteria; a planner ticks them (version-checked). */
export function PlanPanel({ unitId, editable }: { unitId: string; editable: boolean }) {
  const { lang } = useI18n();
  const f = useFormText();
  const client = useQueryClient();
  const plans = useQuery(plansQuery());
  const plan = plans.data?.find((p) => p.unitId === unitId);
  const toggle = useMutation({
    mutationFn: (c: { criterion: number; met: boolean; version: number }) =>
      unwrap(
        api.plans[':id'].criteria[':n'].$put({
          param: { id: plan!.id, n: String(c.criterion) },
          json: {
            met: c.met,
            checkedOn: new Date().toISOString().slice(0, 10),
            version: c.version,
            note: '',
          },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
  if (!plan) return null;
  const met = plan.criteria.filter((c) => c.met).length;
  return (
    <section className="plan-panel" data-testid="plan-panel">
      <h4>
        {f.plan}: {TIER_LABELS[lang][plan.fromTier as Tier]} →{' '}
        {TIER_LABELS[lang][plan.targetTier as Tier]} · {f.target} {formatViDate(plan.targetDate)}
      </h4>
      <p className="muted">
        {f.criteria}: <b data-testid="criteria-met">{met}/8</b>
      </p>
      <ol className="criteria">
        {CRITERIA_LABELS[lang].map((label, i) => {
          const check = plan.criteria.find((c) => c.criterion === i + 1);
          return (
            <li key={label}>
              <label>
                <input
                  type="checkbox"
                  checked={!!check?.met}
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
            </li>
          );
        })}
      </ol>
      <ApiErrorNote
        error={toggle.error}
        onReload={() => void client.invalidateQueries({ queryKey: ['plans'] })}
      />
    </section>
  );
}
