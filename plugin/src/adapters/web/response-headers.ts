import type { RequestHandler } from 'express';

/**
 * Headers on every answer of the backoffice: no page of it may be framed by another site
 * (clickjacking), no answer is read as another type than it says, a Referer leaves only for the
 * app itself (the same-origin check reads it), no other site keeps a window on it or embeds its
 * answers, HTTPS is kept to once used, and what the API and Portier's routes answer — records,
 * users, the audit trail — is kept in no cache.
 */
export function responseHeaders(): RequestHandler {
  return (req, res, next) => {
    res.set({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      // What a policy can say without touching AdminJS's scripts: no framing (the modern form of
      // X-Frame-Options), no <base> or form pointing elsewhere, no plugins.
      'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
      // No window of another site keeps a handle on ours, no other site embeds our answers.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    // Served over HTTPS (directly, or through a proxy PORTIER_TRUST_PROXY believes): the browser
    // keeps to HTTPS for a year, so that no later visit over plain HTTP exposes the cookie.
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000');
    if (/^\/(api|portier)\//.test(req.path)) res.set('Cache-Control', 'no-store');
    next();
  };
}
