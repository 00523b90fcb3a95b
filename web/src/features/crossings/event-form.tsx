/**
 * Logs a coordination event at a crossing of the officer's own unit: its kind (a meeting with its level), the day,
 * both sides' units, what was done and what came of it, the quantity its kind counts, follow-ups with their own
 * deadlines, a joint patrol's track drawn on the map, and the minute as a PDF (5 MB at most).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import {
  EVENT_KINDS,
  EVENT_QUANTITY_UNITS,
  meetingLevelsFor,
  type EventKind,
  type MeetingLevel,
} from '@pcmt/shared/domain';
import { EVENT_LABELS, MEETING_LEVEL_LABELS, QUANTITY_UNIT_LABELS } from '@pcmt/shared/labels';
import { ATTACHMENT_MAX_BYTES, PDF_MIME } from '@pcmt/shared/uploads';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { DateField } from '../../components/date-field.tsx';
import { useEventText } from '../../i18n/event-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { api, postFile, unwrap } from '../../lib/api.ts';
import { QueuedOffline } from '../../lib/connectivity.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';

type FollowUp = { text: string; dueOn: string | null };

export function EventForm({
  crossingId,
  counterpart,
  asOf,
  border,
  provinceSlug,
}: {
  crossingId: string;
  counterpart: string;
  asOf: string;
  /** The crossing's border and province: the meeting levels offered are theirs. */
  border: string;
  provinceSlug: string;
}) {
  const { lang } = useI18n();
  const e = useEventText();
  const { me, drawLine, cancelDrawing } = useDashboard();
  const client = useQueryClient();
  const [kind, setKind] = useState<EventKind>('meeting');
  const [level, setLevel] = useState<MeetingLevel>('gate');
  const [occurredOn, setDate] = useState(me.today);
  const [units, setUnits] = useState('');
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [quantity, setQuantity] = useState('');
  const [followUps, setFollowUps] = useState<FollowUp[]>([]);
  const [track, setTrack] = useState<[number, number][] | null>(null);
  const [drawing, setDrawing] = useState<'no' | 'loading' | 'on'>('no');
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after a save (its chosen file cannot be cleared otherwise).
  const [fileKey, setFileKey] = useState(0);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  // Leaving the form while drawing gives the map its clicks back (the latest model's cancel, on unmount only).
  const cancel = useRef(cancelDrawing);
  cancel.current = cancelDrawing;
  useEffect(() => () => cancel.current(), []);
  const [saved, setSaved] = useState<{ on: string; warnings: string[]; file: boolean } | null>(
    null,
  );
  const unit = EVENT_QUANTITY_UNITS[kind];
  const reset = () => {
    setSummary('');
    setOutcome('');
    setQuantity('');
    setUnits('');
    setFollowUps([]);
    setTrack(null);
    setFile(null);
    setFileKey((k) => k + 1);
  };
  const save = useMutation({
    mutationFn: async () => {
      const event = await unwrap(
        api.events.$post({
          json: {
            kind,
            level: kind === 'meeting' ? level : null,
            occurredOn,
            crossingId,
            counterpart,
            counterpartUnits: units
              .split(/[;\n]/)
              .map((u) => u.trim())
              .filter(Boolean),
            summary,
            outcome,
            quantity: unit && quantity !== '' ? Number(quantity) : null,
            track:
              kind === 'joint_patrol' && track ? { type: 'LineString', coordinates: track } : null,
            followUps: followUps.map((f) => ({ text: f.text, dueOn: f.dueOn ?? '' })),
          },
        }),
      );
      // The event is stored: a minute that fails to upload is reported, the event is not sent again.
      let fileError: unknown = null;
      if (file)
        await postFile(`/api/events/${event.id}/attachments`, file, PDF_MIME, {
          'X-File-Name': encodeURIComponent(file.name),
        }).catch((err: unknown) => (fileError = err));
      return { ...event, fileError };
    },
    // Queued offline, the event is as good as sent: the form is emptied so it is not sent twice.
    onError: (err) => {
      if (!(err instanceof QueuedOffline)) return;
      if (file) setFileProblem(e.fileNotQueued);
      reset();
    },
    onSuccess: (ev) => {
      setSaved({ on: ev.occurredOn, warnings: ev.warnings, file: !!file && !ev.fileError });
      setFileError(ev.fileError);
      reset();
      void client.invalidateQueries({ queryKey: ['crossings', 'detail', crossingId] });
      void client.invalidateQueries({ queryKey: ['coordination'] });
      void client.invalidateQueries({ queryKey: ['events'] });
    },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    save.mutate();
  };
  const pickFile = (f: File | null) => {
    setFileProblem(null);
    setFile(null);
    if (f && f.type && f.type !== PDF_MIME) return setFileProblem(e.notPdf);
    if (f && f.size > ATTACHMENT_MAX_BYTES) return setFileProblem(e.tooBig);
    setFile(f);
  };
  const draw = async () => {
    setDrawing('loading');
    try {
      const line = await drawLine(() => setDrawing('on'));
      if (line) setTrack(line);
    } finally {
      setDrawing('no');
    }
  };
  return (
    <form className="mini-form event-form" onSubmit={submit} data-testid="event-form">
      <h4>{e.title}</h4>
      {saved && (
        <div role="status" data-testid="event-saved">
          <p className="ok-text">
            {e.saved} ({formatViDate(saved.on)}){saved.file ? ` · ${e.fileSaved}` : ''}
            {saved.on > asOf ? ` — ${e.laterHidden}` : ''}
          </p>
          {saved.warnings.map((w) => (
            <p key={w} className="warn-text" data-testid="event-warning">
              {e.warning}: {w}
            </p>
          ))}
        </div>
      )}
      <div className="row">
        <select
          value={kind}
          onChange={(x) => setKind(x.target.value as EventKind)}
          aria-label={e.kind}
          data-testid="event-kind"
        >
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {EVENT_LABELS[lang][k]}
            </option>
          ))}
        </select>
        <DateField
          label={e.date}
          value={occurredOn || null}
          onChange={(v) => setDate(v ?? '')}
          testId="event-date"
        />
      </div>
      {kind === 'meeting' && (
        <label>
          {e.level}
          <select
            value={level}
            onChange={(x) => setLevel(x.target.value as MeetingLevel)}
            data-testid="event-level"
          >
            {meetingLevelsFor(border, provinceSlug).map((l) => (
              <option key={l} value={l}>
                {MEETING_LEVEL_LABELS[lang][l]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {e.counterpartUnits}
        <input
          value={units}
          onChange={(x) => setUnits(x.target.value)}
          placeholder={e.counterpartUnitsHint}
          maxLength={2000}
          data-testid="event-units"
        />
      </label>
      <textarea
        placeholder={e.summary}
        aria-label={e.summary}
        value={summary}
        onChange={(x) => setSummary(x.target.value)}
        required
        maxLength={4000}
        rows={2}
        data-testid="event-summary"
      />
      <textarea
        placeholder={e.outcome}
        aria-label={e.outcome}
        value={outcome}
        onChange={(x) => setOutcome(x.target.value)}
        maxLength={4000}
        rows={2}
        data-testid="event-outcome"
      />
      {unit && (
        <label>
          {e.quantity} ({QUANTITY_UNIT_LABELS[lang][unit]})
          <input
            type="number"
            min={0}
            step="any"
            value={quantity}
            onChange={(x) => setQuantity(x.target.value)}
            data-testid="event-quantity"
          />
        </label>
      )}
      {kind === 'joint_patrol' && (
        <div className="track" data-testid="event-track">
          {drawing !== 'no' ? (
            <>
              <p className="muted" data-testid={drawing === 'on' ? 'draw-hint' : undefined}>
                {drawing === 'on' ? e.drawHint : e.loadingDraw}
              </p>
              <button type="button" onClick={cancelDrawing}>
                {e.cancel}
              </button>
            </>
          ) : (
            <>
              {track && (
                <p data-testid="track-drawn">
                  {e.trackDrawn}: {track.length} {e.vertices}
                </p>
              )}
              <button type="button" onClick={() => void draw()} data-testid="track-draw">
                {track ? e.redraw : e.draw}
              </button>
              {track && (
                <button type="button" onClick={() => setTrack(null)}>
                  {e.removeTrack}
                </button>
              )}
            </>
          )}
        </div>
      )}
      <fieldset className="follow-ups">
        <legend>{e.followUps}</legend>
        {followUps.map((f, i) => (
          <div className="row" key={i} data-testid={`follow-up-${i}`}>
            <input
              value={f.text}
              onChange={(x) =>
                setFollowUps(
                  followUps.map((g, j) => (j === i ? { ...g, text: x.target.value } : g)),
                )
              }
              placeholder={e.followUpText}
              aria-label={e.followUpText}
              required
              maxLength={500}
            />
            <DateField
              label={e.dueOn}
              value={f.dueOn}
              testId={`follow-up-due-${i}`}
              required
              onChange={(v) =>
                setFollowUps(followUps.map((g, j) => (j === i ? { ...g, dueOn: v } : g)))
              }
            />
            <button
              type="button"
              aria-label={e.remove}
              onClick={() => setFollowUps(followUps.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setFollowUps([...followUps, { text: '', dueOn: null }])}
          data-testid="follow-up-add"
        >
          + {e.addFollowUp}
        </button>
      </fieldset>
      <label>
        {e.minute}
        <input
          key={fileKey}
          type="file"
          accept={PDF_MIME}
          onChange={(x) => pickFile(x.target.files?.[0] ?? null)}
          data-testid="event-file"
        />
      </label>
      {fileProblem && <p className="warn-text">{fileProblem}</p>}
      {fileError !== null && (
        <div data-testid="file-error">
          <p className="warn-text">{e.fileFailed}</p>
          <ApiErrorNote error={fileError} />
        </div>
      )}
      <ApiErrorNote error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending || drawing !== 'no'}>
        {e.save}
      </button>
    </form>
  );
}
