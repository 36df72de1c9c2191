import type AdminJS from 'adminjs';
import type { RequestHandler } from 'express';
import { badInput } from '../web/bad-input.js';
import { absentIn } from '../../core/refusals.js';

/** PostgreSQL's `integer`: the ids of Portier's tables. */
export const MAX_ID = 2 ** 31 - 1;
const MAX_PAGE = 1_000_000;
/** AdminJS's own ceiling on a page's size (its list action caps it silently; here it is said). */
const MAX_PER_PAGE = 500;
const MAX_BULK = 1000;

/** A positive integer id as PostgreSQL's `integer` holds it: digits only, 1 to 2^31 - 1. */
export function isIntegerId(value: string): boolean {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= MAX_ID;
}

/** Resources that know which ids they can hold (Portier's): an id they cannot hold is bad input, not a missing record. */
interface IdChecking {
  acceptsId(id: string): boolean;
}
const checksIds = (r: unknown): r is IdChecking => typeof (r as IdChecking | null)?.acceptsId === 'function';

const whole = (v: unknown, min: number, max: number) => typeof v === 'string' && /^\d{1,7}$/.test(v) && Number(v) >= min && Number(v) <= max;

/**
 * The parameters of AdminJS's API checked before its actions run, so that bad input is a 400
 * saying what was wrong rather than a database error: the resource and the action exist (404), a
 * page takes posts only when it has a handler,
 * the page and its size, the sort direction, record ids (in the path, and `recordIds` of bulk
 * actions) as the resource's ids can be.
 */
/** A NUL character anywhere in a query value (PostgreSQL's texts cannot hold one: it failed mid-answer). */
function holdsNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(holdsNul);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => k.includes('\u0000') || holdsNul(x));
  return false;
}

/** AdminJS's built-in actions that only take a POST (`new` throws on anything else: it was a 500). */
const POST_ONLY = new Set(['new']);

export function adminRequestChecks(admin: AdminJS): RequestHandler {
  return (req, _res, next) => {
    // Every route's query and path, Portier's included: a NUL is bad input, not a database error.
    let path = req.path;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next(badInput('adresse mal encodée (séquence % invalide)', 'malformed URL encoding (invalid % sequence)'));
    }
    if (path.includes('\u0000') || holdsNul(req.query)) return next(badInput('caractère nul dans la requête', 'NUL character in the request'));
    const pageCall = /^\/api\/pages\/([^/]+)/.exec(req.path);
    if (pageCall) {
      // AdminJS answers 200 to a page without a handler, whatever the method: nothing to post to.
      const page = decodeURIComponent(pageCall[1]);
      const declared = admin.options.pages?.[page];
      if (!declared || (req.method !== 'GET' && !declared.handler))
        return next(absentIn({ fr: `Aucune page « ${page.slice(0, 60)} » à qui envoyer ceci.`, en: `No page "${page.slice(0, 60)}" to send this to.` }));
      return next();
    }
    const m = /^\/api\/resources\/([^/]+)\/(?:records\/([^/]+)\/([^/]+)|bulk\/([^/]+)|actions\/([^/]+)|search)/.exec(req.path);
    if (!m) return next();
    const resourceId = decodeURIComponent(m[1]);
    const resource = admin.resources.find((r) => r.id() === resourceId);
    const actionName = m[3] ?? m[4] ?? m[5];
    // What AdminJS would answer with an error naming every resource: said as what it is.
    if (!resource)
      return next(absentIn({ fr: `Aucun module ni ressource « ${resourceId.slice(0, 60)} ».`, en: `No module or resource "${resourceId.slice(0, 60)}".` }));
    if (actionName !== undefined && !resource.decorate().actions[decodeURIComponent(actionName)]) {
      const action = decodeURIComponent(actionName).slice(0, 60);
      return next(absentIn({ fr: `Aucune action « ${action} » sur ${resourceId}.`, en: `No action "${action}" on ${resourceId}.` }));
    }
    if (actionName !== undefined && POST_ONLY.has(decodeURIComponent(actionName)) && req.method !== 'POST') {
      return next(
        badInput(
          `l'action « ${decodeURIComponent(actionName)} » s'appelle par POST (elle enregistre)`,
          `the action "${decodeURIComponent(actionName)}" is called with POST (it saves)`,
          405,
        ),
      );
    }
    const { page, perPage, direction, recordIds } = req.query as Record<string, unknown>;
    if (page !== undefined && !whole(page, 1, MAX_PAGE)) {
      return next(badInput(`page : un entier de 1 à ${MAX_PAGE} est attendu`, `page: a whole number from 1 to ${MAX_PAGE} is expected`));
    }
    if (perPage !== undefined && !whole(perPage, 1, MAX_PER_PAGE)) {
      return next(badInput(`perPage : un entier de 1 à ${MAX_PER_PAGE} est attendu`, `perPage: a whole number from 1 to ${MAX_PER_PAGE} is expected`));
    }
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
      return next(badInput('direction : « asc » ou « desc » est attendu', 'direction: "asc" or "desc" is expected'));
    }
    if (!checksIds(resource)) return next();
    const ids = [...(m[2] !== undefined ? [decodeURIComponent(m[2])] : []), ...(typeof recordIds === 'string' ? recordIds.split(',') : [])];
    if (recordIds !== undefined && typeof recordIds !== 'string')
      return next(badInput('recordIds : une liste de numéros séparés par des virgules est attendue', 'recordIds: a comma-separated list of ids is expected'));
    if (ids.length > MAX_BULK)
      return next(badInput(`recordIds : ${MAX_BULK} enregistrements au plus à la fois`, `recordIds: at most ${MAX_BULK} records at once`));
    const bad = ids.find((id) => !resource.acceptsId(id));
    if (bad !== undefined) {
      return next(
        badInput(
          `identifiant d'enregistrement mal formé : « ${bad.slice(0, 40)} » (un entier de 1 à ${MAX_ID} est attendu)`,
          `malformed record id: "${bad.slice(0, 40)}" (a whole number from 1 to ${MAX_ID} is expected)`,
        ),
      );
    }
    next();
  };
}
