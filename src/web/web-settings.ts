import net from 'node:net';

/** Express's `trust proxy`: no proxy, how many hops, or which addresses (names Express knows, IPs, CIDRs). */
export type TrustProxy = false | number | string[];

export interface WebSettings {
  /** PUBLIC_URL's origin (`https://crm.example.fr`), or null: a request's own host is the app's. */
  publicOrigin: string | null;
  trustProxy: TrustProxy;
}

const NAMED = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * PORTIER_TRUST_PROXY: which proxies in front of the app to believe about the client's address
 * (X-Forwarded-For) and scheme (X-Forwarded-Proto), so that throttling counts the real client
 * and the session cookie is `Secure` over HTTPS. Unset: none (the connection's own address).
 * A list of addresses or CIDRs or `loopback` / `linklocal` / `uniquelocal`, or a number of hops.
 * `true` or `*` are refused: believing any proxy lets any client choose its address.
 */
export function trustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (!v || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !NAMED.includes(e) && !net.isIP(e.split('/')[0]));
  if (bad.length || !entries.length) {
    throw new Error(
      `PORTIER_TRUST_PROXY: "${bad.join(', ') || v}" is not a proxy to believe. Give the proxies' addresses or CIDRs (10.0.0.5, 10.0.0.0/8), loopback, linklocal, uniquelocal, or a number of hops; leave it unset when no proxy stands in front of the app.`,
    );
  }
  return entries;
}

/** PUBLIC_URL: where users reach the app, e.g. `https://crm.example.fr` (its origin is what counts). */
export function publicOrigin(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`PUBLIC_URL: "${v}" is not a URL. Give where users reach the app, e.g. https://crm.example.fr.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL: "${v}" must start with https:// (or http://).`);
  return url.origin;
}

export function webSettings(env: NodeJS.ProcessEnv = process.env): WebSettings {
  return { publicOrigin: publicOrigin(env.PUBLIC_URL), trustProxy: trustProxy(env.PORTIER_TRUST_PROXY) };
}
