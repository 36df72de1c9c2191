import { z } from 'zod';
import { MODULE_ACTIONS } from '../core/model.js';
import { invalid } from '../core/refusals.js';

/**
 * What a team lead may ask for (docs/spec/seats.md, "Delegated access requests"), checked field by field
 * before anything is read or written. Every message names its field in French; the refusal adds
 * that nothing was changed.
 */

export const REQUEST_TYPES = ['newUser', 'roleChange', 'deactivation'] as const;
export type AccessRequestType = (typeof REQUEST_TYPES)[number];

const text = (label: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input == null ? `${label} : obligatoire.` : `${label} : texte attendu.`) })
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`);
const required = (label: string, max: number) => text(label, max).min(1, `${label} : obligatoire.`);
const optional = (label: string, max: number) =>
  text(label, max)
    .nullish()
    .transform((v) => v || null);
/** A row's id: a number, or a string of digits (a form's select). */
const rowId = (label: string) => {
  const message = `${label} : obligatoire (un n° de la liste).`;
  return z.coerce.number({ error: message }).int(message).positive(message);
};

const note = optional('Note', 2000);

/**
 * What is wanted, per module: `{ "Contact": ["read", "edit", "export"] }`. The actions are checked
 * here; the modules against the app's catalog by the service (access-requests.ts), which knows it.
 */
const wantedRights = z
  .record(
    z.string().trim().min(1, 'Droits demandés : nom de module vide.').max(64, 'Droits demandés : nom de module trop long.'),
    z
      .array(
        z.enum(MODULE_ACTIONS, {
          error: (issue) => `Droits demandés : action inconnue « ${String(issue.input)} » (actions : ${MODULE_ACTIONS.join(', ')}).`,
        }),
        { error: 'Droits demandés : une liste d’actions attendue par module.' },
      )
      .max(MODULE_ACTIONS.length, 'Droits demandés : chaque action une fois.'),
    { error: 'Droits demandés : un objet { module: [actions] } attendu.' },
  )
  .nullish();

/**
 * A new user or a role change says what is wanted (docs/spec/seats.md): per module the actions, or a
 * profile — one of the two. A role may be added: a suggestion the handler starts from, not the ask.
 */
const wanted = {
  wantedRights,
  wantedProfileId: rowId('Profil demandé').nullish(),
  roleId: rowId('Rôle suggéré').nullish(),
};
const unknownKeys = {
  error: (issue: z.core.$ZodRawIssue) => (issue.code === 'unrecognized_keys' ? `Champ inconnu : ${issue.keys.join(', ')}.` : undefined),
};

const newUser = z.strictObject(
  {
    type: z.literal('newUser'),
    firstName: required('Prénom', 100),
    lastName: required('Nom', 100),
    email: required('E-mail', 254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'E-mail : adresse invalide.'),
    title: optional('Poste', 200),
    ...wanted,
    note,
  },
  unknownKeys,
);

const roleChange = z.strictObject({ type: z.literal('roleChange'), userId: rowId('Utilisateur'), ...wanted, note }, unknownKeys);

const deactivation = z.strictObject({ type: z.literal('deactivation'), userId: rowId('Utilisateur'), reason: required('Motif', 500), note }, unknownKeys);

const requestInput = z.discriminatedUnion('type', [newUser, roleChange, deactivation], {
  error: (issue) =>
    issue.code === 'invalid_union' || issue.code === 'invalid_type'
      ? `Type de demande : ${REQUEST_TYPES.join(', ')} (nouvel utilisateur, changement de rôle, désactivation).`
      : undefined,
});

export type AccessRequestInput = z.infer<typeof requestInput>;

/** The request, checked; or a refusal that lists every problem and names the first field. */
export function parseRequestInput(input: unknown): AccessRequestInput {
  const parsed = requestInput.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    throw invalid([...new Set(issues.map((i) => i.message))].join(' '), issues.find((i) => i.path.length)?.path[0]?.toString());
  }
  const request = parsed.data;
  if (request.type === 'deactivation') return request;
  const rights = Object.entries(request.wantedRights ?? {}).filter(([, actions]) => actions.length);
  if (rights.length && request.wantedProfileId) {
    throw invalid('Droits demandés : cochez les actions par module ou choisissez un profil, pas les deux.', 'wantedRights');
  }
  if (!rights.length && !request.wantedProfileId) {
    throw invalid('Droits demandés : cochez au moins une action sur un module, ou choisissez un profil.', 'wantedRights');
  }
  // Each action once, in the usual order, whatever order the form sent them in.
  const wantedRights = rights.length ? Object.fromEntries(rights.map(([m, a]) => [m, MODULE_ACTIONS.filter((x) => a.includes(x))])) : null;
  return { ...request, wantedRights, wantedProfileId: request.wantedProfileId ?? null, roleId: request.roleId ?? null };
}

/** A handler's words: a rejection's reason (required) or an approval's note (optional). */
export function handlerNote(value: unknown, required: boolean): string | null {
  const parsed = (
    required ? text('Motif du rejet', 2000).min(1, 'Motif du rejet : obligatoire, il est montré au demandeur.') : optional('Note', 2000)
  ).safeParse(value ?? (required ? '' : null));
  if (!parsed.success) throw invalid(parsed.error.issues[0].message, required ? 'reason' : 'note');
  return parsed.data || null;
}
