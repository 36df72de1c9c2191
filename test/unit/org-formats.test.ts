import { describe, expect, it } from '@jest/globals';
import { orgFormats } from '../../plugin/src/console/common/org-format-text.js';
import { summariseUserAgent } from '../../plugin/src/console/common/user-agent.js';
import { checkTimeZone } from '../../plugin/src/core/time-zone.js';

// Intl writes a narrow no-break space before "€" and between groups in French: compared as plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe(orgFormats.name, () => {
  // 20:41 UTC on 21 November 2024 is 21:41 in Paris (winter, UTC+1) and 15:41 in Montreal.
  const instant = '2024-11-21T20:41:04.000Z';

  it("writes an instant in the organisation's zone, one format per language", () => {
    expect(orgFormats('fr').dateTime(instant)).toBe('21/11/2024 21:41');
    expect(orgFormats('en').dateTime(instant)).toBe('21/11/2024, 21:41');
    expect(orgFormats('fr', 'America/Montreal').dateTime(instant)).toBe('21/11/2024 15:41');
  });

  it('writes a summer instant with summer time (UTC+2 in Paris)', () => {
    expect(orgFormats('fr').dateTime('2025-07-01T22:30:00Z')).toBe('02/07/2025 00:30');
  });

  it('writes a date-only value as that day, with no time, whatever the zone', () => {
    expect(orgFormats('fr').day('2026-03-09')).toBe('09/03/2026');
    expect(orgFormats('en').day('2026-03-09')).toBe('09/03/2026');
    expect(orgFormats('fr', 'Pacific/Honolulu').day('2026-03-09')).toBe('09/03/2026');
    expect(orgFormats('fr', 'Pacific/Kiritimati').dateTime('2026-03-09')).toBe('09/03/2026');
  });

  it("gives an instant's day in the organisation's zone", () => {
    expect(orgFormats('fr').day('2024-03-15T23:30:00Z')).toBe('16/03/2024');
  });

  it('writes amounts with the currency and grouping of the language', () => {
    expect(plain(orgFormats('fr').amount(19212.9))).toBe('19 212,90 €');
    expect(orgFormats('en').amount(19212.9)).toBe('€19,212.90');
    expect(plain(orgFormats('fr').amount('1250000'))).toBe('1 250 000,00 €');
    expect(plain(orgFormats('en').amount(-42.5, 'CHF'))).toBe('-CHF 42.50');
  });
});

describe(summariseUserAgent.name, () => {
  const chromeWindows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  it.each([
    [chromeWindows, 'fr', 'Chrome 131 sur Windows'],
    [chromeWindows, 'en', 'Chrome 131 on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'fr', 'Safari 17 sur macOS'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'fr', 'Firefox 133 sur Linux'],
    [`${chromeWindows} Edg/131.0.2903.86`, 'fr', 'Edge 131 sur Windows'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'fr',
      'Safari 17 sur iOS',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.85 Safari/537.36', 'en', 'Chrome 131 on Linux'],
  ])('%s (%s) reads "%s"', (ua, language, expected) => {
    expect(summariseUserAgent(ua, language)).toBe(expected);
  });

  it('says nothing more than a dash without a header, and cuts an unknown one short', () => {
    expect(summariseUserAgent(null, 'fr')).toBe('—');
    const odd = 'SomeInternalMonitoringProbe/2.0 (build 2024-11-21; host=backoffice-prod-03)';
    expect(summariseUserAgent(odd, 'fr')).toBe(`${odd.slice(0, 39)}…`);
  });
});

describe(checkTimeZone.name, () => {
  it('takes an IANA zone and refuses an unknown one, saying what to give', () => {
    expect(checkTimeZone('America/Montreal')).toBe('America/Montreal');
    expect(() => checkTimeZone('Paris')).toThrow(/unknown time zone "Paris".*IANA name/);
  });
});
