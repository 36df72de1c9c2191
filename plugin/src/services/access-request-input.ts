import { z } from 'zod';
import { MODULE_ACTIONS } from '../core/model.js';
import { invalidIn } from '../core/refusals.js';
import type { Language } from '../core/explain-text.js';
import { parseIn, schemaIn } from './schema-languages.js';

/**
 * What a team lead may ask for (docs/spec/seats.md, "Delegated access requests"), checked field by field
 * before anything is read or written. Every message names its field, in each language; the refusal
 * adds that nothing was changed.
 */

export const REQUEST_TYPES = ['newUser', 'roleChange', 'deactivation'] as const;
export type AccessRequestType = (typeof REQUEST_TYPES)[number];

/** The words of the schema's messages, in each language (French typography: a space before the colon). */
const WORDS = {
  fr: {
    colon: ' : ',
    required: 'obligatoire.',
    text: 'texte attendu.',
    max: (n: number) => `${n} caractères au plus.`,
    rowId: 'obligatoire (un n° de la liste).',
    rights: 'Droits demandés',
    emptyModule: 'nom de module vide.',
    longModule: 'nom de module trop long.',
    unknownAction: (a: string) => `action inconnue « ${a} » (actions : ${MODULE_ACTIONS.join(', ')}).`,
    actionList: 'une liste d’actions attendue par module.',
    eachOnce: 'chaque action une fois.',
    rightsObject: 'un objet { module: [actions] } attendu.',
    unknownField: (keys: string) => `Champ inconnu : ${keys}.`,
    type: `Type de demande : ${REQUEST_TYPES.join(', ')} (nouvel utilisateur, changement de rôle, désactivation).`,
    email: 'E-mail : adresse invalide.',
    labels: {
      firstName: 'Prénom',
      lastName: 'Nom',
      email: 'E-mail',
      title: 'Poste',
      note: 'Note',
      profile: 'Profil demandé',
      role: 'Rôle suggéré',
      user: 'Utilisateur',
      reason: 'Motif',
      rejection: 'Motif du rejet',
    },
    rejectionRequired: 'Motif du rejet : obligatoire, il est montré au demandeur.',
    both: 'Droits demandés : cochez les actions par module ou choisissez un profil, pas les deux.',
    neither: 'Droits demandés : cochez au moins une action sur un module, ou choisissez un profil.',
  },
  en: {
    colon: ': ',
    required: 'required.',
    text: 'text expected.',
    max: (n: number) => `at most ${n} characters.`,
    rowId: 'required (a number from the list).',
    rights: 'Requested rights',
    emptyModule: 'empty module name.',
    longModule: 'module name too long.',
    unknownAction: (a: string) => `unknown action "${a}" (actions: ${MODULE_ACTIONS.join(', ')}).`,
    actionList: 'a list of actions expected per module.',
    eachOnce: 'each action once.',
    rightsObject: 'an object { module: [actions] } expected.',
    unknownField: (keys: string) => `Unknown field: ${keys}.`,
    type: `Request type: ${REQUEST_TYPES.join(', ')} (new user, role change, deactivation).`,
    email: 'Email: invalid address.',
    labels: {
      firstName: 'First name',
      lastName: 'Last name',
      email: 'Email',
      title: 'Job title',
      note: 'Note',
      profile: 'Requested profile',
      role: 'Suggested role',
      user: 'User',
      reason: 'Reason',
      rejection: 'Reason for rejection',
    },
    rejectionRequired: 'Reason for rejection: required, it is shown to the requester.',
    both: 'Requested rights: tick the actions per module or choose a profile, not both.',
    neither: 'Requested rights: tick at least one action on a module, or choose a profile.',
  },
} as const;
type Words = (typeof WORDS)[Language];

const text = (w: Words, label: string, max: number) =>
  z
    .string({ error: (issue) => `${label}${w.colon}${issue.input == null ? w.required : w.text}` })
    .trim()
    .max(max, `${label}${w.colon}${w.max(max)}`);
const required = (w: Words, label: string, max: number) => text(w, label, max).min(1, `${label}${w.colon}${w.required}`);
const optional = (w: Words, label: string, max: number) =>
  text(w, label, max)
    .nullish()
    .transform((v) => v || null);
/** A row's id: a number, or a string of digits (a form's select). */
const rowId = (w: Words, label: string) => {
  const message = `${label}${w.colon}${w.rowId}`;
  return z.coerce.number({ error: message }).int(message).positive(message);
};

/**
 * What is wanted, per module: `{ "Contact": ["read", "edit", "export"] }`. The actions are checked
 * here; the modules against the app's catalog by the service (access-requests.ts), which knows it.
 */
const wantedRights = (w: Words) => {
  const said = (what: string) => `${w.rights}${w.colon}${what}`;
  return z
    .record(
      z.string().trim().min(1, said(w.emptyModule)).max(64, said(w.longModule)),
      z
        .array(z.enum(MODULE_ACTIONS, { error: (issue) => said(w.unknownAction(String(issue.input))) }), { error: said(w.actionList) })
        .max(MODULE_ACTIONS.length, said(w.eachOnce)),
      { error: said(w.rightsObject) },
    )
    .nullish();
};

function requestSchema(lang: Language) {
  const w = WORDS[lang];
  const l = w.labels;
  const note = optional(w, l.note, 2000);
  /**
   * A new user or a role change says what is wanted (docs/spec/seats.md): per module the actions, or a
   * profile — one of the two. A role may be added: a suggestion the handler starts from, not the ask.
   */
  const wanted = {
    wantedRights: wantedRights(w),
    wantedProfileId: rowId(w, l.profile).nullish(),
    roleId: rowId(w, l.role).nullish(),
  };
  const unknownKeys = {
    error: (issue: z.core.$ZodRawIssue) => (issue.code === 'unrecognized_keys' ? w.unknownField(issue.keys.join(', ')) : undefined),
  };
  const newUser = z.strictObject(
    {
      type: z.literal('newUser'),
      firstName: required(w, l.firstName, 100),
      lastName: required(w, l.lastName, 100),
      email: required(w, l.email, 254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, w.email),
      title: optional(w, l.title, 200),
      ...wanted,
      note,
    },
    unknownKeys,
  );
  const roleChange = z.strictObject({ type: z.literal('roleChange'), userId: rowId(w, l.user), ...wanted, note }, unknownKeys);
  const deactivation = z.strictObject({ type: z.literal('deactivation'), userId: rowId(w, l.user), reason: required(w, l.reason, 500), note }, unknownKeys);
  return z.discriminatedUnion('type', [newUser, roleChange, deactivation], {
    error: (issue) => (issue.code === 'invalid_union' || issue.code === 'invalid_type' ? w.type : undefined),
  });
}

const requestInput = schemaIn(requestSchema);

export type AccessRequestInput = z.infer<ReturnType<typeof requestSchema>>;

/** The request, checked; or a refusal that lists every problem (in each language) and names the first field. */
export function parseRequestInput(input: unknown): AccessRequestInput {
  const parsed = parseIn(requestInput, input);
  if (!parsed.success) {
    const { fr, en } = parsed.issues;
    const listed = (issues: z.core.$ZodIssue[]) => [...new Set(issues.map((i) => i.message))].join(' ');
    throw invalidIn({ fr: listed(fr), en: listed(en) }, fr.find((i) => i.path.length)?.path[0]?.toString());
  }
  const request = parsed.data;
  if (request.type === 'deactivation') return request;
  const rights = Object.entries(request.wantedRights ?? {}).filter(([, actions]) => actions.length);
  if (rights.length && request.wantedProfileId) {
    throw invalidIn({ fr: WORDS.fr.both, en: WORDS.en.both }, 'wantedRights');
  }
  if (!rights.length && !request.wantedProfileId) {
    throw invalidIn({ fr: WORDS.fr.neither, en: WORDS.en.neither }, 'wantedRights');
  }
  // Each action once, in the usual order, whatever order the form sent them in.
  const wantedRights = rights.length ? Object.fromEntries(rights.map(([m, a]) => [m, MODULE_ACTIONS.filter((x) => a.includes(x))])) : null;
  return { ...request, wantedRights, wantedProfileId: request.wantedProfileId ?? null, roleId: request.roleId ?? null };
}

const handlerNotes = {
  required: schemaIn((lang) => text(WORDS[lang], WORDS[lang].labels.rejection, 2000).min(1, WORDS[lang].rejectionRequired)),
  optional: schemaIn((lang) => optional(WORDS[lang], WORDS[lang].labels.note, 2000)),
};

/** A handler's words: a rejection's reason (required) or an approval's note (optional). */
export function handlerNote(value: unknown, required: boolean): string | null {
  const parsed = parseIn<string | null>(required ? handlerNotes.required : handlerNotes.optional, value ?? (required ? '' : null));
  if (!parsed.success) throw invalidIn({ fr: parsed.issues.fr[0].message, en: parsed.issues.en[0].message }, required ? 'reason' : 'note');
  return parsed.data || null;
}
