import { useState } from 'react';
import { useFormText } from '../../i18n/use-form-text.ts';
import { listHref, type ListName } from '../../lib/list-href.ts';

const LISTS: ListName[] = ['hotspots', 'quotas', 'deadlines', 'events', 'plans', 'tasks'];

/** Downloads one of the view's lists as Excel, as it stands on the date shown. */
export function ListLinks({
  campaignId,
  phaseId,
  asOf,
}: {
  campaignId: string;
  phaseId: string | null;
  asOf: string | null;
}) {
  const f = useFormText();
  const [list, setList] = useState<ListName>('hotspots');
  return (
    <div className="report-links" data-testid="list-links">
      <span>{f.lists}:</span>
      <select
        value={list}
        onChange={(e) => setList(e.target.value as ListName)}
        aria-label={f.lists}
        data-testid="list-select"
      >
        {LISTS.map((l) => (
          <option key={l} value={l}>
            {f.listNames[l]}
          </option>
        ))}
      </select>
      <a href={listHref(campaignId, list, phaseId, asOf)} download data-testid="list-xlsx">
        Excel
      </a>
    </div>
  );
}
