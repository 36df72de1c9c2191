import type { EntityManager } from 'typeorm';
import type { SharingLevel } from '../../core/model.js';
import type { AccessService, UserAccess } from '../postgres/access-service.js';
import { hasCapability } from '../../services/actor.js';
import { invalidIn, type Said } from '../../core/refusals.js';
import { deleteProfile, saveProfile, type ProfileInput } from '../../services/profile-writes.js';
import { deleteRole, rulesNaming, saveRole } from '../../services/role-writes.js';
import { deleteRule, namedRules, namedRuleSentence, saveRule, setDefault, type RuleInput } from '../../services/sharing-writes.js';
import { deleteTeam, saveTeam } from '../../services/team-writes.js';
import { createUser, deleteUsers, updateUser, type UserInput } from '../../services/user-writes.js';
import type { ReadLevel, SetupPolicy } from './setup-resource.js';
import { visibleAuditEntries } from '../postgres/audit-visibility.js';
import { roleProfileIds } from '../postgres/read-models/roles.js';
import { loadTeamLists } from '../postgres/load-setup.js';

/**
 * Form values arrive as strings; these read them as what the services expect, strictly: a value
 * of another kind (a list or an object for a text, `oui` for a boolean) is refused with its
 * field's name rather than turned into `[object Object]` or `false`.
 */
// French typography puts a space before the colon; English does not.
const said = (field: string | undefined, what: Said): Said => (field ? { fr: `${field} : ${what.fr}`, en: `${field}: ${what.en}` } : what);
const bool = (v: unknown, field?: string) => {
  if (v === undefined) return undefined;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false' || v === '' || v === null) return false;
  throw invalidIn(said(field, { fr: 'vrai ou faux attendu.', en: 'true or false expected.' }), field);
};
const int = (v: unknown, field?: string) => {
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  if (!/^[1-9]\d{0,9}$/.test(String(v)) || Number(v) > 2 ** 31 - 1 || typeof v === 'object' || typeof v === 'boolean') {
    throw invalidIn(said(field, { fr: `numéro attendu, pas « ${String(v).slice(0, 40)} ».`, en: `number expected, not "${String(v).slice(0, 40)}".` }), field);
  }
  return Number(v);
};
const str = (v: unknown, field?: string) => {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'string' && typeof v !== 'number')
    throw invalidIn(said(field, { fr: 'texte attendu (une seule valeur).', en: 'text expected (a single value).' }), field);
  return String(v);
};
const ids = (v: unknown) =>
  v === undefined ? undefined : (Array.isArray(v) ? v : Object.values(v as object)).filter((x) => x !== '' && x !== null).map((x) => int(x) as number);
const json = <T>(v: unknown): T | undefined | null => {
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    throw invalidIn({ fr: 'JSON mal formé.', en: 'Malformed JSON.' });
  }
};
const anyOf = (ua: UserAccess, ...caps: Array<Parameters<typeof hasCapability>[1]>): boolean => caps.some((c) => hasCapability(ua, c));
const internal = (ua: UserAccess) => ua.access.active && ua.access.kind === 'internal';

function readLevel(ua: UserAccess, everyoneNames: boolean): ReadLevel {
  if (anyOf(ua, 'manageUsers', 'manageAccess')) return 'all';
  return everyoneNames && internal(ua) ? 'names' : 'none';
}

export function userPolicy(service: AccessService): SetupPolicy {
  const input = (p: Record<string, unknown>): UserInput => ({
    login: str(p.login, 'login') ?? undefined,
    email: str(p.email, 'email') ?? undefined,
    password: p.password ? String(p.password) : undefined,
    firstName: str(p.firstName, 'firstName') ?? undefined,
    lastName: str(p.lastName, 'lastName') ?? undefined,
    isAdmin: bool(p.isAdmin, 'isAdmin'),
    status: p.status as UserInput['status'],
    roleId: int(p.roleId, 'roleId'),
    company: str(p.company, 'company'),
    title: str(p.title, 'title'),
    department: str(p.department, 'department'),
    reportsToId: int(p.reportsToId, 'reportsToId'),
    phone: str(p.phone, 'phone'),
    mobilePhone: str(p.mobilePhone, 'mobilePhone'),
    locale: p.locale as UserInput['locale'],
    loginHours: json(p.loginHours),
    freeSeat: bool(p.freeSeat, 'freeSeat'),
    freeSeatReason: str(p.freeSeatReason, 'freeSeatReason'),
    // The type is checked by the services: "client" needs dossiers (Accès clients), and never changes.
    kind: (str(p.kind, 'kind') ?? undefined) as UserInput['kind'],
    // `system` is never read from a form: it is the installation's, not anyone's to edit.
  });
  return {
    // Every signed-in collaborator sees users' names (owner pickers, reference titles).
    read: (ua) => readLevel(ua, true),
    nameFields: ['id', 'login', 'firstName', 'lastName', 'fullName'],
    secret: ['passwordHash'],
    create: (ctx, p) => createUser(service, ctx, input(p)),
    update: (ctx, id, p) => updateUser(service, ctx, Number(id), input(p)),
    delete: (ctx, id, payload) => deleteUsers(service, ctx, [id], int(payload.heirId, 'heirId') ?? null),
    deleteMany: (ctx, list, payload) => deleteUsers(service, ctx, list, int(payload.heirId, 'heirId') ?? null),
  };
}

export function profilePolicy(service: AccessService): SetupPolicy {
  const input = (p: Record<string, unknown>): ProfileInput => ({
    name: str(p.name, 'name') ?? undefined,
    description: str(p.description, 'description') ?? undefined,
    isDefault: bool(p.isDefault, 'isDefault'),
    audience: p.audience as ProfileInput['audience'],
    licenseTier: p.licenseTier as ProfileInput['licenseTier'],
    viewAll: bool(p.viewAll, 'viewAll'),
    editAll: bool(p.editAll, 'editAll'),
    capabilities: p.capabilities === undefined ? undefined : (stringList(json<unknown>(p.capabilities) ?? [], 'capabilities') as ProfileInput['capabilities']),
    modules: deepBooleans(json(p.modules)) as ProfileInput['modules'],
    contactScopes: json(p.contactScopes) ?? undefined,
    fields: json(p.fields) ?? undefined,
  });
  return {
    read: (ua) => readLevel(ua, false),
    nameFields: [],
    create: (ctx, p) => saveProfile(service, ctx, null, input(p)),
    update: async (ctx, id, p) => void (await saveProfile(service, ctx, Number(id), input(p))),
    delete: (ctx, id, payload) => deleteProfile(service, ctx, id, int(payload.replacementId, 'replacementId') ?? null),
  };
}

/** `{ Deal: { read: 'true' } }` from a form -> booleans; JSON values pass through. */
function deepBooleans(v: unknown): unknown {
  if (v === undefined || v === null) return v ?? undefined;
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, deepBooleans(x)]));
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

export function rolePolicy(service: AccessService): SetupPolicy {
  return {
    read: (ua) => readLevel(ua, false),
    nameFields: [],
    virtuals: async (m: EntityManager, list: number[]) => new Map([...(await roleProfileIds(m, list))].map(([roleId, profileIds]) => [roleId, { profileIds }])),
    create: (ctx, p) =>
      saveRole(service, ctx, null, { name: str(p.name, 'name') ?? undefined, parentId: int(p.parentId, 'parentId'), profileIds: ids(p.profileIds) }),
    update: async (ctx, id, p) =>
      void (await saveRole(service, ctx, Number(id), {
        name: str(p.name, 'name') ?? undefined,
        parentId: int(p.parentId, 'parentId'),
        profileIds: ids(p.profileIds),
      })),
    delete: (ctx, id, payload) => deleteRole(service, ctx, id, int(payload.heirId, 'heirId') ?? null),
    beforeDelete: async (m, id) => ({ rulesDeletedWith: await rulesNaming(m, 'role', id) }),
  };
}

export function teamPolicy(service: AccessService): SetupPolicy {
  const input = (p: Record<string, unknown>) => ({
    name: str(p.name, 'name') ?? undefined,
    description: str(p.description, 'description') ?? undefined,
    userIds: ids(p.userIds),
    roleIds: ids(p.roleIds),
    subtreeRoleIds: ids(p.subtreeRoleIds),
    teamIds: ids(p.teamIds),
  });
  return {
    // Team names are visible to everyone signed in (owner pickers, reference titles).
    read: (ua) => readLevel(ua, true),
    nameFields: ['id', 'name'],
    virtuals: async (m: EntityManager, list: number[]) => {
      const rows = await loadTeamLists(m, list);
      return new Map(rows.map(({ id, name: _name, ...lists }) => [id, lists]));
    },
    create: (ctx, p) => saveTeam(service, ctx, null, input(p)),
    update: async (ctx, id, p) => void (await saveTeam(service, ctx, Number(id), input(p))),
    delete: (ctx, id, payload) =>
      deleteTeam(service, ctx, id, { userId: int(payload.heirUserId, 'heirUserId') ?? undefined, teamId: int(payload.heirTeamId, 'heirTeamId') ?? undefined }),
    beforeDelete: async (m, id) => ({ rulesDeletedWith: await rulesNaming(m, 'team', id) }),
  };
}

export function sharingRulePolicy(service: AccessService): SetupPolicy {
  const input = (p: Record<string, unknown>): RuleInput => ({
    name: str(p.name, 'name'),
    module: str(p.module, 'module') ?? undefined,
    access: p.access as RuleInput['access'],
    fromKind: p.fromKind as RuleInput['fromKind'],
    fromRoleId: int(p.fromRoleId, 'fromRoleId'),
    fromTeamId: int(p.fromTeamId, 'fromTeamId'),
    toKind: p.toKind as RuleInput['toKind'],
    toRoleId: int(p.toRoleId, 'toRoleId'),
    toTeamId: int(p.toTeamId, 'toTeamId'),
  });
  return {
    read: (ua) => readLevel(ua, false),
    nameFields: [],
    // Each rule as a French sentence: "Les affaires appartenant à Ventes Nord et subordonnés sont partagées en lecture avec Ventes Sud."
    virtuals: async (m: EntityManager, list: number[]) =>
      new Map((await namedRules(m, list)).map((r) => [r.id, { sentence: namedRuleSentence(service.registry.catalog, r) }])),
    create: (ctx, p) => saveRule(service, ctx, null, input(p)),
    update: async (ctx, id, p) => void (await saveRule(service, ctx, Number(id), input(p))),
    delete: (ctx, id) => deleteRule(service, ctx, id),
  };
}

export function sharingDefaultPolicy(service: AccessService): SetupPolicy {
  return {
    read: (ua) => readLevel(ua, false),
    nameFields: [],
    create: async (ctx, p) => {
      await setDefault(service, ctx, String(p.module), p.level as SharingLevel);
      return String(p.module);
    },
    // A form without its level changes nothing (it used to fall back to "private", a silent change).
    update: (ctx, id, p) => {
      if (p.level === undefined || p.level === null || p.level === '')
        throw invalidIn({ fr: 'level : le niveau de partage est obligatoire.', en: 'level: the sharing level is required.' }, 'level');
      return setDefault(service, ctx, String(id), p.level as SharingLevel);
    },
  };
}

/**
 * Read-only, even for admins: the audit trail (`viewAudit`), each entry as its reader may read it
 * (audit-visibility.ts, the same as the audit page's), and sign-ins (`viewStats` or `viewAudit`).
 */
export function auditPolicy(service: AccessService): SetupPolicy {
  return {
    read: (ua) => (anyOf(ua, 'viewAudit') ? 'all' : 'none'),
    nameFields: [],
    source: (ua, param) => visibleAuditEntries(ua, service.registry.names, { kind: 'trail' }, param),
  };
}

export function loginEventPolicy(): SetupPolicy {
  return { read: (ua) => (anyOf(ua, 'viewStats', 'viewAudit') ? 'all' : 'none'), nameFields: [] };
}

/** A list of texts (a profile's capabilities), or a refusal naming the field. */
function stringList(v: unknown, field: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw invalidIn({ fr: `${field} : une liste de noms est attendue.`, en: `${field}: a list of names is expected.` }, field);
  return v;
}
