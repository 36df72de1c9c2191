import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Action, ActionContext, ActionRequest, ActionResponse, ComponentLoader, IsFunction, RecordActionResponse, ResourceOptions } from 'adminjs';
import type { CompiledAccess } from '../../core/compile.js';
import type { RecordAction } from '../../core/model.js';
import { mayTakeAction } from '../../core/usable-modules.js';
import { forbidden, notFound } from './errors.js';
import { currentAccess } from './request-context.js';
import { recordPermissions, type ScopedResource } from './scoped-resource.js';
import { exportCsv } from './export-action.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The console's components, one folder per feature. */
const consoleDir = path.join(here, '../../console');

/** A record's page: AdminJS's own show view plus the record's "Historique" (console/records/record-show-with-history.tsx). */
export const RECORD_SHOW_COMPONENT = 'PortierRecordShow';

/** The owner fields' edit component (console/records/owner-picker.tsx): the owners one may choose. */
export const OWNER_PICKER_COMPONENT = 'PortierOwnerPicker';

/** Adds the record page with its history and the owner picker to the app's ComponentLoader (by `createPortier`, before any resource names them). */
export function registerRecordShowComponent(loader: ComponentLoader): void {
  loader.add(RECORD_SHOW_COMPONENT, path.join(consoleDir, 'records/record-show-with-history.tsx'));
  loader.add(OWNER_PICKER_COMPONENT, path.join(consoleDir, 'records/owner-picker.tsx'));
}

/** The owner fields' options, merged under the app's own: the picker as their edit component. */
export function ownerPickerProperties(fields: string[], theirs: ResourceOptions['properties'] = {}): ResourceOptions['properties'] {
  const out: NonNullable<ResourceOptions['properties']> = { ...theirs };
  for (const f of fields) out[f] = { ...(theirs?.[f] ?? {}), components: { edit: OWNER_PICKER_COMPONENT, ...(theirs?.[f]?.components ?? {}) } };
  return out;
}

/** What a custom action of a developer needs, when they do not say: record actions change the record. */
export type PortierRequirement = 'read' | 'edit' | 'delete' | 'create' | 'export';

function compiled(): CompiledAccess | null {
  return currentAccess()?.access.access ?? null;
}

/** Whether the user may take an action on the module at all (some record, or creating one). */
function moduleAllows(module: string, need: PortierRequirement): boolean {
  const a = compiled();
  return !!a && mayTakeAction(a, module, need);
}

/**
 * `isAccessible` for an action: on a record, what the database said of that very record (the
 * resource loaded it through the engine); without a record, whether the module allows it at all.
 */
export function accessibleFor(module: string, need: PortierRequirement): IsFunction {
  return ({ record }) => {
    if (!record) return moduleAllows(module, need);
    const perms = recordPermissions(record);
    if (!perms) return false; // not loaded through the engine: fail closed
    if (need === 'read') return true;
    if (need === 'edit' || need === 'delete') return perms[need as Exclude<RecordAction, 'read'>];
    return moduleAllows(module, need);
  };
}

function both(mine: IsFunction, theirs: Action<ActionResponse>['isAccessible']): IsFunction {
  if (theirs === undefined) return mine;
  return (ctx) => mine(ctx) && (typeof theirs === 'function' ? !!theirs(ctx) : !!theirs);
}

const BUILT_IN: Record<string, PortierRequirement> = {
  list: 'read',
  search: 'read',
  show: 'read',
  new: 'create',
  edit: 'edit',
  delete: 'delete',
  bulkDelete: 'delete',
};

/**
 * The actions of a module's resource: AdminJS's own, each gated by the engine; bulk delete in
 * one transaction (all or nothing); a CSV export of what the user may read; and the developer's
 * custom actions, gated by what they declare (`portier: 'read' | 'edit' | ...`, default `edit`
 * for record and bulk actions, `read` for resource actions), on top of their own `isAccessible`.
 */
export function moduleActions(module: string, custom: ResourceOptions['actions'] = {}): ResourceOptions['actions'] {
  const actions: Record<string, Partial<Action<ActionResponse>> & { portier?: PortierRequirement }> = {};
  for (const [name, need] of Object.entries(BUILT_IN)) {
    const theirs = (custom as Record<string, Partial<Action<ActionResponse>>>)[name] ?? {};
    actions[name] = { ...theirs, isAccessible: both(accessibleFor(module, need), theirs.isAccessible) };
  }
  actions.bulkDelete.handler = bulkDeleteAll;
  // The history panel asks its own endpoint, which checks `viewAudit`; the record itself is the one AdminJS loaded.
  if (actions.show.component === undefined) actions.show.component = RECORD_SHOW_COMPONENT;
  actions.export = {
    actionType: 'resource',
    icon: 'Download',
    component: false,
    isAccessible: accessibleFor(module, 'export'),
    handler: exportCsv,
    ...((custom as Record<string, object>).export ?? {}),
  };
  for (const [name, action] of Object.entries(custom as Record<string, Partial<Action<ActionResponse>> & { portier?: PortierRequirement }>)) {
    if (name in BUILT_IN || name === 'export') continue;
    const need = action.portier ?? (action.actionType === 'resource' ? 'read' : 'edit');
    actions[name] = { ...action, isAccessible: both(accessibleFor(module, need), action.isAccessible) };
  }
  return actions as ResourceOptions['actions'];
}

/** AdminJS deletes the selected records one by one; here it is all of them or none. */
async function bulkDeleteAll(request: ActionRequest, _response: unknown, context: ActionContext): Promise<ActionResponse> {
  const { records, resource, h, currentAdmin } = context;
  if (!records?.length) throw forbidden({ fr: 'Aucun enregistrement sélectionné.', en: 'No record selected.' });
  // AdminJS loads only the records the user may read: one named but not loaded is missing to
  // them, and the whole request is refused rather than carried out on the rest.
  const asked = new Set(
    String(request.query?.recordIds ?? '')
      .split(',')
      .filter(Boolean),
  );
  if (records.length < asked.size) {
    const found = new Set(records.map((r) => String(r.id())));
    const absent = [...asked].filter((id) => !found.has(id)).join(', ');
    throw notFound({
      fr: `Enregistrement introuvable : ${resource.id()} n° ${absent}. Rien n'a été supprimé.`,
      en: `Record not found: ${resource.id()} #${absent}. Nothing was deleted.`,
    });
  }
  if (request.method === 'get') return { records: records.map((r) => r.toJSON(currentAdmin)) };
  await (resource as unknown as ScopedResource).deleteMany(
    records.map((r) => r.id()),
    context,
  );
  return {
    records: records.map((r) => r.toJSON(currentAdmin)),
    notice: { message: records.length > 1 ? 'successfullyBulkDeleted_plural' : 'successfullyBulkDeleted', options: { count: records.length }, type: 'success' },
    redirectUrl: h.resourceUrl({ resourceId: resource.id() }),
  } as unknown as RecordActionResponse;
}
