import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { Refusal } from '../../core/refusal.js';
import { changeOwnPassword } from '../../services/own-password.js';
import { setOwnLocale, UI_LOCALES } from '../../services/own-locale.js';
import { Throttled } from '../../services/auth/throttle.js';
import { currentAccess, serviceContext } from '../../adapters/adminjs/request-context.js';
import { badRequest, sendRefusal } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';
import { accountOf, latestSignIns } from '../../adapters/postgres/read-models/account.js';

const passwordChange = z.strictObject({ current: z.string().max(200), next: z.string().max(200) });
const localeChange = z.strictObject({ locale: z.enum(UI_LOCALES) });

/** The signed-in user's own account: who they are, where they may go, and their password. */
export function accountRoutes(service: AccessService): Router {
  const router = newRouter();

  router.get('/account', async (_req, res, next) => {
    try {
      const ua = currentAccess()!.access;
      const me = await accountOf(service.ds, ua.user.id);
      const signIns = await latestSignIns(service.ds, ua.user.id);
      res.json({ ...me, capabilities: [...ua.access.capabilities], signIns });
    } catch (e) {
      next(e);
    }
  });

  router.post('/account/password', async (req, res, next) => {
    const body = passwordChange.safeParse(req.body);
    if (!body.success)
      return badRequest(res, { fr: "il faut « current » et « next ». Rien n'a été modifié.", en: '"current" and "next" are needed. Nothing was changed.' });
    try {
      const { sessionEpoch } = await changeOwnPassword(service, serviceContext(), body.data.current, body.data.next);
      // The user's other sessions are over; this one goes on with the new epoch.
      req.session.portierEpoch = sessionEpoch;
      res.json({ ok: true, message: 'Votre mot de passe a été changé ; vos autres sessions sont fermées.' });
    } catch (e) {
      if (e instanceof Throttled) {
        res.status(429).json({ error: 'tooManyRequests', message: "Trop d'essais du mot de passe actuel : réessayez dans 15 minutes. Rien n'a été modifié." });
        return;
      }
      if (!(e instanceof Refusal)) return next(e);
      sendRefusal(res, e);
    }
  });

  // The interface's language, kept as the user's `locale` (and in this session at once).
  router.post('/account/locale', async (req, res, next) => {
    const body = localeChange.safeParse(req.body);
    if (!body.success)
      return badRequest(res, {
        fr: "il faut « locale » : « fr » ou « en ». Rien n'a été modifié.",
        en: '"locale" is needed: "fr" or "en". Nothing was changed.',
      });
    try {
      await setOwnLocale(service, serviceContext(), body.data.locale);
      if (req.session.adminUser) req.session.adminUser = { ...req.session.adminUser, locale: body.data.locale };
      res.json({ ok: true, locale: body.data.locale });
    } catch (e) {
      next(e);
    }
  });

  return router;
}
