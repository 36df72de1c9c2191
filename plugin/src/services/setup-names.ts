import type { EntityManager } from 'typeorm';
import { hiddenCharacter, normalName } from '../core/names.js';
import { adminPlaneRefusal } from '../core/refusal.js';
import { invalid } from '../core/refusals.js';

/**
 * The names of roles, profiles, teams and rules (docs/spec/org-format.md, "Names"): stored NFKC,
 * trimmed and with single inner spaces, unique as compared that way, and free of control and
 * invisible characters (a name with a zero-width space or a right-to-left override would pass for
 * another one).
 */
type Named = 'role' | 'profile' | 'team' | 'rule';

const TABLES: Record<Named, string> = { role: 'role', profile: 'profile', team: 'team', rule: 'sharing_rule' };
const LABELS: Record<Named, { required: string; taken: (n: string) => string }> = {
  role: { required: 'Le nom du rôle est obligatoire.', taken: (n) => `Un rôle s'appelle déjà « ${n} ».` },
  profile: { required: 'Le nom du profil est obligatoire.', taken: (n) => `Un profil s'appelle déjà « ${n} ».` },
  team: { required: "Le nom de l'équipe est obligatoire.", taken: (n) => `Une équipe s'appelle déjà « ${n} ».` },
  rule: { required: 'Le nom de la règle est vide.', taken: (n) => `Une règle s'appelle déjà « ${n} ».` },
};

/** The name to store: refused when empty, with a hidden character, or taken by another row (row `id`). */
export async function freeName(m: EntityManager, what: Named, raw: string, id: number | null): Promise<string> {
  const character = hiddenCharacter(raw);
  if (character) throw adminPlaneRefusal({ code: 'hiddenCharacter', what, character }, { kind: 'invalid', property: 'name' });
  const name = normalName(raw);
  if (!name) throw invalid(LABELS[what].required, 'name');
  const [twin] = await m.query(
    `SELECT name FROM ${TABLES[what]} WHERE regexp_replace(btrim(normalize(name, NFKC)), '\\s+', ' ', 'g') = $1 AND id IS DISTINCT FROM $2 LIMIT 1`,
    [name, id],
  );
  if (twin) throw invalid(LABELS[what].taken(twin.name), 'name');
  return name;
}
