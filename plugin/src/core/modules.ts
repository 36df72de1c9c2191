/**
 * How a module is placed under the access model: who owns its records, what it links to, and
 * which organisation-wide default and sharing rules govern it. A developer declares this once
 * per module; the decision then applies to it with no further code.
 */

export type OwnerSpec =
  /** "Assigned to" a user or a team: exactly one of the two fields is set. */
  | { kind: 'userOrTeam'; userField: string; teamField: string }
  /** A Contact: its primary advisor owns it; the secondary advisor and assistant may read and edit. */
  | { kind: 'advisors'; primaryField: string; secondaryField: string; assistantField: string }
  /**
   * A catalogue (products, price lists...): no owner. Its module privileges alone decide, with no
   * default, no rule and no transfer (docs/spec/access-model.md).
   */
  | { kind: 'none' };

export interface LinkSpec {
  /** The column holding the linked record's id, e.g. `accountId`. */
  field: string;
  /** The linked module, e.g. `Account`. */
  module: string;
}

/**
 * Where a module's records sit in the client dossiers (docs/spec/client-access.md): the dossier's root
 * module (Account), or the link to it (`accountField`) and, for a record without one of its own,
 * its direct parents in order (a SalesOrder's quote, else its deal): one level only.
 */
export type DossierSpec = { root: true } | { accountField: string; parents?: Array<{ field: string; module: string }> };

/** How sentences name one record of a module and several ("cette affaire", "les affaires"): the app's words. */
export interface RecordNoun {
  fr: string;
  frPlural: string;
  /** The French noun is feminine: "cette affaire", "elle". */
  feminine: boolean;
  en: string;
  enPlural: string;
}

export interface ModuleSpec {
  name: string;
  /** How explanations name its records; without it, "cet enregistrement", "les enregistrements de <name>". */
  noun?: RecordNoun;
  owner: OwnerSpec;
  links: LinkSpec[];
  /**
   * The sharing module whose default and rules govern this module (Contact: Account). A catalogue
   * (owner `none`) names none: no default and no rule apply to it.
   */
  sharingModule?: string;
  /**
   * Rules of another sharing module that also share this module's records through a link
   * (a Quote is shared by the Deal rules that match its deal). Direct links only.
   */
  sharedThrough?: Array<{ field: string; module: string }>;
  /** Per-contact-type scopes ("Mes clients") apply, read from this field. */
  contactTypeField?: string;
  /** Client users reach the module's records through their dossiers; none: never. */
  dossier?: DossierSpec;
  /**
   * Other fields that hold a user's id (the record's author...): like the owner fields, client
   * users never see them. The TypeORM adapter adds the columns that reference the User entity.
   */
  userFields?: string[];
}

export interface SharingModuleSpec {
  name: string;
  /** How sentences name its records ("Les affaires appartenant à ..."): see rule-sentence.ts. */
  label?: import('./rule-sentence.js').ModuleLabel;
  /** Always private and takes no rules (Activity). */
  alwaysPrivate?: boolean;
  /** Must stay private while this other sharing module is private (Deal while Account is). */
  privateWhilePrivate?: string;
}

/**
 * What a profile of each client tier may grant, per module, cumulatively (docs/spec/client-access.md):
 * the app's own offer, declared with its modules. A tier left out grants nothing.
 */
export type ClientTierMaxima = Partial<Record<import('./model.js').ClientTier, Record<string, import('./model.js').ModuleAction[]>>>;

export interface ModuleCatalog {
  modules: ModuleSpec[];
  sharingModules: SharingModuleSpec[];
  clientTiers?: ClientTierMaxima;
}

/** The fields an owner spec uses. */
export function ownerFields(spec: ModuleSpec): string[] {
  if (spec.owner.kind === 'none') return [];
  return spec.owner.kind === 'userOrTeam'
    ? [spec.owner.userField, spec.owner.teamField]
    : [spec.owner.primaryField, spec.owner.secondaryField, spec.owner.assistantField];
}

/** A module without owner fields: its module privileges alone decide. */
export const isCatalogue = (spec: Pick<ModuleSpec, 'owner'>): boolean => spec.owner.kind === 'none';

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
    if (m.owner.kind === 'none') {
      if (m.sharingModule !== undefined)
        problems.push(`module ${m.name}: a catalogue (owner none) takes no sharing module: its module privileges alone decide`);
      if (m.dossier && 'root' in m.dossier) problems.push(`module ${m.name}: a catalogue cannot be the dossiers' root (a dossier's records take its owner)`);
    } else if (m.sharingModule === undefined || !sharing.has(m.sharingModule))
      problems.push(`module ${m.name}: unknown sharing module "${m.sharingModule}" (known: ${[...sharing].join(', ')})`);
    for (const l of m.links) if (!names.has(l.module)) problems.push(`module ${m.name}: link ${l.field} points to unknown module "${l.module}"`);
    for (const t of m.sharedThrough ?? []) {
      if (!sharing.has(t.module)) problems.push(`module ${m.name}: sharedThrough names unknown sharing module "${t.module}"`);
      if (!m.links.some((l) => l.field === t.field)) problems.push(`module ${m.name}: sharedThrough uses ${t.field}, which is not one of its links`);
    }
  }
  for (const m of catalog.modules) {
    const d = m.dossier;
    if (!d || 'root' in d) continue;
    if (!m.links.some((l) => l.field === d.accountField)) problems.push(`module ${m.name}: dossier.accountField ${d.accountField} is not one of its links`);
    for (const p of d.parents ?? []) {
      const parent = catalog.modules.find((x) => x.name === p.module);
      if (!m.links.some((l) => l.field === p.field && l.module === p.module))
        problems.push(`module ${m.name}: dossier parent ${p.field} is not a link to ${p.module}`);
      else if (!parent?.dossier || 'root' in parent.dossier)
        problems.push(`module ${m.name}: dossier parent ${p.module} has no dossier.accountField of its own`);
    }
  }
  for (const s of catalog.sharingModules) {
    if (s.privateWhilePrivate && !sharing.has(s.privateWhilePrivate)) problems.push(`sharing module ${s.name}: unknown "${s.privateWhilePrivate}"`);
  }
  for (const [tier, maxima] of Object.entries(catalog.clientTiers ?? {})) {
    for (const module of Object.keys(maxima ?? {})) if (!names.has(module)) problems.push(`client tier ${tier}: unknown module "${module}"`);
  }
  return problems;
}
