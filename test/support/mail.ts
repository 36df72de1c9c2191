import type { DataSource } from 'typeorm';
import { postForm } from './server.js';

export interface OutboxRow {
  id: string;
  user_id: number | null;
  address: string;
  recipient_name: string;
  subject: string;
  body: string;
  language: string;
  kind: string;
  status: string;
  error: string | null;
}

/**
 * The newest mail of this kind to this address, once its sending is over (mail leaves after
 * the request's answer: services/mail/delivery.ts).
 */
export async function mailTo(ds: DataSource, address: string, kind: 'invitation' | 'reset', timeoutMs = 10_000): Promise<OutboxRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await ds.query(`SELECT * FROM mail_outbox WHERE lower(address) = lower($1) AND kind = $2 ORDER BY id DESC LIMIT 1`, [address, kind]);
    if (row && !['queued', 'sending'].includes(row.status)) return row;
    if (Date.now() > until) throw new Error(`no ${kind} mail sent to ${address} (${row ? row.status : 'none'})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The one-time link a mail's body holds (the outbox keeps it only without a mail server, outside production). */
export function linkIn(body: string): string {
  const m = /https?:\/\/\S+\/password-link\/[A-Za-z0-9_-]{43}/.exec(body);
  if (!m) throw new Error(`no link in: ${body}`);
  return m[0];
}

/** What a browser does with a link: open it (the token goes into its session), then send the two fields. */
export async function followLink(link: string, password: string, confirm = password) {
  const opened = await fetch(link, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie')?.split(';')[0] ?? null;
  const location = opened.headers.get('location');
  if (opened.status !== 302 || !cookie || !location) return { status: opened.status, body: await opened.text(), opened };
  const formUrl = new URL(location, link).toString();
  const form = await fetch(formUrl, { headers: { cookie }, redirect: 'manual' });
  await form.arrayBuffer();
  const posted = await postForm(formUrl, { next: password, confirm }, cookie);
  return { status: posted.status, body: posted.body, opened, cookie, formUrl };
}
