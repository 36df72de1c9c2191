import type { Request, Response } from 'express';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { PreviewInProgress, previewChange } from '../../services/access-preview.js';

/**
 * "Vérifier puis enregistrer": every save of the access set-up answers, with `?preview=1`, who
 * would gain or lose what instead of saving (docs/access-preview.md). Same route, same body, same
 * checks as the save itself; without the flag the save goes through at once (scripts).
 */
export const wantsPreview = (req: Request): boolean => req.query.preview === '1';

/**
 * Answers the preview of the change `apply` makes, in the reader's language. One preview at a time
 * per user: a second one asked while the first is computed is answered 429 (too many requests),
 * saying so; any other refusal goes to the routes' wrapper as the save's would.
 */
export async function answerPreview(req: Request, res: Response, service: AccessService, apply: (inside: AccessService) => Promise<unknown>): Promise<void> {
  const user = currentAccess()?.access.user;
  const lang = req.query.lang === 'en' || req.query.lang === 'fr' ? req.query.lang : (user?.locale ?? 'fr');
  try {
    res.json({ preview: await previewChange(service, apply, lang, { actorId: user?.id ?? null }) });
  } catch (e) {
    if (!(e instanceof PreviewInProgress)) throw e;
    res.status(429).json({ error: 'busy', message: e.in(lang) });
  }
}
