import type { AccessService } from '../adapters/postgres/access-service.js';
import type { ServiceContext } from './context.js';

/** The languages of the interface: a user's `locale` is one of them. */
export const UI_LOCALES = ['fr', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/**
 * A user chooses the language of their interface (AdminJS's top bar, or "Mon compte"): it is kept
 * as their `locale`, so that it survives a reload and a new sign-in, and every server message and
 * mail follows it. A preference of one's own: no capability needed, and not an access change (the
 * set-up version does not move, nothing to audit).
 */
export async function setOwnLocale(service: AccessService, ctx: ServiceContext, locale: UiLocale): Promise<void> {
  await service.ds.query(`UPDATE app_user SET locale = $2, updated_at = now() WHERE id = $1`, [ctx.actor.user.id, locale]);
}
