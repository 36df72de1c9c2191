import express, { type Router } from 'express';
import type { AccessService } from '../../typeorm/access-service.js';
import { currentAccess } from '../../request-context.js';
import { accountRoutes } from './account-routes.js';
import { auditRoutes } from './audit-routes.js';
import { statsRoutes } from './stats-routes.js';
import { clientsRoutes } from './clients-routes.js';
import { profilesRoutes } from './profiles-routes.js';
import { rolesRoutes } from './roles-routes.js';
import { teamsRoutes } from './teams-routes.js';
import { sharingRoutes } from './sharing-routes.js';
import { effectiveAccessRoutes } from './effective-access-routes.js';
import { usersRoutes } from './users-routes.js';
import { subscriptionRoutes } from './subscription-routes.js';
import { requestsRoutes } from './requests-routes.js';
import { ownersRoutes } from './owners-routes.js';
import { newRouter } from '../../web/routers.js';

/** Where Portier's own pages fetch their data: `<rootPath>/portier/...`. */
export const PORTIER_API = '/portier';

/**
 * Portier's JSON endpoints (audit trail, statistics, the account page), mounted after the access
 * gate: a request without a signed-in user is refused here, and every handler checks the
 * capability it needs against the user's fresh access.
 */
export function portierRoutes(service: AccessService): Router {
  const router = newRouter();
  router.use(PORTIER_API, express.json({ limit: '100kb' }), (req, res, next) => {
    if (!currentAccess()) {
      res.status(401).json({ error: 'notSignedIn' });
      return;
    }
    next();
  });
  router.use(PORTIER_API, auditRoutes(service));
  router.use(PORTIER_API, statsRoutes(service));
  router.use(PORTIER_API, accountRoutes(service));
  router.use(PORTIER_API, clientsRoutes(service));
  router.use(PORTIER_API, profilesRoutes(service));
  router.use(PORTIER_API, rolesRoutes(service));
  router.use(PORTIER_API, teamsRoutes(service));
  router.use(PORTIER_API, sharingRoutes(service));
  router.use(PORTIER_API, effectiveAccessRoutes(service));
  router.use(PORTIER_API, usersRoutes(service));
  router.use(PORTIER_API, subscriptionRoutes(service));
  router.use(PORTIER_API, requestsRoutes(service));
  router.use(PORTIER_API, ownersRoutes(service));
  return router;
}
