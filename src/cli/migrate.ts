import { connectDatabase } from '../db/connect.js';

/** `npm run migrate`: applies the committed migrations to the configured database. */
const db = await connectDatabase({ log: (line) => console.log(line) });
const pending = await db.dataSource.showMigrations();
console.log(pending ? 'Some migrations are still pending.' : 'The schema is up to date.');
await db.close();
