/**
 * Weekly login schedule: `{ tz, days: { mon: [["08:00","19:00"]], ... } }`. Each range runs
 * from its start (included) to its end (excluded) in the schedule's time zone, within one day.
 * A missing day means no access that day; `null` means no restriction.
 */
export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];
export interface LoginHours {
  tz: string;
  days: Partial<Record<WeekDay, Array<[string, string]>>>;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Problems with a schedule, as sentences; empty when it is valid. */
export function loginHoursProblems(hours: LoginHours): string[] {
  const problems: string[] = [];
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: hours.tz });
  } catch {
    problems.push(`unknown time zone "${hours.tz}"`);
  }
  for (const [day, ranges] of Object.entries(hours.days ?? {})) {
    if (!(WEEK_DAYS as readonly string[]).includes(day)) problems.push(`unknown day "${day}" (use ${WEEK_DAYS.join(', ')})`);
    for (const [start, end] of ranges ?? []) {
      if (!TIME.test(start) || !TIME.test(end)) problems.push(`${day}: times must be HH:MM, got "${start}"-"${end}"`);
      else if (start >= end) problems.push(`${day}: range ${start}-${end} ends before it starts`);
    }
  }
  return problems;
}

export function isWithinLoginHours(hours: LoginHours | null, at: Date): boolean {
  if (!hours) return true;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.tz, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').toLowerCase().slice(0, 3) as WeekDay;
  const time = `${get('hour')}:${get('minute')}`;
  return (hours.days[day] ?? []).some(([start, end]) => time >= start && time < end);
}
