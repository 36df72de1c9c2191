import type AdminJS from 'adminjs';
import type { CurrentAdmin } from 'adminjs';
import type { SessionUser } from '../../services/auth/sign-in.js';

/** A sign-in that must first set a new password (someone else set the current one). */
export interface PendingPasswordChange {
  userId: number;
  login: string;
  /** The user's session epoch when they signed in: the change is for that sign-in only. */
  epoch: number;
  locale: 'fr' | 'en';
  /** ms since the epoch: the pending sign-in lapses after that. */
  until: number;
}

declare module 'express-session' {
  interface SessionData {
    adminUser?: CurrentAdmin;
    /** The user's `session_epoch` at sign-in: a session whose epoch is no longer theirs has ended. */
    portierEpoch?: number;
    /** ms since the epoch when the sign-in opened this session: it ends SESSION_LIFETIME_MS later, however busy. */
    portierSignedInAt?: number;
    passwordChange?: PendingPasswordChange;
  }
}

/**
 * Why the login page is shown again (`/admin/login?error=…`): a refused sign-in, or a session
 * that ended (`sessionEnded`: a password set by someone else, or changed in another session, or
 * access taken away; `sessionExpired`: its lifetime is over).
 * Each is a message of the login page (locale: `messages.<key>`).
 */
export const LOGIN_REASONS = [
  'invalidCredentials',
  'tooManyRequests',
  'userInactive',
  'userWithoutAccess',
  'outsideLoginHours',
  'clientWithoutDossier',
  'sessionEnded',
  'sessionExpired',
] as const;

/**
 * The absolute lifetime of a session: every request pushes the store's expiry (and the cookie's)
 * 10 hours on, so a session in use never expired; it now ends 10 hours after its sign-in, in use
 * or not (`sessionExpired`), and a session without its sign-in time (opened before) ends too.
 */
export const SESSION_LIFETIME_MS = 10 * 60 * 60 * 1000;

/** What AdminJS keeps as `currentAdmin`: who the user is, never what they may do (that is read fresh). */
export function toCurrentAdmin(u: SessionUser, portierPages: string[] = [], timeZone?: string): CurrentAdmin {
  return {
    id: String(u.id),
    email: u.email,
    title: [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login,
    login: u.login,
    isAdmin: u.isAdmin,
    kind: u.kind,
    locale: u.locale,
    // Only to show or hide Portier's pages in the menu; every page's data is checked on the server.
    portierPages,
    // The organisation's zone (createPortier's `timeZone`): the pages show every date in it.
    ...(timeZone ? { timeZone } : {}),
  };
}

/** AdminJS's login page, with a reason (one of LOGIN_REASONS) or none. */
export function renderLogin(admin: AdminJS, reason: string | null): Promise<string> {
  return admin.renderLogin({ action: admin.options.loginPath, errorMessage: reason && (LOGIN_REASONS as readonly string[]).includes(reason) ? reason : null });
}
