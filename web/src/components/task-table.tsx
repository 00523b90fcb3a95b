/**
 * A plan's tasks as the "4 rõ" table (rõ người, rõ việc, rõ trách nhiệm, rõ thời hạn), as Thanh Hóa 2023 lays it
 * out: the task, its target or time, the lead agency, the co-ordinating agencies, the position answerable (never a
 * name), the deadline and the state on the date; overdue ones stand out. Filtered by agency, state and deadline;
 * the planner adds tasks and marks them done (versioned).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { existsDuring, formatViDate } from '@pcmt/shared/dates';
import { ApiErrorNote } from './api-error-note.tsx';
import { DateField } from './date-field.tsx';
import { useTaskText } from '../i18n/task-messages.ts';
import { api, unwrap } from '../lib/api.ts';
import { agenciesQuery } from '../lib/queries.ts';
import { useDashboard } from '../lib/dashboard-context.ts';

export interface TaskRow {
  id: string;
  title: string;
  target: string;
  responsiblePosition: string;
  leadAgencyId: string | null;
  coAgencyIds: string[];
  dueOn: string;
  /** The plan names no time for it: the deadline is assumed. */
  dueAssumed?: boolean;
  status: string;
  version: number;
  doneOnDate: boolean;
  overdue: boolean;
}

type StateFilter = '' | 'open' | 'done' | 'overdue';
/** Whose tasks: a unit's plan, or a campaign's programme itself. */
export type TaskOwner = { plan: string } | { campaign: string };

/** After a task is written: the plans and the campaign details that carry tasks are read again. */
const refresh = (client: ReturnType<typeof useQueryClient>) => {
  void client.invalidateQueries({ queryKey: ['plans'] });
  void client.invalidateQueries({ queryKey: ['campaigns', 'detail'] });
};

export function TaskTable({
  owner,
  province,
  tasks,
  editable,
  title,
}: {
  owner: TaskOwner;
  province: string | null;
  tasks: TaskRow[];
  editable: boolean;
  /** Set (even empty) when an outer heading names the table: it then has no heading of its own. */
  title?: string;
}) {
  const x = useTaskText();
  const client = useQueryClient();
  const agencies = useQuery(agenciesQuery());
  const mine = useMemo(
    () =>
      (agencies.data ?? [])
        .filter((a) => !province || a.provinceSlug === province)
        // In Vietnamese order (Hà before Hoằng, Đ after D), not by code point.
        .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [agencies.data, province],
  );
  const name = (id: string | null) => (id ? (mine.find((a) => a.id === id)?.name ?? id) : '');
  // Thanh Hóa 2023's table names no position: the column shows only where a task names one.
  const withPosition = tasks.length === 0 || tasks.some((t) => t.responsiblePosition);
  // A new task is written today: the agencies that exist today (a district's police ended with the district).
  const today = useDashboard().me.today;
  const current = mine.filter((a) => existsDuring(a, { startsOn: today, endsOn: today }));
  const [agency, setAgency] = useState('');
  const [state, setState] = useState<StateFilter>('');
  const [dueBy, setDueBy] = useState<string | null>(null);
  const shown = tasks.filter(
    (t) =>
      (!agency || t.leadAgencyId === agency || t.coAgencyIds.includes(agency)) &&
      (!state ||
        (state === 'done' ? t.doneOnDate : state === 'overdue' ? t.overdue : !t.doneOnDate)) &&
      (!dueBy || t.dueOn <= dueBy),
  );
  const done = useMutation({
    mutationFn: (t: TaskRow) =>
      unwrap(
        api.tasks[':id'].$patch({
          param: { id: t.id },
          json: { status: t.status === 'done' ? 'open' : 'done', version: t.version },
        }),
      ),
    onSettled: () => refresh(client),
  });
  return (
    <div className="tasks" data-testid={'plan' in owner ? 'plan-tasks' : 'campaign-tasks'}>
      {title === undefined && (
        <h4>
          {x.title}{' '}
          <span className="muted">
            ({tasks.filter((t) => t.overdue).length} {x.overdueCount})
          </span>
        </h4>
      )}
      {tasks.length > 0 && (
        <div className="task-filters">
          <select
            value={agency}
            onChange={(e) => setAgency(e.target.value)}
            aria-label={x.agency}
            data-testid="task-filter-agency"
          >
            <option value="">{x.allAgencies}</option>
            {mine.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <select
            value={state}
            onChange={(e) => setState(e.target.value as StateFilter)}
            aria-label={x.state}
            data-testid="task-filter-state"
          >
            <option value="">{x.allStates}</option>
            <option value="open">{x.open}</option>
            <option value="overdue">{x.overdue}</option>
            <option value="done">{x.done}</option>
          </select>
          <DateField label={x.dueBy} value={dueBy} onChange={setDueBy} />
        </div>
      )}
      <div className="table-scroll">
        <table className="task-table" data-testid="task-table">
          <thead>
            <tr>
              <th>{x.task}</th>
              <th>{x.lead}</th>
              {withPosition && <th>{x.position}</th>}
              <th>{x.deadline}</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={4} className="muted" data-testid="tasks-empty">
                  {tasks.length === 0 ? x.none : x.noneMatch}
                </td>
              </tr>
            )}
            {shown.map((t) => (
              <tr
                key={t.id}
                className={t.overdue ? 'overdue' : t.doneOnDate ? 'done' : undefined}
                data-testid="task-row"
                data-overdue={t.overdue}
              >
                <td>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={t.doneOnDate}
                      disabled={!editable || done.isPending}
                      onChange={() => done.mutate(t)}
                      aria-label={x.markDone}
                    />
                    <span>
                      {t.title}
                      {t.target && <span className="muted"> · {t.target}</span>}
                    </span>
                  </label>
                </td>
                <td>
                  {name(t.leadAgencyId)}
                  {t.coAgencyIds.length > 0 && (
                    <div className="muted small">
                      {x.co}: {t.coAgencyIds.map(name).join('; ')}
                    </div>
                  )}
                </td>
                {withPosition && <td>{t.responsiblePosition}</td>}
                <td>
                  {formatViDate(t.dueOn)}
                  {t.dueAssumed && (
                    <>
                      {' '}
                      <span
                        className="tag-assumed"
                        title={x.assumedTitle}
                        data-testid="due-assumed"
                      >
                        {x.assumed}
                      </span>
                    </>
                  )}
                  {t.overdue && <div className="overdue-tag">{x.overdue}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && <TaskForm owner={owner} agencies={current} />}
      <ApiErrorNote error={done.error} onReload={() => refresh(client)} />
    </div>
  );
}

function TaskForm({
  owner,
  agencies,
}: {
  owner: TaskOwner;
  agencies: { id: string; name: string }[];
}) {
  const x = useTaskText();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState('');
  const [lead, setLead] = useState('');
  const [co, setCo] = useState<string[]>([]);
  const [position, setPosition] = useState('');
  const [dueOn, setDue] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => {
      const json = {
        title,
        target,
        responsiblePosition: position,
        leadAgencyId: lead || null,
        coAgencyIds: co,
        dueOn: dueOn ?? '',
      };
      return unwrap(
        'plan' in owner
          ? api.plans[':id'].tasks.$post({ param: { id: owner.plan }, json })
          : api.campaigns[':id'].tasks.$post({ param: { id: owner.campaign }, json }),
      );
    },
    onSuccess: () => {
      setTitle('');
      setTarget('');
      setCo([]);
      refresh(client);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="task-form">
      <h4>{x.add}</h4>
      <input
        placeholder={x.task}
        aria-label={x.task}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={500}
        data-testid="task-title"
      />
      <input
        placeholder={x.target}
        aria-label={x.target}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        maxLength={500}
      />
      <label>
        {x.lead}
        <select value={lead} onChange={(e) => setLead(e.target.value)} data-testid="task-lead">
          <option value="">—</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {x.co}
        <select
          multiple
          value={co}
          onChange={(e) => setCo([...e.target.selectedOptions].map((o) => o.value).slice(0, 20))}
          size={4}
          data-testid="task-co"
        >
          {agencies
            .filter((a) => a.id !== lead)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </label>
      <input
        placeholder={x.positionHint}
        aria-label={x.position}
        value={position}
        onChange={(e) => setPosition(e.target.value)}
        maxLength={200}
        data-testid="task-position"
      />
      <DateField label={x.deadline} value={dueOn} onChange={setDue} required testId="task-due" />
      <ApiErrorNote error={add.error} />
      <button type="submit" className="primary" disabled={add.isPending} data-testid="task-save">
        {x.save}
      </button>
    </form>
  );
}
