import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionContext, ComponentLoader, PropertyOptions, ResourceOptions } from 'adminjs';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { hasCapability } from '../../services/actor.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const COPY = 'PortierUserCopy';
const STATUS = 'PortierUserStatus';
const DELETE = 'PortierUserDelete';
const INVITE = 'PortierUserInvite';
/** The admin flag in the user form: shown to admins only (the service refuses it to others anyway). */
export const USER_ADMIN_FLAG = 'PortierUserAdminFlag';
/** `freeSeat` / `freeSeatReason` in the user form: admins change them, others read them (docs/spec/seats.md). */
export const USER_FREE_SEAT = 'PortierUserFreeSeat';
/** The user's type, read-only in the form, with the way to create a client user (user-kind.tsx). */
export const USER_KIND = 'PortierUserKind';
/** "Identifiant": typed at creation, read-only afterwards (user-login.tsx). */
export const USER_LOGIN = 'PortierUserLogin';
/** The seat overrun warning of the User, Profile and Role forms, with its box to tick (docs/spec/seats.md). */
const SEAT_CONFIRM = 'PortierSeatConfirm';

export function registerUserToolsComponents(loader: ComponentLoader): void {
  loader.add(COPY, path.join(here, 'user-copy.tsx'));
  loader.add(STATUS, path.join(here, 'user-status.tsx'));
  loader.add(DELETE, path.join(here, 'user-delete.tsx'));
  loader.add(INVITE, path.join(here, 'user-invite.tsx'));
  loader.add(USER_ADMIN_FLAG, path.join(here, 'user-admin-flag.tsx'));
  loader.add(USER_FREE_SEAT, path.join(here, 'user-free-seat.tsx'));
  loader.add(USER_KIND, path.join(here, 'user-kind.tsx'));
  loader.add(USER_LOGIN, path.join(here, 'user-login.tsx'));
  loader.add(SEAT_CONFIRM, path.join(here, 'seat-confirm-field.tsx'));
}

const managesUsers = () => {
  const store = currentAccess();
  return !!store && hasCapability(store.access, 'manageUsers');
};
const internal = (ctx: ActionContext) => ctx.record?.params?.kind !== 'client';
/**
 * Admin accounts are changed by admins only (docs/spec/access-model.md): their buttons are not
 * shown to others. Only shown: the services refuse the change anyway, with the message saying why.
 */
const changeable = (ctx: ActionContext) => {
  const store = currentAccess();
  return !!store && (store.access.access.isAdmin || ctx.record?.params?.isAdmin !== true);
};
// The page only shows the form: the change itself is a POST to Portier's routes (routes/users-routes.ts).
const showRecord = async (_request: unknown, _response: unknown, context: ActionContext) => ({ record: context.record!.toJSON(context.currentAdmin) });

/**
 * The user's page buttons: "Copier" (a new user on this one's model), "Désactiver" /
 * "Réactiver", "Renvoyer l'invitation", and "Supprimer" with its heir picker (AdminJS's own
 * delete has no heir).
 */
export function userToolsActions(): NonNullable<ResourceOptions['actions']> {
  return {
    copyUser: {
      actionType: 'record',
      icon: 'Copy',
      component: COPY,
      isAccessible: (ctx) => managesUsers() && internal(ctx),
      isVisible: changeable,
      handler: showRecord,
    },
    deactivateUser: {
      actionType: 'record',
      icon: 'UserX',
      component: STATUS,
      handler: showRecord,
      isVisible: changeable,
      isAccessible: (ctx) => managesUsers() && ctx.record?.params?.status === 'active',
    },
    reactivateUser: {
      actionType: 'record',
      icon: 'UserCheck',
      component: STATUS,
      handler: showRecord,
      isVisible: changeable,
      isAccessible: (ctx) => managesUsers() && ctx.record?.params?.status === 'inactive',
    },
    // Not on one's own account (one changes one's password on "Mon compte"): the service refuses it too.
    resendInvitation: {
      actionType: 'record',
      icon: 'Send',
      component: INVITE,
      handler: showRecord,
      isVisible: (ctx) => changeable(ctx) && String(ctx.record?.id()) !== String(currentAccess()?.access.user.id),
      isAccessible: (ctx) => managesUsers() && ctx.record?.params?.status === 'active',
    },
    edit: { isVisible: changeable },
    delete: { component: DELETE, isVisible: changeable },
  };
}

/**
 * The virtual form field `confirmSeats` (not a column): shown only when a save went over the
 * subscription; ticked, the next save confirms it (errors.ts, `confirmSeatsFromForm`).
 */
export function confirmSeatsProperty(): PropertyOptions {
  // Last in the form, right above the save button it goes with.
  return { type: 'boolean', position: 999, isVisible: { list: false, filter: false, show: false, edit: true }, components: { edit: SEAT_CONFIRM } };
}
