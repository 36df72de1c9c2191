import type { UserAccess } from '../adapters/postgres/access-service.js';
import type { AuditActor } from '../adapters/postgres/audit.js';

/**
 * What a service runs with, besides its database: who acts, from where (for the audit trail),
 * and whether they confirmed a seat overrun (docs/spec/seats.md). Every service that writes takes
 * it as an argument and passes it down, as Directus's services do: none reads request-local
 * storage, so a service behaves the same from an HTTP request, a seed script or a test. The
 * caller builds it: the AdminJS binding from the request (adapters/adminjs/request-context.ts,
 * `serviceContext`), a script with no ip.
 *
 * The database handle stays the first argument, outside the context: services take different ones
 * (the AccessService, which opens its own transaction; an EntityManager already inside one, as an
 * approval's or a hand-over's), so one context can be passed down through every transaction
 * unchanged, and each call keeps the shape `f(db, ctx, ...)` it had as `f(db, ua, ...)`.
 */
export interface ServiceContext {
  /** The user the change is made for: their capabilities decide, their name goes in the trail. */
  actor: UserAccess;
  ip: string | null;
  userAgent: string | null;
  /** The user has seen the seat overrun warning and confirms the change (its billing events). */
  confirmSeats: boolean;
  /**
   * The origin the request came to (`https://crm.example.fr`): where the links of the mails it
   * causes point when PUBLIC_URL is not set (services/mail/links.ts). None from a script.
   */
  origin?: string | null;
}

/** The context's actor as the audit trail records them. */
export function auditActor(ctx: ServiceContext): AuditActor {
  return { id: ctx.actor.user.id, login: ctx.actor.user.login, ip: ctx.ip, userAgent: ctx.userAgent };
}
