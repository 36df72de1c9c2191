import type { Request, Response } from 'express';
import { languageOf, type Language } from '../web/language.js';
import { refusalStatus, type RefusalCode } from '../web/refusal-status.js';
import { isUiCall } from '../web/ui-call.js';
import { adminjsEn } from './locale/en.js';
import { adminjsFr } from './locale/fr.js';
import { recordRefusals } from './security-events.js';

/**
 * The one answer of AdminJS's API (adminjs-routes.ts): AdminJS answers a refused action with
 * HTTP 200 and an error notice, which its UI shows; the UI's calls keep that. API clients get the
 * status the refusal means instead (refusal-status.ts): 403 a refused action, 404 a record they
 * may not read (or that does not exist), 409 a change over the subscription awaiting
 * confirmation (docs/spec/seats.md), 400 bad input. AdminJS's English sentences are said in the
 * user's language, and for API clients its message keys too. The refusal is written to the audit
 * trail first (security-events.ts), then the body goes, once.
 */
export async function answerApi(req: Request, res: Response, body: unknown): Promise<void> {
  // As AdminJS said it: the trail keeps the refusal's own words.
  await recordRefusals(res, body);
  const ui = isUiCall(req);
  // AdminJS's UI translates its own message keys; only its English sentences are said here.
  inWords(body, languageOf(req), !ui);
  const code = ui ? null : refusalIn(body);
  if (code && res.statusCode === 200) res.status(refusalStatus(code));
  res.json(body);
}

/** The refusal an answer of AdminJS says, by the type of its error; null: no error notice. */
function refusalIn(body: unknown): RefusalCode | null {
  const b = body as { notice?: { type?: string }; record?: { baseError?: { type?: string } | null } } | null;
  if (b?.notice?.type !== 'error') return null;
  switch (b.record?.baseError?.type) {
    case 'ForbiddenError':
      return 'forbidden';
    case 'NotFoundError':
      return 'notFound';
    case 'seats':
      return 'seats';
    default:
      return 'invalid';
  }
}

/** AdminJS's own English sentences, as the user's language says them. */
const SENTENCES: Array<[RegExp, Record<Language, string>]> = [
  [/^record with given id: .* cannot be found in resource /i, { fr: 'Enregistrement introuvable.', en: 'Record not found.' }],
  [/^You have to pass /, { fr: 'Requête invalide : il manque le ou les enregistrements visés.', en: 'Invalid request: the records concerned are missing.' }],
];

/**
 * The messages of an answer of AdminJS's API in the user's words: its English sentences (a
 * record not found), and — for API clients, which have no UI to translate them — its message
 * keys (`forbiddenError`, `successfullyDeleted`...) as the locale says them. In place.
 */
function inWords(body: unknown, lang: Language, keys: boolean): void {
  const b = body as { notice?: { message?: unknown }; record?: { baseError?: { message?: unknown } | null } } | null;
  const say = (m: unknown): unknown => {
    if (typeof m !== 'string') return m;
    const sentence = SENTENCES.find(([re]) => re.test(m));
    if (sentence) return sentence[1][lang];
    if (!keys) return m;
    const messages = (lang === 'en' ? adminjsEn.messages : adminjsFr.messages) as Record<string, string | undefined>;
    const text = /^\w+$/.test(m) ? messages[m] : undefined;
    return text
      ? text
          .replace(/\{\{[^}]*\}\}/g, '')
          .replace(/\s+/g, ' ')
          .trim()
      : m;
  };
  if (b?.notice) b.notice.message = say(b.notice.message);
  if (b?.record?.baseError) b.record.baseError.message = say(b.record.baseError.message);
}
