import type { Capability } from '../core/model.js';
import type { UserAccess } from '../adapters/postgres/access-service.js';
import { hasCapability } from '../services/actor.js';

/**
 * Portier's pages, in menu order. AdminJS pages have no `isAccessible`: the menu shows a page to
 * users holding one of its capabilities (the list travels in `currentAdmin.portierPages`, read by
 * console/common/sidebar-pages.tsx), and every page's data is refused on the server to anyone else.
 */
export interface PortierPage {
  name: string;
  /** Its React component, under console/ (its feature's folder). */
  file: string;
  icon: string;
  /** Any of these lets a user open the page; none: everyone signed in. */
  capabilities: Capability[];
  /** Admins (`isAdmin`) only, whatever their capabilities. */
  adminOnly?: boolean;
}

export const PORTIER_PAGES: PortierPage[] = [
  { name: 'profiles', file: 'profiles/profiles-page.tsx', icon: 'Shield', capabilities: ['manageAccess'] },
  { name: 'roles', file: 'roles/role-tree-page.tsx', icon: 'GitMerge', capabilities: ['manageAccess'] },
  { name: 'teams', file: 'teams/teams-page.tsx', icon: 'Users', capabilities: ['manageAccess'] },
  { name: 'sharing', file: 'sharing/sharing-page.tsx', icon: 'Share2', capabilities: ['manageAccess'] },
  { name: 'clientAccess', file: 'clients/client-access-page.tsx', icon: 'Briefcase', capabilities: ['manageUsers', 'manageAccess'] },
  { name: 'subscription', file: 'subscription/subscription-page.tsx', icon: 'CreditCard', capabilities: ['manageUsers'] },
  { name: 'accessRequests', file: 'requests/access-requests-page.tsx', icon: 'Inbox', capabilities: ['requestAccessChanges', 'manageUsers'] },
  { name: 'auditTrail', file: 'audit/audit-trail-page.tsx', icon: 'Activity', capabilities: ['viewAudit'] },
  { name: 'connectionStats', file: 'stats/connection-stats-page.tsx', icon: 'BarChart2', capabilities: ['viewStats'] },
  { name: 'sentMail', file: 'mail/mail-page.tsx', icon: 'Mail', capabilities: [], adminOnly: true },
  { name: 'myAccount', file: 'account/my-account-page.tsx', icon: 'User', capabilities: [] },
];

/** The pages this user's menu shows. */
export function visiblePages(ua: UserAccess): string[] {
  return PORTIER_PAGES.filter((p) => (p.adminOnly ? ua.access.isAdmin : !p.capabilities.length || p.capabilities.some((c) => hasCapability(ua, c)))).map(
    (p) => p.name,
  );
}

/** The component's id in the ComponentLoader: `myAccount` → `PortierPageMyAccount`. */
export const componentId = (p: PortierPage) => `PortierPage${p.name[0].toUpperCase()}${p.name.slice(1)}`;
