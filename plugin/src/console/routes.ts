import express, { type Router } from 'express';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { currentAccess } from '../adapters/adminjs/request-context.js';
import { accountRoutes } from './account/account-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import type { Translations } from './audit/audit-csv-changes.js';
import { statsRoutes } from './stats/stats-routes.js';
import { clientsRoutes } from './clients/clients-routes.js';
import { clientProfilesRoutes } from './client-profiles/client-profiles-routes.js';
import { profilesRoutes } from './profiles/profiles-routes.js';
import { rolesRoutes } from './roles/roles-routes.js';
import { teamsRoutes } from './teams/teams-routes.js';
import { sharingRoutes } from './sharing/sharing-routes.js';
import { effectiveAccessRoutes } from './effective-access/effective-access-routes.js';
import { usersRoutes } from './users/users-routes.js';
import { subscriptionRoutes } from './subscription/subscription-routes.js';
import { requestsRoutes } from './requests/requests-routes.js';
import { ownersRoutes } from './records/owners-routes.js';
import { whoHasAccessRoutes } from './records/who-has-access-routes.js';
import { mailRoutes } from './mail/mail-routes.js';
import { listScopeRoutes } from './dead-ends/list-scope-routes.js';
import { searchRoutes } from './common/search-routes.js';
import { newRouter } from '../adapters/web/routers.js';

/** Where Portier's own pages fetch their data: `<rootPath>/portier/...`. */
export const PORTIER_API = '/portier';

/**
 * Portier's JSON endpoints (audit trail, statistics, the account page), mounted after the access
 * gate: a request without a signed-in user is refused here, and every handler checks the
 * capability it needs against the user's fresh access.
 */
export function portierRoutes(service: AccessService, words?: () => Promise<Translations>): Router {
  const router = newRouter();
  router.use(PORTIER_API, express.json({ limit: '100kb' }), (req, res, next) => {
    if (!currentAccess()) {
      res.status(401).json({ error: 'notSignedIn' });
      return;
    }
    next();
  });
  router.use(PORTIER_API, auditRoutes(service, words));
  router.use(PORTIER_API, statsRoutes(service));
  router.use(PORTIER_API, accountRoutes(service));
  router.use(PORTIER_API, clientsRoutes(service));
  router.use(PORTIER_API, clientProfilesRoutes(service));
  router.use(PORTIER_API, profilesRoutes(service));
  router.use(PORTIER_API, rolesRoutes(service));
  router.use(PORTIER_API, teamsRoutes(service));
  router.use(PORTIER_API, sharingRoutes(service));
  router.use(PORTIER_API, effectiveAccessRoutes(service));
  router.use(PORTIER_API, usersRoutes(service));
  router.use(PORTIER_API, subscriptionRoutes(service));
  router.use(PORTIER_API, requestsRoutes(service));
  router.use(PORTIER_API, ownersRoutes(service));
  router.use(PORTIER_API, whoHasAccessRoutes(service));
  router.use(PORTIER_API, mailRoutes(service));
  router.use(PORTIER_API, listScopeRoutes(service));
  router.use(PORTIER_API, searchRoutes(service));
  return router;
}
