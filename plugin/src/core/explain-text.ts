import type { Explanation, Reason } from './explain.js';
import type { RecordNoun } from './modules.js';
import { ruleClause, type ModuleLabel, type NamedTarget } from './rule-sentence.js';

export type Language = 'fr' | 'en';

export interface ExplainNames {
  login: string;
  /** The user as people name them ("Émilie Durand"); the login when they have no name. */
  name?: string;
  reference?: string;
  /** The references of the Accounts of a client's dossiers, by id. */
  accounts?: Record<number, string>;
  /** How a sentence names a sharing module's records: `moduleLabel` of the app's catalog (rule-sentence.ts). */
  labels: (module: string) => ModuleLabel;
  /** How a sentence names one record of a module and several (ModuleSpec.noun); none: "enregistrement". */
  nouns?: (module: string) => RecordNoun | undefined;
}

/**
 * "Pourquoi ?" in plain words: "Émilie Durand voit cette affaire parce que la règle « Affaires des
 * Alpes visibles à Lyon » partage …" / "Émilie Durand ne peut pas modifier cette affaire : …".
 * The sentence is built from the engine's reasons (explain.ts), never from a decision of its own.
 * No pronoun stands for the user (their gender is not known): "son rôle", "lui appartient".
 */
const LEVELS: Record<Language, Record<string, string>> = {
  fr: {
    private: 'Privé',
    public_read: 'Lecture publique',
    public_read_write: 'Lecture et écriture publiques',
    public_read_write_delete: 'Lecture, écriture et suppression publiques',
  },
  en: { private: 'Private', public_read: 'Public read', public_read_write: 'Public read/write', public_read_write_delete: 'Public read/write/delete' },
};
const TYPES: Record<Language, Record<string, string>> = {
  fr: { client: 'client', prospect: 'prospect', supplier: 'fournisseur', other: 'autre' },
  en: { client: 'client', prospect: 'prospect', supplier: 'supplier', other: 'other' },
};
const ADVISORS: Record<Language, Record<string, string>> = {
  fr: { primary: 'conseiller principal', secondary: 'conseiller secondaire', assistant: 'assistant(e)' },
  en: { primary: 'primary advisor', secondary: 'secondary advisor', assistant: 'assistant' },
};
/** What the user does, allowed or not, in each language. */
const VERBS: Record<Language, Record<string, { yes: string; no: string; right: string }>> = {
  fr: {
    read: { yes: 'voit', no: 'ne voit pas', right: 'lire' },
    edit: { yes: 'peut modifier', no: 'ne peut pas modifier', right: 'modifier' },
    delete: { yes: 'peut supprimer', no: 'ne peut pas supprimer', right: 'supprimer' },
    create: { yes: 'peut créer', no: 'ne peut pas créer', right: 'créer' },
    export: { yes: 'peut exporter', no: 'ne peut pas exporter', right: 'exporter' },
  },
  en: {
    read: { yes: 'can see', no: 'cannot see', right: 'read' },
    edit: { yes: 'can edit', no: 'cannot edit', right: 'edit' },
    delete: { yes: 'can delete', no: 'cannot delete', right: 'delete' },
    create: { yes: 'can create', no: 'cannot create', right: 'create' },
    export: { yes: 'can export', no: 'cannot export', right: 'export' },
  },
};

const VOWEL = /^[aeiouyàâäéèêëîïôöûüœh]/i;
/** "que" before a consonant, "qu'" before a vowel: "parce qu'elle", "parce que Farid". */
const que = (next: string) => (/^[aeiouyàâäéèêëîïôöûüœ]/i.test(next) ? `qu'${next}` : `que ${next}`);
/** "de" before a consonant, "d'" before a vowel. */
const de = (next: string) => (/^[aeiouyàâäéèêëîïôöûüœ]/i.test(next) ? `d'${next}` : `de ${next}`);

/** The words for the module's records in one sentence. */
interface Words {
  who: string;
  /** "cette affaire", "ce contact", "cet enregistrement" / "this deal". */
  thisOne: string;
  /** "les affaires" / "deals". */
  all: string;
  /** Without the article: "affaires" / "deals" ("des affaires", "d'affaires"). */
  plural: string;
  /** The record as a subject pronoun: "elle" / "il" / "it". */
  it: string;
  feminine: boolean;
  nouns: (module: string) => RecordNoun;
}

function words(e: Explanation, n: ExplainNames, lang: Language): Words {
  const nouns = (module: string): RecordNoun =>
    n.nouns?.(module) ?? { fr: 'enregistrement', frPlural: `enregistrements de ${module}`, feminine: false, en: 'record', enPlural: `${module} records` };
  const noun = nouns(e.module);
  const who = n.name?.trim() || n.login;
  if (lang === 'en') return { who, thisOne: `this ${noun.en}`, all: noun.enPlural, plural: noun.enPlural, it: 'it', feminine: false, nouns };
  const demonstrative = noun.feminine ? 'cette' : VOWEL.test(noun.fr) ? 'cet' : 'ce';
  return {
    who,
    thisOne: `${demonstrative} ${noun.fr}`,
    all: `les ${noun.frPlural}`,
    plural: noun.frPlural,
    it: noun.feminine ? 'elle' : 'il',
    feminine: noun.feminine,
    nouns,
  };
}

/** Why it is allowed: the clause after "parce que" / "because". */
function because(r: Reason, e: Explanation, n: ExplainNames, w: Words, lang: Language): string {
  const fr = lang === 'fr';
  const right = VERBS[lang][e.action].right;
  switch (r.code) {
    case 'admin':
      return fr ? 'son compte est administrateur' : 'they are an administrator';
    case 'globalPrivilege': {
      const privilege = r.privilege === 'viewAll' ? (fr ? 'Tout voir' : 'View all') : fr ? 'Tout modifier' : 'Modify all';
      return fr ? `son profil ${r.profile} donne « ${privilege} »` : `their profile ${r.profile} gives "${privilege}"`;
    }
    case 'modulePrivilege':
      return fr ? `son profil ${r.profile} donne le droit ${de(right)} ${w.all}` : `their profile ${r.profile} gives the right to ${right} ${w.all}`;
    case 'dossier': {
      const acc = n.accounts?.[r.accountId] ?? `n° ${r.accountId}`;
      return fr
        ? `son dossier ${acc}, sous le profil ${r.profile}, donne le droit ${de(right)} ${w.all}`
        : `their dossier ${acc}, under profile ${r.profile}, gives the right to ${right} ${w.all}`;
    }
    case 'owner':
      return fr ? `${w.it} lui appartient` : 'they own it';
    case 'teamOwner':
      if (fr) return r.team === null ? `${w.it} appartient à l'une de ses équipes` : `${w.it} appartient à son équipe ${r.team}`;
      return r.team === null ? 'it belongs to one of their teams' : `it belongs to their team ${r.team}`;
    case 'advisor':
    case 'scopeMine': {
      const as = fr ? `${w.thisOne} l'a pour ${ADVISORS.fr[r.as]}` : `they are its ${ADVISORS.en[r.as]}`;
      if (r.code === 'advisor') return as;
      return fr ? `${as} (« Mes clients » du profil ${r.profile})` : `${as} ("My clients" of profile ${r.profile})`;
    }
    case 'hierarchy':
      if (r.ownerRole === null)
        return fr ? `son rôle, ${r.userRole}, est au-dessus de celui du propriétaire` : `their role, ${r.userRole}, is above the owner's`;
      return fr
        ? `son rôle, ${r.userRole}, est au-dessus de celui du propriétaire (${r.ownerRole})`
        : `their role, ${r.userRole}, is above the owner's (${r.ownerRole})`;
    case 'default':
      return fr
        ? `le partage de l'organisation pour les ${n.labels(r.sharingModule).fr} est « ${LEVELS.fr[r.level] ?? r.level} »`
        : `the organisation's sharing for ${n.labels(r.sharingModule).en} is "${LEVELS.en[r.level] ?? r.level}"`;
    case 'rule': {
      if (r.rule === null) return fr ? `une règle de partage ${w.feminine ? 'la' : 'le'} lui ouvre` : 'a sharing rule opens it to them';
      const rule = { ...r.rule, from: target(r.rule.from), to: target(r.rule.to) };
      const clause = ruleClause(rule, n.labels(r.rule.module), lang);
      if (!r.through) return clause;
      const linked = w.nouns(r.through.module);
      return fr
        ? `${clause}, et ${w.thisOne} est lié${w.feminine ? 'e' : ''} à l'une de ces ${linked.frPlural}`
        : `${clause}, and ${w.thisOne} is linked to one of those ${linked.enPlural}`;
    }
    default:
      return whyNot(r, e, n, w, lang);
  }
}

/** Why it is not allowed: the clause after the colon. */
function whyNot(r: Reason, e: Explanation, n: ExplainNames, w: Words, lang: Language): string {
  const fr = lang === 'fr';
  const right = VERBS[lang][e.action].right;
  switch (r.code) {
    case 'inactive':
      return fr ? 'son compte est inactif' : 'their account is inactive';
    case 'noAccess':
      return fr ? "son compte n'a pas de rôle (collaborateur sans accès)" : 'their account has no role (a collaborator without access)';
    case 'client':
      return fr ? "c'est un utilisateur client : ses dossiers décident" : 'a client user: their dossiers decide';
    case 'clientWithoutDossier':
      return fr ? "son compte client n'a aucun dossier" : 'their client account has no dossier';
    case 'noDossierPrivilege':
      return fr
        ? `aucun profil de ses dossiers (${r.profiles.join(', ')}) ne donne le droit ${de(right)} ${w.all}`
        : `no profile of their dossiers (${r.profiles.join(', ')}) gives the right to ${right} ${w.all}`;
    case 'outsideDossiers':
      return fr ? `${w.thisOne} n'est dans aucun de ses dossiers qui le permettent` : `${w.thisOne} is in none of their dossiers that allow it`;
    case 'noModulePrivilege':
      if (fr)
        return r.profiles.length
          ? `aucun de ses profils (${r.profiles.join(', ')}) ne donne le droit ${de(right)} ${w.all}`
          : `aucun profil ne lui donne le droit ${de(right)} ${w.all}`;
      return r.profiles.length
        ? `none of their profiles (${r.profiles.join(', ')}) gives the right to ${right} ${w.all}`
        : `no profile gives them the right to ${right} ${w.all}`;
    case 'exportNotGranted':
      return fr
        ? `« Tout voir » ne donne pas l'export, et aucun de ses profils ne donne le droit d'exporter ${w.all}`
        : `"View all" does not give export, and none of their profiles gives the right to export ${w.all}`;
    case 'scopeNone':
      return fr
        ? `son profil ${r.profile} ne donne accès à aucun contact de type ${TYPES.fr[r.contactType]}`
        : `their profile ${r.profile} gives no access to ${TYPES.en[r.contactType]} contacts`;
    case 'scopeMineNotAdvisor':
      return fr
        ? `son profil ${r.profile} limite les contacts de type ${TYPES.fr[r.contactType]} à « Mes clients », et ${w.thisOne} ne l'a pas pour conseiller`
        : `their profile ${r.profile} limits ${TYPES.en[r.contactType]} contacts to "My clients", and they are not its advisor`;
    case 'nothingMatches': {
      const level = r.sharingModule && r.level ? r.level : null;
      if (fr) {
        const sharing = level ? `le partage de l'organisation pour les ${n.labels(r.sharingModule!).fr} est « ${LEVELS.fr[level] ?? level} » et ` : '';
        return `ni propriétaire, ni au-dessus du propriétaire dans la hiérarchie ; ${sharing}aucune règle de partage ne le permet`;
      }
      const sharing = level ? `the organisation's sharing for ${n.labels(r.sharingModule!).en} is "${LEVELS.en[level] ?? level}" and ` : '';
      return `neither its owner nor above its owner in the hierarchy; ${sharing}no sharing rule allows it`;
    }
    default:
      return because(r, e, n, w, lang);
  }
}

/** `team:Nord` -> `{ kind: 'team', name: 'Nord' }`: a rule's target as its summary holds it (explain.ts). */
function target(t: string): NamedTarget {
  const [kind, ...rest] = t.split(':');
  return { kind: kind as NamedTarget['kind'], name: rest.join(':') };
}

/**
 * The explanation as one sentence: "Farid Robert peut modifier cette commande client parce que la
 * règle n° 4 partage les commandes clients appartenant à Ventes et subordonnés avec Comptabilité,
 * en lecture et écriture." / "Emma Thomas ne peut pas modifier ce compte : aucun de ses profils
 * (Support) ne donne le droit de modifier les comptes."
 */
export function explanationText(e: Explanation, names: ExplainNames, lang: Language = 'fr'): string {
  const w = words(e, names, lang);
  const verb = VERBS[lang][e.action];
  const onRecord = e.action === 'read' || e.action === 'edit' || e.action === 'delete';
  // "cette affaire"; "des affaires" / "d'affaires" to create; "les affaires" to export.
  const object = onRecord ? w.thisOne : e.action === 'create' && lang === 'fr' ? (e.allowed ? `des ${w.plural}` : de(w.plural)) : w.all;
  // The module privilege is implied by the decisive reason that follows it: say the decisive one.
  const decisive = e.reasons.length > 1 && e.reasons[0].code === 'modulePrivilege' && e.allowed ? e.reasons.slice(1) : e.reasons;
  if (e.allowed) {
    const clauses = decisive.map((r) => because(r, e, names, w, lang));
    return lang === 'fr'
      ? `${w.who} ${verb.yes} ${object} parce ${que(clauses.join(' et '))}.`
      : `${w.who} ${verb.yes} ${object} because ${clauses.join(' and ')}.`;
  }
  const clauses = decisive.map((r) => whyNot(r, e, names, w, lang));
  return `${w.who} ${verb.no} ${object}${lang === 'fr' ? ' :' : ':'} ${clauses.join(lang === 'fr' ? ' ; ' : '; ')}.`;
}
