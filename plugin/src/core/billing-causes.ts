import type { Language } from './explain-text.js';

/**
 * Why a billing event was written (docs/spec/seats.md): a code and what to fill it with, kept with
 * the event (`billing_event.cause_code`) and worded when read, in the reader's language. The
 * French sentence is kept too (`billing_event.cause`), as events written before the codes have
 * only it: they are shown as written.
 */
export type BillingCause =
  | { code: 'userCreated'; login: string }
  | { code: 'userReactivated'; login: string }
  | { code: 'adminGiven'; login: string }
  | { code: 'userRoleChanged'; login: string }
  | { code: 'freeSeatTaken'; login: string }
  | { code: 'userChanged'; login: string }
  | { code: 'roleProfiles'; role: string }
  | { code: 'roleDeleted'; id: number; heirId: number | null }
  | { code: 'profileChanged'; id: number | null }
  | { code: 'profileTier'; profile: string; from: string | null; to: string }
  | { code: 'profileDeleted'; id: number; replacementId: number | null }
  | { code: 'profileReplaced'; fromId: number; toId: number }
  | { code: 'clientDossiers'; login: string }
  | { code: 'clientDossierAdded'; login: string }
  | { code: 'clientDossierRemoved'; login: string }
  | { code: 'clientProfileDossiers'; fromId: number; toId: number }
  | { code: 'dossierMoved'; accountId: number; userId: number; toId: number }
  | { code: 'import'; replace: boolean };

type Words = { [C in BillingCause['code']]: (c: Extract<BillingCause, { code: C }>) => string };

const WORDS: Record<Language, Words> = {
  fr: {
    userCreated: (c) => `Création de l'utilisateur ${c.login}`,
    userReactivated: (c) => `Réactivation de l'utilisateur ${c.login}`,
    adminGiven: (c) => `Statut d'administrateur donné à ${c.login}`,
    userRoleChanged: (c) => `Changement de rôle de ${c.login}`,
    freeSeatTaken: (c) => `Licence offerte retirée à ${c.login}`,
    userChanged: (c) => `Modification de l'utilisateur ${c.login}`,
    roleProfiles: (c) => `Profils du rôle ${c.role}`,
    roleDeleted: (c) => `Suppression du rôle n° ${c.id} : ses utilisateurs passent au rôle n° ${c.heirId ?? '—'}`,
    profileChanged: (c) => `Profil n° ${c.id ?? '—'}`,
    profileTier: (c) => `Niveau de licence du profil ${c.profile} : ${c.from ?? '—'} → ${c.to}`,
    profileDeleted: (c) => `Suppression du profil n° ${c.id} (remplacé par le n° ${c.replacementId ?? '—'})`,
    profileReplaced: (c) => `Profil n° ${c.fromId} remplacé par le n° ${c.toId} dans ses rôles`,
    clientDossiers: (c) => `Dossiers de l'utilisateur client ${c.login}`,
    clientDossierAdded: (c) => `Dossier ajouté à l'utilisateur client ${c.login}`,
    clientDossierRemoved: (c) => `Dossier retiré à l'utilisateur client ${c.login}`,
    clientProfileDossiers: (c) => `Dossiers du profil client n° ${c.fromId} transférés au n° ${c.toId}`,
    dossierMoved: (c) => `Dossier n° ${c.accountId} de l'utilisateur n° ${c.userId} transféré au profil n° ${c.toId}`,
    import: (c) => (c.replace ? "Import de l'organisation (remplacement)" : "Import de l'organisation"),
  },
  en: {
    userCreated: (c) => `User ${c.login} created`,
    userReactivated: (c) => `User ${c.login} reactivated`,
    adminGiven: (c) => `Administrator status given to ${c.login}`,
    userRoleChanged: (c) => `Role of ${c.login} changed`,
    freeSeatTaken: (c) => `Free seat taken back from ${c.login}`,
    userChanged: (c) => `User ${c.login} changed`,
    roleProfiles: (c) => `Profiles of the role ${c.role}`,
    roleDeleted: (c) => `Role #${c.id} deleted: its users move to role #${c.heirId ?? '—'}`,
    profileChanged: (c) => `Profile #${c.id ?? '—'}`,
    profileTier: (c) => `Seat tier of the profile ${c.profile}: ${c.from ?? '—'} → ${c.to}`,
    profileDeleted: (c) => `Profile #${c.id} deleted (replaced by #${c.replacementId ?? '—'})`,
    profileReplaced: (c) => `Profile #${c.fromId} replaced by #${c.toId} in its roles`,
    clientDossiers: (c) => `Dossiers of the client user ${c.login}`,
    clientDossierAdded: (c) => `Dossier added to the client user ${c.login}`,
    clientDossierRemoved: (c) => `Dossier taken from the client user ${c.login}`,
    clientProfileDossiers: (c) => `Dossiers of client profile #${c.fromId} moved to #${c.toId}`,
    dossierMoved: (c) => `Dossier #${c.accountId} of user #${c.userId} moved to profile #${c.toId}`,
    import: (c) => (c.replace ? 'Organisation imported (replacing)' : 'Organisation imported'),
  },
};

/** The cause as a sentence in `lang`. */
export function billingCauseText(cause: BillingCause, lang: Language): string {
  const say = WORDS[lang][cause.code] as (c: BillingCause) => string;
  return say(cause);
}

/**
 * A stored event's cause for its reader: worded from its code when it has one (and the code is
 * known), else its French sentence as written (events from before the codes).
 */
export function storedCauseText(row: { cause: string; causeCode?: BillingCause | null }, lang: Language): string {
  const code = row.causeCode;
  return code && code.code in WORDS[lang] ? billingCauseText(code, lang) : row.cause;
}
