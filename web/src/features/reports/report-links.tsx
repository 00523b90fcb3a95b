import { useState } from 'react';
import { DEADLINE_KIND_LABELS } from '@pcmt/shared/labels';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

type Kind = 'one_month' | 'phase' | 'final' | 'six_month' | 'quarter' | 'yearly';
/** The periodic reports a plan may ask for besides the phase and final ones (its deadlines say which). */
const PERIODIC = ['six_month', 'quarter', 'yearly'] as const;

/** Downloads the periodic report of the chosen campaign, phase and date as Word or Excel. */
export function ReportLinks({
  campaignId,
  phaseId,
  asOf,
  deadlineKinds = [],
}: {
  campaignId: string;
  phaseId: string | null;
  /** The kinds of the campaign's report deadlines: a six-month, quarterly or yearly one adds its report. */
  deadlineKinds?: readonly string[];
  /** The date picked on the slider: the report is then as of that day, like the screen. */
  asOf: string | null;
}) {
  const f = useFormText();
  const { lang } = useI18n();
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
      <select
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
        aria-label={f.report}
        data-testid="report-kind"
      >
        <option value="one_month">{f.reportOneMonth}</option>
        <option value="phase">{f.reportPhase}</option>
        <option value="final">{f.reportFinal}</option>
        {PERIODIC.filter((k) => deadlineKinds.includes(k)).map((k) => (
          <option key={k} value={k}>
            {DEADLINE_KIND_LABELS[lang][k]}
          </option>
        ))}
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
