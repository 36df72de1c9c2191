import { hiddenCharacter, normalName } from '../../core/names.js';
import type { OrgDocument } from './document.js';
import type { ErrorList } from './json-path.js';

/**
 * Names in an organisation file (docs/spec/org-format.md, "Names"): the names of profiles, roles,
 * teams and rules, where a row defines them and wherever another row refers to them, are compared
 * after NFKC normalisation and trimming; this pass rewrites them so, in place, before any check.
 * A name that holds a control or invisible character (a zero-width space, a right-to-left
 * override...) would pass for another one: it is an error where it is defined.
 */
export function normaliseNames(doc: OrgDocument, errors: ErrorList): void {
  const defined = (path: PropertyKey[], value: string): string => {
    const hidden = hiddenCharacter(value);
    if (hidden) errors.add(path, `contains a control or invisible character (${hidden}), which would make it look like another name`);
    return normalName(value);
  };
  const ref = (v: string) => normalName(v);
  const refs = (list: string[] | undefined) => list?.map(ref);
  doc.profiles?.forEach((p, i) => {
    p.name = defined(['profiles', i, 'name'], p.name);
  });
  doc.roles?.forEach((r, i) => {
    r.name = defined(['roles', i, 'name'], r.name);
    if (typeof r.parent === 'string') r.parent = ref(r.parent);
    r.profiles = refs(r.profiles)!;
  });
  doc.teams?.forEach((t, i) => {
    t.name = defined(['teams', i, 'name'], t.name);
    t.roles = refs(t.roles);
    t.rolesAndSubordinates = refs(t.rolesAndSubordinates);
    t.teams = refs(t.teams);
  });
  for (const u of doc.users ?? []) {
    if (typeof u.role === 'string') u.role = ref(u.role);
    for (const d of u.dossiers ?? []) d.profile = ref(d.profile);
  }
  doc.sharing?.rules?.forEach((r, i) => {
    if (r.name !== undefined) r.name = defined(['sharing', 'rules', i, 'name'], r.name);
    for (const t of [r.from, r.to]) {
      for (const k of ['role', 'roleAndSubordinates', 'team'] as const) if (typeof t[k] === 'string') t[k] = ref(t[k]!);
    }
  });
  for (const list of Object.values(doc.records ?? {})) {
    for (const rec of list) {
      const owner = rec.owner as { team?: unknown } | undefined;
      if (owner && typeof owner === 'object' && typeof owner.team === 'string') owner.team = ref(owner.team);
    }
  }
}
