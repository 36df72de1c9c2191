import { type Router } from 'express';
import { z } from 'zod';
import { CLIENT_TIERS } from '../../core/model.js';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { countEn, countFr, missingIn, pluralFr } from '../../core/refusals.js';
import { guardedBy, id, inReaderLanguage } from '../common/respond.js';
import {
  addDossier,
  clientProfilePairs,
  dossierTable,
  removeDossier,
  setDossierGrants,
  transferAllClientUsers,
  transferOneDossier,
} from '../../services/dossier-writes.js';
import { createClientUser, proposedLogin } from '../../services/client-users.js';
import { saveProfile } from '../../services/profile-writes.js';
import { accountSight, searchDossierAccounts } from '../../services/dossier-accounts.js';
import { currentAccess, serviceContext } from '../../adapters/adminjs/request-context.js';
import { newRouter } from '../../adapters/web/routers.js';
import { clientProfile, clientProfiles, clientUserCount, clientUsers } from '../../adapters/postgres/read-models/clients.js';
import { unusedProfileName } from '../../adapters/postgres/read-models/profiles.js';
import { TIER_LABELS } from '../../core/license-tiers.js';

const transfer = z.strictObject({ to: id });
export const CLIENTS_PER_PAGE = 50;
const usersQuery = z.strictObject({
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  id: id.optional(),
});
const grant = z.strictObject({ accountId: id, profileId: id });
const grants = z.strictObject({ dossiers: z.array(grant).max(500) });
const text = (max: number) => z.string().max(max);
/** "Nouveau client": the service says what is missing or wrong, field by field, in French. */
const newClient = z.strictObject({
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  email: text(254).optional(),
  company: text(200).nullable().optional(),
  login: text(64).nullable().optional(),
  locale: z.enum(['fr', 'en']).optional(),
  dossiers: z.array(grant).max(500).optional(),
});

/**
 * Client access for consultants (docs/spec/client-access.md): client profiles with their tier and users as
 * (user, dossier) pairs, the transfers, and a client user's dossier grants. Reads need
 * manageUsers or manageAccess; the writes go through the services (manageUsers, audited).
 */
export function clientsRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageUsers', 'manageAccess']);
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
      if (!p) throw missingIn({ fr: 'Aucun profil client de ce numéro.', en: 'No client profile of that number.' });
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
      const profileId = id.parse(req.params.id);
      // An internal profile answers like a missing one here, as in the editor: the star is the client profiles'.
      if (!(await clientProfile(service.ds, profileId)))
        throw missingIn({ fr: `Aucun profil client n° ${profileId}.`, en: `No client profile #${profileId}.` });
      await saveProfile(service, serviceContext(), profileId, { isDefault: true });
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
      const n = moved.length;
      res.json({ moved, message: inReaderLanguage({ fr: `${countFr(n, 'dossier')} ${pluralFr(n, 'transféré')}.`, en: `${countEn(n, 'dossier')} moved.` }) });
    }),
  );

  // A page of the client users (50, by login), found by a text or given by id (the transfer's picker), with the total.
  router.get(
    '/clients/users',
    handle(async (req, res) => {
      const o = usersQuery.parse(req.query);
      const page = o.page ?? 1;
      const query = { pattern: o.q ? `%${o.q.replace(/[\\%_]/g, '\\$&')}%` : undefined, id: o.id };
      // An Account's name is record data: only where the viewer may read that Account (dossier-accounts.ts).
      const sight = accountSight(service, currentAccess()!.access, 'a', 4);
      const [rows, total] = await Promise.all([
        clientUsers(service.ds, { ...query, limit: CLIENTS_PER_PAGE, offset: (page - 1) * CLIENTS_PER_PAGE }, accounts(), sight),
        clientUserCount(service.ds, query),
      ]);
      res.json({ users: rows, total, page, perPage: CLIENTS_PER_PAGE });
    }),
  );

  // The login proposed from the names ("h.morel", numbered when taken); the consultant may change it before saving.
  router.get(
    '/clients/login-suggestion',
    handle(async (req, res) => {
      const name = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string).slice(0, 100) : '');
      res.json({ login: await proposedLogin(service, name('firstName'), name('lastName')) });
    }),
  );

  // "Nouveau client": the user and their dossiers at once, under the seat guard (409 until confirmed).
  router.post(
    '/clients/users',
    handle(async (req, res) => {
      const body = newClient.parse(req.body ?? {});
      const created = await createClientUser(service, serviceContext(), body);
      const n = body.dossiers?.length ?? 0;
      res.json({
        ...created,
        message: `Client ${body.firstName?.trim()} ${body.lastName?.trim()} créé, identifiant ${created.login}, avec ${n} dossier${n > 1 ? 's' : ''}.`,
      });
    }),
  );

  router.post(
    '/clients/users/:id/dossiers',
    handle(async (req, res) => {
      await addDossier(service, serviceContext(), id.parse(req.params.id), grant.parse(req.body));
      res.json({ ok: true, message: 'Dossier ajouté.' });
    }),
  );

  router.delete(
    '/clients/users/:id/dossiers/:accountId',
    handle(async (req, res) => {
      await removeDossier(service, serviceContext(), id.parse(req.params.id), id.parse(req.params.accountId));
      res.json({ ok: true, message: 'Dossier retiré.' });
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
