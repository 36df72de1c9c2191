import { ForbiddenError, NotFoundError, ValidationError } from 'adminjs';
import { Refusal } from '../../core/refusal.js';
import { absentIn, badQueryIn, deniedIn, type Said } from '../../core/refusals.js';
import { currentAccess } from './request-context.js';
import { SeatWarning } from '../../services/seats.js';

/**
 * A refusal (core/refusal.ts) as the AdminJS error its UI shows as a notice (AdminJS answers it
 * with HTTP 200; api-answer.ts gives API clients the status instead): `forbidden` a
 * ForbiddenError, `notFound` a NotFoundError (what an unreadable record answers: the same as a
 * record that does not exist), `invalid` a ValidationError, on its form field when it names one.
 * Messages are in the reader's language (Refusal#in) and say what was refused and that nothing changed.
 */
export function adminError(refusal: Refusal, message = refusal.message): ForbiddenError | NotFoundError | ValidationError {
  if (refusal.kind === 'forbidden') return new ForbiddenError(message);
  if (refusal.kind === 'notFound') return new NotFoundError(message, 'Action#handler');
  // AdminJS's new and edit actions call a record valid when it has no field error, whatever its
  // base error: a refusal naming no field is filed under a key no form shows, or the UI would say
  // "L'enregistrement a bien été créé" (and a script get 200) for a record that was not written.
  const property = refusal.property ?? REFUSAL_KEY;
  return new ValidationError({ [property]: { type: 'portier', message } }, { type: 'portier', message });
}

/** Where a refusal naming no form field is filed among a record's errors. */
export const REFUSAL_KEY = 'portierRefusal';

/** A refusal as the AdminJS error, worded in the language of the signed-in reader (French outside a request). */
const inReaderLanguage = (refusal: Refusal): Error => adminError(refusal, refusal.in(currentAccess()?.access.user.locale));

/** The AdminJS errors of a refusal said here, in each language, for an action's `throw`. */
export const forbidden = (said: Said): Error => inReaderLanguage(deniedIn(said));
export const notFound = (said: Said): Error => inReaderLanguage(absentIn(said));
export const badRequest = (said: Said, property?: string): Error => inReaderLanguage(badQueryIn(said, property));

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
    if (e instanceof SeatWarning) {
      const message = e.in(currentAccess()?.access.user.locale);
      throw new ValidationError({ confirmSeats: { type: 'seats', message } }, { type: 'seats', message });
    }
    if (!(e instanceof Refusal)) throw e;
    currentAccess()?.refusals?.push(e);
    throw adminError(e, e.in(currentAccess()?.access.user.locale));
  }
}
