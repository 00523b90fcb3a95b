/**
 * A crossing's profile: its class and border, opening hours in Vietnam's time, the counterpart gate and province with
 * their names in Chinese or Lao script, and our units responsible there. Its own station edits it (versioned).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CrossingKind } from '@pcmt/shared/domain';
import { CROSSING_LABELS } from '@pcmt/shared/labels';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useCrossingText } from '../../i18n/crossing-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { api, unwrap } from '../../lib/api.ts';

export interface CrossingProfileView {
  id: string;
  kind: string;
  border: string;
  version: number;
  opensAt: string | null;
  closesAt: string | null;
  hoursNote: string;
  profileAssumed: boolean;
  counterpartGate: string | null;
  counterpartGateLocal: string | null;
  counterpartProvince: string;
  counterpartProvinceLocal: string | null;
  counterpartCountry: string;
  approximate: boolean;
  units: { id: string; name: string }[];
}

export function CrossingProfile({ c, canEdit }: { c: CrossingProfileView; canEdit: boolean }) {
  const { lang, t } = useI18n();
  const x = useCrossingText();
  const [editing, setEditing] = useState(false);
  // The counterpart's script (Noto Sans SC and Lao: 30 KB of @font-face rules, then the fonts) is asked for when a
  // crossing's profile is first shown, not with the panel; the service worker keeps it once used. Offline and never
  // loaded, the local names are drawn in the system's fonts.
  useEffect(() => void import('./local-script.css').catch(() => undefined), []);
  const assumed = c.profileAssumed && (
    <span className="tag-assumed" title={x.assumedTitle}>
      {x.assumed}
    </span>
  );
  const country = x.country[c.counterpartCountry as 'CN' | 'LA'] ?? c.counterpartCountry;
  const script = c.counterpartCountry === 'CN' ? 'zh-Hans' : 'lo';
  return (
    <div className="crossing-profile" data-testid="crossing-profile">
      <dl>
        <dt>{CROSSING_LABELS[lang][c.kind as CrossingKind]}</dt>
        <dd>
          {c.border}
          {c.approximate ? ` · ${t('approximate')}` : ''}
        </dd>
        <dt>{x.hours}</dt>
        <dd data-testid="crossing-hours">
          {c.opensAt && c.closesAt ? `${c.opensAt}–${c.closesAt} (${x.vnTime})` : x.noHours}
          {c.hoursNote && ` · ${c.hoursNote}`} {assumed}
        </dd>
        <dt>{x.counterpart}</dt>
        <dd data-testid="crossing-counterpart">
          {c.counterpartGate && (
            <>
              {c.counterpartGate}{' '}
              {c.counterpartGateLocal && (
                <span className="local-script" lang={script} data-testid="gate-local">
                  {c.counterpartGateLocal}
                </span>
              )}
              {' · '}
            </>
          )}
          {c.counterpartProvince}{' '}
          {c.counterpartProvinceLocal && (
            <span className="local-script" lang={script} data-testid="province-local">
              {c.counterpartProvinceLocal}
            </span>
          )}
          {' · '}
          {country}
        </dd>
        <dt>{x.units}</dt>
        <dd data-testid="crossing-units">{c.units.map((u) => u.name).join('; ')}</dd>
      </dl>
      {canEdit && !editing && (
        <button
          type="button"
          className="link"
          onClick={() => setEditing(true)}
          data-testid="crossing-edit-open"
        >
          {x.edit}
        </button>
      )}
      {editing && <ProfileForm c={c} onDone={() => setEditing(false)} />}
    </div>
  );
}

function ProfileForm({ c, onDone }: { c: CrossingProfileView; onDone(): void }) {
  const x = useCrossingText();
  const client = useQueryClient();
  const [opensAt, setOpens] = useState(c.opensAt ?? '');
  const [closesAt, setCloses] = useState(c.closesAt ?? '');
  const [hoursNote, setNote] = useState(c.hoursNote);
  const [gateLocal, setGateLocal] = useState(c.counterpartGateLocal ?? '');
  const [provinceLocal, setProvinceLocal] = useState(c.counterpartProvinceLocal ?? '');
  const [assumed, setAssumed] = useState(c.profileAssumed);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.crossings[':id'].$patch({
          param: { id: c.id },
          json: {
            opensAt: opensAt.trim() || null,
            closesAt: closesAt.trim() || null,
            hoursNote,
            counterpartGateLocal: gateLocal.trim() || null,
            counterpartProvinceLocal: provinceLocal.trim() || null,
            profileAssumed: assumed,
            version: c.version,
          },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['crossings'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const time = {
    pattern: '([01][0-9]|2[0-3]):[0-5][0-9]',
    placeholder: '07:00',
    inputMode: 'numeric' as const,
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="crossing-edit">
      <div className="row">
        <label>
          {x.opensAt}
          <input
            value={opensAt}
            onChange={(e) => setOpens(e.target.value)}
            {...time}
            data-testid="opens-at"
          />
        </label>
        <label>
          {x.closesAt}
          <input
            value={closesAt}
            onChange={(e) => setCloses(e.target.value)}
            {...time}
            data-testid="closes-at"
          />
        </label>
      </div>
      <label>
        {x.hoursNote}
        <input value={hoursNote} onChange={(e) => setNote(e.target.value)} maxLength={300} />
      </label>
      <label>
        {x.gateLocal}
        <input
          className="local-script"
          value={gateLocal}
          onChange={(e) => setGateLocal(e.target.value)}
          maxLength={200}
          data-testid="gate-local-input"
        />
      </label>
      <label>
        {x.provinceLocal}
        <input
          className="local-script"
          value={provinceLocal}
          onChange={(e) => setProvinceLocal(e.target.value)}
          maxLength={200}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={assumed} onChange={(e) => setAssumed(e.target.checked)} />{' '}
        {x.markAssumed}
      </label>
      <ApiErrorNote error={save.error} />
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={save.isPending}
          data-testid="crossing-edit-save"
        >
          {x.save}
        </button>
        <button type="button" onClick={onDone}>
          {x.cancel}
        </button>
      </div>
    </form>
  );
}
