// How the access requests page words a request (docs/spec/seats.md): its subject, its details, its state.
// Plain functions of the translator, shared by the team lead's and the user manager's lists.
import type { Translate } from '../common/translate.js';

/** A user as a request names them. */
export interface Person {
  name?: string | null;
  login: string;
}

/** An access request as requests-routes.ts sends it. */
export interface AccessRequest {
  id: number;
  type: 'newUser' | 'roleChange' | 'deactivation';
  status: 'open' | 'approved' | 'rejected';
  /** What was asked, as the requester filled it (the role's names resolved by the server). */
  payload: {
    firstName?: string;
    lastName?: string;
    email?: string;
    title?: string | null;
    /** The role suggested by the requester, if any. */
    roleName?: string | null;
    fromRoleName?: string | null;
    /** Per module, the actions wanted (those of the profile, when one was named). */
    wantedRights?: Record<string, string[]>;
    wantedProfile?: { id: number; name: string } | null;
    reason?: string;
    userLogin?: string;
  };
  note: string | null;
  requester: Person | null;
  target: Person | null;
  createdAt: string;
  handler: Person | null;
  handledAt: string | null;
  handlerNote: string | null;
  resultUser: { login: string } | null;
  /** The role the approval mapped the request onto. */
  mappedRole?: { id: number | null; name: string } | null;
  /** Why a rule refused its last approval (while open). */
  refusal: string | null;
}

/** A translation with names in it: React escapes them, so i18next must not ("D'Almeida"). */
export const say = (tm: Translate, key: string, values: Record<string, unknown> = {}): string => tm(key, { ...values, interpolation: { escapeValue: false } });

export const nameOf = (person: Person | null | undefined): string => (person ? person.name || person.login : '—');

export const dateOf = (value: string | null | undefined, language: string | undefined): string =>
  value ? new Date(value).toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' }) : '';

/** Whom a request is about: the new user's name and e-mail, or the user concerned. */
export function subjectOf(request: AccessRequest): string | undefined {
  const p = request.payload;
  if (request.type === 'newUser') return `${p.firstName} ${p.lastName} (${p.email})`;
  const target = request.target;
  return target ? `${nameOf(target)} (${target.login})` : p.userLogin;
}

/** What it asks for, one line each (the rights per module are shown apart): the position, the current role, the profile or role named, the role given, the reason, the note. */
export function detailsOf(request: AccessRequest, tm: Translate): string[] {
  const p = request.payload;
  const lines: string[] = [];
  if (request.type === 'newUser' && p.title) lines.push(say(tm, 'requestsDetailPosition', { title: p.title }));
  if (request.type === 'roleChange') lines.push(say(tm, 'requestsDetailFromRole', { role: p.fromRoleName ?? '—' }));
  if (p.wantedProfile) lines.push(say(tm, 'requestsDetailWantedProfile', { profile: p.wantedProfile.name }));
  if (p.roleName) lines.push(say(tm, 'requestsDetailSuggested', { role: p.roleName }));
  if (request.mappedRole) lines.push(say(tm, 'requestsDetailMapped', { role: request.mappedRole.name }));
  if (request.type === 'deactivation') lines.push(say(tm, 'requestsDetailReason', { reason: p.reason }));
  if (request.note) lines.push(say(tm, 'requestsDetailNote', { note: request.note }));
  return lines;
}

export const STATUS_VARIANTS: Record<AccessRequest['status'], 'primary' | 'success' | 'danger'> = { open: 'primary', approved: 'success', rejected: 'danger' };
