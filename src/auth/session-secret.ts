import { localSecret } from './local-secret.js';

/** SESSION_SECRET, which signs the session cookie (see local-secret.ts for where it comes from). */
export function sessionSecret(): string {
  return localSecret('SESSION_SECRET', 'session-secret', 'it signs the session cookie');
}
