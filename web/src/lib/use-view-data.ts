/**
 * Everything the dashboard shows for the chosen province, campaign, phase and date. Geometry is fetched once
 * per era, tier histories once per province, hotspots and the campaign's records once per campaign; moving
 * the date only re-derives the figures on the client with the shared module (`view-model.ts`).
 */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DEFAULT_BORDER_RULE, isBorderCommune } from '@pcmt/shared/border-rules';
import { viewWindow } from '@pcmt/shared/state/window';
import * as Q from './queries.ts';
import type { ViewState } from './url-state.ts';
import { deriveView } from './view-model.ts';

/** `today` is the server's day (from /api/auth/me), so screen and API cap dates alike. */
export function useViewData(view: ViewState, today: string) {
  const provinces = useQuery(Q.provincesQuery());
  const campaigns = useQuery(Q.campaignsQuery(view.province));
  const campaign = campaigns.data?.find((c) => c.id === view.campaign) ?? campaigns.data?.[0];
  // The window needs no server data beyond the campaign: the era of the geometry follows its as-of date.
  const window = useMemo(
    () => (campaign ? viewWindow(campaign, today, { phaseId: view.phase, date: view.date }) : null),
    [campaign, today, view.phase, view.date],
  );
  const asOfGuess = window?.asOf ?? today;
  const firstDay = window?.firstDay ?? today;
  const lastDay = window?.lastDay ?? today;
  const era = provinces.data?.find(
    (p) =>
      p.slug === view.province &&
      p.validFrom <= asOfGuess &&
      (p.validTo === null || asOfGuess < p.validTo),
  );
  const eraDate = era?.validFrom ?? asOfGuess;
  // Geometry is asked for once the era is known: a guess from today would fetch a province's communes of the
  // wrong era first, then again (a chain of three requests on a slow link).
  const eraKnown = provinces.isSuccess && campaigns.isSuccess;
  const communes = useQuery({
    ...Q.unitsQuery(view.province, 'commune', eraDate, era?.unitsVersion),
    placeholderData: keepPreviousData,
    enabled: eraKnown,
  });
  const districts = useQuery({
    ...Q.unitsQuery(view.province, 'district', eraDate, era?.unitsVersion),
    enabled: eraKnown,
  });
  const outline = useQuery({
    ...Q.unitsQuery(view.province, 'province', eraDate, era?.unitsVersion),
    enabled: eraKnown,
  });
  const history = useQuery(Q.assessmentsQuery(view.province));
  const hotspots = useQuery({
    ...Q.hotspotsQuery(view.province, lastDay, firstDay),
    placeholderData: keepPreviousData,
  });
  const detail = useQuery({
    ...Q.campaignQuery(campaign?.id ?? ''),
    enabled: !!campaign,
    placeholderData: keepPreviousData,
  });

  // Villages (a province may have none), each under its commune of the era: a selected village focuses its commune.
  const villages = useQuery({
    ...Q.unitsQuery(view.province, 'village', eraDate),
    enabled: eraKnown,
  });
  const villageParent = villages.data?.features.find((f) => f.id === view.selected)?.properties
    .parentId;
  const focusId =
    view.focus ?? (view.selected?.startsWith('com-') ? view.selected : (villageParent ?? null));
  // The border communes (xã biên giới) under the province's rule; the belt filter narrows the view to them.
  const rule = useQuery(Q.borderRuleQuery(view.province)).data ?? DEFAULT_BORDER_RULE;
  const beltIds = useMemo(
    () =>
      new Set(
        (communes.data?.features ?? [])
          .filter((f) => isBorderCommune(f.properties.borderDistanceM ?? null, rule))
          .map((f) => f.id),
      ),
    [communes.data, rule],
  );
  const keep = view.belt ? beltIds : null;
  const derived = useMemo(() => {
    if (!campaign || !communes.data || !history.data || !hotspots.data || !detail.data) return null;
    if (detail.data.id !== campaign.id) return null;
    return deriveView({
      today,
      campaign,
      choice: { phaseId: view.phase, date: view.date },
      communes: communes.data.features,
      assessments: history.data,
      hotspots: hotspots.data.features.map((f) => f.properties),
      detail: detail.data,
      focusId,
      keep,
    });
  }, [
    keep,
    campaign,
    communes.data,
    history.data,
    hotspots.data,
    detail.data,
    today,
    view.phase,
    view.date,
    focusId,
  ]);

  return {
    provinces,
    campaigns,
    campaign,
    communes,
    districts,
    outline,
    hotspots,
    detail,
    window,
    derived,
    focusId,
    beltIds,
    /** The first day of the era shown: geometry (and a village's commune) is asked for on it. */
    eraDate,
    villages,
    firstDay,
    lastDay,
    today,
  };
}
