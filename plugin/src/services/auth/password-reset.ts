import type { DataSource } from 'typeorm';
import { audit } from '../../adapters/postgres/audit.js';
import { mailDate } from '../../core/mail-texts.js';
import { issueLink, MAY_SIGN_IN_SQL } from '../credential-links.js';
import { queueMail } from '../mail/delivery.js';
import { LINK_PATH, linkBase, mailSettingsOf } from '../mail/settings.js';
import { accountKey } from './throttle.js';

/**
 * "Mot de passe oublié ?" is open to anyone, so it says nothing: the same answer whether an
 * account has the address or not, and requests are limited per account (the address typed, which
 * is the account when one has it: a known and an unknown address count alike) and per client
 * address, so that nobody floods a colleague's mailbox nor probes addresses in bulk. These rows
 * of the throttle's ledger are no failures: they never count against sign-in.
 */
export const RESET_THROTTLE = { perAccount: 3, accountWindow: '1 hour', perAddress: 10, addressWindow: '15 minutes' };

// Advisory locks of the reset requests (two-key form), apart from the sign-in throttle's.
const LOCKS = 872_341_018;

export interface ResetRequest {
  email: string;
  ip: string | null;
  userAgent: string | null;
  /** The origin the request came to: where the link points when PUBLIC_URL is not set (not in production). */
  origin: string | null;
}

/**
 * Sends a reset link (valid 1 hour) to the active user who may sign in and has this address;
 * anyone else gets nothing, and the answer does not say which. 'throttled' when too many requests
 * came for this address or from this client address (the same for known and unknown addresses).
 */
export async function requestPasswordReset(ds: DataSource, r: ResetRequest): Promise<'answered' | 'throttled'> {
  const email = (r.email ?? '').trim().toLowerCase().slice(0, 254);
  const address = r.ip ?? '';
  return ds.transaction(async (m) => {
    const [user] = email
      ? await m.query(
          `SELECT u.id, u.login, u.email, coalesce(nullif(u.full_name, ''), u.login) AS name, u.locale, ${MAY_SIGN_IN_SQL} AS "maySignIn"
             FROM app_user u WHERE lower(u.email) = $1`,
          [email],
        )
      : [];
    const account = accountKey(user?.id ?? null, email);
    await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS, `account:${account}`]);
    await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS, `address:${address}`]);
    const [counts] = await m.query(
      `SELECT count(*) FILTER (WHERE account = $1 AND at > now() - $3::interval)::int AS account,
              count(*) FILTER (WHERE ip = $2 AND at > now() - $4::interval)::int AS address
         FROM auth_attempt WHERE kind = 'reset' AND (account = $1 OR ip = $2) AND at > now() - greatest($3::interval, $4::interval)`,
      [account, address, RESET_THROTTLE.accountWindow, RESET_THROTTLE.addressWindow],
    );
    const actor = { id: user?.id ?? null, login: email.slice(0, 64) || null, ip: r.ip, userAgent: r.userAgent };
    if (counts.account >= RESET_THROTTLE.perAccount || counts.address >= RESET_THROTTLE.perAddress) {
      await audit(m, actor, { action: 'passwordResetRefused', message: 'tooManyRequests' });
      return 'throttled';
    }
    await m.query(`INSERT INTO auth_attempt (account, ip, kind, failed) VALUES ($1, $2, 'reset', false)`, [account, address]);
    if (!user?.maySignIn) {
      await audit(m, actor, { action: 'passwordResetRequested', message: "aucun compte actif avec accès pour cette adresse : rien n'est envoyé" });
      return 'answered';
    }
    const { token, expiresAt } = await issueLink(m, user.id, 'reset', null);
    const base = linkBase(mailSettingsOf(ds), r.origin);
    await queueMail(m, {
      userId: user.id,
      recipientName: user.name,
      address: user.email,
      facts: {
        kind: 'reset',
        language: user.locale === 'en' ? 'en' : 'fr',
        recipientName: user.name,
        login: user.login,
        link: base && `${base}${LINK_PATH}/${token}`,
        expiresAt,
      },
    });
    await audit(m, actor, {
      action: 'passwordResetRequested',
      module: 'User',
      recordId: user.id,
      reference: user.login,
      message: `Lien « mot de passe oublié » envoyé à ${user.email}, valable jusqu'au ${mailDate(expiresAt, 'fr')}.`,
    });
    return 'answered';
  });
}
