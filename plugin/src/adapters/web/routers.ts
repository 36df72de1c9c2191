import express, { type Router } from 'express';

/**
 * Every router of the web layer. Express matches paths regardless of case by default, while the
 * checks that read `req.path` (the API's parameters, the body parser's mount, the headers of
 * the API's answers, the answer to a request without a session) compare it as written: with
 * case-insensitive routes, `/admin/API/...` or `/admin/Portier/...` reached the handlers past
 * those checks. Here a path is matched as written, as the checks read it; `/API/` is no route.
 */
export function newRouter(): Router {
  return express.Router({ caseSensitive: true });
}
