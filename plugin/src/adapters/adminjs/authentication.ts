import type AdminJS from 'adminjs';
import type { CurrentAdmin } from 'adminjs';
import type { Request, RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { signIn, type AccessRefusal, type SessionUser } from '../auth/sign-in.js';

declare module 'express-session' {
  interface SessionData {
    adminUser?: CurrentAdmin;
  }
}

const REFUSALS: AccessRefusal[] = ['invalidCredentials', 'tooManyRequests', 'userInactive', 'userWithoutAccess', 'outsideLoginHours', 'clientWithoutDossier'];

/** What AdminJS keeps as `currentAdmin`: who the user is, never what they may do (that is read fresh). */
export function toCurrentAdmin(u: SessionUser, portierPages: string[] = []): CurrentAdmin {
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
  };
}

/** AdminJS's `authenticate`: a refusal is thrown as a message key, which the login page translates. */
export function portierAuthenticate(ds: DataSource) {
  return async (email: string, password: string, context?: { req: Request }): Promise<CurrentAdmin | null> => {
    const req = context?.req;
    const result = await signIn(ds, {
      identifier: email ?? '',
      password: password ?? '',
      ip: req?.ip ?? null,
      userAgent: req?.headers['user-agent'] ?? null,
    });
    if (!result.ok) throw new Error(result.reason);
    return toCurrentAdmin(result.user);
  };
}

/** The login page with the reason a session was ended (`/admin/login?error=userInactive`). */
export function loginPageWithReason(admin: AdminJS): RequestHandler {
  return async (req, res, next) => {
    const error = req.query.error;
    if (req.method !== 'GET' || req.path !== '/login' || !REFUSALS.includes(error as AccessRefusal)) return next();
    res.send(await admin.renderLogin({ action: admin.options.loginPath, errorMessage: error as string }));
  };
}
