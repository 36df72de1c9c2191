import type { EntityManager } from 'typeorm';
import type { AccessService, UserAccess } from '../adapters/postgres/access-service.js';
import { invalidIn } from '../core/refusals.js';
import { dossierTable, readableAccountIds } from './dossier-accounts.js';

/**
 * A client user's dossier grants (docs/spec/client-access.md), checked and written the same way
 * by every path that gives or takes them: a new client user (user-writes.ts) and the dossier
 * editor (dossier-writes.ts). The caller holds the transaction, the seat guard and the audit entry.
 */
export interface DossierGrantInput {
  accountId: number;
  profileId: number;
}

/** "A client user with no dossier cannot log in" (docs/spec/client-access.md): why the last one stays. */
export const NO_DOSSIER = {
  fr: "Un utilisateur client sans dossier ne peut pas se connecter : gardez-lui au moins un dossier, ou désactivez-le (page de l'utilisateur, Statut).",
  en: "A client user with no dossier cannot sign in: keep at least one dossier for them, or deactivate them (the user's page, Status).",
};

/** A dossier as the audit trail names it: [Account reference, profile name]. */
export type NamedDossier = [string, string];

/** The user's grants by Account reference, as the audit trail names them. */
export async function namedDossiers(m: EntityManager, service: AccessService, userId: number): Promise<NamedDossier[]> {
  const rows = await m.query(
    `SELECT a.reference, p.name FROM dossier_grant g JOIN "${dossierTable(service)}" a ON a.id = g.account_id JOIN profile p ON p.id = g.profile_id
      WHERE g.user_id = $1 ORDER BY a.reference`,
    [userId],
  );
  return rows.map((r: { reference: string; name: string }): NamedDossier => [r.reference, r.name]);
}

/** A client profile by id, or the refusal on `property` (an internal profile says so by its name). */
export async function clientProfile(m: EntityManager, id: number, property: string, dossier?: number): Promise<{ id: number; name: string }> {
  const where = dossier === undefined ? { fr: '', en: '' } : { fr: `Dossier ${dossier} : `, en: `Dossier ${dossier}: ` };
  const [p] = await m.query(`SELECT id, name, audience FROM profile WHERE id = $1`, [id]);
  if (!p) throw invalidIn({ fr: `${where.fr}Aucun profil n° ${id}.`, en: `${where.en}No profile #${id}.` }, property);
  if (p.audience !== 'client')
    throw invalidIn(
      {
        fr: `${where.fr}« ${p.name} » est un profil interne : un dossier s'ouvre sous un profil client.`,
        en: `${where.en}"${p.name}" is an internal profile: a dossier opens under a client profile.`,
      },
      property,
    );
  return p;
}

/**
 * Refuses grants that may not be written, before anything is: an Account twice, an Account that
 * does not exist, a profile that is not a client profile. An Account the actor may not read
 * answers exactly as one that does not exist (no id can be probed); the dossiers a user already
 * holds (`held`) are kept whoever edits them, so a consultant may change the rest of a client's
 * dossiers without reading every one of their Accounts.
 */
export async function checkDossierGrants(
  m: EntityManager,
  service: AccessService,
  actor: UserAccess,
  grants: DossierGrantInput[],
  held: ReadonlySet<number> = new Set(),
): Promise<void> {
  if (!grants.length)
    throw invalidIn(
      {
        fr: 'Un utilisateur client a au moins un dossier : choisissez un compte et son profil.',
        en: 'A client user has at least one dossier: choose an account and its profile.',
      },
      'dossiers',
    );
  const first = new Map<number, number>();
  for (const [i, g] of grants.entries()) {
    const twin = first.get(g.accountId);
    if (twin !== undefined)
      throw invalidIn(
        {
          fr: `Dossiers ${twin + 1} et ${i + 1} : le même compte est choisi deux fois (un seul profil par compte).`,
          en: `Dossiers ${twin + 1} and ${i + 1}: the same account is chosen twice (one profile per account).`,
        },
        'dossiers',
      );
    first.set(g.accountId, i);
  }
  const readable = await readableAccountIds(
    service,
    m,
    actor,
    grants.map((g) => g.accountId),
  );
  for (const [i, g] of grants.entries()) {
    if (!held.has(g.accountId) && !readable.has(g.accountId))
      throw invalidIn({ fr: `Dossier ${i + 1} : aucun compte n° ${g.accountId}.`, en: `Dossier ${i + 1}: no account #${g.accountId}.` }, 'dossiers');
    await clientProfile(m, g.profileId, 'dossiers', i + 1);
  }
}

/** Replaces the user's grants with `grants` (already checked). */
export async function writeDossierGrants(m: EntityManager, userId: number, grants: DossierGrantInput[]): Promise<void> {
  await m.query(`DELETE FROM dossier_grant WHERE user_id = $1`, [userId]);
  for (const g of grants) await m.query(`INSERT INTO dossier_grant (user_id, account_id, profile_id) VALUES ($1, $2, $3)`, [userId, g.accountId, g.profileId]);
}
