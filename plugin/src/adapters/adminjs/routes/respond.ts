import type { Response } from 'express';
import type { z } from 'zod';
import type { Capability } from '../../../core/model.js';
import { currentAccess } from '../../request-context.js';
import { Refusal } from '../../typeorm/refusal.js';
import { hasCapability } from '../../typeorm/setup/actor.js';

/** What Portier's JSON routes answer, the same way everywhere: `{ error, message, property? }`. */

/** The signed-in user holds any of these capabilities. */
export function holds(...capabilities: Capability[]): boolean {
  const store = currentAccess();
  return !!store && capabilities.some((c) => hasCapability(store.access, c));
}

export function forbidden(res: Response, message: string): void {
  res.status(403).json({ error: 'forbidden', message });
}

export function badRequest(res: Response, message: string): void {
  res.status(400).json({ error: 'invalid', message: `Requête invalide : ${message}` });
}

/** zod's issues as one French line: "page : Number must be greater than 0 ; to : ...". */
export function zodIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')} : ${i.message}` : i.message)).join(' ; ');
}

/** A refusal of the access model: 403, 404 or 400 with its message (which says nothing changed). */
export function sendRefusal(res: Response, e: Refusal): void {
  res.status(e.kind === 'forbidden' ? 403 : e.kind === 'notFound' ? 404 : 400).json({ error: e.kind, message: e.message, property: e.property });
}
