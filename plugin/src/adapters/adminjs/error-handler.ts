import crypto from 'node:crypto';
import { ForbiddenError, NotFoundError, ValidationError } from 'adminjs';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { ZodError } from 'zod';
import { Refusal } from '../../core/refusal.js';
import { badInputOf } from '../web/bad-input.js';
import { languageOf, type Text } from '../web/language.js';
import { plainPage } from '../web/plain-page.js';
import { refusalStatus } from '../web/refusal-status.js';
import { isUiCall } from '../web/ui-call.js';
import { jsonAfterEvents } from './security-events.js';
import { currentAccess } from './request-context.js';
import { zodIssues } from '../../console/common/respond.js';

const UNEXPECTED: Text = {
  fr: "Erreur inattendue : l'opération n'a pas abouti. Si elle se reproduit, donnez à votre administrateur la référence {id}.",
  en: 'Unexpected error: the operation did not go through. If it happens again, give your administrator the reference {id}.',
};
const INVALID: Text = { fr: 'Requête invalide : {what}.', en: 'Invalid request: {what}.' };
const UNCHANGED: Text = { fr: " Rien n'a été modifié.", en: ' Nothing was changed.' };

/** A refusal or bad input, as the client will read it; an unexpected error is logged under `errorId`. */
interface Answer {
  status: number;
  error: string;
  message: string;
  errorId?: string;
}

/** What an error means for the client, in their language; null: unexpected. */
function classify(err: unknown, req: Request): Answer | null {
  const lang = languageOf(req);
  const writing = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
  const invalid = (what: string, status = 400): Answer => ({
    status,
    error: 'invalid',
    message: INVALID[lang].replace('{what}', what) + (writing ? UNCHANGED[lang] : ''),
  });
  const bad = badInputOf(err);
  if (bad) return invalid(bad.what[lang], bad.status);
  if (err instanceof ZodError) return invalid(zodIssues(err, lang));
  // Refusals carry their own message in each language, which says that nothing changed.
  if (err instanceof Refusal) return { status: refusalStatus(err.kind), error: err.kind, message: err.in(lang) };
  if (err instanceof ForbiddenError)
    return { status: refusalStatus('forbidden'), error: 'forbidden', message: lang === 'en' ? 'Action not allowed.' : 'Action refusée.' };
  if (err instanceof NotFoundError)
    return { status: refusalStatus('notFound'), error: 'notFound', message: lang === 'en' ? 'Record not found.' : 'Enregistrement introuvable.' };
  if (err instanceof ValidationError)
    return invalid(
      err.baseError?.message ??
        Object.values(err.propertyErrors ?? {})
          .map((e) => e.message)
          .join(' ; '),
    );
  return null;
}

function send(req: Request, res: Response, a: Answer): void {
  const url = req.originalUrl.split('?')[0];
  if (/\/api\//.test(url)) {
    // AdminJS's own shape for an error, so that its UI shows the message as a notice; its UI's
    // calls keep HTTP 200, as AdminJS does for its refusals (api-answer.ts, ui-call.ts).
    const { status, ...body } = a;
    const baseError = { type: a.error, message: a.message };
    if (!isUiCall(req)) res.status(status);
    void jsonAfterEvents(res, {
      ...body,
      record: { params: {}, populated: {}, baseError, errors: {} },
      records: [],
      notice: { message: a.message, type: 'error' },
    });
    return;
  }
  const { status, ...body } = a;
  res.status(status);
  if (/\/portier\//.test(url) || req.accepts(['html', 'json']) === 'json') {
    void jsonAfterEvents(res, body);
    return;
  }
  const lang = languageOf(req);
  res.type('html').send(
    plainPage({
      lang,
      title: lang === 'en' ? 'The request did not go through' : "La requête n'a pas abouti",
      lines: [a.message],
      link: { href: req.baseUrl || '/', text: lang === 'en' ? 'Back to the backoffice' : 'Revenir au backoffice' },
    }),
  );
}

/**
 * A refused action or an unreadable record that reached the error handler rather than AdminJS's
 * action (a set-up resource one may not read, a bulk action on records one may not read): a
 * security event, collected for the trail (security-events.ts) whatever status the answer gets —
 * a UI call's answer is a 200 (ui-call.ts), which the trail cannot tell from a success. Routing's
 * own "not found" (no such page or resource) is not an attempt on a record.
 */
function noteRefusal(err: unknown): void {
  const refusals = currentAccess()?.refusals;
  if (!refusals || refusals.length) return;
  if (err instanceof Refusal && err.kind === 'forbidden') refusals.push(err);
  else if (err instanceof ForbiddenError) refusals.push(new Refusal('forbidden', err.message));
  else if (err instanceof NotFoundError) refusals.push(new Refusal('notFound', err.message));
}

/**
 * The one error handler of the web layer, for every route: bad input answers 400 saying what was
 * wrong (French, or English for a user whose language it is), a refusal its status, anything
 * else 500 with a generic message and an error id, the error itself logged under that id on the
 * server. The answer never carries a stack trace, a file path or a query, in any mode.
 */
export function errorHandler(): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) {
      // Part of the answer is out: all that can be done is to cut it short.
      console.error(`[error] ${req.method} ${req.originalUrl.split('?')[0]} failed after its answer began:`, err);
      res.destroy();
      return;
    }
    const known = classify(err, req);
    if (known) {
      noteRefusal(err);
      return send(req, res, known);
    }
    const errorId = crypto.randomBytes(4).toString('hex');
    console.error(`[error ${errorId}] ${req.method} ${req.originalUrl.split('?')[0]}:`, err);
    send(req, res, { status: 500, error: 'unexpected', message: UNEXPECTED[languageOf(req)].replace('{id}', errorId), errorId });
  };
}
