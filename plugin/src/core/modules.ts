/**
 * How a module is placed under the access model: who owns its records, what it links to, and
 * which organisation-wide default and sharing rules govern it. A developer declares this once
 * per module; the decision then applies to it with no further code.
 */

export type OwnerSpec =
  /** "Assigned to" a user or a team: exactly one of the two fields is set. */
  | { kind: 'userOrTeam'; userField: string; teamField: string }
  /** A Contact: its primary advisor owns it; the secondary advisor and assistant may read and edit. */
  | { kind: 'advisors'; primaryField: string; secondaryField: string; assistantField: string };

export interface LinkSpec {
  /** The column holding the linked record's id, e.g. `accountId`. */
  field: string;
  /** The linked module, e.g. `Account`. */
  module: string;
}

export interface ModuleSpec {
  name: string;
  owner: OwnerSpec;
  links: LinkSpec[];
  /** The sharing module whose default and rules govern this module (Contact: Account). */
  sharingModule: string;
  /**
   * Rules of another sharing module that also share this module's records through a link
   * (a Quote is shared by the Deal rules that match its deal). Direct links only.
   */
  sharedThrough?: Array<{ field: string; module: string }>;
  /** Per-contact-type scopes ("Mes clients") apply, read from this field. */
  contactTypeField?: string;
}

export interface SharingModuleSpec {
  name: string;
  /** Always private and takes no rules (Activity). */
  alwaysPrivate?: boolean;
  /** Must stay private while this other sharing module is private (Deal while Account is). */
  privateWhilePrivate?: string;
}

export interface ModuleCatalog {
  modules: ModuleSpec[];
  sharingModules: SharingModuleSpec[];
}

export function moduleSpec(catalog: ModuleCatalog, name: string): ModuleSpec | undefined {
  return catalog.modules.find((m) => m.name === name);
}

export function sharingModuleSpec(catalog: ModuleCatalog, name: string): SharingModuleSpec | undefined {
  return catalog.sharingModules.find((m) => m.name === name);
}

/** Problems in a catalog itself (a module naming an unknown module, ...): setup errors say what to fix. */
export function catalogProblems(catalog: ModuleCatalog): string[] {
  const problems: string[] = [];
  const names = new Set(catalog.modules.map((m) => m.name));
  const sharing = new Set(catalog.sharingModules.map((m) => m.name));
  for (const m of catalog.modules) {
    if (!sharing.has(m.sharingModule)) problems.push(`module ${m.name}: unknown sharing module "${m.sharingModule}" (known: ${[...sharing].join(', ')})`);
    for (const l of m.links) if (!names.has(l.module)) problems.push(`module ${m.name}: link ${l.field} points to unknown module "${l.module}"`);
    for (const t of m.sharedThrough ?? []) {
      if (!sharing.has(t.module)) problems.push(`module ${m.name}: sharedThrough names unknown sharing module "${t.module}"`);
      if (!m.links.some((l) => l.field === t.field)) problems.push(`module ${m.name}: sharedThrough uses ${t.field}, which is not one of its links`);
    }
  }
  for (const s of catalog.sharingModules) {
    if (s.privateWhilePrivate && !sharing.has(s.privateWhilePrivate)) problems.push(`sharing module ${s.name}: unknown "${s.privateWhilePrivate}"`);
  }
  return problems;
}
