import type { RequestHandler } from 'express';

/**
 * Headers on every answer of the backoffice: no page of it may be framed by another site
 * (clickjacking), no answer is read as another type than it says, a Referer leaves only for the
 * app itself (the same-origin check reads it), and what the API and Portier's routes answer —
 * records, users, the audit trail — is kept in no cache.
 */
export function responseHeaders(): RequestHandler {
  return (req, res, next) => {
    res.set({ 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' });
    if (/^\/(api|portier)\//.test(req.path)) res.set('Cache-Control', 'no-store');
    next();
  };
}
