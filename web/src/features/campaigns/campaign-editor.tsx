import { useState, type FormEvent } from 'react';
import { formatViDate } from '@pcmt/shared/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DateField } from '../../components/date-field.tsx';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useFormText } from '../../i18n/use-form-text.ts';
import { api, unwrap } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import {
  emptyDraft,
  fromCampaign,
  toEditInput,
  toInput,
  type CampaignDraft,
  type SavedCampaign,
} from './draft.ts';
import { PhaseRows } from './phase-rows.tsx';
import { DeadlineRows, QuotaRows } from './quota-deadline-rows.tsx';

/**
 * The commander writes a new campaign (its document, dates, phases with objectives and targets, quotas,
 * deadlines), or edits a saved one as a whole: saved rows keep their id and version and cannot be removed,
 * new ones are added, and the server writes it all in one transaction.
 */
export function CampaignEditor({
  onClose,
  existing,
}: {
  onClose(): void;
  existing?: SavedCampaign;
}) {
  const f = useFormText();
  const client = useQueryClient();
  const { view, setView, data } = useDashboard();
  const [d, setDraft] = useState<CampaignDraft>(() =>
    existing ? fromCampaign(existing) : emptyDraft(data.campaign?.issuingBody ?? ''),
  );
  const set = (patch: Partial<CampaignDraft>) => setDraft((x) => ({ ...x, ...patch }));
  const districts = (data.districts.data?.features ?? []).map((x) => ({
    id: x.id,
    name: x.properties.name,
  }));
  const save = useMutation({
    mutationFn: async (): Promise<{ id: string }> =>
      d.id
        ? ((await unwrap(
            api.campaigns[':id'].$put({ param: { id: d.id }, json: toEditInput(d) }),
          )) as unknown as { id: string })
        : unwrap(api.campaigns.$post({ json: toInput(d) })),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      await client.invalidateQueries({ queryKey: ['hotspots'] });
      setView({ campaign: c.id, phase: null, date: null, selected: null });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const text = (key: 'name' | 'documentNumber' | 'issuingBody' | 'reportTo', label: string) => (
    <label>
      <span>{label}</span>
      <input
        value={d[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        data-testid={`campaign-${key}`}
      />
    </label>
  );
  return (
    <form className="mini-form campaign-editor" onSubmit={submit} data-testid="campaign-editor">
      <h4>{d.id ? f.editCampaign : f.newCampaign}</h4>
      {text('name', f.campaignName)}
      {text('documentNumber', f.documentNumber)}
      {text('issuingBody', f.issuingBody)}
      {text('reportTo', f.reportTo)}
      <div className="row">
        <DateField
          label={f.issuedOn}
          value={d.issuedOn}
          onChange={(issuedOn) => set({ issuedOn })}
          testId="campaign-issued"
        />
      </div>
      <div className="row">
        <DateField
          label={f.campaignStart}
          value={d.startsOn}
          onChange={(startsOn) => set({ startsOn })}
          testId="campaign-start"
        />
        <DateField
          label={f.campaignEnd}
          value={d.endsOn}
          onChange={(endsOn) => set({ endsOn })}
          testId="campaign-end"
        />
      </div>
      <PhaseRows phases={d.phases} onChange={(phases) => set({ phases })} />
      <QuotaRows
        province={view.province}
        phases={d.phases}
        quotas={d.quotas}
        onChange={(quotas) => set({ quotas })}
        districts={districts}
      />
      <DeadlineRows
        phases={d.phases}
        deadlines={d.deadlines}
        onChange={(deadlines) => set({ deadlines })}
      />
      <fieldset className="editor-group">
        <legend>{f.ageLimits}</legend>
        <div className="row">
          <label>
            <span>{f.complexPoint}</span>
            <input
              inputMode="numeric"
              placeholder="3"
              value={d.pointMonths}
              onChange={(e) => set({ pointMonths: e.target.value })}
            />
          </label>
          <label>
            <span>{f.complexCluster}</span>
            <input
              inputMode="numeric"
              placeholder="6"
              value={d.clusterMonths}
              onChange={(e) => set({ clusterMonths: e.target.value })}
            />
          </label>
        </div>
      </fieldset>
      <ApiErrorNote error={save.error} />
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={save.isPending}
          data-testid="campaign-save"
        >
          {d.id ? f.saveChanges : f.createCampaign}
        </button>
        <button type="button" onClick={onClose}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}

/** A copy of the campaign shown as the start of a new one, moved to a new start date. */
export function CampaignCopyForm({ onClose }: { onClose(): void }) {
  const f = useFormText();
  const client = useQueryClient();
  const { setView, data } = useDashboard();
  const [name, setName] = useState(data.campaign ? `${data.campaign.name} (bản sao)` : '');
  const [startsOn, setStart] = useState<string | null>(null);
  const copy = useMutation({
    mutationFn: () =>
      unwrap(
        api.campaigns[':id'].copy.$post({
          param: { id: data.campaign!.id },
          json: { name, startsOn: startsOn ?? '', documentNumber: '' },
        }),
      ),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      setView({ campaign: c.id, phase: null, date: null, selected: null });
      // Quotas of districts abolished before the new dates were left out: say which before closing.
      if (c.skippedQuotas.length === 0) onClose();
    },
  });
  const skipped = copy.data?.skippedQuotas ?? [];
  if (skipped.length > 0)
    return (
      <div className="mini-form" role="status" data-testid="copy-skipped">
        <h4>{f.copyDone}</h4>
        <p>{f.copySkipped.replace('{n}', String(skipped.length))}</p>
        <ul>
          {skipped.map((q) => (
            <li key={`${q.unitId}-${q.label}`}>
              {q.label} — {q.unitName}
              {q.validTo ? ` (${f.abolishedOn} ${formatViDate(q.validTo)})` : ''}
            </li>
          ))}
        </ul>
        <button type="button" className="primary" onClick={onClose}>
          {f.closeNotice}
        </button>
      </div>
    );
  if (!data.campaign) return null;
  return (
    <form
      className="mini-form"
      data-testid="campaign-copy"
      onSubmit={(e) => (e.preventDefault(), copy.mutate())}
    >
      <h4>{f.copyCampaign}</h4>
      <p className="muted">{f.copyNote}</p>
      <label>
        <span>{f.copyName}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <DateField label={f.copyStart} value={startsOn} onChange={setStart} testId="copy-start" />
      <ApiErrorNote error={copy.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={copy.isPending}>
          {f.save}
        </button>
        <button type="button" onClick={onClose}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
