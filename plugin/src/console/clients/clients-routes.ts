import { type Router } from 'express';
import { z } from 'zod';
import { CLIENT_TIERS } from '../../core/model.js';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { Refusal } from '../../core/refusal.js';
import { guardedBy, id } from '../common/respond.js';
import { clientProfilePairs, dossierTable, setDossierGrants, transferAllClientUsers, transferOneDossier } from '../../services/dossier-writes.js';
import { saveProfile } from '../../services/profile-writes.js';
import { accountSight, searchDossierAccounts } from '../../services/dossier-accounts.js';
import { currentAccess, serviceContext } from '../../adapters/adminjs/request-context.js';
import { newRouter } from '../../adapters/web/routers.js';
import { clientProfile, clientProfiles, clientUsers } from '../../adapters/postgres/read-models/clients.js';
import { unusedProfileName } from '../../adapters/postgres/read-models/profiles.js';
import { TIER_LABELS } from '../../core/license-tiers.js';

const transfer = z.strictObject({ to: id });
const grants = z.strictObject({ dossiers: z.array(z.strictObject({ accountId: id, profileId: id })).max(500) });

/**
 * Client access for consultants (docs/spec/client-access.md): client profiles with their tier and users as
 * (user, dossier) pairs, the transfers, and a client user's dossier grants. Reads need
 * manageUsers or manageAccess; the writes go through the services (manageUsers, audited).
 */
export function clientsRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageUsers', 'manageAccess'], 'Refusé : il faut le droit « gérer les utilisateurs » ou « gérer les profils ».');
  const accounts = () => dossierTable(service);

  router.get(
    '/clients/profiles',
    handle(async (_req, res) => {
      const rows = await clientProfiles(service.ds, CLIENT_TIERS);
      // The price level is the tier's rank (1 = Connect & pay ... 4 = Gestion commerciale avancée).
      res.json({ profiles: rows.map((r) => ({ ...r, priceLevel: CLIENT_TIERS.indexOf(r.tier) + 1 })) });
    }),
  );

  // "Dupliquer pour restreindre": the copy keeps the tier (and the price); the screen opens it in the
  // client profile editor. Without a name, "<profile> – restreint" (numbered when taken).
  router.post(
    '/clients/profiles/:id/duplicate',
    handle(async (req, res) => {
      const given = z.strictObject({ name: z.string().trim().min(1).max(120).optional() }).parse(req.body ?? {}).name;
      const p = await clientProfile(service.ds, id.parse(req.params.id));
      if (!p) throw new Refusal('notFound', "Aucun profil client de ce numéro. Rien n'a été modifié.");
      const name = given ?? (await unusedProfileName(service.ds, `${p.name} – restreint`));
      const copy = await saveProfile(service, serviceContext(), null, {
        name,
        description: `Copie de ${p.name}`,
        audience: 'client',
        licenseTier: p.license_tier,
        modules: p.modules,
        fields: p.fields,
      });
      res.json({ id: copy, name, message: `Profil « ${name} » créé (niveau ${TIER_LABELS[p.license_tier]}) : restreignez-le ci-dessous.` });
    }),
  );

  // The default client profile (the star), proposed for every new dossier grant.
  router.post(
    '/clients/profiles/:id/default',
    handle(async (req, res) => {
      await saveProfile(service, serviceContext(), id.parse(req.params.id), { isDefault: true });
      res.json({ ok: true, message: 'Profil client par défaut enregistré.' });
    }),
  );

  router.get(
    '/clients/profiles/:id/users',
    handle(async (req, res) => {
      res.json({ pairs: await clientProfilePairs(service, id.parse(req.params.id)) });
    }),
  );

  router.post(
    '/clients/profiles/:id/transfer',
    handle(async (req, res) => {
      const moved = await transferAllClientUsers(service, serviceContext(), id.parse(req.params.id), transfer.parse(req.body).to);
      res.json({ moved, message: `${moved.length} dossier(s) transféré(s).` });
    }),
  );

  router.get(
    '/clients/users',
    handle(async (req, res) => {
      const q = typeof req.query.q === 'string' ? `%${req.query.q}%` : '%';
      // An Account's name is record data: only where the viewer may read that Account (dossier-accounts.ts).
      const sight = accountSight(service, currentAccess()!.access, 'a', 1);
      const rows = await clientUsers(service.ds, q, accounts(), sight);
      res.json({ users: rows });
    }),
  );

  router.put(
    '/clients/users/:id/dossiers',
    handle(async (req, res) => {
      await setDossierGrants(service, serviceContext(), id.parse(req.params.id), grants.parse(req.body).dossiers);
      res.json({ ok: true, message: 'Dossiers enregistrés.' });
    }),
  );

  router.post(
    '/clients/users/:id/dossiers/:accountId/transfer',
    handle(async (req, res) => {
      await transferOneDossier(service, serviceContext(), id.parse(req.params.id), id.parse(req.params.accountId), transfer.parse(req.body).to);
      res.json({ ok: true, message: 'Dossier transféré.' });
    }),
  );

  // The dossier picker: the Accounts the viewer may read, and one given by its exact reference without its name.
  router.get(
    '/clients/accounts',
    handle(async (req, res) => {
      const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
      res.json({ accounts: await searchDossierAccounts(service, currentAccess()!.access, q) });
    }),
  );

  return router;
}
