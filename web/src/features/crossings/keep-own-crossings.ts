/**
 * A border unit's own crossings are read once the full map has drawn, so that the service worker keeps their
 * details (log, seizures, profile): offline, at a post, a crossing never opened online still opens with its log.
 * One after the other, after the map: on a slow link they never compete with the first load.
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useConnectivity } from '../../lib/connectivity.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { crossingQuery, crossingsQuery } from '../../lib/queries.ts';

export function useKeepOwnCrossings(ready: boolean) {
  const { me, can } = useDashboard();
  const client = useQueryClient();
  const crossings = useQuery(crossingsQuery());
  const { offline } = useConnectivity();
  const agency = can('event.write') ? me.agencyId : null;
  useEffect(() => {
    if (!ready || offline || !agency || !crossings.data) return;
    const own = crossings.data.features
      .map((f) => f.properties)
      .filter((c) => c.responsibleAgencyId === agency || c.partnerAgencyIds.includes(agency));
    let stopped = false;
    void (async () => {
      // The counterpart's script rules too, so that the kept profiles show the local names offline.
      if (own.length > 0) await import('./local-script.css').catch(() => undefined);
      for (const c of own) {
        if (stopped) return;
        await client.prefetchQuery(crossingQuery(c.id)).catch(() => undefined);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [ready, offline, agency, crossings.data, client]);
}
