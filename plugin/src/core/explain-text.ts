import type { Explanation, Reason } from './explain.js';
import { ruleClause, type ModuleLabel, type NamedTarget } from './rule-sentence.js';

export type Language = 'fr' | 'en';

export interface ExplainNames {
  login: string;
  reference?: string;
  /** The references of the Accounts of a client's dossiers, by id. */
  accounts?: Record<number, string>;
  /** How a sentence names a sharing module's records: `moduleLabel` of the app's catalog (rule-sentence.ts). */
  labels: (module: string) => ModuleLabel;
}

const ACTIONS: Record<Language, Record<string, string>> = {
  fr: { read: 'lecture', edit: 'modification', delete: 'suppression', create: 'création', export: 'export' },
  en: { read: 'read', edit: 'edit', delete: 'delete', create: 'create', export: 'export' },
};
const LEVELS: Record<Language, Record<string, string>> = {
  fr: {
    private: 'privé',
    public_read: 'lecture publique',
    public_read_write: 'lecture/écriture publique',
    public_read_write_delete: 'lecture/écriture/suppression publique',
  },
  en: { private: 'private', public_read: 'public read', public_read_write: 'public read/write', public_read_write_delete: 'public read/write/delete' },
};
const TYPES: Record<Language, Record<string, string>> = {
  fr: { client: 'client', prospect: 'prospect', supplier: 'fournisseur', other: 'autre' },
  en: { client: 'client', prospect: 'prospect', supplier: 'supplier', other: 'other' },
};
const ADVISORS: Record<Language, Record<string, string>> = {
  fr: { primary: 'conseiller principal', secondary: 'conseiller secondaire', assistant: 'assistant(e)' },
  en: { primary: 'primary advisor', secondary: 'secondary advisor', assistant: 'assistant' },
};

/** `team:Nord` -> `{ kind: 'team', name: 'Nord' }`: a rule's target as its summary holds it (explain.ts). */
function target(t: string): NamedTarget {
  const [kind, ...rest] = t.split(':');
  return { kind: kind as NamedTarget['kind'], name: rest.join(':') };
}

function reasonText(r: Reason, n: ExplainNames, lang: Language): string {
  const fr = lang === 'fr';
  const ref = n.reference ?? (fr ? 'cet enregistrement' : 'this record');
  switch (r.code) {
    case 'clientWithoutDossier':
      return fr ? `${n.login} est un utilisateur client sans dossier` : `${n.login} is a client user without a dossier`;
    case 'dossier': {
      const acc = n.accounts?.[r.accountId] ?? `n° ${r.accountId}`;
      return fr
        ? `le dossier ${acc} sous le profil ${r.profile} donne la ${ACTIONS.fr[r.action]} sur ${r.module}`
        : `dossier ${acc} under ${r.profile} gives ${ACTIONS.en[r.action]} on ${r.module}`;
    }
    case 'noDossierPrivilege':
      return fr
        ? `aucun profil de ses dossiers (${r.profiles.join(', ')}) ne donne la ${ACTIONS.fr[r.action]} sur ${r.module}`
        : `no profile of their dossiers (${r.profiles.join(', ')}) gives ${ACTIONS.en[r.action]} on ${r.module}`;
    case 'outsideDossiers':
      return fr ? `${ref} n'est dans aucun de ses dossiers qui le permettent` : `${ref} is in none of their dossiers that allow it`;
    case 'client':
      return fr ? `${n.login} est un utilisateur client (voir ses dossiers)` : `${n.login} is a client user (see their dossiers)`;
    case 'inactive':
      return fr ? `${n.login} est inactif` : `${n.login} is inactive`;
    case 'noAccess':
      return fr ? `${n.login} n'a pas de rôle : collaborateur sans accès` : `${n.login} has no role: a collaborator without access`;
    case 'admin':
      return fr ? `${n.login} est administrateur` : `${n.login} is an admin`;
    case 'globalPrivilege':
      return fr ? `le profil ${r.profile} donne « ${r.privilege === 'viewAll' ? 'Tout voir' : 'Tout modifier'} »` : `profile ${r.profile} gives ${r.privilege}`;
    case 'noModulePrivilege':
      return fr
        ? `${r.profiles.length ? `aucun profil (${r.profiles.join(', ')})` : 'aucun profil'} ne donne la ${ACTIONS.fr[r.action]} sur ${r.module}`
        : `${r.profiles.length ? `no profile (${r.profiles.join(', ')})` : 'no profile'} gives ${ACTIONS.en[r.action]} on ${r.module}`;
    case 'exportNotGranted':
      return fr
        ? `les privilèges globaux ne donnent pas l'export : aucun profil ne donne l'export sur ${r.module}`
        : `global privileges do not give export: no profile gives export on ${r.module}`;
    case 'modulePrivilege':
      return fr
        ? `le profil ${r.profile} donne la ${ACTIONS.fr[r.action]} sur ${r.module}`
        : `profile ${r.profile} gives ${ACTIONS.en[r.action]} on ${r.module}`;
    case 'scopeNone':
      return fr
        ? `le profil ${r.profile} ne donne aucun accès aux contacts de type ${TYPES.fr[r.contactType]}`
        : `profile ${r.profile} gives no access to contacts of type ${TYPES.en[r.contactType]}`;
    case 'scopeMineNotAdvisor':
      return fr
        ? `le profil ${r.profile} limite les contacts de type ${TYPES.fr[r.contactType]} à « Mes contacts », et ${n.login} n'a pas les droits de conseiller sur ${ref}`
        : `profile ${r.profile} limits ${TYPES.en[r.contactType]} contacts to "mine", and ${n.login} has no advisor rights on ${ref}`;
    case 'scopeMine':
      return fr ? `« Mes contacts » : ${n.login} est ${ADVISORS.fr[r.as]} de ${ref}` : `"mine": ${n.login} is the ${ADVISORS.en[r.as]} of ${ref}`;
    case 'owner':
      return fr ? `${n.login} est propriétaire de ${ref}` : `${n.login} owns ${ref}`;
    case 'teamOwner':
      if (r.team === null) return fr ? `${ref} appartient à une équipe dont ${n.login} est membre` : `${ref} belongs to a team of which ${n.login} is a member`;
      return fr ? `${ref} appartient à l'équipe ${r.team}, dont ${n.login} est membre` : `${ref} belongs to team ${r.team}, of which ${n.login} is a member`;
    case 'advisor':
      return fr ? `${n.login} est ${ADVISORS.fr[r.as]} de ${ref}` : `${n.login} is the ${ADVISORS.en[r.as]} of ${ref}`;
    case 'hierarchy':
      if (r.ownerRole === null)
        return fr
          ? `le propriétaire de ${ref} a un rôle sous le rôle ${r.userRole} de ${n.login}`
          : `the owner of ${ref} has a role below ${n.login}'s role ${r.userRole}`;
      return fr
        ? `le propriétaire de ${ref} a le rôle ${r.ownerRole}, sous le rôle ${r.userRole} de ${n.login}`
        : `the owner of ${ref} has role ${r.ownerRole}, below ${n.login}'s role ${r.userRole}`;
    case 'default':
      return fr ? `le partage par défaut de ${r.sharingModule} est « ${LEVELS.fr[r.level]} »` : `the default for ${r.sharingModule} is ${LEVELS.en[r.level]}`;
    case 'rule': {
      if (r.rule === null) return fr ? `une règle de partage s'applique à ${ref}` : `a sharing rule applies to ${ref}`;
      const via = r.through
        ? fr
          ? ` (via le lien ${r.through.field} vers ${r.through.module})`
          : ` (through its ${r.through.field} link to ${r.through.module})`
        : '';
      const rule = { ...r.rule, from: target(r.rule.from), to: target(r.rule.to) };
      return ruleClause(rule, n.labels(r.rule.module), lang) + via;
    }
    case 'nothingMatches':
      return fr
        ? `${n.login} n'est ni propriétaire ni supérieur du propriétaire, le partage par défaut ne le permet pas et aucune règle ne s'applique`
        : `${n.login} is neither the owner nor above the owner, the default does not allow it and no rule applies`;
  }
}

/** "autorisé : la règle n° 4 partage les commandes clients appartenant à Ventes et subordonnés avec Comptabilité, en lecture et écriture" */
export function explanationText(e: Explanation, names: ExplainNames, lang: Language = 'fr'): string {
  const verdict = e.allowed ? (lang === 'fr' ? 'autorisé' : 'allowed') : lang === 'fr' ? 'refusé' : 'denied';
  // The module privilege is implied by the decisive reason that follows it: say the decisive one.
  const decisive = e.reasons.length > 1 && e.reasons[0].code === 'modulePrivilege' && e.allowed ? e.reasons.slice(1) : e.reasons;
  return `${verdict} : ${decisive.map((r) => reasonText(r, names, lang)).join(lang === 'fr' ? ' ; ' : '; ')}`.replace(/^(allowed|denied) :/, '$1:');
}
