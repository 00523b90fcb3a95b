/** TanStack Query options per resource, with hierarchical keys. Server data lives only here. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './api.ts';

export const provincesQuery = () =>
  queryOptions({
    queryKey: ['provinces'],
    queryFn: () => unwrap(api.provinces.$get({ query: {} })),
    staleTime: Infinity,
  });

export const campaignsQuery = (province: string) =>
  queryOptions({
    queryKey: ['campaigns', province],
    queryFn: () => unwrap(api.campaigns.$get({ query: { province } })),
    staleTime: 60_000,
  });

/** A campaign with every quota entry and deadline: the client derives any date's figures from it. */
export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: ['campaigns', 'detail', id],
    queryFn: () => unwrap(api.campaigns[':id'].$get({ param: { id }, query: {} })),
  });

/** `v`: the province's unitsVersion (from /api/provinces): a past day's answer under it is kept a year. */
export const unitsQuery = (
  province: string,
  level: 'commune' | 'district' | 'province' | 'village',
  asOf: string,
  v?: string,
) =>
  queryOptions({
    queryKey: ['units', province, level, asOf, v],
    queryFn: () => unwrap(api.units.$get({ query: { province, level, asOf, v } })),
    staleTime: 60_000,
  });

export const hotspotsQuery = (province: string, asOf: string, since: string) =>
  queryOptions({
    queryKey: ['hotspots', province, asOf, since],
    queryFn: () => unwrap(api.hotspots.$get({ query: { province, asOf, since } })),
  });

export const crossingsQuery = () =>
  queryOptions({
    queryKey: ['crossings'],
    queryFn: () => unwrap(api.crossings.$get({ query: {} })),
    staleTime: Infinity,
  });
export const bordersQuery = () =>
  queryOptions({
    queryKey: ['borders'],
    queryFn: () => unwrap(api.borders.$get()),
    staleTime: Infinity,
  });
export const routesQuery = () =>
  queryOptions({
    queryKey: ['routes'],
    queryFn: () => unwrap(api.routes.$get({ query: {} })),
    staleTime: Infinity,
  });
/** Under its version (from /api/auth/me) the basemap is kept by the browser for a year. */
export const basemapQuery = (version: string | undefined) =>
  queryOptions({
    queryKey: ['basemap', version],
    queryFn: () => unwrap(api.basemap.$get({ query: { v: version } })) as Promise<unknown>,
    staleTime: Infinity,
    enabled: !!version,
  });
export const unitQuery = (id: string) =>
  queryOptions({
    queryKey: ['units', 'detail', id],
    queryFn: () => unwrap(api.units[':id'].$get({ param: { id } })),
  });
export const metaQuery = () =>
  queryOptions({ queryKey: ['meta'], queryFn: () => unwrap(api.meta.$get()), staleTime: Infinity });

export const meQuery = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: () => unwrap(api.auth.me.$get()),
    retry: false,
    staleTime: 60_000,
  });
export const crossingQuery = (id: string) =>
  queryOptions({
    queryKey: ['crossings', 'detail', id],
    queryFn: () => unwrap(api.crossings[':id'].$get({ param: { id } })),
  });
/** A plan's criteria history (with evidence files) and its steps toward recognition. */
export const planHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: ['plans', 'history', id],
    queryFn: () => unwrap(api.plans[':id'].history.$get({ param: { id } })),
  });
export const plansQuery = () =>
  queryOptions({ queryKey: ['plans'], queryFn: () => unwrap(api.plans.$get({ query: {} })) });
export const auditQuery = (page: number, outcome = '', action = '') =>
  queryOptions({
    queryKey: ['audit', page, outcome, action],
    queryFn: () =>
      unwrap(
        api.audit.$get({
          query: {
            page: String(page),
            pageSize: '15',
            ...(outcome ? { outcome: outcome as 'ok' } : {}),
            ...(action ? { action } : {}),
          },
        }),
      ),
  });
export const usersQuery = () =>
  queryOptions({ queryKey: ['users'], queryFn: () => unwrap(api.users.$get()) });
export const assessmentsQuery = (province: string) =>
  queryOptions({
    queryKey: ['assessments', province],
    queryFn: () => unwrap(api.assessments.$get({ query: { province } })),
    staleTime: 60_000,
  });
export const agenciesQuery = () =>
  queryOptions({
    queryKey: ['agencies'],
    queryFn: () => unwrap(api.agencies.$get()),
    staleTime: 300_000,
  });

/** Every period's figures of a province's communes (both eras); the panel picks the ones in force. */
export const figuresQuery = (province: string) =>
  queryOptions({
    queryKey: ['figures', province],
    queryFn: () => unwrap(api.figures.$get({ query: { province } })),
    staleTime: 60_000,
  });

/** Each border-guard station's stretch of the province's border (data pipeline; changes with a new import). */
export const sectorsQuery = (province: string) =>
  queryOptions({
    queryKey: ['border', 'sectors', province],
    queryFn: () => unwrap(api.border.sectors.$get({ query: { province } })),
    staleTime: Infinity,
  });
/** Every alert of the province with its dates; the panel shows their state on the dashboard's date. */
export const alertsQuery = (province: string) =>
  queryOptions({
    queryKey: ['border', 'alerts', province],
    queryFn: () => unwrap(api.border.alerts.$get({ query: { province } })),
    staleTime: 30_000,
  });
export const borderRuleQuery = (province: string) =>
  queryOptions({
    queryKey: ['border', 'rule', province],
    queryFn: () => unwrap(api.border.rule.$get({ query: { province } })),
    staleTime: 300_000,
  });

/** Every coordination event of the province (with follow-ups and minutes' names): the plan's targets read them. */
export const provinceEventsQuery = (province: string) =>
  queryOptions({
    queryKey: ['events', province],
    queryFn: async () =>
      (await unwrap(api.events.$get({ query: {} }))).filter((e) => e.provinceSlug === province),
    staleTime: 60_000,
  });
/** One page of the coordination history. */
export const registryQuery = (q: {
  province: string;
  /** One gate's timeline; the province's when absent. */
  crossing?: string;
  kind?: string;
  level?: string;
  from?: string;
  to?: string;
  page: number;
}) =>
  queryOptions({
    queryKey: ['coordination', q],
    queryFn: () =>
      unwrap(
        api.coordination.$get({
          query: {
            province: q.province,
            ...(q.crossing ? { crossing: q.crossing } : {}),
            ...(q.kind ? { kind: q.kind as 'meeting' } : {}),
            ...(q.level ? { level: q.level as 'gate' } : {}),
            ...(q.from ? { from: q.from } : {}),
            ...(q.to ? { to: q.to } : {}),
            page: String(q.page),
            pageSize: '10',
          },
        }),
      ),
    placeholderData: (prev) => prev,
  });
