/**
 * A write the access model refuses, independent of the UI that shows it: `forbidden` (403),
 * `notFound` (404: also what an unreadable record answers), `invalid` (400). Messages are French,
 * the UI's language, and say that nothing was changed.
 */
export class Refusal extends Error {
  constructor(readonly kind: 'forbidden' | 'notFound' | 'invalid', message: string, readonly property?: string) {
    super(message);
    this.name = 'Refusal';
  }
}
