/**
 * The border belt of the province: the stations' stretches (the user's own first), the border communes with the
 * filter that keeps only them, the province's rule (the commander edits it) and the alerts near the border on the
 * dashboard's date, which the station whose stretch an alert faces acknowledges and resolves.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TOUCH_TOLERANCE_M } from '@pcmt/shared/border-rules';
import { formatViDate } from '@pcmt/shared/dates';
import type { HotspotKind } from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import { alertOn, alertsOn, type AlertState } from '@pcmt/shared/state/alerts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useBorderText } from '../../i18n/border-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { api, unwrap } from '../../lib/api.ts';
import { QueuedOffline } from '../../lib/connectivity.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { alertsQuery, borderRuleQuery, crossingsQuery, sectorsQuery } from '../../lib/queries.ts';

type Alert = Awaited<ReturnType<ReturnType<typeof alertsQuery>['queryFn'] & {}>>[number];

export function BorderPanel() {
  const { me, view, setView, data, can } = useDashboard();
  const b = useBorderText();
  const { num } = useI18n();
  const sectors = useQuery(sectorsQuery(view.province));
  const rule = useQuery(borderRuleQuery(view.province));
  const crossings = useQuery(crossingsQuery());
  const [editing, setEditing] = useState(false);
  if (sectors.isError) return <ApiErrorNote error={sectors.error} />;
  if (rule.isError) return <ApiErrorNote error={rule.error} />;
  if (!sectors.data || sectors.data.features.length === 0 || !rule.data) return null;
  const stretches = [...sectors.data.features].sort(
    (x, y) =>
      Number(y.properties.stationAgencyId === me.agencyId) -
      Number(x.properties.stationAgencyId === me.agencyId),
  );
  const communes = data.communes.data?.features ?? [];
  const beltCount = data.beltIds.size;
  const gatesOf = (station: string) =>
    (crossings.data?.features ?? []).filter((c) => c.properties.responsibleAgencyId === station)
      .length;
  const km = (m: number) => num(Math.round(m / 100) / 10);
  return (
    <section className="border-panel" data-testid="border-panel" aria-label={b.title}>
      <h3>{b.title}</h3>
      <ul className="stretches" data-testid="border-stretches">
        {stretches.map((s) => {
          const own = s.properties.stationAgencyId === me.agencyId;
          return (
            <li
              key={s.id}
              className={own ? 'own' : ''}
              data-testid={own ? 'own-stretch' : undefined}
            >
              <span className="sector-swatch" />
              <span>
                {own && <b>{b.ownStretch}: </b>}
                {s.properties.stationName}
                <span className="muted">
                  {' '}
                  · {num(s.properties.lengthKm)} {b.km} · {gatesOf(s.properties.stationAgencyId)}{' '}
                  {b.crossings}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      <p data-testid="belt-count">
        <span className="belt-swatch" /> <b>{num(beltCount)}</b> {b.belt.toLowerCase()} {b.beltOf}{' '}
        {num(communes.length)} {b.communes}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={view.belt}
          onChange={(e) => setView({ belt: e.target.checked }, 'replace')}
          data-testid="belt-only"
        />
        {b.beltOnly}
      </label>
      <p className="muted rule" data-testid="border-rule">
        {b.belt}: {b.beltRule.toLowerCase()} (±{num(TOUCH_TOLERANCE_M)} m)
        {rule.data.beltM > 0 && ` ${b.beltRuleWithin} ${km(rule.data.beltM)} km`}.{' '}
        {rule.data.alertWithinM > 0
          ? `${b.alertRule} ${km(rule.data.alertWithinM)} km.`
          : b.alertsOff}{' '}
        {rule.data.isDefault && b.defaults}
        {can('border.configure') && me.provinceSlug === view.province && !editing && (
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {b.editRule}
          </button>
        )}
      </p>
      {editing && <RuleForm rule={rule.data} onDone={() => setEditing(false)} />}
      <AlertList />
    </section>
  );
}

function RuleForm({
  rule,
  onDone,
}: {
  rule: { province: string; beltM: number; alertWithinM: number; version: number };
  onDone(): void;
}) {
  const b = useBorderText();
  const client = useQueryClient();
  const [beltKm, setBelt] = useState(String(rule.beltM / 1000));
  const [alertKm, setAlert] = useState(String(rule.alertWithinM / 1000));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.border.rule.$put({
          json: {
            beltM: Math.round(Number(beltKm) * 1000),
            alertWithinM: Math.round(Number(alertKm) * 1000),
            version: rule.version,
          },
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(borderRuleQuery(rule.province).queryKey, saved);
      onDone();
    },
    // Someone changed the rule meanwhile (412): read it again, so the next save is based on it.
    onError: () =>
      void client.invalidateQueries({ queryKey: borderRuleQuery(rule.province).queryKey }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="border-rule-form">
      <KmField label={b.beltKm} value={beltKm} onChange={setBelt} />
      <KmField label={b.alertKm} value={alertKm} onChange={setAlert} />
      <p className="muted">{b.ruleNote}</p>
      <ApiErrorNote error={save.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {b.save}
        </button>
        <button type="button" onClick={onDone}>
          {b.cancel}
        </button>
      </div>
    </form>
  );
}

/** A distance typed in kilometres, up to the 100 km a rule may reach. */
function KmField(p: { label: string; value: string; onChange(v: string): void }) {
  return (
    <label>
      {p.label}
      <input
        type="number"
        min={0}
        max={100}
        step={0.1}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        required
      />
    </label>
  );
}

/**
 * The alerts on a day: the dashboard's date (as every dated list), or today, where a border officer's list opens
 * since it is the one they act on; when the date shown is in the past the other day is one click away.
 */
function AlertList() {
  const { me, view, asOf } = useDashboard();
  const b = useBorderText();
  const alerts = useQuery(alertsQuery(view.province));
  const [showResolved, setShowResolved] = useState(false);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [onToday, setOnToday] = useState(me.role === 'border_unit');
  if (alerts.isError) return <ApiErrorNote error={alerts.error} />;
  const past = asOf < me.today;
  const day = past && onToday ? me.today : asOf;
  const standing = alertsOn(alerts.data ?? [], day);
  const resolved = standing.filter((a) => a.state === 'resolved');
  const shown = showResolved ? standing : standing.filter((a) => a.state !== 'resolved');
  const open = standing.filter((a) => a.state === 'open').length;
  return (
    <div className="alerts" data-testid="border-alerts">
      <h4 data-testid="alerts-day">
        {b.alerts} {formatViDate(day)}
        {day === me.today && past && ` (${b.today})`}
        {open > 0 && (
          <span className="alert-count" data-testid="open-alerts">
            {open} {b.open.toLowerCase()}
          </span>
        )}
      </h4>
      {past && (
        <button
          type="button"
          className="link"
          onClick={() => setOnToday(!onToday)}
          data-testid="alerts-day-toggle"
        >
          {onToday
            ? `${b.onDateShown} (${formatViDate(asOf)})`
            : `${b.upToToday} (${formatViDate(me.today)})`}
        </button>
      )}
      {alerts.isPending && <p className="muted">{b.loading}</p>}
      {alerts.isSuccess && shown.length === 0 && <p className="muted">{b.noAlerts}</p>}
      <ul>
        {shown.slice(0, 30).map((a) => (
          <AlertRow
            key={a.id}
            alert={a}
            state={a.state}
            expanded={expanded === a.id}
            onToggle={() => setExpanded(expanded === a.id ? null : a.id)}
          />
        ))}
      </ul>
      {shown.length > 30 && (
        <p className="muted" data-testid="alerts-more">
          + {shown.length - 30} {b.more}
        </p>
      )}
      {resolved.length > 0 && (
        <button type="button" className="link" onClick={() => setShowResolved(!showResolved)}>
          {showResolved ? b.hideResolved : `${b.showResolved} (${resolved.length})`}
        </button>
      )}
    </div>
  );
}

function AlertRow({
  alert: a,
  state,
  expanded,
  onToggle,
}: {
  alert: Alert;
  state: AlertState;
  expanded: boolean;
  onToggle(): void;
}) {
  const { me, setView, can } = useDashboard();
  const { lang, num } = useI18n();
  const b = useBorderText();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [queued, setQueued] = useState(false);
  const act = useMutation({
    mutationFn: (next: 'acknowledged' | 'resolved') =>
      unwrap(
        api.border.alerts[':id'].$patch({
          param: { id: a.id },
          json: { state: next, note, version: a.version },
        }),
      ),
    onError: (e) => e instanceof QueuedOffline && setQueued(true),
    onSuccess: () => {
      setNote('');
      void client.invalidateQueries({ queryKey: ['border', 'alerts'] });
    },
  });
  // As the server decides: a border unit's account, and the stretch of its station (any, for an alert facing none).
  const ownStretch = !!me.agencyId && (!a.stationAgencyId || a.stationAgencyId === me.agencyId);
  const mayAct = can('alert.write') && ownStretch;
  // Writes are dated today: act on the alert as it stands today, not on the day shown.
  const today = alertOn(a, me.today);
  return (
    <li className={`alert-row ${state}`} data-testid={`alert-${a.id}`}>
      <button type="button" className="alert-head" onClick={onToggle} aria-expanded={expanded}>
        <span className={`alert-state ${state}`}>{b[state]}</span>
        <span>
          {HOTSPOT_KIND_LABELS[lang][a.kind as HotspotKind]} · {a.unitName}
          <span className="muted">
            {' '}
            · {num(Math.round(a.distanceM / 100) / 10)} km {b.fromBorder} ·{' '}
            {formatViDate(a.raisedOn)}
          </span>
        </span>
      </button>
      {expanded && (
        <div className="alert-body">
          <p className="muted">
            {b.raised} {formatViDate(a.raisedOn)} · {b.station}: {a.stationName ?? b.noStation}
            {a.acknowledgedOn && ` · ${b.acknowledged} ${formatViDate(a.acknowledgedOn)}`}
            {a.resolvedOn && ` · ${b.resolved} ${formatViDate(a.resolvedOn)}`}
          </p>
          {a.note && <p>{a.note}</p>}
          <button type="button" className="link" onClick={() => setView({ selected: a.hotspotId })}>
            {b.showOnMap}
          </button>
          {can('alert.write') && !ownStretch && <p className="muted">{b.otherStation}</p>}
          {mayAct && today !== 'resolved' && today !== state && <p className="muted">{b.later}</p>}
          {mayAct && today !== 'resolved' && today === state && !queued && (
            <div className="mini-form">
              <textarea
                placeholder={b.notePlaceholder}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={2000}
                rows={2}
              />
              <ApiErrorNote error={act.error} />
              <div className="row">
                {today === 'open' && (
                  <button
                    type="button"
                    className="primary"
                    disabled={act.isPending}
                    onClick={() => act.mutate('acknowledged')}
                    data-testid="alert-acknowledge"
                  >
                    {b.acknowledge}
                  </button>
                )}
                <button
                  type="button"
                  disabled={act.isPending}
                  onClick={() => act.mutate('resolved')}
                  data-testid="alert-resolve"
                >
                  {b.resolve}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
      {expanded && queued && <ApiErrorNote error={act.error} />}
    </li>
  );
}
