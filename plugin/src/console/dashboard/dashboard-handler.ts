import type { PageContext } from 'adminjs';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { ModuleRecords } from '../../adapters/postgres/module-records.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { profileNames, setupOverview, type SetupOverview } from '../../adapters/postgres/read-models/home.js';
import { hasCapability } from '../../services/actor.js';
import { visiblePages } from '../pages.js';

export const DASHBOARD_COUNT_CAP = 10_000;

export interface DashboardModule {
  module: string;
  count: number;
  capped: boolean;
  /** The records the user owns ("mes affaires"); null: the module has no owner. */
  mine: number | null;
}

export interface DashboardData {
  kind: 'internal' | 'client';
  modules: DashboardModule[];
  /** The pages of their menu (pages.ts): a consultant's work is there. */
  pages: string[];
  /** For those who configure access: the set-up at a glance. */
  overview: SetupOverview | null;
  /** A client's dossiers: the account's title and the profile it is opened under. */
  dossiers: Array<{ module: string; id: string | number; title: string; profile: string }>;
}

/**
 * The home page's data, what each user's work is: the modules they may read with how many records
 * they see and own (counted by PostgreSQL through the engine, capped so that a million rows cost
 * little), the pages of their menu, the set-up's counts for those who configure it, a client's
 * dossiers. Recent changes are the audit trail's own route (the page asks it when the user may).
 */
export function dashboardHandler(service: AccessService) {
  return async (_request: unknown, _response: unknown, _context: PageContext): Promise<DashboardData | { modules: [] }> => {
    const store = currentAccess();
    if (!store) return { modules: [] };
    const ua = store.access;
    const modules: DashboardModule[] = [];
    for (const name of service.registry.names) {
      const g = ua.access.grants[name]?.read;
      if (!g || (!g.all && g.any.length === 0)) continue;
      const records = new ModuleRecords(service, name);
      const count = await records.cappedCount(ua, DASHBOARD_COUNT_CAP);
      const owned = records.table.spec.owner.kind === 'none' || ua.user.kind === 'client' ? null : await records.cappedCount(ua, DASHBOARD_COUNT_CAP, true);
      modules.push({
        module: name,
        count: Math.min(count, DASHBOARD_COUNT_CAP),
        capped: count > DASHBOARD_COUNT_CAP,
        mine: owned === null ? null : Math.min(owned, DASHBOARD_COUNT_CAP),
      });
    }
    const configures = hasCapability(ua, 'manageAccess') || hasCapability(ua, 'manageUsers');
    const pages = visiblePages(ua);
    return {
      kind: ua.user.kind,
      modules,
      pages,
      overview: configures ? await setupOverview(service.ds, { clients: pages.includes('clientAccess') }) : null,
      dossiers: ua.user.kind === 'client' ? await clientDossiers(service, ua) : [],
    };
  };
}

/** A client's dossiers, read through the engine (the root module's records they may read). */
async function clientDossiers(service: AccessService, ua: NonNullable<ReturnType<typeof currentAccess>>['access']): Promise<DashboardData['dossiers']> {
  const grants = ua.user.dossiers ?? [];
  const root = service.registry.names.find((n) => {
    const d = service.registry.get(n).spec.dossier;
    return !!d && 'root' in d;
  });
  if (!root || !grants.length) return [];
  const records = new ModuleRecords(service, root);
  const rows = await records.byIds(
    ua,
    grants.map((g) => g.accountId),
  );
  const names = await profileNames(service.ds, [...new Set(grants.map((g) => g.profileId))]);
  return rows.map((r) => {
    const id = r.params.id as number;
    const grant = grants.find((g) => g.accountId === Number(id));
    const title = [r.params.name, r.params.reference].filter(Boolean).join(' · ');
    return { module: root, id, title: title || String(id), profile: grant ? (names.get(grant.profileId) ?? '') : '' };
  });
}
