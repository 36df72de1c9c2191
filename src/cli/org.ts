import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { exportOrg, hashPassword, importOrg, orgFileJsonSchema, OrgFileError, type ImportProgress, type ImportSummary } from '@portier/adminjs';
import { connectDatabase } from '../db/connect.js';
import { registry } from '../modules.js';

const USAGE = `Usage:
  npm run org -- import FILE [--replace]   import an organisation file (one transaction)
  npm run org -- export FILE [--records]   export the organisation (never with passwords)
  npm run org -- schema [FILE]             write the file's JSON Schema (standard output without FILE)`;

const [command, file, ...flags] = process.argv.slice(2);
// The schema needs no database: it is the importer's own zod schema, as JSON Schema.
if (command === 'schema') {
  const text = JSON.stringify(orgFileJsonSchema(), null, 1) + '\n';
  try {
    if (file) fs.writeFileSync(file, text);
    else process.stdout.write(text);
  } catch (e) {
    console.error(`Cannot write ${file}: ${(e as Error).message}.`);
    process.exit(1);
  }
  process.exit(0);
}
if (!['import', 'export'].includes(command ?? '') || !file) {
  console.error(USAGE);
  process.exit(2);
}
const unknown = flags.filter((f) => !['--replace', '--records'].includes(f));
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(', ')}.\n${USAGE}`);
  process.exit(2);
}

let input: unknown;
if (command === 'import') {
  try {
    input = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`Cannot read ${file}: ${(e as Error).message}. Nothing was changed.`);
    process.exit(1);
  }
}

const db = await connectDatabase();
let code = 0;
try {
  if (command === 'import') {
    const started = Date.now();
    const summary = await importOrg(db.dataSource, registry, input, {
      replace: flags.includes('--replace'),
      hashPassword,
      onProgress: progress(),
      actor: { id: null, login: `import:${os.userInfo().username}`, ip: null, userAgent: `npm run org -- import ${path.basename(file)}` },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(describe(summary, (Date.now() - started) / 1000));
  } else {
    const doc = await exportOrg(db.dataSource, registry, { records: flags.includes('--records') });
    fs.writeFileSync(file, JSON.stringify(doc, null, 1) + '\n');
    console.log(
      `Exported ${doc.users?.length ?? 0} users, ${doc.profiles?.length ?? 0} profiles, ${doc.roles?.length ?? 0} roles, ` +
        `${doc.teams?.length ?? 0} teams, ${doc.sharing?.rules?.length ?? 0} rules` +
        (doc.records ? `, ${Object.values(doc.records).reduce((n, l) => n + l.length, 0)} records` : '') +
        ` to ${file}.`,
    );
  }
} catch (e) {
  if (e instanceof OrgFileError) console.error(`${file}: ${e.message}`);
  else console.error(`The ${command} failed; nothing was changed: ${(e as Error).stack ?? e}`);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);

/** A progress line on large files: rewritten in place on a terminal, every 10 % otherwise. */
function progress(): (p: ImportProgress) => void {
  let last = '';
  return (p) => {
    if (p.total < 500) return;
    const pct = Math.floor((100 * p.done) / p.total);
    const line = `${p.phase}: ${p.done}/${p.total} (${pct} %)`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
    else if (`${p.phase}${Math.floor(pct / 10)}` !== last) console.error(line);
    last = `${p.phase}${Math.floor(pct / 10)}`;
  };
}

function describe(s: ImportSummary, seconds: number): string {
  const c = (x: { created: number; updated: number }) => `${x.created} created, ${x.updated} updated`;
  const records = Object.entries(s.records).map(([m, x]) => `  ${m}: ${c(x)}`);
  return [
    `Imported ${file} in ${seconds.toFixed(1)} s${s.replaced ? ' (organisation replaced)' : ''}:`,
    `  profiles: ${c(s.profiles)}`,
    `  roles: ${c(s.roles)}`,
    `  users: ${c(s.users)}`,
    `  teams: ${c(s.teams)}`,
    `  sharing defaults: ${s.defaults}`,
    `  sharing rules: ${c(s.rules)}`,
    ...records,
    `  audit trail: ${s.audited} entries`,
    s.seats.billingEvents
      ? `  seats over the subscription: ${s.seats.overruns.map((o) => `${o.tier} ${o.after}/${o.included} (+${o.over})`).join(', ')}; ${s.seats.billingEvents} billing ${s.seats.billingEvents === 1 ? 'event' : 'events'} recorded`
      : '  seats: within the subscription',
  ].join('\n');
}
