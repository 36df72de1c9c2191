import { flat, Filter, type ActionContext, type ActionRequest, type ActionResponse } from 'adminjs';
import type { ScopedResource } from './scoped-resource.js';
import { csvCell } from './csv-cell.js';

export const EXPORT_LIMIT = 50_000;

/**
 * Export: the records the user may read (with the list's filters), with only the fields they
 * may read, as CSV. Needs the module's `export` privilege (the action's `isAccessible`).
 */
export async function exportCsv(request: ActionRequest, _response: unknown, context: ActionContext): Promise<ActionResponse> {
  const resource = context.resource as unknown as ScopedResource;
  const {
    filters = {},
    sortBy = 'updatedAt',
    direction = 'desc',
  } = flat.unflatten(request.query ?? {}) as {
    filters?: Record<string, unknown>;
    sortBy?: string;
    direction?: 'asc' | 'desc';
  };
  const records = await resource.find(new Filter(filters, resource), { limit: EXPORT_LIMIT + 1, offset: 0, sort: { sortBy, direction } }, context);
  const truncated = records.length > EXPORT_LIMIT;
  const rows = records.slice(0, EXPORT_LIMIT).map((r) => r.params);
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const csv = '\uFEFF' + [columns.map(csvCell).join(';'), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(';'))].join('\r\n') + '\r\n';
  return {
    csv,
    filename: `${resource.id()}-${new Date().toISOString().slice(0, 10)}.csv`,
    count: rows.length,
    truncated,
    notice: truncated ? { message: `Export limité aux ${EXPORT_LIMIT} premiers enregistrements : affinez les filtres.`, type: 'info' } : undefined,
  } as ActionResponse;
}
