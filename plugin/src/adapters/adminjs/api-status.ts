import type { RequestHandler } from 'express';

/** The header Portier's own frontend adds to its API calls (see components/portier-client.js). */
export const UI_HEADER = 'x-portier-ui';

/**
 * AdminJS answers a refused action with HTTP 200 and an error notice, which its UI shows. API
 * clients get the status the refusal means instead: 403 for a refused action, 404 for a record
 * they may not read (or that does not exist), 409 for a change over the subscription awaiting
 * confirmation (docs/spec/seats.md), 400 for bad input. The body is unchanged.
 */
export function apiStatus(): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith('/api/') || req.get(UI_HEADER)) return next();
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const status = statusOf(body);
      if (status && res.statusCode === 200) res.status(status);
      return json(body);
    };
    next();
  };
}

function statusOf(body: unknown): number | null {
  const b = body as { notice?: { type?: string }; record?: { baseError?: { type?: string } | null } } | null;
  if (b?.notice?.type !== 'error') return null;
  switch (b.record?.baseError?.type) {
    case 'ForbiddenError':
      return 403;
    case 'NotFoundError':
      return 404;
    case 'seats':
      return 409;
    default:
      return 400;
  }
}
