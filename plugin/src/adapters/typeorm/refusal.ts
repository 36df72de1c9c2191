/**
 * A write the access model refuses, independent of the UI that shows it: `forbidden` (403),
 * `notFound` (404: also what an unreadable record answers), `invalid` (400). Messages are French,
 * the UI's language, and say that nothing was changed. A `safeguard` refusal is one of the rules
 * that keep the organisation from locking itself out (the audit trail records it as such).
 */
export class Refusal extends Error {
  constructor(
    readonly kind: 'forbidden' | 'notFound' | 'invalid',
    message: string,
    readonly property?: string,
    readonly safeguard = false,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
