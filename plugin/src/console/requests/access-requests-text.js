// How the access requests page words a request (docs/spec/seats.md): its subject, its details, its state.
// Plain functions of the translator, shared by the team lead's and the user manager's lists.

/** A translation with names in it: React escapes them, so i18next must not ("D'Almeida"). */
export const say = (tm, key, values = {}) => tm(key, { ...values, interpolation: { escapeValue: false } });

export const nameOf = (person) => (person ? person.name || person.login : '—');

export const dateOf = (value, language) =>
  (value ? new Date(value).toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' }) : '');

/** Whom a request is about: the new user's name and e-mail, or the user concerned. */
export function subjectOf(request) {
  const p = request.payload;
  if (request.type === 'newUser') return `${p.firstName} ${p.lastName} (${p.email})`;
  const target = request.target;
  return target ? `${nameOf(target)} (${target.login})` : p.userLogin;
}

/** What it asks for, one line each: the role (from → to), the position, the reason, the note. */
export function detailsOf(request, tm) {
  const p = request.payload;
  const lines = [];
  if (request.type === 'newUser') {
    lines.push(say(tm, 'requestsDetailRole', { role: p.roleName }));
    if (p.title) lines.push(say(tm, 'requestsDetailPosition', { title: p.title }));
  }
  if (request.type === 'roleChange') lines.push(say(tm, 'requestsDetailRoleChange', { from: p.fromRoleName ?? '—', to: p.roleName }));
  if (request.type === 'deactivation') lines.push(say(tm, 'requestsDetailReason', { reason: p.reason }));
  if (request.note) lines.push(say(tm, 'requestsDetailNote', { note: request.note }));
  return lines;
}

export const STATUS_VARIANTS = { open: 'primary', approved: 'success', rejected: 'danger' };
