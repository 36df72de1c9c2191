import type AdminJS from 'adminjs';
import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { Refusal } from '../../core/refusal.js';
import { requestPasswordReset } from '../../services/auth/password-reset.js';
import { linkHolder, LinkNotValid, useLink, type LinkHolder } from '../../services/credential-links.js';
import { LINK_PATH } from '../../services/mail/settings.js';
import type { Language } from '../web/language.js';
import { plainPage } from '../web/plain-page.js';
import { newRouter } from '../web/routers.js';
import { inside } from './session-routes.js';

/** The forgotten-password answer takes at least this long, known address or not: its time says nothing. */
const ANSWER_MS = 600;
/** How long a link opened in this browser waits for its password. */
const OPEN_LINK_MS = 30 * 60 * 1000;

const POLICY = {
  fr: 'Au moins 8 caractères, dont une lettre et un chiffre.',
  en: 'At least 8 characters, with a letter and a digit.',
};

const TEXT = {
  fr: {
    forgotTitle: 'Mot de passe oublié',
    forgotLine: 'Indiquez l’adresse e-mail de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe, valable une heure.',
    email: 'Adresse e-mail',
    send: 'Envoyer le lien',
    noAddress: "Indiquez l'adresse e-mail de votre compte (par exemple prenom.nom@exemple.fr). Aucun e-mail n'a été envoyé.",
    sentTitle: 'Vérifiez votre messagerie',
    sent: "Si un compte correspond à cette adresse, un e-mail vient d'être envoyé.",
    sentHint:
      "Le lien qu'il contient est valable une heure et ne sert qu'une fois. Rien reçu ? Vérifiez vos courriers indésirables, ou demandez à un gestionnaire des utilisateurs.",
    throttledTitle: 'Trop de demandes',
    throttled: "Trop de demandes pour cette adresse, ou depuis votre poste : réessayez dans une heure. Aucun e-mail n'a été envoyé.",
    login: 'Revenir à la connexion',
    chooseTitle: 'Choisissez votre mot de passe',
    chooseLine: (name: string, login: string) => `${name}, choisissez le mot de passe de votre compte ${login}.`,
    next: 'Nouveau mot de passe',
    confirm: 'Confirmez le nouveau mot de passe',
    save: 'Enregistrer le mot de passe',
    mismatch: "Les deux saisies diffèrent. Rien n'a été modifié.",
    doneTitle: 'Mot de passe enregistré',
    done: 'Votre mot de passe est enregistré. Toutes les sessions ouvertes de votre compte ont été fermées : connectez-vous avec ce nouveau mot de passe.',
    signIn: 'Se connecter',
  },
  en: {
    forgotTitle: 'Forgotten password',
    forgotLine: "Give your account's e-mail address: we will send there a link to choose a new password, valid one hour.",
    email: 'E-mail address',
    send: 'Send the link',
    noAddress: "Give your account's e-mail address (for instance firstname.lastname@example.com). No e-mail was sent.",
    sentTitle: 'Check your mailbox',
    sent: 'If an account matches this address, an e-mail has just been sent.',
    sentHint: 'The link in it is valid one hour and works once. Nothing received? Check your spam folder, or ask a user manager.',
    throttledTitle: 'Too many requests',
    throttled: 'Too many requests for this address, or from your computer: try again in an hour. No e-mail was sent.',
    login: 'Back to sign-in',
    chooseTitle: 'Choose your password',
    chooseLine: (name: string, login: string) => `${name}, choose the password of your account ${login}.`,
    next: 'New password',
    confirm: 'Confirm the new password',
    save: 'Save the password',
    mismatch: 'The two entries differ. Nothing was changed.',
    doneTitle: 'Password saved',
    done: 'Your password is saved. Every open session of your account was closed: sign in with this new password.',
    signIn: 'Sign in',
  },
} satisfies Record<Language, unknown>;

declare module 'express-session' {
  interface SessionData {
    /** A one-time link opened in this browser: its token, kept here so that no page URL holds it. */
    passwordLink?: { token: string; until: number };
  }
}

/** The forgotten-password page's language: `?lang=en`, else the browser's first choice between French and English. */
function pageLanguage(req: Request): Language {
  if (req.query.lang === 'en' || req.query.lang === 'fr') return req.query.lang;
  return req.acceptsLanguages('fr', 'en') === 'en' ? 'en' : 'fr';
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
}

/**
 * The pages outside the signed-in area that let people choose a password from a mail: "Mot de
 * passe oublié ?" (asks an address, answers the same whatever it is), and the page a one-time
 * link opens (docs/security.md, "One-time links"). The link's URL is answered with
 * `Referrer-Policy: no-referrer` and a redirect to a page without the token (kept in the
 * session, as Django does), so that no later request carries it in a Referer or a history entry.
 * Their POSTs are checked for their origin like the sign-in's (router.ts, same-origin.ts).
 */
export function passwordLinkRoutes(admin: AdminJS, ds: DataSource): Router {
  const router = newRouter();
  const { rootPath, loginPath } = admin.options;
  const root = rootPath.replace(/\/$/, '');
  const forgotPath = `${root}/forgot-password`;
  const linkPath = `${root}${LINK_PATH}`;
  const forms = [express.urlencoded({ extended: false, limit: '16kb' }), express.json({ limit: '16kb' })];

  const forgotPage = (res: Response, lang: Language, error?: string) => {
    const t = TEXT[lang];
    res.send(
      plainPage({
        lang,
        title: t.forgotTitle,
        lines: [t.forgotLine],
        error,
        form: { action: `${forgotPath}?lang=${lang}`, button: t.send, fields: [{ name: 'email', label: t.email, type: 'email' }] },
        link: { href: loginPath, text: t.login },
      }),
    );
  };

  /** Every link that may not be used, for whatever reason, gets this page: the same for all. */
  const notValid = (res: Response) => {
    res.status(404).set('Referrer-Policy', 'no-referrer');
    res.send(
      plainPage({
        lang: 'fr',
        title: "Ce lien n'est plus valable",
        lines: [
          "Ce lien n'est plus valable : il a déjà servi, il a expiré, ou un lien plus récent l'a remplacé. Rien n'a été modifié. Demandez-en un nouveau, il arrivera par e-mail.",
          'This link is no longer valid: it was already used, it expired, or a newer link replaced it. Nothing was changed. Ask for a new one, it will come by e-mail.',
        ],
        link: { href: forgotPath, text: 'Demander un nouveau lien · Ask for a new link' },
      }),
    );
  };

  const choosePage = (res: Response, holder: LinkHolder, error?: string) => {
    const t = TEXT[holder.locale];
    res.send(
      plainPage({
        lang: holder.locale,
        title: t.chooseTitle,
        lines: [t.chooseLine(holder.name, holder.login), POLICY[holder.locale]],
        error,
        form: {
          action: linkPath,
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

  router.get(inside(admin, forgotPath), (req, res) => forgotPage(res, pageLanguage(req)));

  router.post(inside(admin, forgotPath), ...forms, async (req, res) => {
    const started = Date.now();
    const lang = pageLanguage(req);
    const { email } = (req.body ?? {}) as Record<string, unknown>;
    // What is no address at all is said at once: that says nothing about any account.
    if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email.trim()) || email.length > 254) {
      res.status(400);
      return forgotPage(res, lang, TEXT[lang].noAddress);
    }
    // The link points to PUBLIC_URL; without it, here (never in production: services/mail/settings.ts).
    const origin = `${req.protocol}://${req.get('host')}`;
    const outcome = await requestPasswordReset(ds, {
      email,
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      origin,
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + ANSWER_MS - Date.now())));
    const t = TEXT[lang];
    if (outcome === 'throttled') {
      res.status(429);
      return forgotPage(res, lang, t.throttled);
    }
    res.send(plainPage({ lang, title: t.sentTitle, lines: [t.sent, t.sentHint], link: { href: loginPath, text: t.login } }));
  });

  // The link from the mail: checked, kept in the session, and the address bar loses it.
  router.get(`${inside(admin, linkPath)}/:token`, async (req, res) => {
    res.set('Referrer-Policy', 'no-referrer');
    const token = String(req.params.token);
    if (!(await linkHolder(ds, token))) return notValid(res);
    // A new session id for the token, as for a sign-in: an id known before (a cookie planted in
    // this browser) must not reach the token. What the session held stays (a signed-in user too).
    const { cookie: _cookie, passwordLink: _older, ...kept } = req.session as unknown as Record<string, unknown>;
    await regenerate(req);
    Object.assign(req.session, kept);
    req.session.passwordLink = { token, until: Date.now() + OPEN_LINK_MS };
    await save(req);
    res.redirect(302, linkPath);
  });

  const opened = async (req: Request): Promise<{ token: string; holder: LinkHolder } | null> => {
    const open = req.session?.passwordLink;
    if (!open || open.until < Date.now()) return null;
    const holder = await linkHolder(ds, open.token);
    return holder && { token: open.token, holder };
  };

  router.get(inside(admin, linkPath), async (req, res) => {
    const open = await opened(req);
    if (!open) return notValid(res);
    choosePage(res, open.holder);
  });

  router.post(inside(admin, linkPath), ...forms, async (req, res) => {
    const open = await opened(req);
    if (!open) return notValid(res);
    const { next, confirm } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof next !== 'string' || next.length > 200 || next !== confirm) {
      res.status(400);
      return choosePage(res, open.holder, TEXT[open.holder.locale].mismatch);
    }
    let holder: LinkHolder;
    try {
      holder = await useLink(ds, open.token, next, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
    } catch (e) {
      if (e instanceof LinkNotValid) return notValid(res);
      if (!(e instanceof Refusal)) throw e;
      res.status(400);
      return choosePage(res, open.holder, e.in(open.holder.locale));
    }
    delete req.session.passwordLink;
    await save(req);
    const t = TEXT[holder.locale];
    res.send(plainPage({ lang: holder.locale, title: t.doneTitle, lines: [t.done], link: { href: loginPath, text: t.signIn } }));
  });

  return router;
}
