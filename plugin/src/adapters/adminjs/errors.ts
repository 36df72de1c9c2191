import { ForbiddenError, NotFoundError, ValidationError } from 'adminjs';

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
