import type { CompiledAccess } from './compile.js';
import type { Capability } from './model.js';

/** The administration capabilities as the screens and refusals name them. */
export const CAPABILITY_LABELS: Record<Capability, string> = {
  manageUsers: 'gérer les utilisateurs',
  manageAccess: 'gérer les profils, rôles, équipes et le partage',
  viewAudit: "consulter la piste d'audit",
  viewStats: 'consulter les statistiques de connexion',
  requestAccessChanges: 'demander des changements d’accès',
};

/** The same, in English sentences. */
export const CAPABILITY_LABELS_EN: Record<Capability, string> = {
  manageUsers: 'manage users',
  manageAccess: 'manage profiles, roles, teams and sharing',
  viewAudit: 'read the audit trail',
  viewStats: 'read the connection statistics',
  requestAccessChanges: 'request access changes',
};

/**
 * Whether a user holds an administration capability: an active internal user who is admin or
 * whose role's profiles grant it (docs/spec/access-model.md). Inactive and client users hold none;
 * the SQL twin (safeguards.ts, `capabilitiesOf`) says the same.
 */
export function hasCapability(access: Pick<CompiledAccess, 'active' | 'kind' | 'isAdmin' | 'capabilities'>, capability: Capability): boolean {
  return access.active && access.kind === 'internal' && (access.isAdmin || access.capabilities.has(capability));
}
