/**
 * Makes a transformation plan toward drug-free for each chosen commune not yet in a plan, in the campaign shown, due
 * at the end of its year in the what-if pace order (the planner edits each plan afterwards in the commune panel).
 * One request per commune: one refused (another planner made it meanwhile, 409) does not stop the others.
 */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { yearsByPace, type Candidate } from '@pcmt/shared/state/candidates';
import { api, ApiError, unwrap } from '../../lib/api.ts';
import { useCandidateText } from '../../i18n/candidate-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import type { CandidateRow } from './use-candidate-facts.ts';
import type { Pace } from './what-if.tsx';

export function MakePlans({ chosen, pace }: { chosen: (Candidate & CandidateRow)[]; pace: Pace }) {
  const x = useCandidateText();
  const { num } = useI18n();
  const { data, can, view } = useDashboard();
  const client = useQueryClient();
  const [result, setResult] = useState<{ made: number; refused: string[] } | null>(null);
  const todo = chosen.filter((c) => !c.planNow);
  // Each plan is due at the end of its commune's year in the what-if's pace, easy first.
  const years = yearsByPace(
    chosen.map((c) => c.id),
    pace.perYear,
    pace.firstYear,
  );
  const campaign = data.campaign;
  const make = useMutation({
    mutationFn: async () => {
      let made = 0;
      const refused: string[] = [];
      for (const c of todo) {
        try {
          await unwrap(
            api.plans.$post({
              json: {
                unitId: c.id,
                targetTier: 'drug_free',
                targetDate: `${years.get(c.id)!}-12-31`,
                campaignId: campaign!.id,
              },
            }),
          );
          made++;
        } catch (err) {
          refused.push(err instanceof ApiError ? `${c.id}: ${err.message}` : c.id);
        }
      }
      return { made, refused };
    },
    onSuccess: (r) => setResult(r),
    onSettled: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
  if (!can('plan.write') || chosen.length === 0) return null;
  if (!campaign) return <p className="muted">{x.noCampaign}</p>;
  return (
    <div className="make-plans">
      <button
        type="button"
        className="primary"
        disabled={make.isPending || todo.length === 0}
        onClick={() => make.mutate()}
        data-testid="make-plans"
      >
        {x.planFor} {num(todo.length)} {view.clevel === 'village' ? x.villages : x.communes}
      </button>
      {result && (
        <p
          role="status"
          data-testid="plans-made"
          data-made={result.made}
          className={result.refused.length ? 'warn-text' : 'ok-text'}
        >
          {x.planned}: {num(result.made)}
          {result.refused.length > 0 &&
            ` · ${num(result.refused.length)} ${x.refused} (${result.refused.join('; ')})`}
        </p>
      )}
    </div>
  );
}
