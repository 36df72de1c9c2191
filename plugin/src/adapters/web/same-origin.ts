import type { Request, RequestHandler } from 'express';
import { languageOf } from './language.js';

/** Only GET: HEAD reaches here as a GET, other methods were refused before (request-methods.ts). */
const SAFE = new Set(['GET']);

/** `https://host:port` of a header's URL, or 'null' for anything that is not one (an opaque origin). */
function originOf(value: string): string {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : 'null';
  } catch {
    return 'null';
  }
}

/** Where a state-changing request says it comes from: its Origin, else its Referer, else nothing. */
export function claimedOrigin(req: Request): string | null {
  const origin = req.get('origin');
  if (origin !== undefined) return originOf(origin);
  const referer = req.get('referer');
  return referer !== undefined ? originOf(referer) : null;
}

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE...) that a browser says comes from
 * another site: its `Origin` (or its `Referer` when it has no Origin) names another origin than
 * the app's. The app's origin is `publicOrigin` (PUBLIC_URL) when set, else the request's own
 * host, compared without the scheme (a proxy that is not trusted hides it). A request with
 * neither header is not a browser's cross-site request (browsers send Origin with every
 * cross-origin POST): it is judged by its session alone, like any script's.
 */
export function sameOrigin(publicOrigin: string | null): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const claimed = claimedOrigin(req);
    if (claimed === null) return next();
    const ours = publicOrigin ? claimed === publicOrigin : claimed !== 'null' && new URL(claimed).host === req.get('host');
    if (ours) return next();
    const message =
      languageOf(req) === 'en'
        ? `Refused: this request comes from another site (${claimed}). Nothing was changed.`
        : `Refusé : cette requête vient d'un autre site (${claimed}). Rien n'a été modifié.`;
    res.status(403);
    if (req.accepts(['json', 'html']) === 'html' && !/\/(api|portier)\//.test(req.originalUrl)) res.type('text').send(message);
    else res.json({ error: 'crossSite', message, notice: { message, type: 'error' } });
  };
}
