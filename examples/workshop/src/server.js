import { bundleComponents, hashPassword, importOrg } from '@portier/adminjs';
import fs from 'node:fs';
import { createWorkshop } from './app.js';
import { registry } from './modules.js';

/** `npm start`: the workshop on DATABASE_URL, its organisation loaded when the database has no user. */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL database for the workshop (e.g. postgres://postgres@127.0.0.1:5432/workshop).');
  process.exit(1);
}
if (!process.env.PORTIER_AUDIT_KEY) {
  console.error('Set PORTIER_AUDIT_KEY to a long random string kept outside the database (e.g. `openssl rand -hex 32`): it seals the audit trail.');
  process.exit(1);
}
const { app, admin, dataSource } = await createWorkshop({
  databaseUrl,
  sessionSecret: process.env.SESSION_SECRET ?? 'workshop-example',
  auditKey: process.env.PORTIER_AUDIT_KEY,
});
const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
if (n === 0) {
  const org = JSON.parse(fs.readFileSync(new URL('./org.json', import.meta.url), 'utf8'));
  await importOrg(dataSource, registry, org, { hashPassword });
  console.log('Workshop organisation loaded (src/org.json): sign in as admin, chef, op1 or acheteur, password Atelier2024.');
}
await bundleComponents(admin);
const port = Number(process.env.PORT ?? 3300);
app.listen(port, () => console.log(`Workshop ready at http://localhost:${port}/admin`));
