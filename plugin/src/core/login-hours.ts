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

const PROBLEMS = {
  en: {
    shape: 'a schedule is { "tz": "Europe/Paris", "days": { "mon": [["08:00", "19:00"]] } }',
    tz: (tz: string) => `unknown time zone "${tz}"`,
    day: (day: string) => `unknown day "${day}" (use ${WEEK_DAYS.join(', ')})`,
    ranges: (day: string) => `${day}: a list of ranges ["HH:MM", "HH:MM"] is expected`,
    time: (day: string, start: unknown, end: unknown) => `${day}: times must be HH:MM, got "${start}"-"${end}"`,
    order: (day: string, start: string, end: string) => `${day}: range ${start}-${end} ends before it starts`,
  },
  fr: {
    shape: 'un horaire s’écrit { "tz": "Europe/Paris", "days": { "mon": [["08:00", "19:00"]] } }',
    tz: (tz: string) => `fuseau horaire inconnu « ${tz} »`,
    day: (day: string) => `jour inconnu « ${day} » (${WEEK_DAYS.join(', ')})`,
    ranges: (day: string) => `${day} : une liste de plages ["HH:MM", "HH:MM"] est attendue`,
    time: (day: string, start: unknown, end: unknown) => `${day} : les heures s’écrivent HH:MM, pas « ${start} »-« ${end} »`,
    order: (day: string, start: string, end: string) => `${day} : la plage ${start}-${end} finit avant de commencer`,
  },
};

/**
 * Problems with a schedule, as sentences (English by default: the organisation file's language;
 * French for the backoffice); empty when it is valid. Its shape is checked too: it may come from
 * a form or an API client as anything.
 */
export function loginHoursProblems(hours: LoginHours, lang: 'en' | 'fr' = 'en'): string[] {
  const say = PROBLEMS[lang];
  const h = hours as unknown as { tz?: unknown; days?: unknown };
  if (!h || typeof h !== 'object' || Array.isArray(h) || typeof h.tz !== 'string' || !h.days || typeof h.days !== 'object' || Array.isArray(h.days))
    return [say.shape];
  const problems: string[] = [];
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: hours.tz });
  } catch {
    problems.push(say.tz(hours.tz));
  }
  for (const [day, ranges] of Object.entries(hours.days ?? {})) {
    if (!(WEEK_DAYS as readonly string[]).includes(day)) problems.push(say.day(day));
    if (!Array.isArray(ranges) || !ranges.every((r) => Array.isArray(r) && r.length === 2)) {
      problems.push(say.ranges(day));
      continue;
    }
    for (const [start, end] of ranges) {
      if (typeof start !== 'string' || typeof end !== 'string' || !TIME.test(start) || !TIME.test(end)) problems.push(say.time(day, start, end));
      else if (start >= end) problems.push(say.order(day, start, end));
    }
  }
  return problems;
}

export function isWithinLoginHours(hours: LoginHours | null, at: Date): boolean {
  if (!hours) return true;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.tz,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').toLowerCase().slice(0, 3) as WeekDay;
  const time = `${get('hour')}:${get('minute')}`;
  return (hours.days[day] ?? []).some(([start, end]) => time >= start && time < end);
}
