import { describe, expect, it } from '@jest/globals';
import { instantOfPicked, pickerDateOf } from '../../plugin/src/console/records/zoned-wall-clock.js';

/**
 * The edit forms' date picker (issue 20): it shows and saves the organisation's time, whatever the
 * browser's zone. The picker works on the browser's clock (this process's zone): what it shows
 * must read as the organisation's wall-clock time, and what is picked must be saved as that time.
 */
describe("the date picker on the organisation's clock", () => {
  it('shows 20:41 UTC in January as 21:41 for Paris and 15:41 for New York, on the browser clock', () => {
    const paris = pickerDateOf('2026-01-15T20:41:00Z', 'Europe/Paris')!;
    expect([paris.getDate(), paris.getHours(), paris.getMinutes()]).toEqual([15, 21, 41]);
    const ny = pickerDateOf('2026-01-15T20:41:00Z', 'America/New_York')!;
    expect([ny.getHours(), ny.getMinutes()]).toEqual([15, 41]);
  });

  it('saves a time picked as Paris time, in winter and in summer', () => {
    expect(instantOfPicked(new Date(2026, 0, 20, 9, 30), 'Europe/Paris')).toBe('2026-01-20T08:30:00.000Z');
    expect(instantOfPicked(new Date(2026, 6, 20, 9, 30), 'Europe/Paris')).toBe('2026-07-20T07:30:00.000Z');
    expect(instantOfPicked(new Date(2026, 6, 20, 9, 30), 'America/New_York')).toBe('2026-07-20T13:30:00.000Z');
  });

  it('gives back what it shows, around the change to summer time', () => {
    for (const iso of ['2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-10-25T02:30:00.000Z', '2026-12-31T23:59:00.000Z'])
      expect(instantOfPicked(pickerDateOf(iso, 'Europe/Paris')!, 'Europe/Paris')).toBe(iso);
  });

  it('shows nothing for a value that is not an instant', () => {
    expect(pickerDateOf('demain', 'Europe/Paris')).toBeNull();
  });
});
