import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain, type ChainCheck } from '@portier/adminjs';
import { connectDatabase } from '../db/connect.js';
import { dataDir } from '../db/data-dir.js';

/**
 * `npm run audit -- verify`: recomputes the audit trail's hash chain, checks its seals under the
 * audit key (PORTIER_AUDIT_KEY, or the development key of the data folder) and names the first
 * broken entry. The trail's last entry is then recorded outside the database, in the data
 * folder (`audit-heads.json`, one line per database): the next run checks that it is still
 * there, unchanged — a tail cut off since the last check shows — and prints it, to keep
 * elsewhere too.
 */
if (process.argv[2] !== 'verify') {
  console.error('Usage: npm run audit -- verify');
  process.exit(2);
}

type Heads = Record<string, { id: number; hash: string; entries: number; at: string }>;
const headsFile = path.join(dataDir(), 'audit-heads.json');
const readHeads = (): Heads => (fs.existsSync(headsFile) ? JSON.parse(fs.readFileSync(headsFile, 'utf8')) : {});

const db = await connectDatabase({ migrate: false });
let code = 0;
try {
  const url = new URL(db.database.url);
  // Which database: its server and name (never its password).
  const which = crypto.createHash('sha256').update(`${url.hostname}:${url.port}/${url.pathname}`).digest('hex').slice(0, 16);
  const result: ChainCheck = await verifyAuditChain(db.dataSource);
  const previous = readHeads()[which];
  let cut: string | null = null;
  if (!result.firstBroken && previous) {
    const [row] = await db.dataSource.query(`SELECT hash FROM audit_entry WHERE id = $1`, [previous.id]);
    if (!row) cut = `entry ${previous.id}, the last one at the previous check (${previous.at}), is gone: the trail was cut after entry ${result.head?.id ?? 0}`;
    else if (row.hash !== previous.hash) cut = `entry ${previous.id} is not the one recorded at the previous check (${previous.at})`;
  }
  if (result.firstBroken) {
    console.error(`The audit trail is broken at entry ${result.firstBroken.id}: ${result.firstBroken.reason} (${result.entries} entries checked).`);
    code = 1;
  } else if (cut) {
    console.error(`The audit trail is broken: ${cut}.`);
    code = 1;
  } else {
    const anchor = result.anchor ? `sealed after entry ${result.anchor} (the anchor)` : 'sealed from its first entry';
    console.log(`The audit trail is intact: ${result.entries} entries, every hash and link checked, ${anchor}.`);
    if (result.head) {
      console.log(`Last entry: ${result.head.id} ${result.head.hash} (recorded in ${headsFile}; keep a copy elsewhere too).`);
      const heads = readHeads();
      heads[which] = { ...result.head, entries: result.entries, at: new Date().toISOString() };
      fs.writeFileSync(headsFile, JSON.stringify(heads, null, 2), { mode: 0o600 });
    }
  }
} finally {
  await db.close();
}
process.exit(code);
