import { formatViDate } from '@pcmt/shared/dates';
import type { DeadlineState } from '@pcmt/shared/state/campaign';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';

const STATE_TEXT: Record<DeadlineState, MessageKey> = {
  met: 'deadlineMet',
  late: 'deadlineLate',
  missed: 'deadlineMissed',
  pending: 'deadlinePending',
};

/** The report deadlines of the phase as they stood on the date: a submission after it is not yet known. */
export function DeadlineList() {
  const { t } = useI18n();
  const { data, asOf } = useDashboard();
  const s = data.derived?.snapshot;
  const titles = new Map((data.detail.data?.deadlines ?? []).map((d) => [d.id, d.title]));
  if (!s || s.deadlines.length === 0) return null;
  return (
    <div className="deadlines" data-testid="deadline-list">
      <h3>
        {t('deadlines')} ({formatViDate(asOf)})
      </h3>
      <ul>
        {s.deadlines.map((d) => (
          <li
            key={d.id}
            className={`deadline-${d.state}`}
            data-testid={`deadline-${d.id}`}
            data-state={d.state}
          >
            {titles.get(d.id)} — {formatViDate(d.dueOn)}:{' '}
            <span className="state">
              {d.submittedOn ? `✓ ${formatViDate(d.submittedOn)}, ` : ''}
              {t(STATE_TEXT[d.state])}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
