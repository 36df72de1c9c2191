import type { EntityManager } from 'typeorm';
import type { AccessService, UserAccess } from '../adapters/postgres/access-service.js';
import { withAuditEntryIds } from '../adapters/postgres/audit.js';
import { Refusal } from '../core/refusal.js';
import { auditSetup, hasCapability } from './actor.js';
import { invalidIn, missingIn, requireCapability } from '../core/refusals.js';
import { handlerNote, parseRequestInput, type AccessRequestInput } from './access-request-input.js';
import { teamUsers } from './access-request-reads.js';
import { applyRequest, type Applied, type StoredRequest } from './access-request-apply.js';
import { lockSeats } from './seats.js';
import { indexOf, mappedRole, wantedOf } from './access-request-rights.js';
import type { Choice } from '../core/delegable.js';
import type { ServiceContext } from './context.js';

/**
 * Delegated access requests (docs/spec/seats.md): a team lead (`requestAccessChanges`) asks for a new user,
 * a role change or a deactivation in their teams; a user manager (`manageUsers`) approves — the
 * change is made through the user services, with every rule, safeguard and the seat guard, in one
 * transaction with its audit entries and the request's new status — or rejects with a reason.
 */

const TYPE_LABELS: Record<StoredRequest['type'], string> = {
  newUser: 'Nouvel utilisateur',
  roleChange: 'Changement de rôle',
  deactivation: 'Désactivation',
};

/** The request as the audit trail names it: "Changement de rôle : s.carpentier". */
function reference(type: StoredRequest['type'], payload: Record<string, any>): string {
  const who = type === 'newUser' ? `${payload.firstName} ${payload.lastName}` : payload.userLogin;
  return `${TYPE_LABELS[type]} : ${who}`.slice(0, 120);
}

/**
 * What the request records, names included, so that it still reads right once users, roles or
 * profiles change: for a new user or a role change, the rights wanted per module (or the profile
 * named, and its rights), and the role suggested if any.
 */
async function payloadOf(service: AccessService, m: EntityManager, ua: UserAccess, request: AccessRequestInput): Promise<Record<string, unknown>> {
  if (request.type === 'deactivation') return { ...(await named(m, ua, request.userId)), reason: request.reason };
  const { wantedRights, wantedProfile, suggestedRole } = await wantedOf(service, ua, request);
  const wanted = { wantedRights, wantedProfile, roleId: suggestedRole?.id ?? null, roleName: suggestedRole?.name ?? null };
  // Whether the e-mail is already a user's is not said here: the handler sees it on approval.
  if (request.type === 'newUser') return { firstName: request.firstName, lastName: request.lastName, email: request.email, title: request.title, ...wanted };
  const user = await named(m, ua, request.userId);
  if (suggestedRole && user.fromRoleId === suggestedRole.id)
    throw invalidIn(
      {
        fr: `Rôle suggéré : ${user.userLogin} a déjà le rôle ${suggestedRole.name}.`,
        en: `Suggested role: ${user.userLogin} already has the role ${suggestedRole.name}.`,
      },
      'roleId',
    );
  return { ...user, ...wanted };
}

/** The user a request is about, in the requester's scope; outside it, answered like one who does not exist: ids cannot be probed. */
async function named(m: EntityManager, ua: UserAccess, userId: number) {
  const [user] = await teamUsers(m, ua.user.id, userId);
  if (!user)
    throw invalidIn(
      { fr: `Utilisateur : aucun utilisateur n° ${userId} avec accès dans vos équipes.`, en: `User: no user #${userId} with access in your teams.` },
      'userId',
    );
  return { userLogin: user.login, userName: user.fullName, fromRoleId: user.roleId, fromRoleName: user.role };
}

/**
 * One open request per change: the same type for the same user, or a new user with the same
 * e-mail among the requester's own (another lead's requests are not theirs to learn of).
 */
async function refuseDuplicate(m: EntityManager, requesterId: number, request: AccessRequestInput): Promise<void> {
  const [twin] =
    request.type === 'newUser'
      ? await m.query(
          `SELECT id FROM access_request WHERE status = 'open' AND type = 'newUser' AND requester_id = $2 AND lower(payload ->> 'email') = lower($1)`,
          [request.email, requesterId],
        )
      : await m.query(`SELECT id FROM access_request WHERE status = 'open' AND type = $1 AND target_user_id = $2`, [request.type, request.userId]);
  if (twin)
    throw invalidIn(
      {
        fr: `Une demande identique (n° ${twin.id}) est déjà ouverte : elle attend d'être traitée.`,
        en: `The same request (#${twin.id}) is already open: it is waiting to be handled.`,
      },
      'type',
    );
}

/** A team lead's request; its id. Refused, it leaves nothing behind. */
export async function createAccessRequest(service: AccessService, ctx: ServiceContext, input: unknown): Promise<number> {
  const ua = ctx.actor;
  requireCapability(ua, 'requestAccessChanges');
  const request = parseRequestInput(input);
  return service.ds.transaction(async (m) => {
    // Requests are created one at a time, so that two identical ones cannot both pass the duplicate check.
    await m.query('LOCK TABLE access_request IN SHARE ROW EXCLUSIVE MODE');
    const payload = await payloadOf(service, m, ua, request);
    await refuseDuplicate(m, ua.user.id, request);
    const [row] = await m.query(
      `INSERT INTO access_request (type, payload, requester_id, requester_login, target_user_id, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [request.type, JSON.stringify(payload), ua.user.id, ua.user.login, 'userId' in request ? request.userId : null, request.note],
    );
    await auditSetup(m, ctx, 'create', 'AccessRequest', row.id, reference(request.type, payload), null, { type: request.type, ...payload, note: request.note });
    return row.id as number;
  });
}

/** The request, locked for its handling; refused when unknown or already handled. */
async function openRequest(m: EntityManager, id: number): Promise<StoredRequest> {
  const [request] = await m.query(
    `SELECT id, type, status, payload, requester_id, target_user_id, handler_login FROM access_request WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!request) throw missingIn({ fr: `Aucune demande d'accès n° ${id}.`, en: `No access request #${id}.` });
  if (request.status !== 'open') {
    const approved = request.status === 'approved';
    throw invalidIn(
      {
        fr: `La demande n° ${id} est déjà ${approved ? 'approuvée' : 'rejetée'} par ${request.handler_login ?? 'un gestionnaire'} : une demande ne se traite qu'une fois.`,
        en: `Request #${id} was already ${approved ? 'approved' : 'rejected'} by ${request.handler_login ?? 'a manager'}: a request is handled only once.`,
      },
      'status',
    );
  }
  return request;
}

/** Closes a request, with the audit entries of its handling linked to it. */
async function close(
  m: EntityManager,
  ua: UserAccess,
  request: StoredRequest,
  status: 'approved' | 'rejected',
  note: string | null,
  entryIds: number[],
  resultUserId: number | null,
  role: Choice | null = null,
) {
  await m.query(
    `UPDATE access_request SET status = $2, handler_id = $3, handler_login = $4, handler_note = $5, result_user_id = $6,
            audit_entry_ids = $7::bigint[], refusal = NULL, handled_at = now(), updated_at = now(),
            mapped_role_id = $8, mapped_role_name = $9 WHERE id = $1`,
    [request.id, status, ua.user.id, ua.user.login, note, resultUserId, entryIds, role?.id ?? null, role?.name ?? null],
  );
}

const auditDecision = (
  m: EntityManager,
  ctx: ServiceContext,
  request: StoredRequest,
  status: 'approved' | 'rejected',
  note: string | null,
  resultUserId: number | null,
  role: Choice | null = null,
) =>
  auditSetup(
    m,
    ctx,
    status === 'approved' ? 'approve' : 'reject',
    'AccessRequest',
    request.id,
    reference(request.type, request.payload),
    { status: 'open' },
    { status, handlerNote: note, ...(resultUserId ? { resultUserId } : {}), ...(role ? { mappedRole: role.name } : {}) },
  );

/**
 * Approves an open request: the change, its audit entries, the billing events of seats over (once
 * confirmed) and the request's new status commit together. A new user or a role change is mapped
 * onto the role the handler chose (`options.roleId`, else the one the requester suggested), within
 * the lead's scope. A change a rule refuses rolls back whole; the request stays open and keeps the
 * refusal (written after the rollback), and the refusal is thrown on. A seat warning is no
 * refusal: it is thrown on and nothing is recorded. Choosing no role is bad input, not a refusal.
 */
export async function approveAccessRequest(
  service: AccessService,
  ctx: ServiceContext,
  id: number,
  options: { note?: unknown; roleId?: number | null } = {},
): Promise<Applied> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageUsers');
  const note = handlerNote(options.note, false);
  let applying = false;
  try {
    return await service.ds.transaction(async (m) => {
      await lockSeats(m); // before the audit chain's lock, as every change that takes both does
      const found = await openRequest(m, id);
      if (found.type !== 'deactivation' && (options.roleId ?? found.payload.roleId) == null) mappedRole(await indexOf(service, ua), null, id);
      applying = true;
      await recheckRequester(service, m, found);
      const role = found.type === 'deactivation' ? null : mappedRole(await indexOf(service, ua), options.roleId ?? found.payload.roleId, id);
      // The change applied is the role chosen, whatever the requester suggested.
      const request = role ? { ...found, payload: { ...found.payload, roleId: role.id, roleName: role.name } } : found;
      const { result, entryIds } = await withAuditEntryIds(m, async () => {
        const applied = await applyRequest(service, ctx, m, request);
        await auditDecision(m, ctx, found, 'approved', note, applied.userId, role);
        return applied;
      });
      await close(m, ua, found, 'approved', note, entryIds, result.userId, role);
      return result;
    });
  } catch (e) {
    if (applying && e instanceof Refusal) {
      await service.ds.query(`UPDATE access_request SET refusal = $2, updated_at = now() WHERE id = $1 AND status = 'open'`, [id, e.message]);
    }
    throw e;
  }
}

/**
 * What an approval re-checks (docs/spec/seats.md): the requester still holds `requestAccessChanges`,
 * and the user the request is about is still in their teams and within their scope.
 */
async function recheckRequester(service: AccessService, m: EntityManager, request: StoredRequest): Promise<void> {
  const requester = request.requester_id === null ? null : await service.forUser(request.requester_id);
  if (!requester || !hasCapability(requester, 'requestAccessChanges')) {
    throw invalidIn(
      {
        fr: `Le demandeur n'a plus le droit de demander des changements d'accès : rejetez la demande n° ${request.id}.`,
        en: `The requester no longer has the right to request access changes: reject request #${request.id}.`,
      },
      'requester',
    );
  }
  if (request.type !== 'newUser' && (request.target_user_id === null || !(await teamUsers(m, requester.user.id, request.target_user_id)).length)) {
    throw invalidIn(
      {
        fr: `${request.payload.userLogin ?? "L'utilisateur"} n'est plus dans les équipes du demandeur (ou plus dans ce qu'il peut demander) : rejetez la demande n° ${request.id}.`,
        en: `${request.payload.userLogin ?? 'The user'} is no longer in the requester's teams (or no longer in what they may ask for): reject request #${request.id}.`,
      },
      'userId',
    );
  }
}

/** Rejects an open request with a reason, which the requester reads in "Mes demandes". */
export async function rejectAccessRequest(service: AccessService, ctx: ServiceContext, id: number, reason: unknown): Promise<void> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageUsers');
  const note = handlerNote(reason, true);
  await service.ds.transaction(async (m) => {
    const request = await openRequest(m, id);
    const { entryIds } = await withAuditEntryIds(m, () => auditDecision(m, ctx, request, 'rejected', note, null));
    await close(m, ua, request, 'rejected', note, entryIds, null);
  });
}
