/**
 * A border unit's own crossings are read once the full map has drawn, so that the service worker keeps their
 * details (log, seizures, profile), the charts' code and (off lite mode) the fonts of the counterpart's names:
 * offline, at a post, a crossing never opened online still opens whole.
 * One after the other, after the map: on a slow link they never compete with the first load.
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useConnectivity } from '../../lib/connectivity.ts';
import { useLite } from '../../lib/lite.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { crossingQuery, crossingsQuery } from '../../lib/queries.ts';

export function useKeepOwnCrossings(ready: boolean) {
  const { me, can } = useDashboard();
  const client = useQueryClient();
  const crossings = useQuery(crossingsQuery());
  const { offline } = useConnectivity();
  const lite = useLite().on;
  const agency = can('event.write') ? me.agencyId : null;
  useEffect(() => {
    if (!ready || offline || !agency || !crossings.data) return;
    const own = crossings.data.features
      .map((f) => f.properties)
      .filter((c) => c.responsibleAgencyId === agency || c.partnerAgencyIds.includes(agency));
    let stopped = false;
    void (async () => {
      if (own.length === 0) return;
      // The crossings first: their log, seizures and profile.
      for (const c of own) {
        if (stopped) return;
        // Not again on each return of the link: what was read in the last ten minutes stands.
        await client
          .prefetchQuery({ ...crossingQuery(c.id), staleTime: 10 * 60_000 })
          .catch(() => undefined);
      }
      // The code of their seizure charts (about 90 KB).
      if (stopped) return;
      await import('../../components/plot-lib.ts').catch(() => undefined);
      // The counterpart's script with the pieces of its fonts the kept names use (the Chinese font is cut by
      // unicode-range; about 150 KB with the rules), off lite mode only: on a slow link the names fall back to the
      // system's fonts offline (a Windows PC has Chinese ones), as lite mode promises fewer bytes.
      if (stopped || lite) return;
      await import('./local-script.css').catch(() => undefined);
      const names = own.flatMap((c) => [c.counterpartGateLocal, c.counterpartProvinceLocal]);
      const text = names.filter(Boolean).join('');
      if (text && typeof document !== 'undefined' && document.fonts)
        await Promise.all(
          ['Noto Sans SC', 'Noto Sans Lao'].map((family) =>
            document.fonts.load(`16px "${family}"`, text).catch(() => undefined),
          ),
        );
    })();
    return () => {
      stopped = true;
    };
  }, [ready, offline, agency, crossings.data, client, lite]);
}
