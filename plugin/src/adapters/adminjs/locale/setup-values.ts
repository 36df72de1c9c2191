import { auditEn, auditFr } from '../../../console/audit/locale.js';

/**
 * The words for the codes Portier's own resources hold, in AdminJS's places for them
 * (resources.<Resource>.properties.<field> and resources.<Resource>.labels.<field>.<value>):
 * an audit entry's action ("signIn" → "Connexion"), a refused sign-in's reason, an access
 * request's fields and type as the audit trail shows them. An app's locale may say them otherwise.
 */
const actionLabels = (messages: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(messages)
      .filter(([k]) => k.startsWith('auditAction_'))
      .map(([k, v]) => [`action.${k.slice('auditAction_'.length)}`, v]),
  );

/** The actions an audit entry may hold, for the AuditEntry resource's filter and list. */
export const AUDIT_ACTIONS = Object.keys(auditFr)
  .filter((k) => k.startsWith('auditAction_'))
  .map((k) => k.slice('auditAction_'.length));

export const setupValuesFr = {
  AuditEntry: { labels: actionLabels(auditFr) },
  LoginEvent: {
    labels: {
      'reason.invalidCredentials': 'Identifiant ou mot de passe incorrect',
      'reason.tooManyRequests': "Trop d'échecs depuis cette adresse",
      'reason.userInactive': 'Compte désactivé',
      'reason.userWithoutAccess': 'Aucun rôle',
      'reason.outsideLoginHours': 'En dehors des horaires de connexion',
      'reason.clientWithoutDossier': 'Client sans dossier',
    },
  },
  AccessRequest: {
    properties: {
      type: 'Type de demande',
      firstName: 'Prénom',
      lastName: 'Nom',
      email: 'E-mail',
      title: 'Fonction',
      note: 'Note',
      reason: 'Motif',
      roleId: 'Rôle demandé',
      roleName: 'Rôle demandé',
      fromRoleId: 'Rôle actuel',
      fromRoleName: 'Rôle actuel',
      userLogin: 'Identifiant',
      userName: 'Utilisateur',
      wantedRights: 'Droits demandés',
    },
    labels: {
      'type.newUser': 'Nouvel utilisateur',
      'type.roleChange': 'Changement de rôle',
      'type.deactivation': 'Désactivation',
    },
  },
};

export const setupValuesEn: typeof setupValuesFr = {
  AuditEntry: { labels: actionLabels(auditEn) },
  LoginEvent: {
    labels: {
      'reason.invalidCredentials': 'Wrong login or password',
      'reason.tooManyRequests': 'Too many failures from this address',
      'reason.userInactive': 'Account deactivated',
      'reason.userWithoutAccess': 'No role',
      'reason.outsideLoginHours': 'Outside login hours',
      'reason.clientWithoutDossier': 'Client without a dossier',
    },
  },
  AccessRequest: {
    properties: {
      type: 'Request type',
      firstName: 'First name',
      lastName: 'Last name',
      email: 'E-mail',
      title: 'Job title',
      note: 'Note',
      reason: 'Reason',
      roleId: 'Requested role',
      roleName: 'Requested role',
      fromRoleId: 'Current role',
      fromRoleName: 'Current role',
      userLogin: 'Login',
      userName: 'User',
      wantedRights: 'Requested rights',
    },
    labels: {
      'type.newUser': 'New user',
      'type.roleChange': 'Role change',
      'type.deactivation': 'Deactivation',
    },
  },
};
