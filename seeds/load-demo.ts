import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { hashPassword, importOrg, type ImportSummary } from '@portier/adminjs';
import { registry } from '../src/modules.js';
import { generateDemoHistory } from './demo-history.js';
import { addDemoRequests } from './demo-requests.js';

export const DEMO_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-org.json');

/** Loads the demo organisation into an empty database; leaves any other database alone. */
export async function loadDemoIfEmpty(ds: DataSource, log: (line: string) => void = () => {}): Promise<ImportSummary | null> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM app_user`);
  if (n > 0) return null;
  log('Empty database: loading the demo organisation (seeds/demo-org.json)...');
  const doc = JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8'));
  const summary = await importOrg(ds, registry, doc, { hashPassword });
  const history = await generateDemoHistory(ds, registry.names);
  log(`Demo history generated: ${history.signIns} sign-ins and ${history.activity} daily module counts over four weeks.`);
  log(`Demo access requests: ${await addDemoRequests(ds, registry)} open, from g.lebrun.`);
  return summary;
}
