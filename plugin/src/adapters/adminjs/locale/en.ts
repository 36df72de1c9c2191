import type { LocaleTranslations } from 'adminjs';
import { setupValuesEn } from './setup-values.js';
import { accountEn } from '../../../console/account/locale.js';
import { auditEn } from '../../../console/audit/locale.js';
import { mailEn } from '../../../console/mail/locale.js';
import { clientsEn } from '../../../console/clients/locale.js';
import { clientProfilesEn } from '../../../console/client-profiles/locale.js';
import { statsEn } from '../../../console/stats/locale.js';
import { profilesEn } from '../../../console/profiles/locale.js';
import { rolesEn } from '../../../console/roles/locale.js';
import { teamsEn } from '../../../console/teams/locale.js';
import { countsEn, pickersEn } from '../../../console/common/locale.js';
import { sharingEn } from '../../../console/sharing/locale.js';
import { effectiveEn } from '../../../console/effective-access/locale.js';
import { recordsEn } from '../../../console/records/locale.js';
import { usersEn } from '../../../console/users/locale.js';
import { subscriptionEn } from '../../../console/subscription/locale.js';
import { homeEn } from '../../../console/dashboard/locale.js';
import { deadEndsEn } from '../../../console/dead-ends/locale.js';
import { menuLabelsEn } from '../../../console/menu/locale.js';
import { requestsEn } from '../../../console/requests/locale.js';
import { accessPreviewEn } from '../../../console/access-preview/locale.js';

/** Overrides on top of AdminJS's built-in English (added by AdminJS itself when 'en' is available). */
export const adminjsEn = {
  actions: {
    auditTrail: 'Audit trail',
    loginHistory: 'Login history',
    clientDossiers: 'Client dossiers',
    effectiveAccess: 'Effective access',
    copyUser: 'Copy',
    deactivateUser: 'Deactivate',
    reactivateUser: 'Reactivate',
    resendInvitation: 'Resend the invitation',
  },
  components: {
    LanguageSelector: {
      availableLanguages: {
        fr: 'French',
      },
    },
    Login: {
      welcomeHeader: 'Welcome',
      welcomeMessage: 'to Portier, the Maison Verdier backoffice',
      properties: {
        email: 'Username or email',
      },
      forgotPassword: 'Forgot your password?',
    },
  },
  labels: { ...menuLabelsEn },
  pages: {
    profiles: 'Profiles',
    roles: 'Roles',
    teams: 'Teams',
    sharing: 'Sharing',
    clientAccess: 'Client access',
    subscription: 'My subscription',
    accessRequests: 'Access requests',
    auditTrail: 'Audit trail',
    connectionStats: 'Connection statistics',
    myAccount: 'My account',
    sentMail: 'Sent mail',
  },
  resources: setupValuesEn,
  messages: {
    dashboardTitle: 'Dashboard',
    dashboardIntro: 'The records you can access, by module.',
    dashboardNothing: 'No module is open to you: ask your administrator for access.',
    invalidCredentials: 'Wrong username or password.',
    forbiddenError: 'Action not allowed.',
    userInactive: 'This account is disabled. Contact your administrator.',
    userWithoutAccess: 'This user has no access to the backoffice (no role). Contact your administrator.',
    outsideLoginHours: 'Sign-in refused: outside your login hours.',
    tooManyRequests: 'Too many failed sign-ins from this address: try again in 15 minutes.',
    clientWithoutDossier: 'This client account is not linked to any file. Contact your administrator.',
    sessionEnded: 'Your session was closed: your password or your access changed. Sign in again.',
    sessionExpired: 'Your session expired (10 hours after signing in). Sign in again.',
    recordNotFound: 'Record not found.',
    unknownFilter: 'Unknown filter: {{property}}',
    fieldReadOnly: 'The field {{field}} is read-only for you.',
    ...auditEn,
    ...mailEn,
    ...statsEn,
    ...accountEn,
    ...clientsEn,
    ...clientProfilesEn,
    ...profilesEn,
    ...rolesEn,
    ...teamsEn,
    ...pickersEn,
    ...countsEn,
    ...sharingEn,
    ...effectiveEn,
    ...recordsEn,
    ...usersEn,
    ...subscriptionEn,
    ...requestsEn,
    ...deadEndsEn,
    ...homeEn,
    ...accessPreviewEn,
  },
} satisfies LocaleTranslations;
