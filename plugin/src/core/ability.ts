import { AbilityBuilder, createMongoAbility, subject as tag, type MongoAbility } from '@casl/ability';
import type { CompiledAccess } from './compile.js';
import { RECORD_ACTIONS } from './model.js';

export type PortierAction = 'read' | 'edit' | 'delete' | 'create' | 'export' | 'manage';
export type PortierAbility = MongoAbility<[PortierAction, string | Record<string, unknown>]>;

/**
 * The compiled access as a CASL ability. `can(action, record)` evaluates a record's own
 * columns and its facts (see record-conditions.ts); `can(action, record, field)` answers field
 * access. create and export are per module: exporting a record also needs `read` on it.
 */
export function buildAbility(access: CompiledAccess): PortierAbility {
  const { can, cannot, build } = new AbilityBuilder<PortierAbility>(createMongoAbility);
  if (access.active && access.isAdmin) {
    can('manage', 'all');
    return build();
  }
  if (access.active) {
    for (const [module, grants] of Object.entries(access.grants)) {
      for (const action of RECORD_ACTIONS) {
        const g = grants[action];
        if (g.all) can(action, module);
        else for (const condition of g.any) can(action, module, condition);
      }
    }
    for (const module of access.create) can('create', module);
    for (const module of access.export) {
      // A client exports only the records of the dossiers whose profile grants export.
      const only = access.exportConditions?.[module];
      if (only) for (const condition of only) can('export', module, condition);
      else can('export', module);
    }
    for (const [module, fields] of Object.entries(access.fields)) {
      const hidden = Object.keys(fields).filter((f) => fields[f] === 'none');
      const readOnly = Object.keys(fields).filter((f) => fields[f] !== 'write');
      if (hidden.length) cannot('read', module, hidden);
      if (readOnly.length) {
        cannot('edit', module, readOnly);
        cannot('create', module, readOnly);
      }
    }
  }
  return build();
}

/** Tags a plain record with its module, for `ability.can(action, asRecord('Deal', row))`. */
export function asRecord(module: string, record: Record<string, unknown>): Record<string, unknown> {
  return tag(module, { ...record });
}
