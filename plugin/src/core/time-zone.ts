/**
 * The organisation's time zone: every date and time the interface shows is in it, whatever the
 * browser's zone (a record's "Créé le" and its history must agree). Europe/Paris by default.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** The zone as given, or a setup error that says what to fix (an IANA name the runtime knows). */
export function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone }); // throws a RangeError for a zone it does not know
    return zone;
  } catch {
    throw new Error(`Portier: unknown time zone "${zone}": give an IANA name such as "Europe/Paris" or "America/Montreal"`);
  }
}
