import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import { DEFAULT_AGE_LIMIT_MONTHS } from '@pcmt/shared/state/hotspots';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';

/** The commander sets how long a complex point and a complex cluster may live before they are overdue. */
export function AgeLimitsForm({
  campaignId,
  version,
  limits,
  own,
  assumed,
}: {
  campaignId: string;
  version: number;
  /** The limits in force: the campaign's own, else the shared default. */
  limits: Record<string, number>;
  own: Record<string, number>;
  assumed: boolean;
}) {
  const f = useFormText();
  const { t } = useI18n();
  const client = useQueryClient();
  const [point, setPoint] = useState(
    String(limits.complex_point ?? DEFAULT_AGE_LIMIT_MONTHS.complex_point),
  );
  const [cluster, setCluster] = useState(
    String(limits.complex_cluster ?? DEFAULT_AGE_LIMIT_MONTHS.complex_cluster),
  );
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.campaigns[':id'].$patch({
          param: { id: campaignId },
          json: {
            ageLimitsMonths: {
              ...own,
              complex_point: Number(point),
              complex_cluster: Number(cluster),
            },
            version,
          },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="age-limits-form">
      <h4>{f.ageLimits}</h4>
      {assumed && (
        <p className="muted assumed" data-testid="age-limits-assumed">
          {t('assumedDefault')}
        </p>
      )}
      <div className="row">
        <label>
          {f.complexPoint}{' '}
          <input
            type="number"
            min={1}
            max={36}
            value={point}
            onChange={(e) => setPoint(e.target.value)}
          />
        </label>
        <label>
          {f.complexCluster}{' '}
          <input
            type="number"
            min={1}
            max={36}
            value={cluster}
            onChange={(e) => setCluster(e.target.value)}
          />
        </label>
      </div>
      <ApiErrorNote
        error={save.error}
        onReload={() => void client.invalidateQueries({ queryKey: ['campaigns'] })}
      />
      <button type="submit" className="primary" disabled={save.isPending}>
        {f.save}
      </button>
    </form>
  );
}
