/**
 * Portier's part of the menu, in order: pure data, read by the sidebar in the browser and checked
 * against the pages on the server (pages.ts). An entry is a page's name, or `resource:<id>` for an
 * AdminJS resource's list (the users' list heads the access configuration). The app's own
 * resources (its modules) come first, grouped as the app declared them.
 */
export interface MenuGroup {
  /** Its label's key under the locale's `labels`. */
  name: string;
  icon: string;
  entries: string[];
}

export const MENU_GROUPS: MenuGroup[] = [
  { name: 'accessConfiguration', icon: 'Shield', entries: ['resource:User', 'profiles', 'roles', 'teams', 'sharing', 'clientAccess'] },
  { name: 'followUp', icon: 'Activity', entries: ['auditTrail', 'connectionStats', 'subscription', 'accessRequests', 'sentMail'] },
];

/** Pages shown on their own, after the groups. */
export const MENU_SINGLES = ['myAccount'];

export const RESOURCE_ENTRY = 'resource:';
/** The icons of the resources Portier's groups show (pages have their own, pages.ts). */
export const RESOURCE_ICONS: Record<string, string> = { User: 'UserCheck' };

/** What the menu needs to know of a resource (AdminJS's ResourceJSON). */
interface MenuResource {
  id: string;
  href: string | null;
  navigation: { name?: string | null; show?: boolean } | null;
}

export interface Menu {
  /** The app's resources in the menu (AdminJS groups them by their `navigation`). */
  app: string[];
  /** Portier's groups that hold something for this user, each with its entries. */
  groups: { name: string; icon: string; entries: string[] }[];
  singles: string[];
}

/**
 * The menu of a user: only what they may open. A resource whose list they may not see has no
 * `href` (AdminJS); a page is shown when the access gate listed it in `allowed`
 * (`currentAdmin.portierPages`, pages.ts); a group left empty is left out.
 */
export function menuOf(resources: MenuResource[], pages: { name: string }[], allowed: string[]): Menu {
  const open = (entry: string) =>
    entry.startsWith(RESOURCE_ENTRY)
      ? !!resources.find((r) => r.id === entry.slice(RESOURCE_ENTRY.length))?.href
      : allowed.includes(entry) && pages.some((p) => p.name === entry);
  return {
    app: resources.filter((r) => r.href && r.navigation?.show !== false).map((r) => r.id),
    groups: MENU_GROUPS.map((g) => ({ ...g, entries: g.entries.filter(open) })).filter((g) => g.entries.length > 0),
    singles: MENU_SINGLES.filter(open),
  };
}
