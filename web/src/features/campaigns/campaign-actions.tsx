import { useState } from 'react';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { CampaignCopyForm, CampaignEditor } from './campaign-editor.tsx';
import type { SavedCampaign } from './draft.ts';

/** The commander's entry to campaign authoring: a new campaign, or a copy of the one shown. */
export function CampaignActions() {
  const f = useFormText();
  const { can, data } = useDashboard();
  const [open, setOpen] = useState<'new' | 'copy' | 'edit' | null>(null);
  if (!can('campaign.write')) return null;
  if (open === 'new') return <CampaignEditor onClose={() => setOpen(null)} />;
  if (open === 'copy') return <CampaignCopyForm onClose={() => setOpen(null)} />;
  // The editor opens on the campaign's full record (phases, quotas, deadlines with their versions).
  const saved = data.detail.data;
  if (open === 'edit' && saved && saved.id === data.campaign?.id)
    return (
      <CampaignEditor
        key={`${saved.id}@${saved.version}`}
        existing={saved as unknown as SavedCampaign}
        onClose={() => setOpen(null)}
      />
    );
  return (
    <div className="campaign-actions">
      <button type="button" data-testid="campaign-new" onClick={() => setOpen('new')}>
        + {f.newCampaign}
      </button>
      {data.campaign && saved && (
        <>
          <button type="button" data-testid="campaign-edit-open" onClick={() => setOpen('edit')}>
            {f.editCampaign}
          </button>
          <button type="button" data-testid="campaign-copy-open" onClick={() => setOpen('copy')}>
            {f.copyCampaign}
          </button>
        </>
      )}
    </div>
  );
}
