import type { Refusal } from '../../core/refusal.js';

/** A refusal's code: the core's kinds, and `seats` (a change over the subscription awaiting confirmation). */
export type RefusalCode = Refusal['kind'] | 'seats';

const STATUS: Record<RefusalCode, number> = { forbidden: 403, notFound: 404, invalid: 400, seats: 409 };

/**
 * The one mapping of a refusal to HTTP, for every answer that carries one (the error handler,
 * AdminJS's API answers, Portier's routes): 403 a refused action, 404 a record one may not read
 * (or that does not exist: the same answer), 400 bad input, 409 seats over the subscription
 * awaiting confirmation (docs/spec/seats.md).
 */
export function refusalStatus(code: RefusalCode): number {
  return STATUS[code];
}
