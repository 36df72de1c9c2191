import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '../db/data-dir.js';

/**
 * SESSION_SECRET is required in production. In development one is generated once and kept in
 * the data folder, so that sessions survive restarts without a secret in the repository.
 */
export function sessionSecret(): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  if (process.env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET must be set in production (a long random string, e.g. `openssl rand -hex 32`).');
  }
  const file = path.join(dataDir(), 'session-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
