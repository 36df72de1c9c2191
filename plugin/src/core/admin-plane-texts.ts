import type { Language } from './explain-text.js';
import type { Privilege } from './privileges.js';

/**
 * The refusals of the administration plane (docs/spec/access-model.md, "Administration rights and
 * safeguards", "Transfers"), in French and English. A refusal carries its code and parameters;
 * the server writes the French one to the audit trail and answers in the user's language.
 */

/** What "Not oneself" keeps a non-admin from changing for themselves. */
export type StandingItem = 'role' | 'status' | 'isAdmin' | 'freeSeat' | 'loginHours' | 'roleProfiles' | 'heldProfile' | 'teams' | 'password';

export type AdminPlaneRefusal =
  | { code: 'adminAccount'; login: string }
  | { code: 'notOneself'; items: StandingItem[] }
  | { code: 'escalation'; login: string; privileges: Privilege[] }
  | { code: 'transfer'; module: string; id: number | string }
  | { code: 'inactiveOwner'; field: string; id: number }
  | { code: 'clientProfileRights'; rights: string[] }
  | { code: 'clientTierExcess'; tier: string; rights: Array<{ module: string; action: string; reservedTo: string | null }> }
  | { code: 'hiddenCharacter'; what: 'role' | 'profile' | 'team' | 'rule'; character: string }
  | { code: 'freeSeatEnded'; login: string };

const ITEMS: Record<Language, Record<StandingItem, string>> = {
  fr: {
    role: 'votre rôle',
    status: 'votre statut',
    isAdmin: "votre statut d'administrateur",
    freeSeat: 'votre licence offerte',
    loginHours: 'vos horaires de connexion',
    roleProfiles: 'les profils de votre rôle',
    heldProfile: 'un profil que votre rôle détient',
    teams: 'vos équipes',
    password: 'votre mot de passe (il se change dans « Mon compte », avec le mot de passe actuel)',
  },
  en: {
    role: 'your role',
    status: 'your status',
    isAdmin: 'your administrator flag',
    freeSeat: 'your free seat',
    loginHours: 'your login hours',
    roleProfiles: "your role's profiles",
    heldProfile: 'a profile your role holds',
    teams: 'your teams',
    password: 'your password (change it in "My account", with your current password)',
  },
};

const PRIVILEGES: Record<Language, Record<Privilege, string>> = {
  fr: {
    manageUsers: '« gérer les utilisateurs »',
    manageAccess: '« gérer les profils, rôles, équipes et le partage »',
    viewAudit: "« consulter la piste d'audit »",
    viewStats: '« consulter les statistiques de connexion »',
    requestAccessChanges: '« demander des changements d’accès »',
    viewAll: '« tout voir »',
    editAll: '« tout modifier »',
  },
  en: {
    manageUsers: '"manage users"',
    manageAccess: '"manage profiles, roles, teams and sharing"',
    viewAudit: '"view the audit trail"',
    viewStats: '"view connection statistics"',
    requestAccessChanges: '"request access changes"',
    viewAll: '"view all"',
    editAll: '"edit all"',
  },
};

const WHAT: Record<Language, Record<'role' | 'profile' | 'team' | 'rule', string>> = {
  fr: { role: 'du rôle', profile: 'du profil', team: "de l'équipe", rule: 'de la règle' },
  en: { role: 'role', profile: 'profile', team: 'team', rule: 'rule' },
};

/** The client tiers as the screens name them (console/clients/locale.ts, tier_*). */
const CLIENT_TIER_NAMES: Record<Language, Record<string, string>> = {
  fr: { connect: 'Connect & pay', invoicing: 'Easy Invoicing', accounting: 'Comptabilité complète', commercial: 'Gestion commerciale avancée' },
  en: { connect: 'Connect & pay', invoicing: 'Easy Invoicing', accounting: 'Full accounting', commercial: 'Advanced sales management' },
};

const ACTION_WORDS: Record<Language, Record<string, string>> = {
  fr: { create: 'créer', read: 'lire', edit: 'modifier', delete: 'supprimer', export: 'exporter' },
  en: { create: 'create', read: 'read', edit: 'edit', delete: 'delete', export: 'export' },
};

/** "Deal : modifier (réservé au niveau Gestion commerciale avancée)". */
function rightInWords(r: { module: string; action: string; reservedTo: string | null }, lang: Language): string {
  const action = ACTION_WORDS[lang][r.action] ?? r.action;
  const tier = r.reservedTo ? CLIENT_TIER_NAMES[lang][r.reservedTo] : null;
  if (lang === 'fr') return `${r.module} : ${action} (${tier ? `réservé au niveau ${tier}` : 'aucun niveau client ne le comprend'})`;
  return `${r.module}: ${action} (${tier ? `reserved for the ${tier} tier` : 'no client tier includes it'})`;
}

const NOTHING: Record<Language, string> = { fr: "Rien n'a été modifié.", en: 'Nothing was changed.' };

function text(r: AdminPlaneRefusal, lang: Language): string {
  const fr = lang === 'fr';
  switch (r.code) {
    case 'adminAccount':
      return fr
        ? `Refusé : ${r.login} est un administrateur. Seul un administrateur change son compte (mot de passe, e-mail, noms, statut, rôle, horaires, licence), le copie, le désactive ou le supprime.`
        : `Refused: ${r.login} is an administrator. Only an administrator changes their account (password, e-mail, names, status, role, hours, seat), copies, deactivates or deletes it.`;
    case 'notOneself': {
      const items = r.items.map((i) => ITEMS[lang][i]).join(', ');
      return fr ? `Refusé : vous ne changez pas ce qui s'applique à vous-même (${items}).` : `Refused: you do not change what applies to yourself (${items}).`;
    }
    case 'escalation': {
      const list = r.privileges.map((p) => PRIVILEGES[lang][p]).join(', ');
      return fr
        ? `Refusé : ce changement donnerait à ${r.login} ${list}, que vous ne détenez pas vous-même.`
        : `Refused: this change would give ${r.login} ${list}, which you do not hold yourself.`;
    }
    case 'transfer':
      return fr
        ? `Refusé : changer le propriétaire de ${r.module} n° ${r.id} est un transfert, réservé à son propriétaire (ou un membre de son équipe propriétaire), à ses supérieurs dans la hiérarchie, aux détenteurs de « tout modifier » et aux administrateurs.`
        : `Refused: changing the owner of ${r.module} ${r.id} is a transfer, reserved to its owner (or a member of its owning team), their superiors in the hierarchy, holders of "edit all" and administrators.`;
    case 'inactiveOwner':
      return fr
        ? `${r.field} : le nouveau propriétaire (n° ${r.id}) doit être un collaborateur actif ou une équipe.`
        : `${r.field}: the new owner (${r.id}) must be an active internal user or a team.`;
    case 'clientProfileRights':
      return fr
        ? `Refusé : un profil client ne donne ni droit d'administration, ni privilège global, ni portée de contacts (${r.rights.join(', ')}).`
        : `Refused: a client profile grants no capability, global privilege or contact scope (${r.rights.join(', ')}).`;
    case 'clientTierExcess': {
      const tier = CLIENT_TIER_NAMES[lang][r.tier] ?? r.tier;
      const rights = r.rights.map((x) => rightInWords(x, lang)).join(' ; ');
      return fr
        ? `Refusé : ce profil client est au niveau « ${tier} », qui ne comprend pas : ${rights}. Retirez ces droits, ou changez explicitement le niveau du profil.`
        : `Refused: this client profile is at the "${tier}" tier, which does not include: ${rights}. Remove these rights, or change the profile's tier explicitly.`;
    }
    case 'hiddenCharacter':
      return fr
        ? `Le nom ${WHAT.fr[r.what]} contient un caractère de contrôle ou invisible (${r.character}) qui le ferait ressembler à un autre nom : retirez-le.`
        : `The ${WHAT.en[r.what]} name contains a control or invisible character (${r.character}) that would make it look like another name: remove it.`;
    case 'freeSeatEnded':
      return fr
        ? `La licence offerte de ${r.login} prend fin : ce changement le place au-dessus du niveau qu'elle couvrait.`
        : `${r.login}'s free seat ends: this change puts them above the tier it covered.`;
  }
}

/** The refusal's sentence, ending with "nothing was changed" (except the informative freeSeatEnded). */
export function adminPlaneText(r: AdminPlaneRefusal, lang: Language = 'fr'): string {
  return r.code === 'freeSeatEnded' ? text(r, lang) : `${text(r, lang)} ${NOTHING[lang]}`;
}

/** A privilege or capability as the sentences quote it: « gérer les utilisateurs ». */
export const privilegeName = (p: Privilege, lang: Language = 'fr'): string => PRIVILEGES[lang][p];
