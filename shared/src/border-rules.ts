/**
 * The border belt's rules, pure and without geometry (the web reads them; shared/src/border.ts measures the
 * distances): which commune is a border commune (xã biên giới) and which hotspot raises a border alert.
 */
import type { HotspotKind } from './domain.ts';

/**
 * A commune whose boundary comes this close to the line touches it. The province outlines and the border line come
 * from different sources (and a user's own boundaries from a third): 500 m absorbs their offset; the demo's
 * communes either touch within it or lie more than 900 m away.
 */
export const TOUCH_TOLERANCE_M = 500;

/** What a province sets for its border: the belt beyond the touching communes and the alert distance. */
export interface BorderRule {
  /** Communes within this distance of the line are border communes too (0: only those touching it). */
  beltM: number;
  /** A hotspot recorded this close to the line raises an alert (0: no alerts). */
  alertWithinM: number;
}

/** When a province has set nothing: only touching communes, and alerts within 5 km. */
export const DEFAULT_BORDER_RULE: BorderRule = { beltM: 0, alertWithinM: 5000 };

/** A border commune touches the line or lies within the province's belt. */
export const isBorderCommune = (distanceM: number | null, rule: BorderRule) =>
  distanceM !== null && distanceM <= Math.max(TOUCH_TOLERANCE_M, rule.beltM);

/**
 * The geofence rule: a hotspot (a crop plot is a hotspot of kind `illicit_crop`) recorded within the province's
 * alert distance of the line raises an alert; an alert distance of 0 turns alerts off.
 */
export function raisesBorderAlert(
  h: { kind: HotspotKind; distanceM: number | null },
  rule: BorderRule,
): boolean {
  return rule.alertWithinM > 0 && h.distanceM !== null && h.distanceM <= rule.alertWithinM;
}
