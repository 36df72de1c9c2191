import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionContext, ComponentLoader, ResourceOptions } from 'adminjs';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { hasCapability } from '../../services/actor.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The id of the component showing a user's login history (console/stats/user-login-history.tsx). */
export const LOGIN_HISTORY_COMPONENT = 'PortierUserLoginHistory';

/** Adds the login history's component to the app's ComponentLoader (from `registerComponents`). */
export function registerStatsComponents(loader: ComponentLoader): void {
  loader.add(LOGIN_HISTORY_COMPONENT, path.join(here, 'user-login-history.tsx'));
}

/**
 * Actions on the User resource that show the user's login history ("Historique de connexion"),
 * a button of the user's page. The component reads `<rootPath>/portier/users/:id/logins`,
 * which checks `viewStats` again (or that the user is the reader).
 */
export function statsUserActions(): NonNullable<ResourceOptions['actions']> {
  return {
    loginHistory: {
      actionType: 'record',
      icon: 'Clock',
      component: LOGIN_HISTORY_COMPONENT,
      showInDrawer: false,
      isAccessible: () => {
        const store = currentAccess();
        return !!store && hasCapability(store.access, 'viewStats');
      },
      // The record was loaded (through the access checks) before the action; the component fetches the rest.
      handler: async (_request: unknown, _response: unknown, context: ActionContext) => ({
        record: context.record!.toJSON(context.currentAdmin),
      }),
    },
  };
}
