import type AdminJS from 'adminjs';
import type { RouterType } from 'adminjs';
import type { Request, RequestHandler, Router } from 'express';
import { answerApi } from './api-answer.js';

type AdminRoute = RouterType['routes'][number];

/** AdminJS writes its routes' parameters `{recordId}`, Express `:recordId`. */
const expressPath = (adminPath: string): string => adminPath.replace(/{/g, ':').replace(/}/g, '');

/**
 * One of AdminJS's routes, as @adminjs/express's `routeHandler` serves it (buildRouter.js), with
 * AdminJS's request shape: `params`, `query`, `payload` (the fields and files form-bodies.ts
 * read, files over fields) and the method in lower case. What an API route returns is answered
 * by `answerApi` (its status and words decided in one place); a page's HTML goes as it is.
 */
function adminRouteHandler(admin: AdminJS, route: AdminRoute): RequestHandler {
  const api = route.path.startsWith('/api/');
  return async (req, res, next) => {
    try {
      const { fields, files } = req as Request & { fields?: Record<string, unknown>; files?: Record<string, unknown> };
      const controller = new route.Controller({ admin }, req.session?.adminUser);
      const { params, query } = req;
      const payload = { ...(fields ?? {}), ...(files ?? {}) };
      // `query` is a getter of Express 5's request, which a spread does not copy: named, as AdminJS's adapter does.
      const result: unknown = await controller[route.action]({ ...req, params, query, payload, method: req.method.toLowerCase() }, res);
      if (route.contentType) res.set({ 'Content-Type': route.contentType });
      if (!result) return;
      if (api) await answerApi(req, res, result);
      else res.send(result);
    } catch (e) {
      next(e);
    }
  };
}

/** AdminJS's routes (`Router.routes`), GET and POST, on Portier's router: instead of @adminjs/express's `buildRoutes`. */
export function mountAdminRoutes(admin: AdminJS, routes: AdminRoute[], router: Router): void {
  for (const route of routes) {
    if (route.method === 'GET') router.get(expressPath(route.path), adminRouteHandler(admin, route));
    if (route.method === 'POST') router.post(expressPath(route.path), adminRouteHandler(admin, route));
  }
}
