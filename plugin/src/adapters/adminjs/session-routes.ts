import type AdminJS from 'adminjs';
import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { loadSessionUser, accessRefusal, signIn, type SessionUser } from '../../services/auth/sign-in.js';
import { audit, type AuditActor } from '../postgres/audit.js';
import { Refusal } from '../../core/refusal.js';
import { setRequiredPassword } from '../../services/own-password.js';
import type { Language } from '../web/language.js';
import { plainPage } from '../web/plain-page.js';
import { renderLogin, toCurrentAdmin, type PendingPasswordChange } from './authentication.js';
import { newRouter } from '../web/routers.js';

/** How long a sign-in waits for the new password it asked for. */
const PENDING_MS = 15 * 60 * 1000;

const TEXT = {
  fr: {
    signOutTitle: 'Se déconnecter',
    signOutLine: 'Pour fermer votre session sur ce navigateur, confirmez.',
    signOutButton: 'Se déconnecter',
    back: 'Revenir au backoffice',
    passwordTitle: 'Choisissez votre mot de passe',
    passwordLine: (login: string) =>
      `Le mot de passe de ${login} a été fixé par quelqu'un d'autre : choisissez-en un à vous pour continuer (au moins 8 caractères, dont une lettre et un chiffre).`,
    next: 'Nouveau mot de passe',
    confirm: 'Confirmez le nouveau mot de passe',
    save: 'Enregistrer et continuer',
    mismatch: "Les deux saisies diffèrent. Rien n'a été modifié.",
    login: 'Revenir à la connexion',
  },
  en: {
    signOutTitle: 'Sign out',
    signOutLine: 'To close your session in this browser, confirm.',
    signOutButton: 'Sign out',
    back: 'Back to the backoffice',
    passwordTitle: 'Choose your password',
    passwordLine: (login: string) =>
      `The password of ${login} was set by someone else: choose one of your own to go on (at least 8 characters, with a letter and a digit).`,
    next: 'New password',
    confirm: 'Confirm the new password',
    save: 'Save and continue',
    mismatch: 'The two entries differ. Nothing was changed.',
    login: 'Back to sign-in',
  },
} satisfies Record<Language, unknown>;

/** A path of AdminJS's options (`/admin/login`) inside the router mounted at the root path (`/login`). */
export function inside(admin: AdminJS, full: string): string {
  const p = full.replace(admin.options.rootPath, '');
  return p.startsWith('/') ? p : `/${p}`;
}

/** A new session id for a new state of authentication: no id known before the sign-in works after it. */
function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
}

function actorOf(req: Request, user: { id: number; login: string }): AuditActor {
  return { id: user.id, login: user.login, ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}

/**
 * The session's life, in place of AdminJS's own handlers: the sign-in (a new session id every
 * time), the sign-out (by POST only: GET shows a page that asks), and the new password a sign-in
 * asks for when someone else set the current one. Mounted before the session is required.
 */
export function sessionRoutes(admin: AdminJS, ds: DataSource, cookieName: string): Router {
  const router = newRouter();
  const { rootPath, loginPath, logoutPath } = admin.options;
  const passwordPath = `${rootPath.replace(/\/$/, '')}/password`;
  const forms = [express.urlencoded({ extended: false, limit: '16kb' }), express.json({ limit: '16kb' })];

  const openSession = async (req: Request, res: Response, user: SessionUser) => {
    await regenerate(req);
    req.session.adminUser = toCurrentAdmin(user);
    req.session.portierEpoch = user.sessionEpoch;
    req.session.portierSignedInAt = Date.now();
    await save(req);
    res.redirect(302, rootPath);
  };

  router.get(inside(admin, loginPath), async (req, res) => {
    res.send(await renderLogin(admin, typeof req.query.error === 'string' ? req.query.error : null));
  });

  router.post(inside(admin, loginPath), ...forms, async (req, res) => {
    const { email, password } = (req.body ?? {}) as Record<string, unknown>;
    const result = await signIn(ds, {
      identifier: typeof email === 'string' ? email : '',
      password: typeof password === 'string' ? password : '',
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
    });
    if (!result.ok) {
      res.status(result.reason === 'tooManyRequests' ? 429 : 400).send(await renderLogin(admin, result.reason));
      return;
    }
    if (!result.user.mustChangePassword) return openSession(req, res, result.user);
    await regenerate(req);
    req.session.passwordChange = {
      userId: result.user.id,
      login: result.user.login,
      epoch: result.user.sessionEpoch,
      locale: result.user.locale,
      until: Date.now() + PENDING_MS,
    };
    await save(req);
    res.redirect(302, passwordPath);
  });

  router.get(inside(admin, logoutPath), (req, res) => {
    const t = TEXT[req.session?.adminUser?.locale === 'en' ? 'en' : 'fr'];
    res.send(
      plainPage({
        lang: req.session?.adminUser?.locale === 'en' ? 'en' : 'fr',
        title: t.signOutTitle,
        lines: [t.signOutLine],
        form: { action: logoutPath, button: t.signOutButton },
        link: { href: rootPath, text: t.back },
      }),
    );
  });

  router.post(inside(admin, logoutPath), async (req, res) => {
    const user = req.session?.adminUser;
    if (user) {
      try {
        await audit(ds, actorOf(req, { id: Number(user.id), login: String(user.login ?? user.email) }), { action: 'signOut' });
      } catch (e) {
        console.error('[audit] a sign-out could not be written:', (e as Error).message);
      }
    }
    await new Promise<void>((resolve) => (req.session ? req.session.destroy(() => resolve()) : resolve()));
    res.clearCookie(cookieName, { path: '/' });
    res.redirect(302, loginPath);
  });

  const pending = (req: Request): PendingPasswordChange | null => {
    const p = req.session?.passwordChange;
    return p && p.until > Date.now() ? p : null;
  };
  const passwordPage = (res: Response, p: PendingPasswordChange, error?: string) => {
    const t = TEXT[p.locale];
    res.send(
      plainPage({
        lang: p.locale,
        title: t.passwordTitle,
        lines: [t.passwordLine(p.login)],
        error,
        form: {
          action: passwordPath,
          button: t.save,
          fields: [
            { name: 'next', label: t.next, type: 'password' },
            { name: 'confirm', label: t.confirm, type: 'password' },
          ],
        },
        link: { href: loginPath, text: t.login },
      }),
    );
  };

  router.get(inside(admin, passwordPath), (req, res) => {
    const p = pending(req);
    if (!p) return res.redirect(302, loginPath);
    passwordPage(res, p);
  });

  router.post(inside(admin, passwordPath), ...forms, async (req, res) => {
    const p = pending(req);
    if (!p) return res.redirect(302, loginPath);
    const { next, confirm } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof next !== 'string' || next.length > 200 || next !== confirm) {
      res.status(400);
      return passwordPage(res, p, TEXT[p.locale].mismatch);
    }
    try {
      await setRequiredPassword(ds, { id: p.userId, login: p.login, epoch: p.epoch }, next, actorOf(req, { id: p.userId, login: p.login }));
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      res.status(e.kind === 'forbidden' ? 403 : 400);
      return passwordPage(res, p, e.message);
    }
    const user = await loadSessionUser(ds, p.userId);
    const refusal = user ? accessRefusal(user, new Date()) : 'invalidCredentials';
    if (!user || refusal) {
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      return res.redirect(302, `${loginPath}?error=${refusal}`);
    }
    await openSession(req, res, user);
  });

  return router;
}
