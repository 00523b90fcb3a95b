import { useState } from 'react';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { CampaignCopyForm, CampaignEditor } from './campaign-editor.tsx';

/** The commander's entry to campaign authoring: a new campaign, or a copy of the one shown. */
export function CampaignActions() {
  const f = useFormText();
  const { can, data } = useDashboard();
  const [open, setOpen] = useState<'new' | 'copy' | null>(null);
  if (!can('campaign.write')) return null;
  if (open === 'new') return <CampaignEditor onClose={() => setOpen(null)} />;
  if (open === 'copy') return <CampaignCopyForm onClose={() => setOpen(null)} />;
  return (
    <div className="campaign-actions">
      <button type="button" data-testid="campaign-new" onClick={() => setOpen('new')}>
        + {f.newCampaign}
      </button>
      {data.campaign && (
        <button type="button" data-testid="campaign-copy-open" onClick={() => setOpen('copy')}>
          {f.copyCampaign}
        </button>
      )}
    </div>
  );
}
