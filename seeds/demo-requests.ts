import type { DataSource } from 'typeorm';
import { AccessService, createAccessRequest, type ModuleRegistry, type ServiceContext } from '@portier/adminjs';

/**
 * Two open access requests of the demo's partner team lead, g.lebrun (profile "Chef d'équipe
 * partenaire", capability requestAccessChanges), so that "Demandes d'accès" has something to
 * handle on a fresh start: a new advisor for the partner network (the rights she needs per module,
 * with a role suggested), and the deactivation of one who left. g.lebrun's team is the partner
 * company's ("Équipe Fournil Partenaire"): he sees and names its advisors only. Made through the service, as the page makes them: checked, and in the audit trail.
 */
export async function addDemoRequests(ds: DataSource, registry: ModuleRegistry): Promise<number> {
  const service = new AccessService(ds, registry);
  const id = async (sql: string, value: string): Promise<number | undefined> => (await ds.query(sql, [value]))[0]?.id;
  const leadId = await id(`SELECT id FROM app_user WHERE login = $1`, 'g.lebrun');
  const roleId = await id(`SELECT id FROM role WHERE name = $1`, 'Partenaires terrain');
  const leaverId = await id(`SELECT id FROM app_user WHERE login = $1`, 'a.huet');
  const lead = leadId === undefined ? null : await service.forUser(leadId);
  if (!lead || roleId === undefined || leaverId === undefined) return 0; // another organisation file: nothing to ask
  // Made by the seed, not over HTTP: no ip or user agent in the audit trail, nothing to confirm.
  const ctx: ServiceContext = { actor: lead, ip: null, userAgent: null, confirmSeats: false };
  await createAccessRequest(service, ctx, {
    type: 'newUser',
    firstName: 'Camille',
    lastName: 'Rivière',
    email: 'camille.riviere@boulangerie-partenaire.test',
    title: 'Conseillère boulangerie partenaire',
    // What she needs, per module; the role is the lead's suggestion, the handler chooses.
    wantedRights: { Lead: ['create', 'read', 'edit'], Account: ['read', 'export'], Contact: ['read'] },
    roleId,
    note: 'Rejoint le réseau le 1er du mois (boulangerie de Villeurbanne).',
  });
  await createAccessRequest(service, ctx, {
    type: 'deactivation',
    userId: leaverId,
    reason: 'A quitté le réseau partenaire',
    note: 'Son dernier jour était vendredi.',
  });
  return 2;
}
