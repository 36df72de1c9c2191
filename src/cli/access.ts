import { parseArgs } from 'node:util';
import { AccessService, explainRecord, MODULE_ACTIONS, type ModuleAction } from '@portier/adminjs';
import { connectDatabase } from '../db/connect.js';
import { registry } from '../modules.js';

const USAGE = `Usage:
  npm run access -- explain --user LOGIN --module MODULE [--reference REF] --action ACTION [--lang fr|en]

  ACTION is one of ${MODULE_ACTIONS.join(', ')}; --reference is required for read, edit and delete.
  Example: npm run access -- explain --user commercial --module Deal --reference DEA-0024 --action read`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    user: { type: 'string' },
    module: { type: 'string' },
    reference: { type: 'string' },
    action: { type: 'string' },
    lang: { type: 'string', default: 'fr' },
  },
});
const action = values.action as ModuleAction;
const problems: string[] = [];
if (positionals[0] !== 'explain') problems.push('the command is "explain"');
if (!values.user) problems.push('--user is required');
if (!values.module) problems.push('--module is required');
else if (!registry.has(values.module)) problems.push(`unknown module "${values.module}" (known: ${registry.names.join(', ')})`);
if (!MODULE_ACTIONS.includes(action)) problems.push(`--action must be one of ${MODULE_ACTIONS.join(', ')}`);
if (['read', 'edit', 'delete'].includes(action) && !values.reference) problems.push(`--reference is required for ${action}`);
if (!['fr', 'en'].includes(values.lang!)) problems.push('--lang must be fr or en');
if (problems.length) {
  console.error(`${problems.join('\n')}\n\n${USAGE}`);
  process.exit(2);
}

const db = await connectDatabase();
let code = 0;
try {
  const [user] = await db.dataSource.query(`SELECT id FROM app_user WHERE login = $1`, [values.user]);
  if (!user) {
    console.error(`No user "${values.user}".`);
    code = 1;
  } else {
    const result = await explainRecord(
      new AccessService(db.dataSource, registry),
      user.id,
      values.module!,
      values.reference ?? null,
      action,
      values.lang as 'fr' | 'en',
    );
    if ('error' in result) {
      console.error(result.error === 'unknownRecord' ? `No ${values.module} "${values.reference}".` : result.error);
      code = 1;
    } else {
      console.log(result.text);
      code = result.allowed ? 0 : 3;
    }
  }
} finally {
  await db.close();
}
process.exit(code);
