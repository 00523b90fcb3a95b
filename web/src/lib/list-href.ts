/** The download address of a list of the view as .xlsx (server: services/list-exports.ts). */
export type ListName = 'hotspots' | 'quotas' | 'deadlines' | 'events' | 'plans' | 'tasks';

export function listHref(
  campaignId: string,
  list: ListName,
  phaseId: string | null,
  asOf: string | null,
) {
  const q = new URLSearchParams();
  if (phaseId) q.set('phase', phaseId);
  if (asOf) q.set('asOf', asOf);
  const query = q.toString();
  return `/api/campaigns/${encodeURIComponent(campaignId)}/lists/${list}${query ? `?${query}` : ''}`;
}
