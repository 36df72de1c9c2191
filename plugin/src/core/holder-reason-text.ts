import type { Reason } from './explain.js';
import type { Language } from './explain-text.js';
import type { SharingLevel } from './model.js';

/**
 * Why a user appears in a record's "Qui a accès ?" panel, as the short phrase of its row:
 * "propriétaire", "voit par la règle « Affaires des Alpes visibles à Lyon »". The reason is the
 * engine's own (explain.ts), the one that decided; only its wording is here.
 */
export interface HolderReasonNames {
  /** The references of the Accounts of a client's dossiers, by id. */
  accounts?: Record<number, string>;
}

/** The levels as the sharing screen names them. */
const LEVELS: Record<Language, Record<SharingLevel, string>> = {
  fr: {
    private: 'Privé',
    public_read: 'Lecture publique',
    public_read_write: 'Lecture et écriture publiques',
    public_read_write_delete: 'Lecture, écriture et suppression publiques',
  },
  en: { private: 'Private', public_read: 'Public read', public_read_write: 'Public read/write', public_read_write_delete: 'Public read/write/delete' },
};

const ADVISOR: Record<Language, Record<'primary' | 'secondary' | 'assistant', string>> = {
  fr: { primary: 'conseiller principal', secondary: 'conseiller secondaire', assistant: 'assistant(e)' },
  en: { primary: 'primary advisor', secondary: 'secondary advisor', assistant: 'assistant' },
};

/** The phrase of one reason, or null for a step that only lets the action through (the next reason says why). */
export function holderReasonText(r: Reason, n: HolderReasonNames, lang: Language): string | null {
  const fr = lang === 'fr';
  switch (r.code) {
    case 'admin':
      return fr ? 'administrateur' : 'administrator';
    case 'globalPrivilege': {
      const privilege = r.privilege === 'viewAll' ? (fr ? 'Tout voir' : 'View all') : fr ? 'Tout modifier' : 'Modify all';
      return fr ? `« ${privilege} » (profil ${r.profile})` : `"${privilege}" (profile ${r.profile})`;
    }
    case 'owner':
      return fr ? 'propriétaire' : 'owner';
    case 'advisor':
      return ADVISOR[lang][r.as];
    case 'scopeMine':
      return fr ? `${ADVISOR.fr[r.as]} (« Mes clients »)` : `${ADVISOR.en[r.as]} ("My clients")`;
    case 'teamOwner':
      return fr ? `membre de l'équipe propriétaire${r.team ? ` « ${r.team} »` : ''}` : `member of the owning team${r.team ? ` "${r.team}"` : ''}`;
    case 'hierarchy':
      return fr
        ? `au-dessus du propriétaire (${r.userRole}${r.ownerRole ? ` › ${r.ownerRole}` : ''})`
        : `above the owner (${r.userRole}${r.ownerRole ? ` › ${r.ownerRole}` : ''})`;
    case 'default':
      return fr
        ? `partage de l'organisation « ${LEVELS.fr[r.level as SharingLevel] ?? r.level} »`
        : `organisation default "${LEVELS.en[r.level as SharingLevel] ?? r.level}"`;
    case 'rule': {
      // An unnamed rule is named by its number, as on the sharing page.
      const named = !r.rule ? '' : r.rule.name ? (fr ? ` « ${r.rule.name} »` : ` "${r.rule.name}"`) : fr ? ` n° ${r.rule.id}` : ` no. ${r.rule.id}`;
      return fr ? `par la règle${named}` : `through the rule${named}`;
    }
    case 'dossier': {
      const account = n.accounts?.[r.accountId] ?? `n° ${r.accountId}`;
      return fr ? `client : dossier ${account} (profil ${r.profile})` : `client: dossier ${account} (profile ${r.profile})`;
    }
    case 'modulePrivilege':
      return fr ? `droit du profil ${r.profile}` : `right of profile ${r.profile}`;
    default:
      return null;
  }
}

/** The phrases of a decision's reasons: the module privilege only when nothing more decisive follows it. */
export function holderReasons(reasons: Reason[], n: HolderReasonNames, lang: Language): string[] {
  const decisive = reasons.length > 1 && reasons[0].code === 'modulePrivilege' ? reasons.slice(1) : reasons;
  return decisive.map((r) => holderReasonText(r, n, lang)).filter((s): s is string => s !== null);
}
