import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComponentLoader, ResourceOptions } from 'adminjs';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { hasCapability } from '../../services/actor.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const COMPONENT = 'PortierUserEffectiveAccess';

export function registerEffectiveAccessComponents(loader: ComponentLoader): void {
  loader.add(COMPONENT, path.join(here, 'user-effective-access.tsx'));
}

/**
 * "Accès effectif" on a user's page (internal or client user): what they may read, edit and delete
 * per module, and why for one record. For those who manage users or access; the JSON routes
 * behind it (routes/effective-access-routes.ts) check the same capabilities.
 */
export function effectiveAccessUserActions(): NonNullable<ResourceOptions['actions']> {
  return {
    effectiveAccess: {
      actionType: 'record',
      icon: 'Eye',
      component: COMPONENT,
      isAccessible: () => {
        const store = currentAccess();
        return !!store && (hasCapability(store.access, 'manageUsers') || hasCapability(store.access, 'manageAccess'));
      },
      handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
    },
  };
}
