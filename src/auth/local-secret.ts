import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '../db/data-dir.js';

/**
 * A secret the app needs, from its environment variable; required in production; in
 * development generated once and kept in the data folder (mode 600), so that it survives
 * restarts and the commands share it, without a secret in the repository.
 */
export function localSecret(variable: string, file: string, purpose: string): string {
  const value = process.env[variable];
  if (value) return value;
  if (process.env.NODE_ENV === 'production') {
    throw new Error(`${variable} must be set in production (a long random string, e.g. \`openssl rand -hex 32\`): ${purpose}.`);
  }
  const kept = path.join(dataDir(), file);
  if (!fs.existsSync(kept)) fs.writeFileSync(kept, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(kept, 'utf8').trim();
}
