import { type Router } from 'express';
import { answering, badRequest, forbidden, guardedBy, holds, zodSaid } from '../common/respond.js';
import { absentIn, deniedIn, needsRight, noRecordIn, type Said } from '../../core/refusals.js';
import { moduleLabel } from '../../core/rule-sentence.js';
import { ModuleRecords } from '../../adapters/postgres/module-records.js';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { auditActor, auditOptions, auditPage, eachAuditBatch, type AuditFilters, type AuditRow } from '../../adapters/postgres/audit-query.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { auditFr } from './locale.js';
import { csvCell } from '../../adapters/adminjs/csv-cell.js';
import { newRouter } from '../../adapters/web/routers.js';
import { timeZoneOf } from '../../services/time-zone.js';
import { withReferenceTitles } from '../../adapters/postgres/read-models/audit-references.js';
import { csvChangesText, type Translations } from './audit-csv-changes.js';

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 200;

const FORBIDDEN = needsRight('viewAudit');

// An empty query parameter (a filter left blank by a form) means no filter.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'une date AAAA-MM-JJ ou un instant ISO 8601 (2025-03-01T08:00:00Z) est attendu',
});
const unknownKeys = {
  error: (issue: { code: string; keys?: string[] }) => (issue.code === 'unrecognized_keys' ? `paramètre inconnu : ${issue.keys!.join(', ')}` : undefined),
};

const filterShape = {
  actor: optional(z.string().max(64, "l'utilisateur tient en 64 caractères")),
  module: optional(z.string().max(64, 'le module tient en 64 caractères')),
  recordId: optional(z.string().max(64, "l'identifiant d'enregistrement tient en 64 caractères")),
  action: optional(z.string().max(40, "l'action tient en 40 caractères")),
  from: optional(instant),
  to: optional(instant),
  only: optional(z.enum(['changes'], { error: 'seule la valeur « changes » est attendue' })),
};
const csvQuery = z.strictObject(filterShape, unknownKeys);
const listQuery = z.strictObject(
  {
    ...filterShape,
    page: optional(
      z.coerce
        .number({ error: 'un numéro de page est attendu' })
        .int('un numéro de page entier est attendu')
        .min(1, 'la page commence à 1')
        .max(1_000_000, 'page trop grande'),
    ),
    perPage: optional(
      z.coerce
        .number({ error: 'un nombre est attendu' })
        .int('un nombre entier est attendu')
        .min(1, 'au moins 1 par page')
        .max(MAX_PER_PAGE, `au plus ${MAX_PER_PAGE} par page`),
    ),
  },
  unknownKeys,
);

/** A period that ends before it starts is a mistake worth saying, not an empty answer. */
function periodError(f: AuditFilters): Said | null {
  if (!f.from || !f.to) return null;
  const start = Date.parse(f.from.length === 10 ? `${f.from}T00:00:00Z` : f.from);
  const end = Date.parse(f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to);
  return start > end ? { fr: `la période commence (${f.from}) après sa fin (${f.to})`, en: `the period starts (${f.from}) after its end (${f.to})` } : null;
}

/**
 * The audit trail (capability `viewAudit`): a page of entries as JSON for the "Piste d'audit"
 * page and the records' history panels, and the same filters as a CSV download. Thin: the SQL
 * and what a viewer may see of an entry are in typeorm/audit-query.ts.
 */
export function auditRoutes(service: AccessService, words: () => Promise<Translations> = async () => ({})): Router {
  const router = newRouter();
  const ds = service.ds;

  router.get(
    '/audit',
    guardedBy(['viewAudit'])(async (req, res) => {
      const { page = 1, perPage = DEFAULT_PER_PAGE, ...filters } = listQuery.parse(req.query);
      const period = periodError(filters);
      if (period) return badRequest(res, period);
      const [result, options, actor] = await Promise.all([
        auditPage(ds, currentAccess()!.access, service.registry.names, filters, page, perPage),
        auditOptions(ds),
        filters.actor !== undefined ? auditActor(ds, filters.actor) : Promise.resolve(null),
      ]);
      const entries = await withReferenceTitles(service, currentAccess()!.access, result.entries);
      res.json({ ...result, entries, filters, actor, options, timeZone: timeZoneOf(ds) });
    }),
  );

  router.get('/audit.csv', async (req, res, next) => {
    if (!holds('viewAudit')) {
      return forbidden(res, FORBIDDEN);
    }
    const parsed = csvQuery.safeParse(req.query);
    if (!parsed.success) return badRequest(res, zodSaid(parsed.error));
    const period = periodError(parsed.data);
    if (period) return badRequest(res, period);
    const viewer = currentAccess()!.access;
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="piste-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('cache-control', 'no-store');
    // A BOM, so that Excel reads UTF-8; `;` and CRLF, as French spreadsheets expect.
    const zone = timeZoneOf(ds);
    const at = dateFormat(zone);
    res.write(`\uFEFF${csvHeader(zone).map(csvCell).join(';')}\r\n`);
    try {
      const tree = await words();
      await eachAuditBatch(ds, viewer, service.registry.names, parsed.data, async (rows) => {
        if (res.destroyed) throw new ClientGone();
        // The ids of the changes named as the page names them, as far as the viewer may read them.
        const named = await withReferenceTitles(service, viewer, rows);
        const text = named.map((r) => csvLine(r, at, csvChangesText(r, tree, zone))).join('');
        if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
      });
      res.end();
    } catch (e) {
      if (e instanceof ClientGone) return;
      // The header is sent: all that can be said now is that the download is incomplete.
      if (res.headersSent) {
        res.destroy(e as Error);
        return;
      }
      next(e);
    }
  });

  // A record's "Historique": for any internal user who may read the record now (client users see
  // no history); a record they may not read answers like one that does not exist.
  router.get(
    '/history/:module/:id',
    answering(async (req, res) => {
      const viewer = currentAccess()!.access;
      const { page = 1, perPage = DEFAULT_PER_PAGE } = historyQuery.parse(req.query);
      const module = String(req.params.module);
      if (viewer.access.kind !== 'internal')
        throw deniedIn({
          fr: "Refusé : l'historique des enregistrements est réservé aux collaborateurs.",
          en: 'Refused: the history of records is for staff only.',
        });
      const recordId = service.registry.has(module) ? service.table(module).parseId(String(req.params.id)) : null;
      if (!service.registry.has(module) || recordId === null || !(await new ModuleRecords(service, module).allows(viewer, 'read', recordId))) {
        // With its number, which the audit trail's entry of the refusal keeps (security-events.ts).
        throw service.registry.has(module)
          ? noRecordIn(moduleLabel(service.registry.catalog, module), String(req.params.id))
          : absentIn({ fr: 'Enregistrement introuvable.', en: 'Record not found.' });
      }
      const scope = { kind: 'record' as const, module, recordId: String(recordId) };
      const result = await auditPage(ds, viewer, service.registry.names, {}, page, perPage, scope);
      res.json({ ...result, entries: await withReferenceTitles(service, viewer, result.entries), timeZone: timeZoneOf(ds) });
    }),
  );

  return router;
}

const historyQuery = z.strictObject(
  {
    page: optional(z.coerce.number().int().min(1).max(1_000_000)),
    perPage: optional(z.coerce.number().int().min(1).max(MAX_PER_PAGE)),
  },
  unknownKeys,
);

class ClientGone extends Error {}

export const csvHeader = (zone: string) => [
  'N°',
  `Date (${zone})`,
  'Utilisateur',
  'Identifiant',
  'Action',
  'Module',
  "N° d'enregistrement",
  'Référence',
  'Modifications',
  'Message',
  'Adresse IP',
  'Navigateur',
];

/** `2025-03-01 09:30:00` in the organisation's zone: sorts as text, read by spreadsheets. */
const dateFormat = (zone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

function csvLine(e: AuditRow, at: Intl.DateTimeFormat, changes: string): string {
  const action = (auditFr as Record<string, string>)[`auditAction_${e.action}`] ?? e.action;
  return (
    [e.id, at.format(new Date(e.at)), e.actorName, e.actorLogin, action, e.module, e.recordId, e.reference, changes, e.message, e.ip, e.userAgent]
      .map(csvCell)
      .join(';') + '\r\n'
  );
}
