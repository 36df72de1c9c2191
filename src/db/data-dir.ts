import fs from 'node:fs';
import path from 'node:path';

/** The folder that keeps the embedded database, the development session secret and the bundle. */
export function dataDir(): string {
  const dir = path.resolve(process.env.PORTIER_DATA_DIR || '.data');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
