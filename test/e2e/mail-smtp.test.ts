import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { followLink, linkIn, mailTo } from '../support/mail.js';
import { postForm } from '../support/server.js';
import { serveApp, type WebApp } from '../support/web-app.js';

/**
 * Mail through a real SMTP server (a local `smtp-server` listener): the message is delivered and
 * its outbox row marked sent, with the link replaced by a placeholder (the token is nowhere in
 * the database); a mail server that cannot be reached marks the row failed and the request that
 * caused it still succeeds; production without a mail server keeps no link and sends nothing.
 */
interface Received {
  to: string[];
  from: string;
  raw: string;
}

let db: TestDatabase;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];
const one = async (sql: string, params: unknown[] = []) => (await db.ds.query(sql, params))[0];
const userId = async (login: string): Promise<number> => (await one(`SELECT id FROM app_user WHERE login = $1`, [login])).id;
/** A quoted-printable body as the reader sees it (nodemailer wraps long lines with "=\n"). */
const decoded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

async function withApp<T>(mail: NonNullable<Parameters<typeof serveApp>[1]>['mail'], fn: (web: WebApp) => Promise<T>): Promise<T> {
  const web = await serveApp(db, { mail });
  try {
    return await fn(web);
  } finally {
    await web.close();
  }
}

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, exampleWithSpareSeats());
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), from: (session.envelope.mailFrom || { address: '' }).address, raw });
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await db?.drop();
});

describe('with a mail server (SMTP_URL)', () => {
  it('delivers the invitation, marks its row sent, and keeps no link nor token in the database', async () => {
    await withApp({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'Maison Verdier <backoffice@maison-verdier.test>' }, async (web) => {
      const ines = await AdminClient.signIn(web.url, 'ines');
      const support = (await one(`SELECT id FROM role WHERE name = 'Support'`)).id;
      const created = await ines.create('User', { login: 'rose', email: 'rose@exemple.test', firstName: 'Rose', lastName: 'Leroy', roleId: support });
      expect(created.status).toBe(200);
      const row = await mailTo(db.ds, 'rose@exemple.test', 'invitation');
      expect(row).toMatchObject({ status: 'sent', error: null });
      expect(row.body).toMatch(/\[lien envoyé par e-mail\]/);
      expect(row.body).not.toMatch(/password-link/);

      const message = received.find((m) => m.to.includes('rose@exemple.test'))!;
      expect(message.from).toBe('backoffice@maison-verdier.test');
      const text = decoded(message.raw);
      expect(text).toMatch(/Subject: =\?UTF-8\?|Subject: Maison Verdier/);
      const link = linkIn(text);
      const token = link.split('/').pop()!;
      const everything = JSON.stringify([
        await db.ds.query(`SELECT * FROM mail_outbox`),
        await db.ds.query(`SELECT * FROM audit_entry`),
        await db.ds.query(`SELECT * FROM credential_link`),
      ]);
      expect(everything).not.toContain(token);
      expect(await one(`SELECT count(*)::int AS n FROM credential_link WHERE token_hash = $1`, [createHash('sha256').update(token).digest('hex')])).toEqual({
        n: 1,
      });
      const sent = await one(`SELECT message FROM audit_entry WHERE action = 'mailSent' AND reference = 'rose@exemple.test'`);
      expect(sent.message).toBe('invitation → rose@exemple.test : envoyé');

      // The link the person received works, once.
      expect((await followLink(link, 'RoseChoisit1')).status).toBe(200);
      expect((await postForm(`${web.url}/admin/login`, { email: 'rose', password: 'RoseChoisit1' })).location).toBe('/admin');
    });
  });

  it('a forgotten password goes out the same way', async () => {
    await withApp({ smtpUrl: `smtp://127.0.0.1:${smtpPort}` }, async (web) => {
      expect((await postForm(`${web.url}/admin/forgot-password`, { email: 'alice@exemple.test' })).status).toBe(200);
      expect(await mailTo(db.ds, 'alice@exemple.test', 'reset')).toMatchObject({ status: 'sent' });
      expect(decoded(received.find((m) => m.to.includes('alice@exemple.test'))!.raw)).toMatch(/password-link\/[A-Za-z0-9_-]{43}/);
    });
  });
});

describe('when mail cannot leave', () => {
  it('an unreachable mail server marks the row failed, and the change that caused it stands', async () => {
    await withApp({ smtpUrl: 'smtp://127.0.0.1:1' }, async (web) => {
      const admin = await AdminClient.signIn(web.url, 'admin');
      const created = await admin.create('User', {
        login: 'sami',
        email: 'sami@exemple.test',
        roleId: (await one(`SELECT id FROM role WHERE name = 'Support'`)).id,
      });
      expect(created.status).toBe(200);
      expect(await userId('sami')).toEqual(expect.any(Number));
      const row = await mailTo(db.ds, 'sami@exemple.test', 'invitation');
      expect(row.status).toBe('failed');
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
      expect(row.body).not.toMatch(/password-link/);
      const failed = await one(`SELECT message FROM audit_entry WHERE action = 'mailFailed' AND reference = 'sami@exemple.test'`);
      expect(failed.message).toMatch(/^invitation → sami@exemple\.test : échec/);
      // "Renvoyer l'invitation" answers too; the failure is on the row, for the admin to read.
      expect((await admin.portier('POST', `/users/${await userId('sami')}/invitation`, {})).status).toBe(200);
    });
  });

  it('in production without a mail server: no link kept, nothing shown, the row says why', async () => {
    await withApp({ smtpUrl: null, production: true, publicOrigin: 'https://crm.exemple.test' }, async (web) => {
      expect((await postForm(`${web.url}/admin/forgot-password`, { email: 'chloe@exemple.test' })).status).toBe(200);
      const row = await mailTo(db.ds, 'chloe@exemple.test', 'reset');
      expect(row).toMatchObject({ status: 'failed', error: expect.stringMatching(/SMTP_URL/) });
      expect(row.body).toMatch(/\[lien envoyé par e-mail\]/);
    });
    // Without PUBLIC_URL, a link would point where the request's Host header says: none is sent.
    await withApp({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, production: true }, async (web) => {
      expect((await postForm(`${web.url}/admin/forgot-password`, { email: 'emma@exemple.test' }, null, { host: 'evil.example' })).status).toBe(200);
      expect(await mailTo(db.ds, 'emma@exemple.test', 'reset')).toMatchObject({ status: 'failed', error: expect.stringMatching(/PUBLIC_URL/) });
      expect(received.some((m) => m.to.includes('emma@exemple.test'))).toBe(false);
    });
  });
});
