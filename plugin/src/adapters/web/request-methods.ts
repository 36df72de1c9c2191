import type { RequestHandler } from 'express';
import { languageOf } from './language.js';

/** The methods the backoffice answers; the same-origin check guards every one but GET. */
const ANSWERED = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * HEAD and the methods nobody routes, before anything else reads the request.
 *
 * Express answers HEAD with the GET handler, but hands it the method as it came: AdminJS's
 * actions tell a read from a write by `method === 'get'`, so a HEAD on `…/records/1/delete`
 * deleted the record — and, being "safe", passed the same-origin check. A HEAD is therefore
 * made a GET for every handler (Node still sends no body: the answer knew it was a HEAD when it
 * was created), so it can only do what a GET does. Any other method (OPTIONS, TRACE, made-up
 * ones) is answered 405 before a session or a handler sees it: the app serves no other site
 * (no CORS), and no handler may take an unguarded method for a write.
 */
export function requestMethods(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'HEAD') req.method = 'GET';
    if (ANSWERED.has(req.method)) return next();
    const message =
      languageOf(req) === 'en'
        ? `Method ${req.method.slice(0, 20)} not allowed. Nothing was changed.`
        : `Méthode ${req.method.slice(0, 20)} non prise en charge. Rien n'a été modifié.`;
    res
      .status(405)
      .set('Allow', [...ANSWERED, 'HEAD'].join(', '))
      .json({ error: 'methodNotAllowed', message, notice: { message, type: 'error' } });
  };
}
