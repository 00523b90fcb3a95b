/**
 * Everything the dashboard shows for the chosen province, campaign, phase and date. Geometry is fetched
 * once per era, tier histories once per province and hotspots once per campaign; moving the date only
 * recomputes statuses and tiers on the client with the shared rules.
 */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { vietnamDay } from '@pcmt/shared/dates';
import { TIERS, type HotspotKind, type HotspotStatus, type Tier } from '@pcmt/shared/domain';
import { hotspotStatusOn, isOverdue, spanContaining, tierChange, tierOn } from '@pcmt/shared/rules';
import * as Q from '../lib/queries.ts';
import type { ViewState } from './url-state.ts';

const min = (a: string, b: string) => (a < b ? a : b);

export function useViewData(view: ViewState) {
  const today = vietnamDay(new Date());
  const provinces = useQuery(Q.provincesQuery());
  const campaigns = useQuery(Q.campaignsQuery(view.province));
  const campaign = campaigns.data?.find((c) => c.id === view.campaign) ?? campaigns.data?.[0];
  const lastDay = campaign ? min(campaign.endsOn, today) : today;
  const date =
    view.date && campaign && view.date >= campaign.startsOn && view.date <= lastDay
      ? view.date
      : null;
  const phase = date
    ? spanContaining(campaign?.phases ?? [], date)
    : (campaign?.phases.find((p) => p.id === view.phase) ??
      campaign?.phases.find((p) => p.ordinal === 1) ??
      campaign?.phases[0]);
  // A phase that has not ended yet is shown as it stands today, not as of its planned end.
  const asOf = date ?? min(phase?.endsOn ?? campaign?.endsOn ?? today, today);
  const since = phase?.startsOn ?? asOf;

  const era = provinces.data?.find(
    (p) =>
      p.slug === view.province && p.validFrom <= asOf && (p.validTo === null || asOf < p.validTo),
  );
  const eraDate = era?.validFrom ?? asOf;
  const communes = useQuery({
    ...Q.unitsQuery(view.province, 'commune', eraDate),
    placeholderData: keepPreviousData,
  });
  const districts = useQuery(Q.unitsQuery(view.province, 'district', eraDate));
  const outline = useQuery(Q.unitsQuery(view.province, 'province', eraDate));
  const history = useQuery(Q.assessmentsQuery(view.province));
  const windowStart = campaign?.startsOn ?? asOf;
  const hotspots = useQuery({
    ...Q.hotspotsQuery(view.province, lastDay, min(windowStart, since)),
    placeholderData: keepPreviousData,
  });
  const detail = useQuery({
    ...Q.campaignQuery(campaign?.id ?? '', asOf),
    enabled: !!campaign,
    placeholderData: keepPreviousData,
  });

  const byUnit = useMemo(() => {
    const m = new Map<string, { assessedOn: string; tier: Tier }[]>();
    for (const a of history.data ?? [])
      m.set(a.unitId, [
        ...(m.get(a.unitId) ?? []),
        { assessedOn: a.assessedOn, tier: a.tier as Tier },
      ]);
    return m;
  }, [history.data]);

  const units = useMemo(() => {
    if (!communes.data) return null;
    const start = campaign?.startsOn ?? asOf;
    const features = communes.data.features.map((f) => {
      const list = byUnit.get(f.id) ?? [];
      const tier = history.data ? tierOn(list, asOf) : f.properties.tier;
      const startTier = tierOn(list, start);
      const last = list.filter((a) => a.assessedOn <= asOf).at(-1);
      return {
        ...f,
        properties: {
          ...f.properties,
          tier,
          startTier,
          assessedOn: last?.assessedOn ?? null,
          regressed: tierChange(startTier, tier) === -1,
        },
      };
    });
    return { ...communes.data, features };
  }, [communes.data, byUnit, history.data, asOf, campaign?.startsOn]);

  const spots = useMemo(() => {
    if (!hotspots.data) return null;
    const limits = campaign?.ageLimitsMonths as Partial<Record<HotspotKind, number>> | undefined;
    const features = hotspots.data.features
      .filter(
        (f) =>
          f.properties.identifiedOn <= asOf &&
          (f.properties.eliminatedOn === null || f.properties.eliminatedOn >= since),
      )
      .map((f) => {
        const h = {
          ...f.properties,
          eliminatedOn:
            f.properties.eliminatedOn && f.properties.eliminatedOn <= asOf
              ? f.properties.eliminatedOn
              : null,
        };
        const status = hotspotStatusOn(h, asOf) as HotspotStatus;
        return {
          ...f,
          properties: {
            ...h,
            status,
            overdue: isOverdue({ ...h, kind: h.kind as HotspotKind }, asOf, limits),
          },
        };
      });
    return { ...hotspots.data, features };
  }, [hotspots.data, asOf, since, campaign?.ageLimitsMonths]);

  // Narrowing: an explicit focus (district or commune), else the commune selected on the map.
  const focusId = view.focus ?? (view.selected?.startsWith('com-') ? view.selected : null);
  const focused = useMemo(() => {
    if (!units || !focusId) return null;
    return new Set(
      units.features
        .filter((f) => f.id === focusId || f.properties.parentId === focusId)
        .map((f) => f.id),
    );
  }, [units, focusId]);
  const shownUnits = useMemo(
    () =>
      units && focused
        ? {
            ...units,
            features: units.features.map((f) => ({
              ...f,
              properties: { ...f.properties, dim: !focused.has(f.id) },
            })),
          }
        : units,
    [units, focused],
  );
  const focusedSpots = useMemo(
    () =>
      spots && focused
        ? { ...spots, features: spots.features.filter((f) => focused.has(f.properties.unitId)) }
        : spots,
    [spots, focused],
  );
  const shownSpots = useMemo(
    () =>
      focusedSpots && view.show
        ? {
            ...focusedSpots,
            features: focusedSpots.features.filter((f) =>
              view.show === 'overdue' ? f.properties.overdue : f.properties.status === view.show,
            ),
          }
        : focusedSpots,
    [focusedSpots, view.show],
  );

  const counts = useMemo(() => {
    const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
    const startTiers = { ...tiers };
    for (const f of units?.features ?? []) {
      if (focused && !focused.has(f.id)) continue;
      tiers[f.properties.tier]++;
      startTiers[f.properties.startTier]++;
    }
    const status: Record<HotspotStatus, number> = { active: 0, re_emerged: 0, eliminated: 0 };
    for (const f of focusedSpots?.features ?? []) status[f.properties.status]++;
    // Progress against the plans' own objectives: eliminate every hotspot of the phase, none re-emerging.
    const inPhase = (focusedSpots?.features ?? []).filter((f) => f.properties.identifiedOn <= asOf);
    const eliminatedInPhase = inPhase.filter(
      (f) => f.properties.eliminatedOn !== null && f.properties.eliminatedOn >= since,
    ).length;
    const reEmergedInPhase = inPhase.filter(
      (f) => f.properties.reEmergedFromId && f.properties.identifiedOn >= since,
    ).length;
    return {
      objectives: {
        eliminated: eliminatedInPhase,
        toEliminate: inPhase.length,
        reEmerged: reEmergedInPhase,
      },
      tiers,
      startTiers,
      status,
      overdue: (focusedSpots?.features ?? []).filter((f) => f.properties.overdue).length,
      communes: focused?.size ?? units?.features.length ?? 0,
    };
  }, [units, focusedSpots, focused, asOf, since]);

  return {
    provinces,
    campaigns,
    campaign,
    phase,
    date,
    asOf,
    since,
    lastDay,
    units,
    shownUnits,
    districts,
    outline,
    spots: focusedSpots,
    shownSpots,
    detail,
    counts,
    focusId,
  };
}
