import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signIn } from '@portier/adminjs';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  const doc = example();
  // Alice may sign in only on Mondays from 08:00 to 19:00, Paris time; the admin has the same schedule.
  const mondays = { tz: 'Europe/Paris', days: { mon: [['08:00', '19:00']] } };
  doc.users.find((u: { login: string }) => u.login === 'alice').loginHours = mondays;
  doc.users.find((u: { login: string }) => u.login === 'admin').loginHours = mondays;
  await importDoc(db.ds, doc);
});
afterAll(async () => {
  await db.drop();
});

const MONDAY_NOON = new Date('2026-11-23T11:00:00Z'); // 12:00 in Paris
const SUNDAY_NOON = new Date('2026-11-22T11:00:00Z');
const attempt = (identifier: string, password = 'Portier2024') => ({ identifier, password, ip: '10.0.0.1', userAgent: 'jest' });

describe('sign-in', () => {
  it('accepts the login or the e-mail (any case) with the right password', async () => {
    expect((await signIn(db.ds, attempt('bob'), MONDAY_NOON)).ok).toBe(true);
    expect((await signIn(db.ds, attempt('BOB@Exemple.TEST'), MONDAY_NOON)).ok).toBe(true);
  });

  it.each([
    ['a wrong password', attempt('bob', 'Portier2025'), 'invalidCredentials'],
    ['an unknown login', attempt('nobody'), 'invalidCredentials'],
    ['an empty login', attempt(''), 'invalidCredentials'],
    ['an inactive user', attempt('hugo'), 'userInactive'],
    ['a collaborator without access (no role, not admin)', attempt('gael'), 'userWithoutAccess'],
  ])('refuses %s', async (_what, a, reason) => {
    const result = await signIn(db.ds, a, MONDAY_NOON);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('refuses a user outside their login hours, and lets them in within them', async () => {
    expect(await signIn(db.ds, attempt('alice'), SUNDAY_NOON)).toMatchObject({ ok: false, reason: 'outsideLoginHours' });
    expect((await signIn(db.ds, attempt('alice'), MONDAY_NOON)).ok).toBe(true);
  });

  it('never applies login hours to admins, so a schedule cannot lock the administration out', async () => {
    expect((await signIn(db.ds, attempt('admin'), SUNDAY_NOON)).ok).toBe(true);
  });

  it('checks the password before saying why an account is refused', async () => {
    expect(await signIn(db.ds, attempt('hugo', 'wrong-guess1'), MONDAY_NOON)).toMatchObject({ ok: false, reason: 'invalidCredentials' });
  });

  it('records every attempt, success or failure with its reason, address and company', async () => {
    await db.ds.query(`DELETE FROM login_event`);
    await signIn(db.ds, attempt('chloe'), MONDAY_NOON);
    await signIn(db.ds, attempt('hugo'), MONDAY_NOON);
    const events = await db.ds.query(`SELECT login, success, reason, ip, user_agent, company, user_id IS NOT NULL AS known FROM login_event ORDER BY id`);
    expect(events).toEqual([
      { login: 'chloe', success: true, reason: null, ip: '10.0.0.1', user_agent: 'jest', company: 'Globex', known: true },
      { login: 'hugo', success: false, reason: 'userInactive', ip: '10.0.0.1', user_agent: 'jest', company: 'Acme', known: true },
    ]);
  });
});

describe('throttling', () => {
  const from = (ip: string, identifier: string, password = 'wrong-guess1') => ({ identifier, password, ip, userAgent: 'jest' });

  it('after 5 failures for one login from one address, that login is refused from that address, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect(await signIn(db.ds, from('10.1.1.1', 'farid'), MONDAY_NOON)).toMatchObject({ ok: false, reason: 'invalidCredentials' });
    expect(await signIn(db.ds, from('10.1.1.1', 'farid', 'Portier2024'), MONDAY_NOON)).toMatchObject({ ok: false, reason: 'tooManyRequests' });
    // A stranger cannot lock a colleague out: from another address farid signs in.
    expect((await signIn(db.ds, from('10.2.2.2', 'farid', 'Portier2024'), MONDAY_NOON)).ok).toBe(true);
    // And another login from the first address is not affected.
    expect((await signIn(db.ds, from('10.1.1.1', 'emma', 'Portier2024'), MONDAY_NOON)).ok).toBe(true);
  });

  it('after 50 failures from one address, whatever the logins, that address waits too', async () => {
    for (let i = 0; i < 50; i++) await signIn(db.ds, from('10.3.3.3', `guess${i % 10}`), MONDAY_NOON);
    expect(await signIn(db.ds, from('10.3.3.3', 'emma', 'Portier2024'), MONDAY_NOON)).toMatchObject({ ok: false, reason: 'tooManyRequests' });
  });

  it('every attempt is a security event of the audit trail', async () => {
    const events = await db.ds.query(`SELECT action, message FROM audit_entry WHERE ip = '10.1.1.1' ORDER BY id`);
    expect(events.map((e: { action: string; message: string | null }) => `${e.action}:${e.message ?? ''}`)).toEqual([
      ...Array(5).fill('signInRefused:invalidCredentials'),
      'signInRefused:tooManyRequests',
      'signIn:',
    ]);
  });
});
