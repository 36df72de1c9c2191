import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { absentIn } from '../../core/refusals.js';
import { asRequesterSees, listRequests, requestById, teamView } from '../../services/access-request-reads.js';
import { approveAccessRequest, createAccessRequest, rejectAccessRequest } from '../../services/access-requests.js';
import { requestMapping } from '../../services/access-request-rights.js';
import { currentAccess, serviceContext } from '../../adapters/adminjs/request-context.js';
import { guardedBy, holds, id } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';

const listQuery = z.strictObject({
  status: z.enum(['open', 'approved', 'rejected', 'handled'], { error: 'statut attendu : open, approved, rejected ou handled' }).default('open'),
});
const approveBody = z.strictObject({ note: z.string().max(2000).nullish(), roleId: id.nullish() });
const mappingQuery = z.strictObject({ roleId: id.optional() });
const rejectBody = z.strictObject({ reason: z.string().max(2000).nullish() });

/**
 * "Demandes d'accès" (docs/spec/seats.md). A team lead (`requestAccessChanges`) reads their teams' users
 * and makes requests; a user manager (`manageUsers`) lists them and approves or rejects. The
 * services check the capabilities again; the approval's seat warning answers 409 like every
 * change over the subscription, and is confirmed with `X-Portier-Confirm-Seats: yes`.
 */
export function requestsRoutes(service: AccessService): Router {
  const router = newRouter();
  const either = guardedBy(['requestAccessChanges', 'manageUsers']);
  const requester = guardedBy(['requestAccessChanges']);
  const manager = guardedBy(['manageUsers']);
  const actor = () => currentAccess()!.access;
  const found = async (requestId: number) => {
    const request = await requestById(service.ds, requestId);
    if (!request) throw absentIn({ fr: `Aucune demande d'accès n° ${requestId}.`, en: `No access request #${requestId}.` });
    return request;
  };

  // What the page shows to this user: the team lead's part, the user manager's, or both.
  router.get(
    '/requests/me',
    either(async (_req, res) => {
      res.json({ mayRequest: holds('requestAccessChanges'), mayHandle: holds('manageUsers') });
    }),
  );

  router.get(
    '/requests/team',
    requester(async (_req, res) => {
      res.json(await teamView(service, actor()));
    }),
  );

  router.get(
    '/requests/mine',
    requester(async (_req, res) => {
      res.json({ requests: (await listRequests(service.ds, { requesterId: actor().user.id })).map(asRequesterSees) });
    }),
  );

  router.post(
    '/requests',
    requester(async (req, res) => {
      const requestId = await createAccessRequest(service, serviceContext(), req.body);
      res.status(201).json({
        id: requestId,
        request: asRequesterSees(await found(requestId)),
        message: `Demande n° ${requestId} envoyée : un gestionnaire des utilisateurs va la traiter.`,
      });
    }),
  );

  router.get(
    '/requests',
    manager(async (req, res) => {
      const { status } = listQuery.parse(req.query);
      res.json({ requests: await listRequests(service.ds, { status }) });
    }),
  );

  // The handler's comparison: what the request asks, per module, beside what a role gives.
  router.get(
    '/requests/:id/mapping',
    manager(async (req, res) => {
      const { roleId } = mappingQuery.parse(req.query);
      res.json(await requestMapping(service, actor(), id.parse(req.params.id), roleId ?? null));
    }),
  );

  router.post(
    '/requests/:id/approve',
    manager(async (req, res) => {
      const requestId = id.parse(req.params.id);
      const { note, roleId } = approveBody.parse(req.body ?? {});
      const applied = await approveAccessRequest(service, serviceContext(), requestId, { note, roleId });
      res.json({ ...applied, request: await found(requestId) });
    }),
  );

  router.post(
    '/requests/:id/reject',
    manager(async (req, res) => {
      const requestId = id.parse(req.params.id);
      const { reason } = rejectBody.parse(req.body ?? {});
      await rejectAccessRequest(service, serviceContext(), requestId, reason);
      res.json({ message: `Demande n° ${requestId} rejetée : le demandeur voit le motif dans « Mes demandes ».`, request: await found(requestId) });
    }),
  );

  return router;
}
