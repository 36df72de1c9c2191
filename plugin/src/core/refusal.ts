import { adminPlaneText, type AdminPlaneRefusal } from './admin-plane-texts.js';
import type { Language } from './explain-text.js';

/**
 * A write the access model refuses, independent of the UI that shows it: `forbidden` (403),
 * `notFound` (404: also what an unreadable record answers), `invalid` (400). Messages are French,
 * the UI's language, and say that nothing was changed. A `safeguard` refusal is one of the rules
 * that keep the organisation from locking itself out (the audit trail records it as such). A
 * refusal of the administration plane also carries its `detail`, to be said in English too; any
 * other refusal may carry its `text` in each language (refusals.ts: `invalidIn`, `refuseIn`).
 */
export class Refusal extends Error {
  constructor(
    readonly kind: 'forbidden' | 'notFound' | 'invalid',
    message: string,
    readonly property?: string,
    readonly safeguard = false,
    readonly detail?: AdminPlaneRefusal,
    readonly text?: Readonly<Record<Language, string>>,
  ) {
    super(message);
    this.name = 'Refusal';
  }

  /** The message in the user's language (the audit trail keeps the French one). */
  in(lang: Language | undefined): string {
    if (this.detail && lang === 'en') return adminPlaneText(this.detail, 'en');
    return this.text && lang ? this.text[lang] : this.message;
  }
}

/** A refusal of the administration plane, in French with its English at hand. */
export function adminPlaneRefusal(detail: AdminPlaneRefusal, o: { kind?: Refusal['kind']; property?: string; safeguard?: boolean } = {}): Refusal {
  return new Refusal(o.kind ?? 'forbidden', adminPlaneText(detail, 'fr'), o.property, o.safeguard ?? false, detail);
}
