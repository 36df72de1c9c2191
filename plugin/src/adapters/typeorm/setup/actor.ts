import type { Capability } from '../../../core/model.js';
import type { UserAccess } from '../access-service.js';
import { Refusal } from '../refusal.js';

export const NOTHING_CHANGED = "Rien n'a été modifié.";

const CAPABILITY_LABELS: Record<Capability, string> = {
  manageUsers: 'gérer les utilisateurs',
  manageAccess: 'gérer les profils, rôles, équipes et le partage',
  viewAudit: "consulter la piste d'audit",
  viewStats: 'consulter les statistiques de connexion',
  requestAccessChanges: 'demander des changements d’accès',
};

export function hasCapability(ua: UserAccess, capability: Capability): boolean {
  return ua.access.active && ua.access.kind === 'internal' && (ua.access.isAdmin || ua.access.capabilities.has(capability));
}

/** Only `manageUsers` (or admin) changes users; only `manageAccess` (or admin) changes the rest of the set-up. */
export function requireCapability(ua: UserAccess, capability: Capability): void {
  if (!hasCapability(ua, capability)) {
    throw new Refusal('forbidden', `Refusé : il faut le droit « ${CAPABILITY_LABELS[capability]} ». ${NOTHING_CHANGED}`);
  }
}

export function invalid(message: string, property?: string): Refusal {
  return new Refusal('invalid', `${message} ${NOTHING_CHANGED}`, property);
}

export function refuse(message: string, property?: string): Refusal {
  return new Refusal('forbidden', `${message} ${NOTHING_CHANGED}`, property);
}
