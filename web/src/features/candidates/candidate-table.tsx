/** The ranked candidates: a tick to choose, the reasons in words, a pin and, for pinned ones, up and down. */
import type { Candidate } from '@pcmt/shared/state/candidates';
import { useCandidateText } from '../../i18n/candidate-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import type { CandidateRow } from './use-candidate-facts.ts';
import { reasonText } from './reason-text.ts';

const SHOWN = 40;

export function CandidateTable({
  rows,
  total,
}: {
  rows: (Candidate & CandidateRow)[];
  total: number;
}) {
  const x = useCandidateText();
  const { lang, num } = useI18n();
  const { view, setView } = useDashboard();
  const chosen = new Set(view.cand);
  const toggle = (id: string, on: boolean) =>
    setView({ cand: on ? [...view.cand, id] : view.cand.filter((c) => c !== id) }, 'replace');
  const pin = (id: string, on: boolean) =>
    setView({ pin: on ? [...view.pin, id] : view.pin.filter((p) => p !== id) }, 'replace');
  const move = (id: string, by: -1 | 1) => {
    const i = view.pin.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= view.pin.length) return;
    const next = [...view.pin];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setView({ pin: next }, 'replace');
  };
  return (
    <div className="candidate-table-wrap">
      <p className="muted" data-testid="shown-count">
        {num(total)} {view.clevel === 'village' ? x.shownVillages : x.shown}
      </p>
      <table className="candidate-table" data-testid="candidate-table">
        <thead>
          <tr>
            <th>{x.rank}</th>
            <th />
            <th>{view.clevel === 'village' ? x.village : x.commune}</th>
            <th className="num">{x.criteria}</th>
            <th>{x.reasons}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((c, i) => (
            <tr
              key={c.id}
              data-testid={`candidate-${c.id}`}
              data-chosen={chosen.has(c.id)}
              className={chosen.has(c.id) ? 'chosen' : undefined}
            >
              <td className="num">{i + 1}</td>
              <td>
                <input
                  type="checkbox"
                  checked={chosen.has(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                  aria-label={c.name}
                />
              </td>
              <td>
                <button type="button" className="link" onClick={() => setView({ selected: c.id })}>
                  {c.name}
                </button>
                <div className="muted small">
                  {[
                    c.population !== null ? `${num(c.population)} ${x.people}` : '',
                    c.inPlan ? x.inPlan : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </td>
              <td className="num">{c.criteriaMet === null ? '–' : `${c.criteriaMet.length}/8`}</td>
              <td className="reasons" data-testid="candidate-reasons">
                {c.reasons.map((r) => reasonText(r, lang)).join('; ')}
              </td>
              <td className="pin-cell">
                <button
                  type="button"
                  className={c.pinned ? 'pinned' : undefined}
                  aria-pressed={c.pinned}
                  title={c.pinned ? x.unpin : x.pin}
                  aria-label={c.pinned ? x.unpin : x.pin}
                  onClick={() => pin(c.id, !c.pinned)}
                  data-testid="pin"
                >
                  {c.pinned ? '★' : '☆'}
                </button>
                {c.pinned && (
                  <>
                    <button
                      type="button"
                      aria-label={x.up}
                      onClick={() => move(c.id, -1)}
                      data-testid="pin-up"
                    >
                      ▲
                    </button>
                    <button type="button" aria-label={x.down} onClick={() => move(c.id, 1)}>
                      ▼
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > SHOWN && (
        <p className="muted">
          + {num(total - SHOWN)} {view.clevel === 'village' ? x.moreVillages : x.more}
        </p>
      )}
    </div>
  );
}
