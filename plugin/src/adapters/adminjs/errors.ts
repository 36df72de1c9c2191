import { ForbiddenError, NotFoundError, ValidationError } from 'adminjs';
import { Refusal } from '../../core/refusal.js';
import { currentAccess } from './request-context.js';
import { SeatWarning } from '../../services/seats.js';

/**
 * Refusals are AdminJS's own errors, so that its UI shows them as notices; the API-status
 * middleware turns them into 403, 404 and 400 for API clients. Messages are in French (the UI's
 * language) and say what was refused and that nothing was changed.
 */
export function forbidden(message: string): ForbiddenError {
  return new ForbiddenError(message);
}

/** What an unreadable record answers: the same as a record that does not exist. */
export function notFound(message: string): NotFoundError {
  return new NotFoundError(message, 'Action#handler');
}

export function badRequest(message: string, property?: string): ValidationError {
  return new ValidationError(property ? { [property]: { type: 'portier', message } } : {}, { type: 'portier', message });
}

/** A form sent with "Confirmer le dépassement" ticked confirms the seat overrun it was warned of. */
export function confirmSeatsFromForm(params: Record<string, unknown>): void {
  const store = currentAccess();
  if (store && (params.confirmSeats === true || params.confirmSeats === 'true')) store.confirmSeats = true;
}

/** Runs a write and turns a refusal of the access model into the AdminJS error its UI shows. */
export async function withRefusalsAsErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    // Over the subscription: the form shows the warning on its `confirmSeats` field, to tick and save again.
    if (e instanceof SeatWarning) throw new ValidationError({ confirmSeats: { type: 'seats', message: e.message } }, { type: 'seats', message: e.message });
    if (!(e instanceof Refusal)) throw e;
    currentAccess()?.refusals?.push(e);
    const message = e.in(currentAccess()?.access.user.locale);
    if (e.kind === 'notFound') throw notFound(message);
    if (e.kind === 'forbidden') throw forbidden(message);
    throw badRequest(message, e.property);
  }
}
