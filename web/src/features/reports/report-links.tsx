import { useState } from 'react';
import { useFormText } from '../../i18n/use-form-text.ts';

type Kind = 'one_month' | 'phase' | 'final';

/** Downloads the periodic report of the chosen campaign, phase and date as Word or Excel. */
export function ReportLinks({
  campaignId,
  phaseId,
  asOf,
}: {
  campaignId: string;
  phaseId: string | null;
  /** The date picked on the slider: the report is then as of that day, like the screen. */
  asOf: string | null;
}) {
  const f = useFormText();
  const [kind, setKind] = useState<Kind>('phase');
  const href = (format: 'docx' | 'xlsx') => {
    const q = new URLSearchParams({ kind, format });
    if (phaseId) q.set('phase', phaseId);
    if (asOf) q.set('asOf', asOf);
    return `/api/campaigns/${encodeURIComponent(campaignId)}/report?${q.toString()}`;
  };
  return (
    <div className="report-links" data-testid="report-links">
      <span>{f.report}:</span>
      <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label={f.report}>
        <option value="one_month">{f.reportOneMonth}</option>
        <option value="phase">{f.reportPhase}</option>
        <option value="final">{f.reportFinal}</option>
      </select>
      <a href={href('docx')} download data-testid="report-docx">
        Word
      </a>
      <a href={href('xlsx')} download data-testid="report-xlsx">
        Excel
      </a>
    </div>
  );
}
