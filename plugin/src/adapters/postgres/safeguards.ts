import type { EntityManager } from 'typeorm';
import type { Capability } from '../../core/model.js';
import { CAPABILITY_LABELS, CAPABILITY_LABELS_EN } from '../../core/capabilities.js';
import { safeguardIn } from '../../core/refusals.js';

/** Serialises every change that could remove an admin, so that two of them cannot both pass. */
const ADMIN_LOCK = 872_341_002;

export async function lockAdmins(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_LOCK]);
}

/** "There is always at least one active admin": checked after the change, before commit. */
export async function assertAnActiveAdmin(m: EntityManager): Promise<void> {
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM app_user WHERE is_admin AND status = 'active' AND kind = 'internal'`);
  if (n === 0) {
    throw safeguardIn({
      fr: 'Refusé : il doit toujours rester au moins un administrateur actif.',
      en: 'Refused: there must always remain at least one active administrator.',
    });
  }
}

export async function capabilitiesOf(m: EntityManager, userId: number): Promise<{ isAdmin: boolean; capabilities: Set<Capability> }> {
  const [row] = await m.query(
    // As hasCapability (core/capabilities.ts) decides: an inactive or client user holds none.
    `SELECT u.is_admin AS "isAdmin",
            coalesce((SELECT array_agg(DISTINCT c) FROM role_profile rp JOIN profile p ON p.id = rp.profile_id, unnest(p.capabilities) c
                       WHERE rp.role_id = u.role_id), '{}') AS capabilities
       FROM app_user u WHERE u.id = $1 AND u.status = 'active' AND u.kind = 'internal'`,
    [userId],
  );
  return { isAdmin: !!row?.isAdmin, capabilities: new Set(row?.capabilities ?? []) };
}

/**
 * "No one saves a profile or role change that removes their own manageUsers or manageAccess
 * (unless they are admin through isAdmin)": compares the actor's capabilities before and after
 * the change, inside its transaction.
 */
export async function assertKeepsOwnAdministration(m: EntityManager, actorId: number, before: Set<Capability>): Promise<void> {
  const after = await capabilitiesOf(m, actorId);
  if (after.isAdmin) return;
  const lost = (['manageUsers', 'manageAccess'] as const).filter((c) => before.has(c) && !after.capabilities.has(c));
  if (lost.length) {
    throw safeguardIn({
      fr: `Refusé : ce changement vous retirerait votre propre droit ${lost.map((c) => `« ${CAPABILITY_LABELS[c]} »`).join(' et ')}.`,
      en: `Refused: this change would take away your own right ${lost.map((c) => `"${CAPABILITY_LABELS_EN[c]}"`).join(' and ')}.`,
    });
  }
}
