import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { outboxMail, outboxPage } from '../../adapters/postgres/mail-outbox.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { absentIn } from '../../core/refusals.js';
import { answering, id } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';

export const MAIL_PER_PAGE = 25;

const listQuery = z.strictObject({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

/** Admins only: anyone else meets what a path that does not exist answers (router.ts). */
function adminOnly(): void {
  if (!currentAccess()?.access.access.isAdmin) throw absentIn({ fr: 'Page introuvable.', en: 'Page not found.' });
}

/**
 * "Courriers envoyés": the outbox, newest first, a page at a time; a mail's body when opened.
 * The bodies hold no link where a mail server carries them or in production (the outbox keeps a
 * placeholder: services/mail/delivery.ts).
 */
export function mailRoutes(service: AccessService): Router {
  const router = newRouter();

  router.get(
    '/mail',
    answering(async (req, res) => {
      adminOnly();
      const { page } = listQuery.parse(req.query);
      const { total, rows } = await outboxPage(service.ds, page, MAIL_PER_PAGE);
      res.json({ total, page, perPage: MAIL_PER_PAGE, mails: rows });
    }),
  );

  router.get(
    '/mail/:id',
    answering(async (req, res) => {
      adminOnly();
      const mail = await outboxMail(service.ds, id.parse(req.params.id));
      if (!mail) throw absentIn({ fr: 'Aucun courrier avec ce numéro.', en: 'No mail with that number.' });
      res.json({ mail });
    }),
  );

  return router;
}
