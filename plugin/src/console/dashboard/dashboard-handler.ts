import type { PageContext } from 'adminjs';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { ModuleRecords } from '../../adapters/postgres/module-records.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';

export const DASHBOARD_COUNT_CAP = 10_000;

/**
 * The dashboard's data: for each module the user may read, how many records they can see
 * (counted by PostgreSQL through the engine, capped so that a million rows cost little).
 */
export function dashboardHandler(service: AccessService) {
  return async (_request: unknown, _response: unknown, _context: PageContext) => {
    const store = currentAccess();
    if (!store) return { modules: [] };
    const modules: Array<{ module: string; count: number; capped: boolean }> = [];
    for (const name of service.registry.names) {
      const g = store.access.access.grants[name]?.read;
      if (!g || (!g.all && g.any.length === 0)) continue;
      const records = new ModuleRecords(service, name);
      const count = await records.cappedCount(store.access, DASHBOARD_COUNT_CAP);
      modules.push({ module: name, count: Math.min(count, DASHBOARD_COUNT_CAP), capped: count > DASHBOARD_COUNT_CAP });
    }
    return { user: store.access.user.login, modules };
  };
}
