import { buildAssets } from '@adminjs/express';
import AdminJS, { Router as AdminRouter } from 'adminjs';
import { type RequestHandler, type Router } from 'express';
import session from 'express-session';
import type { DataSource } from 'typeorm';
import { formBodies, type UploadRule } from '../web/form-bodies.js';
import { languageOf } from '../web/language.js';
import { requestMethods } from '../web/request-methods.js';
import { responseHeaders } from '../web/response-headers.js';
import { sameOrigin } from '../web/same-origin.js';
import { mountAdminRoutes } from './adminjs-routes.js';
import { errorHandler } from './error-handler.js';
import { adminRequestChecks } from './request-checks.js';
import { sessionRoutes } from './session-routes.js';
import { passwordLinkRoutes } from './password-link-routes.js';
import { deliverQueuedMail, mailWaiting } from '../../services/mail/delivery.js';
import { badInput } from '../web/bad-input.js';
import { Refusal } from '../../core/refusal.js';
import { currentAccess } from './request-context.js';
import { newRouter } from '../web/routers.js';

export interface RouterOptions {
  /** express-session's options (store, secret, cookie...): the cookie's `name` is the session's. */
  session: session.SessionOptions;
  /** The app's origin (PUBLIC_URL's), or null: a request's own host (same-origin.ts). */
  publicOrigin?: string | null;
}

/** Without a session: 401 for the API and Portier's routes, the login page for the rest. */
function requireSignedIn(admin: AdminJS): RequestHandler {
  return (req, res, next) => {
    if (req.session?.adminUser) return next();
    if (!/^\/(api|portier)\//.test(req.path)) return res.redirect(admin.options.loginPath);
    const message = languageOf(req) === 'en' ? 'Not signed in: sign in first.' : "Vous n'êtes pas connecté : connectez-vous d'abord.";
    res.status(401).json({ error: 'notSignedIn', message, notice: { message, type: 'error' } });
  };
}

/**
 * AdminJS's Express router with Portier's web layer, in the order that matters:
 *   1. HEAD answered as a GET, unrouted methods refused (request-methods.ts); a state-changing
 *      request from another site is refused, before anything is read or written;
 *   2. the session; then sign-in, sign-out and the password a sign-in asks for (session-routes.ts),
 *      the forgotten password and the one-time links' pages (password-link-routes.ts);
 *   3. AdminJS's static assets; then no further without a session;
 *   4. the access gate (the session's user, as of now), then — only now — the request's body;
 *   5. the checks of AdminJS's parameters, activity, security events, Portier's routes;
 *   6. AdminJS's routes, whose API answers decide their status in one place (adminjs-routes.ts,
 *      api-answer.ts); and one error handler for all of them.
 * `middleware` is Portier's per-request pieces (createPortier's), in their order.
 */
export function buildPortierRouter(
  admin: AdminJS,
  ds: DataSource,
  options: RouterOptions,
  pieces: { gate: RequestHandler; after: RequestHandler[]; uploadsFor(resourceId: string): UploadRule | null },
): Router {
  // No initializeAdmin(admin): in production it bundles the components while the app already
  // answers; bundleComponents(admin) does it before the app listens (bundle.ts).
  const { routes, assets } = AdminRouter;
  const router = newRouter();
  // Mail leaves once the request's changes have committed, after its answer (services/mail/delivery.ts).
  router.use((_req, res, next) => {
    res.on('finish', () => {
      if (mailWaiting(ds)) void deliverQueuedMail(ds);
    });
    next();
  });
  router.use(responseHeaders());
  router.use(requestMethods());
  router.use(sameOrigin(options.publicOrigin ?? null));
  router.use(session(options.session));
  router.use(sessionRoutes(admin, ds, options.session.name ?? 'connect.sid'));
  router.use(passwordLinkRoutes(admin, ds));
  buildAssets({ admin, assets, routes, router });
  router.use(requireSignedIn(admin));
  router.use(pieces.gate);
  router.use(
    '/api',
    formBodies({
      uploadsFor: (req) => {
        const m = /^\/resources\/([^/]+)\//.exec(req.path);
        return m ? pieces.uploadsFor(decodeURIComponent(m[1])) : null;
      },
    }),
  );
  // The body as sent, before AdminJS converts it (a 30 February into 1 March): scoped-resource.ts.
  router.use('/api/resources/:resourceId', (req, _res, next) => {
    const store = currentAccess();
    const { fields, files } = req as { fields?: unknown; files?: unknown };
    // A list field sent as one value: AdminJS's converter maps over it (a 500).
    const resource = admin.resources.find((r) => r.id() === req.params.resourceId);
    const sentFields = (fields ?? {}) as Record<string, unknown>;
    const notAList =
      resource &&
      Object.values(resource.decorate().properties).find((p) => {
        const v = sentFields[p.propertyPath];
        return p.isArray() && v !== undefined && v !== null && !Array.isArray(v) && v !== '__FORM_VALUE_EMPTY_ARRAY__';
      });
    if (notAList) return next(badInput(`${notAList.propertyPath} : une liste est attendue`, `${notAList.propertyPath}: a list is expected`));
    if (store && fields && typeof fields === 'object') {
      // Files too: AdminJS's payload holds them beside the fields (a field the module lacks is refused).
      store.sent = {
        resourceId: String(req.params.resourceId),
        fields: { ...(fields as Record<string, unknown>), ...((files ?? {}) as Record<string, unknown>) },
      };
    }
    next();
  });
  router.use(adminRequestChecks(admin));
  router.use(...pieces.after);
  mountAdminRoutes(admin, routes, router);
  // What no route answers: Express's own page said "Cannot GET …" in English.
  router.use((req, _res, next) => next(new Refusal('notFound', languageOf(req) === 'en' ? 'Page not found.' : 'Page introuvable.')));
  router.use(errorHandler());
  return router;
}
