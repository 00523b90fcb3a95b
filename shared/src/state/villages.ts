/**
 * A village's (thôn, bản, tổ dân phố) commune on a date. A village outlives a reform of communes: its row names the
 * commune it belonged to when it was recorded; from a reform's day it belongs to the commune its old commune went
 * into (the crosswalk). Where an old commune was split, the largest share is taken (the ambiguous cases of a split
 * are settled by an import's report, not here).
 */

export interface CrosswalkLink {
  fromUnitId: string;
  toUnitId: string;
  share: number;
  effectiveOn: string;
}

/** The commune of a village whose recorded commune is `parentId`, on `date` (ISO). */
export function parentOn(
  parentId: string | null,
  date: string,
  links: readonly CrosswalkLink[],
): string | null {
  let p = parentId;
  const seen = new Set<string>();
  while (p && !seen.has(p)) {
    seen.add(p);
    const from = p;
    const next = links
      .filter((l) => l.fromUnitId === from && l.effectiveOn <= date)
      .sort(
        (a, b) =>
          b.effectiveOn.localeCompare(a.effectiveOn) ||
          b.share - a.share ||
          a.toUnitId.localeCompare(b.toUnitId),
      )[0];
    if (!next) return p;
    p = next.toUnitId;
  }
  return p;
}
