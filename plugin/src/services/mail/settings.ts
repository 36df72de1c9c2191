import type { DataSource } from 'typeorm';

/** How Portier sends mail; `createPortier({ mail })` over the environment's (README, "Mail"). */
export interface MailSettings {
  /** SMTP_URL (`smtp://user:password@host:587`, `smtps://...`): none, no mail server. */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of every mail. */
  from: string;
  /** PORTIER_ORG_NAME: the organisation the mails name ("votre accès au backoffice de ..."). */
  organisation: string;
  /** NODE_ENV=production: no link is ever kept in the outbox nor shown on the console. */
  production: boolean;
  /**
   * PUBLIC_URL's origin: where the links point. Without it, the origin the request came to,
   * except in production (a forged Host header would send a reset link to another site).
   */
  publicOrigin: string | null;
  /** AdminJS's root path (`/admin`), under which the link pages are. */
  rootPath: string;
}

export const DEFAULT_MAIL_FROM = 'Portier <no-reply@localhost>';
// The demo's firm, as the sign-in page's welcome names it (adapters/adminjs/locale).
export const DEFAULT_ORGANISATION = 'Maison Verdier';

export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings {
  return {
    smtpUrl: env.SMTP_URL?.trim() || null,
    from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    organisation: env.PORTIER_ORG_NAME?.trim() || DEFAULT_ORGANISATION,
    production: env.NODE_ENV === 'production',
    publicOrigin: null,
    rootPath: '/admin',
  };
}

// One app per DataSource, as the activity counter: services find the settings from their database handle.
const settings = new WeakMap<DataSource, MailSettings>();

/** The app's settings, over the environment's (createPortier); `over` keeps what was set before (the router's part). */
export function configureMail(ds: DataSource, s: Partial<MailSettings>, over = false): MailSettings {
  const base = (over && settings.get(ds)) || mailSettingsFromEnv();
  const merged = { ...base, ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) };
  settings.set(ds, merged);
  return merged;
}

export function mailSettingsOf(ds: DataSource): MailSettings {
  return settings.get(ds) ?? configureMail(ds, {});
}

/** Whether the outbox keeps a mail's link: only where no mail server can carry it and not in production (the demo). */
export function outboxKeepsLinks(s: MailSettings): boolean {
  return !s.smtpUrl && !s.production;
}

/**
 * Where a mail's link points: PUBLIC_URL's origin; without it, the origin the request came to
 * (a script: the demo's local address). In production without PUBLIC_URL, nowhere: a Host
 * header is the sender's to choose, and a reset link must not lead to their site.
 */
export function linkBase(s: MailSettings, requestOrigin: string | null | undefined): string | null {
  const origin = s.publicOrigin ?? (s.production ? null : (requestOrigin ?? `http://localhost:${process.env.PORT ?? 3000}`));
  return origin && `${origin}${s.rootPath.replace(/\/$/, '')}`;
}

/** The path of the page a link opens, under the root path: `/password-link/<token>`. */
export const LINK_PATH = '/password-link';
