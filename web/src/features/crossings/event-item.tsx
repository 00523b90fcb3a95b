/**
 * One coordination event as the log and the history show it: day, kind (a meeting's level), both sides, outcome,
 * quantity, follow-ups with their state on the date shown (overdue ones flagged), a drawn track and the minutes.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import { EVENT_QUANTITY_UNITS, type EventKind, type MeetingLevel } from '@pcmt/shared/domain';
import {
  EVENT_LABELS,
  FOLLOW_UP_STATE_LABELS,
  MEETING_LEVEL_LABELS,
  QUANTITY_UNIT_LABELS,
} from '@pcmt/shared/labels';
import { followUpOn } from '@pcmt/shared/state/coordination';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useEventText } from '../../i18n/event-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { api, unwrap } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { MinuteUpload } from './minute-upload.tsx';

export interface EventView {
  id: string;
  kind: string;
  level: string | null;
  occurredOn: string;
  summary: string;
  outcome: string;
  counterpart: string;
  counterpartUnits: string[];
  quantity: number | null;
  track: unknown;
  crossingName?: string | null;
  followUps: { id: string; text: string; dueOn: string; doneOn: string | null; version: number }[];
  attachments: { id: string; fileName: string; sizeBytes: number }[];
}

export function EventItem({
  event: e,
  asOf,
  canAct,
}: {
  event: EventView;
  /** Follow-ups read as of this day. */
  asOf: string;
  /** The event is at a crossing of the user's unit: its follow-ups may be marked done. */
  canAct: boolean;
}) {
  const { lang, num } = useI18n();
  const t = useEventText();
  const { me } = useDashboard();
  const unit = EVENT_QUANTITY_UNITS[e.kind as EventKind];
  return (
    <li className="event-item" data-testid={`event-${e.id}`}>
      <div>
        <b>{formatViDate(e.occurredOn)}</b> {EVENT_LABELS[lang][e.kind as EventKind] ?? e.kind}
        {e.level && (
          <span className="muted"> · {MEETING_LEVEL_LABELS[lang][e.level as MeetingLevel]}</span>
        )}
        {e.crossingName && <span className="muted"> · {e.crossingName}</span>}
      </div>
      <div>{e.summary}</div>
      <div className="muted">
        {t.theirUnits}: {e.counterpartUnits.length ? e.counterpartUnits.join('; ') : e.counterpart}
        {unit && e.quantity !== null && ` · ${num(e.quantity)} ${QUANTITY_UNIT_LABELS[lang][unit]}`}
        {e.track ? ` · ${t.trackDrawn}` : ''}
      </div>
      {e.outcome && (
        <div>
          {t.outcome}: {e.outcome}
        </div>
      )}
      {e.followUps.length > 0 && (
        <ul className="follow-up-list">
          {e.followUps.map((f) => (
            <FollowUpRow key={f.id} f={f} asOf={asOf} canAct={canAct && asOf === me.today} />
          ))}
        </ul>
      )}
      {e.attachments.length > 0 && (
        <div className="minutes">
          {t.minutes}:{' '}
          {e.attachments.map((a) => (
            <a
              key={a.id}
              href={`/api/events/${e.id}/attachments/${a.id}`}
              download={a.fileName}
              data-testid="minute-link"
            >
              {a.fileName} ({num(Math.ceil(a.sizeBytes / 1024))} KB)
            </a>
          ))}
        </div>
      )}
      {canAct && <MinuteUpload eventId={e.id} />}
    </li>
  );
}

function FollowUpRow({
  f,
  asOf,
  canAct,
}: {
  f: EventView['followUps'][number];
  asOf: string;
  canAct: boolean;
}) {
  const { lang } = useI18n();
  const t = useEventText();
  const { me } = useDashboard();
  const client = useQueryClient();
  const state = followUpOn(f, asOf);
  const done = useMutation({
    mutationFn: () =>
      unwrap(
        api['follow-ups'][':id'].$patch({
          param: { id: f.id },
          json: { doneOn: me.today, version: f.version },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['crossings', 'detail'] });
      void client.invalidateQueries({ queryKey: ['coordination'] });
    },
  });
  return (
    <li className={`follow-up ${state}`} data-testid={`follow-up-${f.id}`}>
      <span className={`follow-up-state ${state}`}>{FOLLOW_UP_STATE_LABELS[lang][state]}</span>{' '}
      {f.text} · {t.dueOn} {formatViDate(f.dueOn)}
      {state === 'done' && f.doneOn && ` (${formatViDate(f.doneOn)})`}
      {canAct && state !== 'done' && (
        <button
          type="button"
          className="link"
          onClick={() => done.mutate()}
          disabled={done.isPending}
        >
          {t.markDone}
        </button>
      )}
      <ApiErrorNote error={done.error} />
    </li>
  );
}
