import type { DataSource, EntityManager } from 'typeorm';
import type { MailKind, MailLanguage } from '../../core/mail-texts.js';

export type MailStatus = 'queued' | 'sending' | 'sent' | 'logged' | 'failed';

export interface OutboxInput {
  userId: number | null;
  recipientName: string;
  address: string;
  subject: string;
  /** What the outbox keeps: the body, its link replaced where the link may not be kept. */
  body: string;
  language: MailLanguage;
  kind: MailKind;
}

/** The row, in the caller's transaction: it exists only if the change that caused it commits. */
export async function insertOutbox(m: EntityManager, mail: OutboxInput): Promise<number> {
  const [row] = await m.query(
    `INSERT INTO mail_outbox (user_id, recipient_name, address, subject, body, language, kind) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [mail.userId, mail.recipientName.slice(0, 201), mail.address, mail.subject.slice(0, 300), mail.body, mail.language, mail.kind],
  );
  return Number(row.id);
}

/**
 * Takes a queued mail for sending: once committed and only once (not yet committed, or rolled
 * back: no row, nothing taken).
 */
export async function claimOutbox(ds: DataSource, id: number): Promise<{ id: number; user_id: number | null; address: string; kind: MailKind } | null> {
  const [rows] = await ds.query(`UPDATE mail_outbox SET status = 'sending' WHERE id = $1 AND status = 'queued' RETURNING id, user_id, address, kind`, [id]);
  return rows[0] ?? null;
}

export async function settleOutbox(m: EntityManager | DataSource, id: number, status: 'sent' | 'logged' | 'failed', error: string | null): Promise<void> {
  await m.query(`UPDATE mail_outbox SET status = $2::varchar, error = $3, sent_at = CASE WHEN $2::varchar = 'failed' THEN NULL ELSE now() END WHERE id = $1`, [
    id,
    status,
    error?.slice(0, 2000) ?? null,
  ]);
}

export interface OutboxRow {
  id: number;
  createdAt: string;
  sentAt: string | null;
  userId: number | null;
  recipientName: string;
  address: string;
  subject: string;
  language: MailLanguage;
  kind: MailKind;
  status: MailStatus;
  error: string | null;
  body?: string;
}

const COLUMNS = `id::int AS id, created_at AS "createdAt", sent_at AS "sentAt", user_id AS "userId", recipient_name AS "recipientName",
  address, subject, language, kind, status, error`;

/** "Courriers envoyés": newest first, a page at a time. */
export async function outboxPage(ds: DataSource, page: number, perPage: number): Promise<{ total: number; rows: OutboxRow[] }> {
  const [{ total }] = await ds.query(`SELECT count(*)::int AS total FROM mail_outbox`);
  const rows = await ds.query(`SELECT ${COLUMNS} FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`, [perPage, (page - 1) * perPage]);
  return { total, rows };
}

export async function outboxMail(ds: DataSource, id: number): Promise<OutboxRow | null> {
  const [row] = await ds.query(`SELECT ${COLUMNS}, body FROM mail_outbox WHERE id = $1`, [id]);
  return row ?? null;
}
