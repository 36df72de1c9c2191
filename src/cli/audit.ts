import { verifyAuditChain } from '../../plugin/src/adapters/typeorm/audit.js';
import { connectDatabase } from '../db/connect.js';

/** `npm run audit -- verify`: recomputes the audit trail's hash chain and names the first broken entry. */
if (process.argv[2] !== 'verify') {
  console.error('Usage: npm run audit -- verify');
  process.exit(2);
}
const db = await connectDatabase();
let code = 0;
try {
  const result = await verifyAuditChain(db.dataSource);
  if (result.firstBroken) {
    console.error(`The audit trail is broken at entry ${result.firstBroken.id}: ${result.firstBroken.reason} (${result.entries} entries checked).`);
    code = 1;
  } else {
    console.log(`The audit trail is intact: ${result.entries} entries, every hash and link checked.`);
  }
} finally {
  await db.close();
}
process.exit(code);
