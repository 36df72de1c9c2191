import type AdminJS from 'adminjs';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { accessRefusal } from '../../services/auth/sign-in.js';
import type { AccessService } from '../postgres/access-service.js';
import { SESSION_LIFETIME_MS, toCurrentAdmin } from './authentication.js';
import { adminjsEn } from './locale/en.js';
import { adminjsFr } from './locale/fr.js';
import { runWithAccess } from './request-context.js';
import { visiblePages } from '../../console/pages.js';
import { timeZoneOf } from '../../services/time-zone.js';

/**
 * Runs before every AdminJS route of a signed-in session. One query reads the user and the
 * set-up version: a user who became inactive, lost their role or left their login hours has
 * their session ended here, and so does a session opened before its user's sessions were ended
 * (a password set by someone else, or changed in another session: the epoch moved); otherwise their (cached) compiled access is put in the request
 * context for every resource, action and page of this request.
 */
export function accessGate(service: AccessService, admin: AdminJS): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const current = req.session?.adminUser;
    if (!current) return next();
    try {
      const signedInAt = req.session.portierSignedInAt;
      const expired = typeof signedInAt !== 'number' || !(Date.now() - signedInAt < SESSION_LIFETIME_MS);
      const access = expired ? null : await service.forUser(Number(current.id));
      const ended = !!access && ((req.session.portierEpoch ?? 0) !== access.user.sessionEpoch || access.user.mustChangePassword);
      // The user's own state says most (inactive, outside their hours); else the epoch that moved.
      const refusal = expired ? 'sessionExpired' : !access ? 'invalidCredentials' : (accessRefusal(access.user, new Date()) ?? (ended ? 'sessionEnded' : null));
      if (refusal || !access) {
        req.session.destroy(() => {
          if (/^\/(api|portier)\//.test(req.path)) {
            // The login page's message for that reason, in the user's language (it was the bare key).
            const messages = (current.locale === 'en' ? adminjsEn.messages : adminjsFr.messages) as Record<string, string>;
            const message = (refusal && messages[refusal]) || messages.invalidCredentials;
            res.status(401).json({ error: refusal, message, notice: { message, type: 'error' } });
          } else res.redirect(`${admin.options.loginPath}?error=${refusal}`);
        });
        return;
      }
      const fresh = toCurrentAdmin(access.user, visiblePages(access), timeZoneOf(service.ds));
      if (JSON.stringify(fresh) !== JSON.stringify(current)) req.session.adminUser = fresh;
      const store = {
        access,
        ip: req.ip ?? null,
        userAgent: req.get('user-agent') ?? null,
        confirmSeats: req.get('x-portier-confirm-seats') === 'yes',
        origin: `${req.protocol}://${req.get('host')}`,
      };
      runWithAccess(store, () => next());
    } catch (e) {
      next(e);
    }
  };
}
