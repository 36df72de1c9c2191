import type { EntityManager } from 'typeorm';
import { loginHoursProblems, type LoginHours } from '../core/login-hours.js';
import { LOGIN_PATTERN, passwordProblem, weakPasswordText } from '../core/password-policy.js';
import { hashPassword } from './auth/passwords.js';
import { passwordSetBySomeoneElse } from './auth/session-epoch.js';
import type { AccessService, UserAccess } from '../adapters/postgres/access-service.js';
import { adminPlaneRefusal } from '../core/refusal.js';
import { assertAnActiveAdmin, assertKeepsOwnAdministration, capabilitiesOf, lockAdmins } from '../adapters/postgres/safeguards.js';
import { auditSetup, snapshot } from './actor.js';
import { invalidIn, missingIn, refuseIn, requireCapability, safeguardIn } from '../core/refusals.js';
import { delegated, refuseAdminAccounts } from './delegation.js';
import { fromUser, handOver } from './heir-transfer.js';
import { seatGuarded, type SeatCause, type SeatOptions } from './seats.js';
import { inviteUser } from './invitations.js';
import type { ServiceContext } from './context.js';
import { checkDossierGrants, namedDossiers, writeDossierGrants, type DossierGrantInput } from './dossier-grants.js';

export interface UserInput {
  login?: string;
  email?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  isAdmin?: boolean;
  status?: 'active' | 'inactive';
  roleId?: number | null;
  company?: string | null;
  title?: string | null;
  department?: string | null;
  reportsToId?: number | null;
  phone?: string | null;
  mobilePhone?: string | null;
  locale?: 'fr' | 'en';
  loginHours?: LoginHours | null;
  /** A seat offered (docs/spec/seats.md): admins only, with its reason. */
  freeSeat?: boolean;
  freeSeatReason?: string | null;
  /** Set at creation only: a client user comes with their dossiers (docs/spec/client-access.md). */
  kind?: 'internal' | 'client';
  /** A new client user's dossier grants: one or more, one client profile per Account. */
  dossiers?: DossierGrantInput[];
}

const COLUMNS: Record<string, string> = {
  login: 'login',
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  isAdmin: 'is_admin',
  status: 'status',
  roleId: 'role_id',
  company: 'company',
  title: 'title',
  department: 'department',
  reportsToId: 'reports_to_id',
  phone: 'phone',
  mobilePhone: 'mobile_phone',
  locale: 'locale',
  loginHours: 'login_hours',
  freeSeat: 'free_seat',
  freeSeatReason: 'free_seat_reason',
  kind: 'kind',
};

/**
 * Free seats are the admins' to give or take back, and say why (docs/spec/seats.md). Says whether
 * the free seat changes: what it covers is then stamped anew (free-seats.ts).
 */
function checkFreeSeat(ua: UserAccess, input: UserInput, current: { free_seat: boolean; free_seat_reason: string | null } | null): boolean {
  if (input.freeSeatReason !== undefined) input.freeSeatReason = input.freeSeatReason?.trim() || null;
  const changing =
    (input.freeSeat !== undefined && input.freeSeat !== (current?.free_seat ?? false)) ||
    (input.freeSeatReason !== undefined && (input.freeSeatReason ?? null) !== (current?.free_seat_reason ?? null));
  if (!changing) return false;
  if (!ua.access.isAdmin)
    throw refuseIn(
      { fr: 'Seul un administrateur peut offrir une licence ou la retirer.', en: 'Only an administrator may give a free seat or take it back.' },
      'freeSeat',
    );
  const free = input.freeSeat ?? current?.free_seat ?? false;
  const reason = input.freeSeatReason !== undefined ? input.freeSeatReason : (current?.free_seat_reason ?? null);
  if (free && !reason?.trim())
    throw invalidIn(
      {
        fr: 'Une licence offerte dit pourquoi (ex. « expert-comptable du client ») : renseignez le motif.',
        en: 'A free seat says why (e.g. "the client\'s accountant"): fill in the reason.',
      },
      'freeSeatReason',
    );
  if (!free && input.freeSeatReason === undefined) input.freeSeatReason = null;
  return true;
}

/** The cause of a user change, as its billing event would say it. */
function updateCause(login: string, input: UserInput, current: { status: string; role_id: number | null; is_admin: boolean; free_seat: boolean }): SeatCause {
  if (input.status === 'active' && current.status !== 'active') return { change: 'activateUser', said: { code: 'userReactivated', login } };
  if (input.isAdmin === true && !current.is_admin) return { change: 'adminFlag', said: { code: 'adminGiven', login } };
  if (input.roleId !== undefined && input.roleId !== current.role_id) return { change: 'roleChange', said: { code: 'userRoleChanged', login } };
  if (input.freeSeat === false && current.free_seat) return { change: 'freeSeat', said: { code: 'freeSeatTaken', login } };
  return { change: 'userChange', said: { code: 'userChanged', login } };
}

async function validate(m: EntityManager, input: UserInput, id: number | null): Promise<void> {
  if (input.login !== undefined && !LOGIN_PATTERN.test(input.login)) {
    throw invalidIn(
      {
        fr: 'Identifiant : 3 à 64 caractères parmi lettres, chiffres, « . », « _ » et « - ».',
        en: 'Login: 3 to 64 characters among letters, digits, ".", "_" and "-".',
      },
      'login',
    );
  }
  if (input.email !== undefined) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw invalidIn({ fr: 'E-mail invalide.', en: 'Invalid e-mail.' }, 'email');
    const [twin] = await m.query(`SELECT login FROM app_user WHERE lower(email) = lower($1) AND id IS DISTINCT FROM $2`, [input.email, id]);
    if (twin)
      throw invalidIn(
        { fr: `L'e-mail ${input.email} est déjà celui de l'utilisateur ${twin.login}.`, en: `The e-mail ${input.email} is already user ${twin.login}'s.` },
        'email',
      );
  }
  if (input.login !== undefined) {
    const [twin] = await m.query(`SELECT 1 FROM app_user WHERE login = $1 AND id IS DISTINCT FROM $2`, [input.login, id]);
    if (twin) throw invalidIn({ fr: `L'identifiant ${input.login} est déjà pris.`, en: `The login ${input.login} is already taken.` }, 'login');
  }
  if (input.password !== undefined) {
    const weak = passwordProblem(input.password);
    if (weak) throw invalidIn(weakPasswordText(weak), 'password');
  }
  if (input.roleId != null && !(await m.query(`SELECT 1 FROM role WHERE id = $1`, [input.roleId])).length) {
    throw invalidIn({ fr: `Aucun rôle n° ${input.roleId}.`, en: `No role #${input.roleId}.` }, 'roleId');
  }
  if (input.reportsToId != null) {
    if (input.reportsToId === id)
      throw invalidIn({ fr: 'Un utilisateur ne peut pas être son propre responsable.', en: 'A user cannot be their own manager.' }, 'reportsToId');
    if (!(await m.query(`SELECT 1 FROM app_user WHERE id = $1`, [input.reportsToId])).length)
      throw invalidIn({ fr: `Aucun utilisateur n° ${input.reportsToId}.`, en: `No user #${input.reportsToId}.` }, 'reportsToId');
  }
  if (input.loginHours !== undefined && input.loginHours !== null) {
    const problems = loginHoursProblems(input.loginHours, 'fr');
    if (problems.length) {
      const en = loginHoursProblems(input.loginHours, 'en');
      throw invalidIn({ fr: `Horaires de connexion : ${problems.join(' ; ')}.`, en: `Login hours: ${en.join('; ')}.` }, 'loginHours');
    }
  }
}

/**
 * A new user's type (docs/spec/client-access.md): an internal user has no dossier; a client user
 * has no role and no admin flag, and at least one dossier (checked with the database, in createUser).
 */
function checkKind(input: UserInput): void {
  if (input.kind !== undefined && input.kind !== 'internal' && input.kind !== 'client')
    throw invalidIn({ fr: 'Type : « interne » ou « client » attendu.', en: 'Type: "internal" or "client" expected.' }, 'kind');
  if (input.kind !== 'client') {
    if (input.dossiers?.length)
      throw invalidIn(
        { fr: 'Seul un utilisateur client a des dossiers : choisissez le type Client.', en: 'Only a client user has dossiers: choose the Client type.' },
        'dossiers',
      );
    return;
  }
  if (input.roleId != null)
    throw invalidIn(
      { fr: "Un utilisateur client n'a pas de rôle : ses accès sont ses dossiers.", en: 'A client user has no role: their access is their dossiers.' },
      'roleId',
    );
  if (input.isAdmin) throw invalidIn({ fr: "Un utilisateur client n'est jamais administrateur.", en: 'A client user is never an administrator.' }, 'isAdmin');
  if (!input.dossiers?.length)
    throw invalidIn(
      {
        fr: 'Un utilisateur client a au moins un dossier : créez-le depuis la page Accès clients (« Nouveau client »), avec ses dossiers.',
        en: 'A client user has at least one dossier: create them from the Client access page ("New client"), with their dossiers.',
      },
      'dossiers',
    );
}

export async function createUser(service: AccessService, ctx: ServiceContext, input: UserInput, options: SeatOptions = {}): Promise<number> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageUsers');
  checkFreeSeat(ua, input, null);
  if (input.isAdmin && !ua.access.isAdmin)
    throw refuseIn({ fr: 'Seul un administrateur peut nommer un administrateur.', en: 'Only an administrator may make someone an administrator.' }, 'isAdmin');
  if (!input.login) throw invalidIn({ fr: "L'identifiant est obligatoire.", en: 'The login is required.' }, 'login');
  if (!input.email)
    throw invalidIn(
      { fr: "L'e-mail est obligatoire (les identifiants sont envoyés par e-mail).", en: 'The e-mail is required (the sign-in details are sent by e-mail).' },
      'email',
    );
  if (input.password === '') delete input.password; // an empty field of the form: no password, the invitation lets them choose one
  checkKind(input);
  const cause: SeatCause = { change: 'createUser', said: { code: 'userCreated', login: input.login } };
  return seatGuarded(
    service,
    ctx,
    cause,
    (m) =>
      delegated(m, ua, async () => {
        await validate(m, input, null);
        if (input.kind === 'client') await checkDossierGrants(m, service, ua, input.dossiers ?? []);
        const hash = input.password ? await hashPassword(input.password) : null;
        const entries = Object.entries(input).filter(([k, v]) => k in COLUMNS && v !== undefined);
        const cols = [...entries.map(([k]) => COLUMNS[k]), 'password_hash'];
        const values = [...entries.map(([k, v]) => (k === 'loginHours' && v !== null ? JSON.stringify(v) : v)), hash];
        const [row] = await m.query(`INSERT INTO app_user (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, values);
        // A first password chosen by a user manager is changed at the first sign-in.
        if (hash) await passwordSetBySomeoneElse(m, row.id);
        // A client's dossiers are in the entry of their creation, by Account reference and profile name.
        if (input.kind === 'client') await writeDossierGrants(m, row.id, input.dossiers!);
        const dossiers = input.kind === 'client' ? { dossiers: await namedDossiers(m, service, row.id) } : {};
        await auditSetup(m, ctx, 'create', 'User', row.id, input.login!, null, { ...(await snapshot(m, 'app_user', row.id)), ...dossiers });
        // Their credentials reach them by mail: a link to choose their password (none if they may not sign in).
        await inviteUser(m, ctx, row.id);
        return row.id as number;
      }),
    options,
  );
}

/**
 * A new user on another's model ("Copier"): their role, organisation, manager, locale and login
 * hours; the admin flag only when an admin copies. An admin's account is copied by admins only,
 * and the copy goes through createUser (no escalation, seats).
 */
export async function copyUser(
  service: AccessService,
  ctx: ServiceContext,
  modelId: number,
  input: Pick<UserInput, 'login' | 'email' | 'firstName' | 'lastName' | 'password'>,
): Promise<number> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageUsers');
  const [model] = await service.ds.query(
    `SELECT kind, is_admin, role_id, company, title, department, reports_to_id, locale, login_hours FROM app_user WHERE id = $1`,
    [modelId],
  );
  if (!model) throw missingIn({ fr: 'Utilisateur introuvable.', en: 'User not found.' });
  await refuseAdminAccounts(service.ds.manager, ua, [modelId]);
  if (model.kind !== 'internal')
    throw invalidIn({
      fr: 'Un utilisateur client se crée avec ses dossiers (page Accès clients), il ne se copie pas.',
      en: 'A client user is created with their dossiers (Client access page), not copied.',
    });
  return createUser(service, ctx, {
    ...input,
    status: 'active',
    isAdmin: model.is_admin && ua.access.isAdmin,
    roleId: model.role_id,
    company: model.company,
    title: model.title,
    department: model.department,
    reportsToId: model.reports_to_id,
    locale: model.locale,
    loginHours: model.login_hours,
  });
}

export async function updateUser(service: AccessService, ctx: ServiceContext, id: number, input: UserInput, options: SeatOptions = {}): Promise<void> {
  const ua = ctx.actor;
  const self = id === ua.user.id;
  requireCapability(ua, 'manageUsers');
  let cause: SeatCause = { change: 'userChange', said: { code: 'userChanged', login: `n° ${id}` } };
  await seatGuarded(
    service,
    ctx,
    () => cause,
    async (m) => {
      const [current] = await m.query(
        `SELECT id, login, kind, is_admin, status, role_id, system, free_seat, free_seat_reason FROM app_user WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw missingIn({ fr: `Aucun utilisateur n° ${id}.`, en: `No user #${id}.` });
      await refuseAdminAccounts(m, ua, [id]); // before any other refusal (docs/spec/access-model.md)
      if (self && input.password) throw adminPlaneRefusal({ code: 'notOneself', items: ['password'] }, { property: 'password', safeguard: true });
      const freeSeatChanged = checkFreeSeat(ua, input, current);
      cause = updateCause(current.login, input, current);
      // Sent back unchanged, as a form sends every field, they are not a change; another value is refused.
      if (input.login !== undefined && input.login !== current.login)
        throw refuseIn({ fr: "L'identifiant ne change pas après la création.", en: 'The login does not change after creation.' }, 'login');
      delete input.login;
      if (input.kind !== undefined && input.kind !== current.kind)
        throw refuseIn(
          {
            fr: 'Le type (interne ou client) ne change pas après la création : créez un autre utilisateur.',
            en: 'The type (internal or client) does not change after creation: create another user.',
          },
          'kind',
        );
      delete input.kind;
      if (input.dossiers !== undefined)
        throw invalidIn(
          { fr: 'Les dossiers se changent depuis « Dossiers clients » du client.', en: 'Dossiers are changed from the client\'s "Client dossiers".' },
          'dossiers',
        );
      const demoting = input.isAdmin === false && current.is_admin;
      const promoting = input.isAdmin === true && !current.is_admin;
      const deactivating = input.status === 'inactive' && current.status === 'active';
      if ((demoting || promoting) && !ua.access.isAdmin)
        throw refuseIn(
          {
            fr: 'Seul un administrateur peut donner ou retirer le statut d’administrateur.',
            en: 'Only an administrator may give or take away administrator status.',
          },
          'isAdmin',
        );
      // A client's access is their dossiers (docs/spec/client-access.md), as an organisation file says.
      if (current.kind === 'client' && (input.roleId != null || promoting)) {
        throw invalidIn(
          {
            fr: "Un utilisateur client n'a ni rôle ni statut d'administrateur : ses accès sont ses dossiers.",
            en: 'A client user has neither a role nor administrator status: their access is their dossiers.',
          },
          input.roleId != null ? 'roleId' : 'isAdmin',
        );
      }
      if (self && demoting)
        throw safeguardIn(
          { fr: 'Vous ne pouvez pas vous retirer vous-même le statut d’administrateur.', en: 'You cannot take away your own administrator status.' },
          'isAdmin',
        );
      if (self && deactivating)
        throw safeguardIn({ fr: 'Vous ne pouvez pas désactiver votre propre compte.', en: 'You cannot deactivate your own account.' }, 'status');
      if (demoting || (deactivating && current.is_admin)) await lockAdmins(m);
      await validate(m, input, id);
      await delegated(m, ua, () => writeUser(m, ctx, id, input, current.login, freeSeatChanged));
      if (demoting || deactivating) await assertAnActiveAdmin(m);
    },
    options,
  );
}

/** The update itself, once every check before it has passed; audited with what changed. */
async function writeUser(m: EntityManager, ctx: ServiceContext, id: number, input: UserInput, login: string, freeSeatChanged: boolean): Promise<void> {
  const self = id === ctx.actor.user.id;
  const before = self ? (await capabilitiesOf(m, id)).capabilities : null;
  const was = await snapshot(m, 'app_user', id);
  const entries = Object.entries(input).filter(([k, v]) => k in COLUMNS && v !== undefined);
  const sets = entries.map(([k], i) => `${COLUMNS[k]} = $${i + 2}`);
  const values: unknown[] = entries.map(([k, v]) => (k === 'loginHours' && v !== null ? JSON.stringify(v) : v));
  if (input.password) {
    sets.push(`password_hash = $${values.length + 2}`);
    values.push(await hashPassword(input.password));
  }
  // A free seat granted or changed by an admin covers what the user holds after this change.
  if (freeSeatChanged) sets.push('free_seat_covers = NULL');
  if (sets.length) await m.query(`UPDATE app_user SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [id, ...values]);
  if (input.password && !self) await passwordSetBySomeoneElse(m, id);
  const now = await snapshot(m, 'app_user', id);
  const changes = { ...(now ?? {}), ...(input.password ? { password: '(changed)' } : {}) };
  if (sets.length) await auditSetup(m, ctx, 'update', 'User', id, login, was, changes);
  if (before) await assertKeepsOwnAdministration(m, id, before);
}

/**
 * Deleting users names the user who takes over all their records, in one transaction: nothing
 * is orphaned or lost. A Contact's advisor roles pass to the heir too. Several users at once
 * (bulk delete) are deleted all or none.
 */
export async function deleteUsers(service: AccessService, ctx: ServiceContext, ids: number[], heirId: number | null): Promise<void> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageUsers');
  await service.ds.transaction(async (m) => {
    // Taken first, as every change that may remove an admin takes it before its row locks.
    await lockAdmins(m);
    const users = await m.query(`SELECT id, login, is_admin, system FROM app_user WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [ids]);
    const missing = ids.filter((id) => !users.some((u: { id: number }) => u.id === id));
    if (missing.length) throw missingIn({ fr: `Aucun utilisateur n° ${missing.join(', ')}.`, en: `No user #${missing.join(', #')}.` });
    await refuseAdminAccounts(m, ua, ids);
    if (ids.includes(ua.user.id)) throw safeguardIn({ fr: 'Vous ne pouvez pas supprimer votre propre compte.', en: 'You cannot delete your own account.' });
    const system = users.filter((u: { system: boolean }) => u.system).map((u: { login: string }) => u.login);
    if (system.length)
      throw safeguardIn({
        fr: `${system.join(', ')} : utilisateur système, il ne peut pas être supprimé.`,
        en: `${system.join(', ')}: system user, it cannot be deleted.`,
      });
    const logins = users.map((u: { login: string }) => u.login).join(', ');
    if (!heirId)
      throw invalidIn(
        {
          fr: `Désignez l'utilisateur qui reprend les enregistrements de ${logins} (héritier).`,
          en: `Choose the user who takes over ${logins}'s records (heir).`,
        },
        'heirId',
      );
    if (ids.includes(heirId))
      throw invalidIn(
        { fr: "L'héritier doit être un autre utilisateur que ceux supprimés.", en: 'The heir must be a user other than those deleted.' },
        'heirId',
      );
    const [heir] = await m.query(`SELECT id, kind FROM app_user WHERE id = $1`, [heirId]);
    if (!heir || heir.kind !== 'internal')
      throw invalidIn(
        { fr: `Aucun collaborateur n° ${heirId} pour reprendre les enregistrements.`, en: `No staff user #${heirId} to take over the records.` },
        'heirId',
      );
    const admins = users.some((u: { is_admin: boolean }) => u.is_admin);
    for (const u of users) await handOver(service, m, ctx, fromUser(u.id, heirId), `Repris de ${u.login}, supprimé.`);
    for (const u of users) await auditSetup(m, ctx, 'delete', 'User', u.id, u.login, await snapshot(m, 'app_user', u.id), { heirId });
    await m.query(`DELETE FROM app_user WHERE id = ANY($1::int[])`, [ids]);
    if (admins) await assertAnActiveAdmin(m);
  });
}
