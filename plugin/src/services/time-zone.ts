import type { DataSource } from 'typeorm';
import { checkTimeZone, DEFAULT_TIME_ZONE } from '../core/time-zone.js';

// One app per DataSource, as the mail settings: the routes find the zone from their database handle.
const zones = new WeakMap<DataSource, string>();

/** The organisation's time zone for this app (`createPortier({ timeZone })`), checked at once. */
export function configureTimeZone(ds: DataSource, zone: string | undefined): string {
  const checked = checkTimeZone(zone ?? DEFAULT_TIME_ZONE);
  zones.set(ds, checked);
  return checked;
}

export function timeZoneOf(ds: DataSource): string {
  return zones.get(ds) ?? DEFAULT_TIME_ZONE;
}
