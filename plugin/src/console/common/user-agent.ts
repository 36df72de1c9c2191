// A browser's User-Agent header as a person reads it: "Chrome 131 sur Windows". Bundled into
// each component that imports it; pure, so that it is tested without a browser.

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/FxiOS\/(\d+)/, 'Firefox'],
  [/CriOS\/(\d+)/, 'Chrome'],
  [/(?:HeadlessChrome|Chrome|Chromium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  [/curl\/(\d+)/, 'curl'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 131 sur Windows" (`fr`) or "Chrome 131 on Windows" (`en`); "—" when there is none; what is not recognised, cut short. */
export function summariseUserAgent(ua: string | null | undefined, language: string | undefined): string {
  if (!ua) return '—';
  const browser = BROWSERS.map(([re, name]) => {
    const found = re.exec(ua);
    return found ? `${name} ${found[1]}` : null;
  }).find(Boolean);
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser && system) return `${browser} ${language === 'en' ? 'on' : 'sur'} ${system}`;
  if (browser) return browser;
  return ua.length > 40 ? `${ua.slice(0, 39)}…` : ua;
}
