import type { TimeZoneLabel } from '../../shared/office';

/**
 * The zone every time on this workstation is shown in: the office's (from its profile, set by
 * the app shell as soon as it is known), WIB until the first sync tells it. One value for the
 * whole page, as one workstation belongs to one office.
 */
let current: TimeZoneLabel = 'WIB';

export const displayZone = (): TimeZoneLabel => current;

export function setDisplayZone(zone: TimeZoneLabel): void {
  current = zone;
}
