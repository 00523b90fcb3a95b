/**
 * A border unit's own crossings are read once the full map has drawn, so that the service worker keeps their
 * details (log, seizures, profile), the charts' code and the fonts of the counterpart's names: offline, at a post, a
 * crossing never opened online still opens whole.
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
      if (own.length === 0) return;
      // The code of the crossing's seizure charts, and the counterpart's script with the pieces of its fonts the
      // kept names use (the Chinese font is cut by unicode-range): offline, the profile and the charts show whole.
      await import('../../components/plot-lib.ts').catch(() => undefined);
      await import('./local-script.css').catch(() => undefined);
      const names = own.flatMap((c) => [c.counterpartGateLocal, c.counterpartProvinceLocal]);
      const text = names.filter(Boolean).join('');
      if (text && typeof document !== 'undefined' && document.fonts)
        await Promise.all(
          ['Noto Sans SC', 'Noto Sans Lao'].map((family) =>
            document.fonts.load(`16px "${family}"`, text).catch(() => undefined),
          ),
        );
      for (const c of own) {
        if (stopped) return;
        // Not again on each return of the link: what was read in the last ten minutes stands.
        await client
          .prefetchQuery({ ...crossingQuery(c.id), staleTime: 10 * 60_000 })
          .catch(() => undefined);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [ready, offline, agency, crossings.data, client]);
}
