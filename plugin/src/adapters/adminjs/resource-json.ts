import type { BasePropertyJSON, ResourceDecorator, ResourceJSON } from 'adminjs';
import { currentAccess } from './request-context.js';

const patched = new WeakSet<ResourceDecorator>();

/**
 * AdminJS sends each resource's properties to the browser (forms, columns, filters). Per user:
 * fields they may not see are removed everywhere, fields they may only read are disabled in
 * forms. (The values themselves never leave the server: the resource strips them.)
 */
export function restrictResourceJson(decorator: ResourceDecorator, module: string, ownerFields: string[] = []): ResourceDecorator {
  if (patched.has(decorator)) return decorator;
  patched.add(decorator);
  const original = decorator.toJSON.bind(decorator);
  decorator.toJSON = (currentAdmin) => {
    const json = original(currentAdmin);
    const store = currentAccess();
    const access = store?.access.access;
    // Outside a signed-in request nothing of the module is shown.
    const restricted = !access ? null : access.isAdmin ? {} : (access.fields[module] ?? {});
    // A client user never sees users (docs/spec/client-access.md): owner columns would show bare ids, so the
    // screens leave them out (the engine still knows them as read-only for the client).
    const owners = new Set(access?.kind === 'client' ? ownerFields : []);
    return restrictJson(json, (name) => (owners.has(name) ? 'none' : restricted ? (restricted[name] ?? 'write') : 'none'));
  };
  return decorator;
}

export function restrictJson(json: ResourceJSON, levelOf: (property: string) => 'write' | 'read' | 'none'): ResourceJSON {
  const keep = (p: BasePropertyJSON) => levelOf(p.propertyPath) !== 'none';
  const disable = (p: BasePropertyJSON) => (levelOf(p.propertyPath) === 'read' ? { ...p, isDisabled: true } : p);
  return {
    ...json,
    properties: Object.fromEntries(
      Object.entries(json.properties)
        .filter(([, p]) => keep(p))
        .map(([k, p]) => [k, disable(p)]),
    ),
    listProperties: json.listProperties.filter(keep),
    showProperties: json.showProperties.filter(keep),
    filterProperties: json.filterProperties.filter(keep),
    editProperties: json.editProperties.filter(keep).map(disable),
  };
}
