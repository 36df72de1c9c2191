import crypto from 'node:crypto';

/**
 * The key that seals the audit trail (audit-seal.ts). It is kept outside the database — in
 * PORTIER_AUDIT_KEY, or given by the app at start (`useAuditKey`) — so that whoever can write the
 * database but does not hold the key cannot rebuild the trail without `verify` noticing.
 */
let configured: Buffer | null = null;

export const AUDIT_KEY_MIN_LENGTH = 32;

function checked(key: string, from: string): Buffer {
  if (key.length < AUDIT_KEY_MIN_LENGTH) {
    throw new Error(`${from}: the audit key must be at least ${AUDIT_KEY_MIN_LENGTH} characters long (e.g. \`openssl rand -hex 32\`).`);
  }
  return Buffer.from(key, 'utf8');
}

/** The app's key, given once at start (before migrations and before the first entry). */
export function useAuditKey(key: string): void {
  configured = checked(key, 'useAuditKey');
}

/** The key in use: the app's, else PORTIER_AUDIT_KEY; without one, nothing can be written to the trail. */
export function auditKey(): Buffer {
  if (configured) return configured;
  const env = process.env.PORTIER_AUDIT_KEY;
  if (env) return (configured = checked(env, 'PORTIER_AUDIT_KEY'));
  throw new Error(
    'No audit key: set PORTIER_AUDIT_KEY (a long random string kept outside the database, e.g. `openssl rand -hex 32`); the audit trail is sealed with it.',
  );
}

/** HMAC-SHA256 under the audit key, hex. */
export function auditMac(text: string, key: Buffer = auditKey()): string {
  return crypto.createHmac('sha256', key).update(text, 'utf8').digest('hex');
}
