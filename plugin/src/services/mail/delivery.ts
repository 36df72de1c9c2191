import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { LINK_PLACEHOLDER, mailText, type MailFacts } from '../../core/mail-texts.js';
import { audit } from '../../adapters/postgres/audit.js';
import { claimOutbox, insertOutbox, settleOutbox } from '../../adapters/postgres/mail-outbox.js';
import { mailSettingsOf, outboxKeepsLinks, type MailSettings } from './settings.js';

/**
 * Mail leaves after the change that caused it has committed, never inside it: the outbox row is
 * written in the change's transaction, the mail itself (with its link) waits here, in memory,
 * until `deliverQueuedMail` finds its row committed. A mail server that fails marks the row
 * failed; it never undoes the change nor fails the request. The link is in memory only: a
 * restart before the sending loses it (the row stays "queued"; the person asks for a new link).
 */
interface Waiting {
  to: string;
  subject: string;
  text: string;
  /** ms since the epoch: a mail whose row never commits (rolled back) is forgotten after a while. */
  since: number;
  /** Why it cannot be sent at all (no address to point its link to). */
  unsendable?: string;
}

const FORGET_AFTER_MS = 10 * 60 * 1000;
const waiting = new WeakMap<DataSource, Map<number, Waiting>>();
const inFlight = new WeakMap<DataSource, Set<Promise<void>>>();
const transports = new Map<string, Transporter>();

export interface MailToQueue {
  userId: number;
  recipientName: string;
  address: string;
  /** The link, or null when there is no address to point it to (production without PUBLIC_URL). */
  facts: Omit<MailFacts, 'organisation' | 'link'> & { link: string | null };
}

/** Queues one mail in the caller's transaction. Returns the outbox row's id. */
export async function queueMail(m: EntityManager, mail: MailToQueue): Promise<number> {
  const ds = m.connection;
  const settings = mailSettingsOf(ds);
  const facts: MailFacts = { ...mail.facts, link: mail.facts.link ?? LINK_PLACEHOLDER[mail.facts.language], organisation: settings.organisation };
  const sent = mailText(facts);
  const kept = outboxKeepsLinks(settings) ? sent : mailText({ ...facts, link: LINK_PLACEHOLDER[facts.language] });
  const id = await insertOutbox(m, {
    userId: mail.userId,
    recipientName: mail.recipientName,
    address: mail.address,
    subject: kept.subject,
    body: kept.body,
    language: facts.language,
    kind: facts.kind,
  });
  let queue = waiting.get(ds);
  if (!queue) waiting.set(ds, (queue = new Map()));
  queue.set(id, {
    to: mail.address,
    subject: sent.subject,
    text: sent.body,
    since: Date.now(),
    ...(mail.facts.link === null
      ? { unsendable: "PUBLIC_URL n'est pas configuré : le lien ne peut désigner aucune adresse, le courrier n'est pas parti." }
      : {}),
  });
  return id;
}

/** Whether mail waits to be sent for this database (cheap: the web layer asks after each request). */
export function mailWaiting(ds: DataSource): boolean {
  return (waiting.get(ds)?.size ?? 0) > 0;
}

/**
 * Sends every waiting mail whose row has committed: by SMTP when a server is configured, else on
 * the server's console (not in production: there the mail fails, no link is shown anywhere).
 * Each result is written on its row and in the audit trail (kind, recipient, result; never the link).
 */
export function deliverQueuedMail(ds: DataSource): Promise<void> {
  const queue = waiting.get(ds);
  if (!queue?.size) return Promise.resolve();
  let running = inFlight.get(ds);
  if (!running) inFlight.set(ds, (running = new Set()));
  const work = (async () => {
    for (const [id, mail] of [...queue]) {
      const row = await claimOutbox(ds, id);
      if (!row) {
        if (Date.now() - mail.since > FORGET_AFTER_MS) queue.delete(id);
        continue;
      }
      queue.delete(id);
      await deliver(ds, mailSettingsOf(ds), row, mail);
    }
  })().catch((e) => console.error('[mail] the outbox could not be read:', (e as Error).message));
  running.add(work);
  void work.finally(() => running.delete(work));
  return work;
}

/** Waits for the sendings under way (before the app closes its database). */
export async function mailSettled(ds: DataSource): Promise<void> {
  await Promise.all([...(inFlight.get(ds) ?? [])]);
}

async function deliver(ds: DataSource, settings: MailSettings, row: { id: number; user_id: number | null; address: string; kind: string }, mail: Waiting) {
  let status: 'sent' | 'logged' | 'failed';
  let error: string | null = null;
  try {
    if (mail.unsendable) {
      status = 'failed';
      error = mail.unsendable;
    } else if (settings.smtpUrl) {
      await transport(settings.smtpUrl).sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
      status = 'sent';
    } else if (!settings.production) {
      // The demo without a mail server: the message, link included, on the server's console.
      if (process.env.NODE_ENV !== 'test')
        console.info(`[mail] (no SMTP_URL: shown here, not sent)\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
      status = 'logged';
    } else {
      status = 'failed';
      error = "Aucun serveur d'envoi n'est configuré (SMTP_URL) : le courrier n'est pas parti.";
    }
  } catch (e) {
    status = 'failed';
    error = (e as Error).message || String(e);
    console.error(`[mail] sending to ${mail.to} failed:`, error);
  }
  try {
    await ds.transaction(async (m) => {
      await settleOutbox(m, row.id, status, error);
      await audit(
        m,
        { id: null, login: null, ip: null, userAgent: null },
        {
          action: status === 'failed' ? 'mailFailed' : 'mailSent',
          module: 'User',
          recordId: row.user_id,
          reference: row.address,
          message: `${row.kind === 'invitation' ? 'invitation' : 'mot de passe oublié'} → ${row.address} : ${RESULT[status]}${error ? ` (${error})` : ''}`,
        },
      );
    });
  } catch (e) {
    console.error(`[mail] the result of mail ${row.id} could not be written:`, (e as Error).message);
  }
}

const RESULT = { sent: 'envoyé', logged: "affiché dans la console du serveur (aucun serveur d'envoi configuré)", failed: 'échec' };

function transport(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    // Short timeouts: a mail server that does not answer fails the mail, not the app.
    t = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
    transports.set(url, t);
  }
  return t;
}
