import { AsyncLocalStorage } from 'node:async_hooks';
import type { UserAccess } from '../postgres/access-service.js';
import { Refusal } from '../../core/refusal.js';
import type { ServiceContext } from '../../services/context.js';

/**
 * The signed-in user's access for the request being served. The access gate resolves it once
 * per request (with the set-up version) and every resource, action and page reads it from here,
 * including AdminJS's synchronous hooks (`isAccessible`, the resources' JSON).
 */
export interface RequestAccess {
  access: UserAccess;
  ip: string | null;
  userAgent: string | null;
  /** The refusals met while serving the request, for the audit trail (see security-events.ts). */
  refusals?: Refusal[];
  /**
   * The user has seen the seat overrun warning and confirms the change (docs/spec/seats.md): header
   * `X-Portier-Confirm-Seats: yes` on Portier's routes, field `confirmSeats` in AdminJS forms.
   */
  confirmSeats?: boolean;
  /**
   * The fields of an AdminJS API request's body as the client sent them, and the resource it
   * names: record-writes.ts reads them by type before AdminJS's converter changes them (router.ts).
   */
  sent?: { resourceId: string; fields: Record<string, unknown> };
  /** The origin the request came to, for the links of the mails it causes (services/context.ts). */
  origin?: string | null;
}

const storage = new AsyncLocalStorage<RequestAccess>();

export function runWithAccess<T>(store: RequestAccess, fn: () => T): T {
  return storage.run(store, fn);
}

/** The current request's access, or undefined outside a signed-in request (callers fail closed). */
export function currentAccess(): RequestAccess | undefined {
  return storage.getStore();
}

/**
 * The context the services run with (services/context.ts), from the request's access: its user,
 * ip, user agent and seat confirmation, as they stand when it is built (after a form's
 * `confirmSeats` is read). Outside a signed-in request there is no one to act for: refused.
 */
export function serviceContext(store: RequestAccess | undefined = currentAccess()): ServiceContext {
  if (!store) throw new Refusal('forbidden', "Accès refusé : session inconnue. Rien n'a été modifié.");
  return { actor: store.access, ip: store.ip, userAgent: store.userAgent, confirmSeats: store.confirmSeats ?? false, origin: store.origin ?? null };
}
