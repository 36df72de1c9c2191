import type { Request } from 'express';

/**
 * Whether a request is the backoffice's own call from a page (AdminJS's frontend, Portier's
 * screens) rather than an API client's (a script, curl, a test). AdminJS's UI shows a refusal
 * only from an HTTP 200 answer with a notice; an API client gets the status the refusal means.
 *
 * Told by what the browser itself sends, so that no code in the page has to mark its calls:
 *  - Fetch Metadata: a page's XHR or fetch to its own origin carries `Sec-Fetch-Site:
 *    same-origin` and `Sec-Fetch-Mode: cors` (or `same-origin`). Scripts in a page cannot set or
 *    change these headers (forbidden header names); a navigation says `navigate` (an address
 *    typed in the bar is not the UI's call). Marking the calls from the page instead is fragile:
 *    patching `XMLHttpRequest` (what Portier did) touches every request of the page, and
 *    `axios.defaults` does not reach AdminJS's `ApiClient`, whose instances copy the defaults
 *    in `axios.create` when they are built, which AdminJS's app bundle does at load time,
 *    before the components' bundle runs.
 *  - Browsers send Fetch Metadata only to a potentially trustworthy origin (HTTPS, localhost):
 *    without it (plain HTTP to another host, an older browser), the page's own address as
 *    `Referer` (sent on same-origin calls: `Referrer-Policy: same-origin`, response-headers.ts)
 *    on this host says the same.
 * A client that sends these headers itself only gets the 200 and the notice: the same body,
 * the same refusal, nothing more.
 */
export function isUiCall(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' && ['cors', 'same-origin'].includes(req.get('sec-fetch-mode') ?? '');
  const referer = req.get('referer');
  if (!referer) return false;
  try {
    return new URL(referer).host === req.get('host');
  } catch {
    return false;
  }
}
