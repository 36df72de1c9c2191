// The date picker works on the browser's clock; the interface's times are in the organisation's
// zone. These turn an instant into the same wall-clock time on the browser's clock, and back, so
// that a picker in New York shows and saves Paris times. Pure: bundled into the edit component, tested as is.

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

function wallClockIn(instant: Date, zone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute') };
}

/** The instant `value` as the browser's Date showing the same day and time as the organisation's clock. */
export function pickerDateOf(value: string, zone: string): Date | null {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const w = wallClockIn(instant, zone);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute);
}

/** The instant (ISO 8601, UTC) the picker's day and time name on the organisation's clock. */
export function instantOfPicked(picked: Date, zone: string): string {
  const wanted = Date.UTC(picked.getFullYear(), picked.getMonth(), picked.getDate(), picked.getHours(), picked.getMinutes());
  // The zone's offset at a first guess, then at the answer (a change of summer time in between).
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const w = wallClockIn(new Date(guess), zone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    guess += wanted - shown;
  }
  return new Date(guess).toISOString();
}
