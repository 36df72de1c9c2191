import type { Request, Response } from 'express';
import { z, ZodError } from 'zod';
import type { Capability } from '../../core/model.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { jsonAfterEvents } from '../../adapters/adminjs/security-events.js';
import { refusalStatus } from '../../adapters/web/refusal-status.js';
import { Refusal } from '../../core/refusal.js';
import { hasCapability } from '../../services/actor.js';
import { CAPABILITY_LABELS, CAPABILITY_LABELS_EN } from '../../core/capabilities.js';
import { badQueryIn, deniedIn, NOTHING_CHANGED_IN, type Said } from '../../core/refusals.js';
import { SeatWarning } from '../../services/seats.js';

/** A row's id in a path or a body (`/profiles/12`): PostgreSQL's `integer`, so 1 to 2^31 - 1. */
const ID_RANGE: Said = {
  fr: "numéro d'enregistrement attendu : un entier de 1 à 2 147 483 647",
  en: 'record number expected: a whole number from 1 to 2,147,483,647',
};
export const id = z.coerce
  .number({ error: ID_RANGE.fr })
  .int({ error: ID_RANGE.fr })
  .positive({ error: ID_RANGE.fr })
  .max(2 ** 31 - 1, { error: ID_RANGE.fr });
/** The schemas' own (French) messages said here, with their English (fixed texts only). */
const OWN_MESSAGES_EN = new Map([[ID_RANGE.fr, ID_RANGE.en]]);

/** The reader's language: French unless they chose English. */
export const readerLanguage = (): 'fr' | 'en' => (currentAccess()?.access.user.locale === 'en' ? 'en' : 'fr');

/** A route's message in the reader's language. */
export const inReaderLanguage = (said: Said): string => said[readerLanguage()];

/** What Portier's JSON routes answer, the same way everywhere: `{ error, message, property? }`. */

/** The signed-in user holds any of these capabilities. */
export function holds(...capabilities: Capability[]): boolean {
  const store = currentAccess();
  return !!store && capabilities.some((c) => hasCapability(store.access, c));
}

/** A refused read (403), in the reader's language. */
export function forbidden(res: Response, said: Said): void {
  sendRefusal(res, deniedIn(said));
}

/** Bad input (400): what was wrong, in the reader's language. */
export function badRequest(res: Response, said: Said): void {
  sendRefusal(res, badQueryIn({ fr: `Requête invalide : ${said.fr}`, en: `Invalid request: ${said.en}` }));
}

/** zod's issues in each language, for `badRequest`. */
export const zodSaid = (error: z.ZodError): Said => ({ fr: zodIssues(error, 'fr'), en: zodIssues(error, 'en') });

const LOCALES = { fr: z.locales.fr(), en: z.locales.en() };

/**
 * zod's issues as one line in the user's language: "name : Trop grand : ... ; to : ...". A
 * route's own message is kept; zod's default one (English) is said again in that language.
 */
export function zodIssues(error: z.ZodError, lang: 'fr' | 'en' = 'fr'): string {
  const said = (i: z.core.$ZodIssue) => {
    const fallback = LOCALES.en.localeError(i as never);
    const english = typeof fallback === 'string' ? fallback : fallback?.message;
    if (i.message !== english) return (lang === 'en' && OWN_MESSAGES_EN.get(i.message)) || i.message;
    const local = LOCALES[lang].localeError(i as never);
    return (typeof local === 'string' ? local : local?.message) ?? i.message;
  };
  // French typography puts a space before the colon; English does not.
  const [colon, semicolon] = lang === 'fr' ? [' : ', ' ; '] : [': ', '; '];
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}${colon}${said(i)}` : said(i))).join(semicolon);
}

/**
 * A refusal: 403, 404 or 400 (refusal-status.ts) with its message (which says nothing changed),
 * once the audit trail has it (security-events.ts: a 403, or a refusal the route met).
 */
export function sendRefusal(res: Response, e: Refusal): void {
  const message = e.in(currentAccess()?.access.user.locale);
  res.status(refusalStatus(e.kind));
  void jsonAfterEvents(res, { error: e.kind, message, property: e.property, ...(e.detail ? { code: e.detail.code } : {}) });
}

/** A request the schema refuses, said in each language; a write's says that nothing changed. */
function badInputIn(e: ZodError, write: boolean): Refusal {
  const said = (lang: 'fr' | 'en') => (lang === 'fr' ? `Requête invalide : ${zodIssues(e, 'fr')}` : `Invalid request: ${zodIssues(e, 'en')}`);
  const text = {
    fr: write ? `${said('fr')}. ${NOTHING_CHANGED_IN.fr}` : said('fr'),
    en: write ? `${said('en')}. ${NOTHING_CHANGED_IN.en}` : said('en'),
  };
  return new Refusal('invalid', text.fr, undefined, false, undefined, text);
}

type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * The wrapper of a group of routes: refused (403, the rights it needs) to users holding none of the
 * capabilities; bad input (zod) is a 400 saying what was wrong, a refusal of the access model
 * its own status and message, recorded in the audit trail. Anything else is a bug and goes to Express.
 */
export function guardedBy(capabilities: Capability[]): (fn: Handler) => Handler {
  // Said from the rights' labels, in the reader's language: "il faut le droit « a » ou « b »".
  const needed = {
    fr: `Refusé : il faut le droit ${capabilities.map((c) => `« ${CAPABILITY_LABELS[c]} »`).join(' ou ')}.`,
    en: `Refused: this needs the right ${capabilities.map((c) => `"${CAPABILITY_LABELS_EN[c]}"`).join(' or ')}.`,
  };
  return (fn) => {
    const answered = answering(fn);
    return async (req, res) => (holds(...capabilities) ? answered(req, res) : sendRefusal(res, deniedIn(needed)));
  };
}

/** The same answers, for a route open to every signed-in user (what it may do is decided inside). */
export function answering(fn: Handler): Handler {
  return async (req, res) => {
    try {
      await fn(req, res);
    } catch (e) {
      // Over the subscription and not confirmed: 409 with the overrun; the screen asks, then resends
      // the same call with the header `X-Portier-Confirm-Seats: yes`.
      if (e instanceof SeatWarning) {
        const message = e.in(currentAccess()?.access.user.locale);
        void jsonAfterEvents(res.status(refusalStatus('seats')), { error: 'seats', message, seats: e.overruns });
      } else if (e instanceof ZodError) sendRefusal(res, badInputIn(e, req.method !== 'GET'));
      else if (e instanceof Refusal) {
        // A refusal is a security event of the audit trail (security-events.ts), a safeguard's as such.
        currentAccess()?.refusals?.push(e);
        sendRefusal(res, e);
      } else throw e;
    }
  };
}
