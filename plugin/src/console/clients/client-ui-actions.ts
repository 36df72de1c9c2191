import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComponentLoader, ResourceOptions } from 'adminjs';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { hasCapability } from '../../services/actor.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const COMPONENT = 'PortierUserClientDossiers';

export function registerClientComponents(loader: ComponentLoader): void {
  loader.add(COMPONENT, path.join(here, 'user-client-dossiers.tsx'));
}

/** "Dossiers clients" on a client user's page: their dossier grants, for those who manage users. */
export function clientUserActions(): NonNullable<ResourceOptions['actions']> {
  return {
    clientDossiers: {
      actionType: 'record',
      icon: 'Briefcase',
      component: COMPONENT,
      isAccessible: ({ record }) => {
        const store = currentAccess();
        return !!store && hasCapability(store.access, 'manageUsers') && record?.params?.kind === 'client';
      },
      handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
    },
  };
}
