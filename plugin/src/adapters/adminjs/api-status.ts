import type { RequestHandler } from 'express';
import { languageOf, type Language } from '../web/language.js';
import { adminjsEn } from './locale/en.js';
import { adminjsFr } from './locale/fr.js';

/** The header Portier's own frontend adds to its API calls (see console/common/portier-client.jsx). */
export const UI_HEADER = 'x-portier-ui';

/**
 * AdminJS answers a refused action with HTTP 200 and an error notice, which its UI shows. API
 * clients get the status the refusal means instead: 403 for a refused action, 404 for a record
 * they may not read (or that does not exist), 409 for a change over the subscription awaiting
 * confirmation (docs/spec/seats.md), 400 for bad input. The body is unchanged.
 */
export function apiStatus(): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith('/api/')) return next();
    if (req.get(UI_HEADER)) {
      // AdminJS's UI translates its own message keys; only its English sentences are said here.
      const json = res.json.bind(res);
      res.json = (body: unknown) => json(inWords(body, languageOf(req), false));
      return next();
    }
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      inWords(body, languageOf(req));
      const status = statusOf(body);
      if (status && res.statusCode === 200) res.status(status);
      return json(body);
    };
    next();
  };
}

function statusOf(body: unknown): number | null {
  const b = body as { notice?: { type?: string }; record?: { baseError?: { type?: string } | null } } | null;
  if (b?.notice?.type !== 'error') return null;
  switch (b.record?.baseError?.type) {
    case 'ForbiddenError':
      return 403;
    case 'NotFoundError':
      return 404;
    case 'seats':
      return 409;
    default:
      return 400;
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
function inWords(body: unknown, lang: Language, keys = true): unknown {
  const b = body as { notice?: { message?: unknown }; record?: { baseError?: { message?: unknown } | null } } | null;
  const say = (m: unknown): unknown => {
    if (typeof m !== 'string') return m;
    const sentence = SENTENCES.find(([re]) => re.test(m));
    if (sentence) return sentence[1][lang];
    if (!keys) return m;
    const messages = (lang === 'en' ? adminjsEn.messages : adminjsFr.messages) as Record<string, string | undefined>;
    const text = /^\w+$/.test(m) ? messages[m] : undefined;
    return text ? text.replace(/\{\{[^}]*\}\}/g, '').replace(/\s+/g, ' ').trim() : m;
  };
  if (b?.notice) b.notice.message = say(b.notice.message);
  if (b?.record?.baseError) b.record.baseError.message = say(b.record.baseError.message);
  return body;
}
