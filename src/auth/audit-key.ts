import { useAuditKey } from '@portier/adminjs';
import { localSecret } from './local-secret.js';

/**
 * PORTIER_AUDIT_KEY, which seals the audit trail, kept outside the database (see
 * local-secret.ts for where it comes from: the app and the commands share the development one).
 * Given to the plugin before the migrations run: the one that starts the seals anchors the trail with it.
 */
export function configureAuditKey(): void {
  useAuditKey(localSecret('PORTIER_AUDIT_KEY', 'audit-key', 'it seals the audit trail'));
}
